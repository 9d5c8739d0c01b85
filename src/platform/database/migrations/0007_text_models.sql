-- Trained text models (src/text): every `mashangban train` stores one, with the figures it reached on
-- messages it was not trained on. The newest active model of a kind serves intake; a model that
-- measures worse than the one in service is kept for the record but not activated.
CREATE TABLE text_models (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('service')),
  version     int NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  bigint REFERENCES users (id),
  trained_on  int NOT NULL,
  -- Held-out figures: accuracy, macro-F1, top-3, per-class F1, confusion, calibration error.
  metrics     jsonb NOT NULL,
  -- Compact binary form (src/text/model.codec.ts): used feature buckets, idf, int8 weights.
  model       bytea NOT NULL,
  active      boolean NOT NULL DEFAULT false,
  UNIQUE (kind, version)
);
-- "The model in service" is one index step.
CREATE INDEX text_models_active_idx ON text_models (kind, version DESC) WHERE active;
