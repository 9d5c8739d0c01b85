-- Organisation, people, access, audit, calendar and catalogue: the foundation every feature stands on.

CREATE TABLE units (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('district', 'department', 'town', 'street', 'village', 'community', 'other')),
  parent_id   bigint REFERENCES units (id),
  -- Materialised ancestry '/1/5/23/' (self included): subtree reads are one indexed prefix match.
  path        text NOT NULL,
  depth       int NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  phone       text,
  sort_order  int NOT NULL DEFAULT 0,
  version     int NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX units_path_idx ON units (path text_pattern_ops);
CREATE INDEX units_parent_idx ON units (parent_id);

CREATE TABLE users (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  unit_id        bigint NOT NULL REFERENCES units (id),
  roles          text[] NOT NULL,
  password_hash  text NOT NULL,
  phone          text,
  active         boolean NOT NULL DEFAULT true,
  version        int NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_unit_idx ON users (unit_id);

-- Session cookies and API tokens: only a hash of the token is stored.
CREATE TABLE auth_tokens (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users (id),
  kind          text NOT NULL CHECK (kind IN ('session', 'api')),
  token_hash    bytea NOT NULL UNIQUE,
  name          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id);

CREATE TABLE login_failures (
  username  text NOT NULL,
  ip        text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username_idx ON login_failures (username, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

CREATE TABLE audit_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     bigint REFERENCES users (id),
  -- Who acted when it was not a staff user: 'system', 'public', 'open311:<key name>'.
  actor_label  text,
  entity_type  text NOT NULL,
  entity_id    bigint NOT NULL,
  action       text NOT NULL,
  before       jsonb,
  after        jsonb,
  data         jsonb
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id);
CREATE INDEX audit_events_at_idx ON audit_events (at);

CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  bigint REFERENCES users (id)
);

-- One row per loaded year of the official schedule: the exceptions to the plain Monday–Friday rule.
CREATE TABLE calendar_years (
  year        int PRIMARY KEY,
  source      text NOT NULL,
  days        jsonb NOT NULL,
  loaded_at   timestamptz NOT NULL DEFAULT now(),
  loaded_by   bigint REFERENCES users (id)
);

-- Local decisions that win over the official schedule (a late-announced holiday, a local day off).
CREATE TABLE calendar_overrides (
  date        date PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('workday', 'weekend', 'holiday', 'adjusted_workday')),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  bigint REFERENCES users (id)
);

CREATE TABLE services (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- 动态管理: a service changes by adding a version effective from an instant; work keeps the version
-- in force when it was accepted.
CREATE TABLE service_versions (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_id      bigint NOT NULL REFERENCES services (id),
  version         int NOT NULL,
  effective_from  timestamptz NOT NULL,
  effective_to    timestamptz,
  name            text NOT NULL,
  group_name      text NOT NULL,
  description     text NOT NULL DEFAULT '',
  keywords        text[] NOT NULL DEFAULT '{}',
  unit_id         bigint NOT NULL REFERENCES units (id),
  limits          jsonb NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      bigint REFERENCES users (id),
  UNIQUE (service_id, version),
  CHECK (effective_to IS NULL OR effective_to > effective_from)
);
CREATE INDEX service_versions_service_idx ON service_versions (service_id, effective_from);
