-- 溯源分析: a hotspot (the same problem at the same place, mined from a period's tickets) can be turned into a
-- proactive case (未诉先办): a ticket of the 'proactive' channel that a unit handles before anyone else calls.

ALTER TABLE tickets DROP CONSTRAINT tickets_channel_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_channel_check
  CHECK (channel IN ('hotline', 'web', 'app', 'api', 'open311', 'window', 'enterprise', 'proactive'));

CREATE TABLE hotspot_cases (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id    bigint NOT NULL UNIQUE REFERENCES tickets (id),
  hotspot_key  text NOT NULL,
  name         text NOT NULL,
  place        text,
  keywords     text[] NOT NULL,
  period_from  timestamptz NOT NULL,
  period_to    timestamptz NOT NULL,
  -- The tickets the hotspot was mined from: the case answers for all of them.
  member_ids   bigint[] NOT NULL,
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL
);
CREATE INDEX hotspot_cases_members_idx ON hotspot_cases USING gin (member_ids);
