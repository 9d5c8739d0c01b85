-- Intake plans a batch of tickets from the service versions and units it remembers
-- (src/tickets/ticket.intake.service.ts), and its statement checks that what it planned from still
-- holds: a batch planned from a catalogue or unit that has changed since is refused whole, as a
-- serialization failure, and planned again from a fresh read.
CREATE FUNCTION assert_plan_holds(holds boolean) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF NOT holds THEN
    RAISE EXCEPTION 'the service versions or units this batch was planned from have changed'
      USING ERRCODE = 'serialization_failure';
  END IF;
  RETURN true;
END $$;
