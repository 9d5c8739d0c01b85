-- The calendar version (settings 'calendar.version') takes its numbers from a sequence rather than
-- value + 1: nextval is never rolled back, so a number used inside a transaction that later rolls
-- back is never handed out again. A calendar compiled and cached under such a number (by code that
-- read the calendar inside the failed transaction) can then never be mistaken for a committed one.
CREATE SEQUENCE calendar_version_seq;

