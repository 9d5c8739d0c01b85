-- The number part of a tracking code: six digits while that suffices, then as many as needed.
-- (lpad alone would cut a seventh digit off and make codes collide after the millionth ticket.)
CREATE FUNCTION next_tracking_number() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END FROM (SELECT nextval('ticket_tracking_seq') AS n) s
$$;
