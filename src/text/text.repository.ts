/** All SQL of text intelligence: the training history, stored models, the dispatch threshold, acceptance. */
import { maybeOne, rows, type Queryable, type Tx } from '../platform/database/db.js';

export type ModelKind = 'service';

export interface TrainingRow { title: string; description: string; label: number }

/**
 * Every ticket whose service stands as the district's classification: the operator's or dispatcher's
 * choice (tickets.service_id). After an accepted return (退单) the dispatcher's correction is the new
 * lead unit: when that unit answers for exactly one service, that service is the label; when the
 * classification still matches the unit in charge, it stands; otherwise the ticket says only that the
 * first choice was wrong, and is left out. Only services active today can be labels.
 */
export async function trainingRows(q: Queryable, now: Date): Promise<TrainingRow[]> {
  return rows<TrainingRow>(q, `
    WITH current_services AS (
      SELECT DISTINCT ON (service_id) service_id, unit_id, active
        FROM service_versions WHERE effective_from <= $1 ORDER BY service_id, effective_from DESC
    ), unit_services AS (
      SELECT unit_id, min(service_id) AS service_id, count(*) AS n FROM current_services WHERE active GROUP BY unit_id
    ), corrected AS (
      SELECT DISTINCT ON (entity_id) entity_id AS ticket_id, (data->>'leadUnitId')::bigint AS unit_id
        FROM audit_events
       WHERE entity_type = 'ticket' AND action = 'return_decided' AND data->>'decision' = 'accept' AND data ? 'leadUnitId'
       ORDER BY entity_id, id DESC
    ), labelled AS (
      SELECT t.id, t.title, t.description,
             CASE WHEN c.ticket_id IS NULL THEN t.service_id
                  WHEN us.n = 1 THEN us.service_id
                  WHEN cs.unit_id = c.unit_id THEN t.service_id END AS label
        FROM tickets t
        LEFT JOIN corrected c ON c.ticket_id = t.id
        LEFT JOIN unit_services us ON us.unit_id = c.unit_id
        LEFT JOIN current_services cs ON cs.service_id = t.service_id
       WHERE t.service_id IS NOT NULL
    )
    SELECT l.title, l.description, l.label
      FROM labelled l JOIN current_services s ON s.service_id = l.label AND s.active
     ORDER BY l.id`, [now]);
}

export interface ModelRow {
  id: number; kind: ModelKind; version: number; createdAt: Date; trainedOn: number; metrics: unknown; active: boolean;
}

const MODEL_COLUMNS = 'id, kind, version, created_at AS "createdAt", trained_on AS "trainedOn", metrics, active';

export async function activeModel(q: Queryable, kind: ModelKind): Promise<ModelRow | undefined> {
  return maybeOne<ModelRow>(q, `SELECT ${MODEL_COLUMNS} FROM text_models WHERE kind = $1 AND active ORDER BY version DESC LIMIT 1`, [kind]);
}

/** The version in service, read without the model's bytes: cheap enough to ask every few seconds. */
export async function activeVersion(q: Queryable, kind: ModelKind): Promise<number | null> {
  return (await maybeOne<{ version: number }>(q, 'SELECT version FROM text_models WHERE kind = $1 AND active ORDER BY version DESC LIMIT 1', [kind]))?.version ?? null;
}

export async function modelBytes(q: Queryable, kind: ModelKind, version: number): Promise<Buffer | undefined> {
  return (await maybeOne<{ model: Buffer }>(q, 'SELECT model FROM text_models WHERE kind = $1 AND version = $2', [kind, version]))?.model;
}

export interface NewModel { kind: ModelKind; createdAt: Date; createdBy: number | null; trainedOn: number; metrics: unknown; model: Buffer; active: boolean }

/** Stores a model as the next version of its kind; the kind's table lock orders concurrent trainings. */
export async function insertModel(tx: Tx, m: NewModel): Promise<ModelRow> {
  await tx.query('LOCK TABLE text_models IN SHARE ROW EXCLUSIVE MODE');
  const r = await maybeOne<ModelRow>(tx, `
    INSERT INTO text_models (kind, version, created_at, created_by, trained_on, metrics, model, active)
    SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7 FROM text_models WHERE kind = $1
    RETURNING ${MODEL_COLUMNS}`, [m.kind, m.createdAt, m.createdBy, m.trainedOn, JSON.stringify(m.metrics), m.model, m.active]);
  return r!;
}

export const THRESHOLD_KEY = 'dispatch.autoAssignThreshold';

export async function readThreshold(q: Queryable): Promise<{ value: number; updatedAt: Date } | undefined> {
  const r = await maybeOne<{ value: number; updated_at: Date }>(q, 'SELECT value, updated_at FROM settings WHERE key = $1', [THRESHOLD_KEY]);
  return r && { value: Number(r.value), updatedAt: r.updated_at };
}

export async function writeThreshold(tx: Tx, value: number, at: Date, by: number | null): Promise<void> {
  await tx.query(`
    INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
  [THRESHOLD_KEY, JSON.stringify(value), at, by]);
}

export interface AcceptanceRow { source: string; modelVersion: number | null; suggested: number; decided: number; accepted: number; autoAssigned: number; autoCorrected: number }

/**
 * Suggestions made at intake against the classification that stands, per source of the suggestion
 * (keywords or a model version). An automatic assignment counts as accepted unless its unit's return
 * was accepted (the dispatcher then corrected it).
 */
export async function acceptance(q: Queryable, from: Date | null): Promise<AcceptanceRow[]> {
  return rows<AcceptanceRow>(q, `
    WITH s AS (
      SELECT t.service_id, t.suggested_service_id,
             coalesce(e.data->'routing'->>'source', 'keywords') AS source,
             (e.data->'routing'->>'modelVersion')::int AS model_version,
             coalesce((e.data->'routing'->>'autoAssigned')::boolean, false) AS auto,
             EXISTS (SELECT 1 FROM audit_events r WHERE r.entity_type = 'ticket' AND r.entity_id = t.id
                        AND r.action = 'return_decided' AND r.data->>'decision' = 'accept') AS corrected
        FROM tickets t
        JOIN audit_events e ON e.entity_type = 'ticket' AND e.entity_id = t.id AND e.action = 'accepted'
       WHERE t.suggested_service_id IS NOT NULL AND ($1::timestamptz IS NULL OR t.accepted_at >= $1)
    )
    SELECT source, model_version AS "modelVersion", count(*)::int AS suggested,
           count(*) FILTER (WHERE service_id IS NOT NULL)::int AS decided,
           count(*) FILTER (WHERE service_id = suggested_service_id AND NOT (auto AND corrected))::int AS accepted,
           count(*) FILTER (WHERE auto)::int AS "autoAssigned",
           count(*) FILTER (WHERE auto AND corrected)::int AS "autoCorrected"
      FROM s GROUP BY source, model_version ORDER BY source, model_version NULLS FIRST`, [from]);
}
