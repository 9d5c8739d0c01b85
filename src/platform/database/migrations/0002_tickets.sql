-- The closed loop for requests: tickets, the shared assignment and clock engine, notes, attachments,
-- notifications, and the idempotency keys of intake.

CREATE SEQUENCE ticket_tracking_seq;

CREATE TABLE tickets (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tracking_code        text NOT NULL UNIQUE,
  channel              text NOT NULL CHECK (channel IN ('hotline', 'web', 'app', 'api', 'open311', 'window', 'enterprise')),
  status               text NOT NULL CHECK (status IN ('new', 'assigned', 'in_progress', 'arbitration', 'replied', 'closed', 'merged', 'rejected')),
  service_id           bigint REFERENCES services (id),
  service_version_id   bigint REFERENCES service_versions (id),
  -- The service's limits in force at acceptance, copied so later catalogue versions never move them.
  limits               jsonb,
  title                text NOT NULL,
  description          text NOT NULL,
  requester_name       text NOT NULL,
  requester_phone      text NOT NULL,
  requester_kind       text NOT NULL DEFAULT 'citizen' CHECK (requester_kind IN ('citizen', 'enterprise')),
  enterprise_name      text,
  location_text        text NOT NULL,
  lat                  double precision,
  lng                  double precision,
  accepted_at          timestamptz NOT NULL,
  accepted_by          bigint REFERENCES users (id),
  lead_unit_id         bigint REFERENCES units (id),
  reply_text           text,
  replied_at           timestamptz,
  replied_unit_id      bigint REFERENCES units (id),
  rating_resolved      text CHECK (rating_resolved IN ('yes', 'partly', 'no')),
  rating_satisfaction  text CHECK (rating_satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
  rating_comment       text,
  rated_at             timestamptz,
  closed_at            timestamptz,
  close_kind           text CHECK (close_kind IN ('direct', 'rated', 'confirmed', 'merged', 'rejected')),
  close_note           text,
  supervised           boolean NOT NULL DEFAULT false,
  urge_count           int NOT NULL DEFAULT 0,
  reopen_count         int NOT NULL DEFAULT 0,
  merged_into_id       bigint REFERENCES tickets (id),
  -- Why a dispatcher refused the ticket or upheld a return: shown to the requester.
  public_reason        text,
  suggested_service_id bigint REFERENCES services (id),
  idempotency_scope    text,
  idempotency_key      text,
  -- A digest of the request that used the key: the same key with different content is refused.
  idempotency_hash     text,
  version              int NOT NULL DEFAULT 1,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (idempotency_scope, idempotency_key)
);
CREATE INDEX tickets_accepted_idx ON tickets (accepted_at DESC, id DESC);
CREATE INDEX tickets_status_idx ON tickets (status, accepted_at DESC, id DESC);
CREATE INDEX tickets_lead_unit_idx ON tickets (lead_unit_id, accepted_at DESC, id DESC);
CREATE INDEX tickets_service_idx ON tickets (service_id, accepted_at DESC);
CREATE INDEX tickets_merged_idx ON tickets (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- One unit's part of a piece of work (区镇村三级联办). Shared by every kind of work: work_type says whose.
CREATE TABLE assignments (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  work_type          text NOT NULL,
  work_id            bigint NOT NULL,
  unit_id            bigint NOT NULL REFERENCES units (id),
  -- Copied from the unit when dispatched: "a town sees its own tickets" is one prefix match.
  unit_path          text NOT NULL,
  role               text NOT NULL CHECK (role IN ('lead', 'co')),
  parent_id          bigint REFERENCES assignments (id),
  round              int NOT NULL DEFAULT 1,
  status             text NOT NULL CHECK (status IN ('pending', 'acknowledged', 'done', 'returned', 'withdrawn')),
  dispatched_at      timestamptz NOT NULL,
  dispatched_by      bigint REFERENCES users (id),
  acknowledged_at    timestamptz,
  first_contact_at   timestamptz,
  done_at            timestamptz,
  opinion            text,
  return_reason_code text CHECK (return_reason_code IN ('jurisdiction', 'ownership', 'overlap', 'other')),
  return_reason      text,
  return_evidence    text,
  returned_at        timestamptz,
  return_decision    text CHECK (return_decision IN ('accepted', 'refused')),
  return_decided_at  timestamptz,
  return_decided_by  bigint REFERENCES users (id),
  extension_count    int NOT NULL DEFAULT 0
);
CREATE INDEX assignments_work_idx ON assignments (work_type, work_id);
CREATE INDEX assignments_unit_idx ON assignments (unit_path text_pattern_ops, status);
CREATE INDEX assignments_returned_idx ON assignments (returned_at) WHERE status = 'returned' AND return_decision IS NULL;

CREATE TABLE clocks (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  work_type          text NOT NULL,
  work_id            bigint NOT NULL,
  assignment_id      bigint REFERENCES assignments (id),
  kind               text NOT NULL CHECK (kind IN ('sla', 'acknowledge', 'first_contact', 'resolve', 'callback', 'return_window')),
  started_at         timestamptz NOT NULL,
  limit_amount       int NOT NULL,
  limit_unit         text NOT NULL CHECK (limit_unit IN ('minutes', 'hours', 'calendar_days', 'working_days')),
  limit_natural      boolean NOT NULL DEFAULT false,
  deadline           timestamptz NOT NULL,
  original_deadline  timestamptz NOT NULL,
  warn_at            timestamptz NOT NULL,
  warned_at          timestamptz,
  overdue_at         timestamptz,
  paused_ms          bigint NOT NULL DEFAULT 0,
  extended_days      int NOT NULL DEFAULT 0,
  state              text NOT NULL CHECK (state IN ('running', 'paused', 'met', 'stopped')),
  paused_since       timestamptz,
  pause_reason       text,
  met_at             timestamptz,
  stopped_at         timestamptz,
  stop_reason        text,
  calendar_version   text NOT NULL,
  -- The next instant the sweeper must look at this clock; null when nothing can happen on its own.
  next_check_at      timestamptz,
  CHECK ((state = 'paused') = (paused_since IS NOT NULL))
);
CREATE INDEX clocks_work_idx ON clocks (work_type, work_id);
CREATE INDEX clocks_assignment_idx ON clocks (assignment_id);
-- The sweep reads only clocks that are due: its cost follows the number due, not the number open.
CREATE INDEX clocks_due_idx ON clocks (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX clocks_overdue_idx ON clocks (work_type, work_id) WHERE overdue_at IS NOT NULL;

CREATE TABLE extension_requests (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  assignment_id   bigint NOT NULL REFERENCES assignments (id),
  work_type       text NOT NULL,
  work_id         bigint NOT NULL,
  working_days    int NOT NULL CHECK (working_days > 0),
  reason          text NOT NULL,
  requested_at    timestamptz NOT NULL,
  requested_by    bigint REFERENCES users (id),
  decision        text CHECK (decision IN ('approved', 'refused')),
  decided_at      timestamptz,
  decided_by      bigint REFERENCES users (id),
  decision_note   text
);
CREATE INDEX extension_requests_pending_idx ON extension_requests (requested_at) WHERE decision IS NULL;
CREATE INDEX extension_requests_work_idx ON extension_requests (work_type, work_id);

CREATE TABLE ticket_notes (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id       bigint NOT NULL REFERENCES tickets (id),
  assignment_id   bigint REFERENCES assignments (id),
  author_id       bigint REFERENCES users (id),
  kind            text NOT NULL CHECK (kind IN ('note', 'contact')),
  body            text NOT NULL,
  contact_method  text,
  created_at      timestamptz NOT NULL
);
CREATE INDEX ticket_notes_ticket_idx ON ticket_notes (ticket_id, id);

CREATE TABLE attachments (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id       bigint NOT NULL REFERENCES tickets (id),
  filename        text NOT NULL,
  content_type    text NOT NULL,
  size            int NOT NULL,
  data            bytea NOT NULL,
  -- Photos sent by the requester are shown back to them; staff evidence is not.
  public          boolean NOT NULL DEFAULT false,
  uploaded_by     bigint REFERENCES users (id),
  uploaded_at     timestamptz NOT NULL
);
CREATE INDEX attachments_ticket_idx ON attachments (ticket_id);

CREATE TABLE notifications (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id      bigint REFERENCES units (id),
  user_id      bigint REFERENCES users (id),
  kind         text NOT NULL,
  work_type    text NOT NULL,
  work_id      bigint NOT NULL,
  clock_id     bigint REFERENCES clocks (id),
  message      text NOT NULL,
  created_at   timestamptz NOT NULL,
  read_at      timestamptz
);
CREATE INDEX notifications_unit_idx ON notifications (unit_id, created_at DESC);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
-- A clock crosses each threshold once, so one notification per clock and kind at most.
CREATE UNIQUE INDEX notifications_clock_once ON notifications (clock_id, kind, unit_id) WHERE clock_id IS NOT NULL;

-- Integrations that may file tickets through Open311 (api_key).
CREATE TABLE open311_keys (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL,
  key_hash    bytea NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  bigint REFERENCES users (id),
  revoked_at  timestamptz
);
