-- Scores and spot checks (src/stats). The scores read the cohort of a period through tickets_accepted_idx
-- and reach assignments and clocks by their work and assignment indexes; these partial indexes keep a
-- year of 100k tickets to one pass over the few clocks each figure needs, mostly from the index alone.

-- Response and on-time rates: acknowledge and resolve clocks by assignment, with what judges them.
CREATE INDEX clocks_judged_idx ON clocks (assignment_id) INCLUDE (kind, state, overdue_at)
  WHERE kind IN ('acknowledge', 'resolve');

-- "Has this ticket a clock recorded overdue?" (the overdue figure and the ticket list's overdue flag).
CREATE INDEX clocks_late_idx ON clocks (work_id)
  WHERE work_type = 'ticket' AND overdue_at IS NOT NULL AND kind <> 'return_window';

-- The latest promise made on a ticket (its unit-less clocks: the SLA and the callback), for the
-- closed-loop rate and the ticket list's dueBefore.
CREATE INDEX clocks_promise_idx ON clocks (work_id, deadline)
  WHERE work_type = 'ticket' AND assignment_id IS NULL AND state <> 'stopped';

-- The spot-check sample draws from tickets closed in the last days, not from every closed ticket.
CREATE INDEX tickets_closed_idx ON tickets (closed_at) WHERE status = 'closed';
