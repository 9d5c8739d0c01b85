import type { Queryable, Tx } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';

export interface AuditEventInput {
  at: Date;
  /** A staff user, or null with `actorLabel` for the public, an integration or the system. */
  actorId: number | null;
  actorLabel?: string | null;
  entityType: string;
  entityId: number;
  action: string;
  before?: unknown;
  after?: unknown;
  data?: unknown;
}

/** Written in the caller's transaction, together with the state change it describes. */
export async function recordAudit(tx: Tx, e: AuditEventInput): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO audit_events (at, actor_id, actor_label, entity_type, entity_id, action, before, after, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [e.at, e.actorId, e.actorLabel ?? null, e.entityType, e.entityId, e.action,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.data === undefined ? null : JSON.stringify(e.data)]);
  return r.rows[0]!.id;
}

/** Many events in one statement (imports, demo data), in order. */
export async function recordAuditBatch(tx: Tx, list: readonly AuditEventInput[]): Promise<void> {
  if (list.length === 0) return;
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  await tx.query(`
    INSERT INTO audit_events (at, actor_id, actor_label, entity_type, entity_id, action, before, after, data)
    SELECT x.at, x.actor_id, x.actor_label, x.entity_type, x.entity_id, x.action, x.before::jsonb, x.after::jsonb, x.data::jsonb
      FROM unnest($1::timestamptz[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[])
        WITH ORDINALITY AS x(at, actor_id, actor_label, entity_type, entity_id, action, before, after, data, n)
     ORDER BY x.n`,
  [list.map((e) => e.at), list.map((e) => e.actorId), list.map((e) => e.actorLabel ?? null), list.map((e) => e.entityType), list.map((e) => e.entityId),
    list.map((e) => e.action), list.map((e) => json(e.before)), list.map((e) => json(e.after)), list.map((e) => json(e.data))]);
}

export interface AuditEventRow {
  id: number; at: Date; actor_id: number | null; actor_label: string | null; actor_name: string | null;
  entity_type: string; entity_id: number; action: string; before: unknown; after: unknown; data: unknown;
}

export async function listAuditEvents(q: Queryable, entityType: string, entityId: number): Promise<AuditEventRow[]> {
  return rows<AuditEventRow>(q, `
    SELECT e.*, u.display_name AS actor_name FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.entity_type = $1 AND e.entity_id = $2 ORDER BY e.id`, [entityType, entityId]);
}
