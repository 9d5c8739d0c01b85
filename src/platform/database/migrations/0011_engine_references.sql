-- Clocks, audit events and notifications are what the engine records about a piece of work. They find
-- their work by (work_type, work_id), without a foreign key, because each serves every kind of work;
-- their other references now work the same way. A foreign key is checked by one query per new row:
-- on intake, these three tables' keys were 7 such queries per ticket and 13% of the database's CPU
-- (bench/intake.bench.ts; 52 µs of 390 µs per ticket). The records of the work itself (tickets,
-- assignments, notes, extension requests) keep theirs.
ALTER TABLE clocks DROP CONSTRAINT clocks_assignment_id_fkey;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_id_fkey;
ALTER TABLE notifications
  DROP CONSTRAINT notifications_unit_id_fkey,
  DROP CONSTRAINT notifications_user_id_fkey,
  DROP CONSTRAINT notifications_clock_id_fkey;

-- What those keys guarded is kept another way: the rows they pointed at are never deleted. A unit or a
-- user is deactivated, an assignment withdrawn, a clock stopped; the record of who did what stays whole.
-- (A restore empties tables with TRUNCATE, which this does not refuse.)
CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are kept for the record and never deleted', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER units_kept BEFORE DELETE ON units FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER users_kept BEFORE DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER assignments_kept BEFORE DELETE ON assignments FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER clocks_kept BEFORE DELETE ON clocks FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
