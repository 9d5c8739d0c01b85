/** The SQL of historical imports: finding what was imported before, and writing batches of tickets at once. */
import type { Queryable, Tx } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';
import { keyText, type ImportKey } from './ticket.import.rules.js';
import type { ImportedTicket } from './ticket.import.plan.rules.js';

// Any constant, distinct from the migration lock: imports queue behind each other, so two runs of one
// file cannot both find a row new and both write it (the unique key would fail the later one whole).
const IMPORT_LOCK = 724_0605;

export async function lockTicketImports(tx: Tx): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
}

/** Earlier imports among these keys, and this system's own tracking codes among these external ids. */
export async function findImported(q: Queryable, keys: readonly ImportKey[], externalIds: readonly string[]): Promise<{
  imported: Map<string, { trackingCode: string; hash: string | null }>; ownCodes: Set<string>;
}> {
  const found = await rows<{ idempotency_scope: 'import' | 'import-row'; idempotency_key: string; idempotency_hash: string | null; tracking_code: string }>(q, `
    SELECT t.idempotency_scope, t.idempotency_key, t.idempotency_hash, t.tracking_code
      FROM unnest($1::text[], $2::text[]) AS k(scope, key)
      JOIN tickets t ON t.idempotency_scope = k.scope AND t.idempotency_key = k.key`,
  [keys.map((k) => k.scope), keys.map((k) => k.key)]);
  const own = await rows<{ tracking_code: string }>(q, 'SELECT tracking_code FROM tickets WHERE tracking_code = ANY($1::text[])', [externalIds]);
  return {
    imported: new Map(found.map((r) => [keyText({ scope: r.idempotency_scope, key: r.idempotency_key }), { trackingCode: r.tracking_code, hash: r.idempotency_hash }])),
    ownCodes: new Set(own.map((r) => r.tracking_code)),
  };
}

const column = <T>(list: readonly ImportedTicket[], f: (t: ImportedTicket) => T): T[] => list.map(f);

/**
 * Insert a batch of tickets in one statement. The tracking code is made as intake makes it
 * (as ticket.intake.repository writes it): the date of acceptance in Shanghai and the next number.
 * Returns each ticket's id and code by its import key.
 */
export async function insertImportedTickets(tx: Tx, list: readonly ImportedTicket[], at: Date): Promise<Map<string, { id: number; trackingCode: string }>> {
  const r = await rows<{ id: number; tracking_code: string; idempotency_scope: 'import' | 'import-row'; idempotency_key: string }>(tx, `
    INSERT INTO tickets (tracking_code, channel, status, service_id, service_version_id, limits, title, description, requester_name, requester_phone,
      requester_kind, location_text, accepted_at, lead_unit_id, reply_text, replied_at, replied_unit_id, rating_resolved, rating_satisfaction, rated_at,
      closed_at, close_kind, idempotency_scope, idempotency_key, idempotency_hash, updated_at)
    SELECT 'MSB' || to_char(x.accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || next_tracking_number(),
      x.channel, x.status, x.service_id, x.service_version_id, x.limits::jsonb, x.title, x.description, x.requester_name, x.requester_phone,
      x.requester_kind, x.location_text, x.accepted_at, x.lead_unit_id, x.reply_text, x.replied_at,
      CASE WHEN x.replied_at IS NULL THEN NULL ELSE x.lead_unit_id END, x.rating_resolved, x.rating_satisfaction, x.rated_at,
      x.closed_at, x.close_kind, x.scope, x.key, x.hash, $24
      FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
        $11::text[], $12::timestamptz[], $13::bigint[], $14::text[], $15::timestamptz[], $16::text[], $17::text[], $18::timestamptz[],
        $19::timestamptz[], $20::text[], $21::text[], $22::text[], $23::text[])
        WITH ORDINALITY AS x(channel, status, service_id, service_version_id, limits, title, description, requester_name, requester_phone,
          requester_kind, location_text, accepted_at, lead_unit_id, reply_text, replied_at, rating_resolved, rating_satisfaction, rated_at,
          closed_at, close_kind, scope, key, hash, n)
     ORDER BY x.n
    RETURNING id, tracking_code, idempotency_scope, idempotency_key`,
  [column(list, (t) => t.channel), column(list, (t) => t.status), column(list, (t) => t.serviceId), column(list, (t) => t.serviceVersionId),
    column(list, (t) => JSON.stringify(t.limits)), column(list, (t) => t.title), column(list, (t) => t.description), column(list, (t) => t.requesterName),
    column(list, (t) => t.requesterPhone), column(list, (t) => t.requesterKind), column(list, (t) => t.location), column(list, (t) => t.acceptedAt),
    column(list, (t) => t.unit.id), column(list, (t) => t.replyText), column(list, (t) => t.repliedAt), column(list, (t) => t.ratingResolved),
    column(list, (t) => t.ratingSatisfaction), column(list, (t) => t.ratedAt), column(list, (t) => t.closedAt), column(list, (t) => t.closeKind),
    column(list, (t) => t.key.scope), column(list, (t) => t.key.key), column(list, (t) => t.hash), at]);
  return new Map(r.map((x) => [keyText({ scope: x.idempotency_scope, key: x.idempotency_key }), { id: x.id, trackingCode: x.tracking_code }]));
}

/** The lead unit's assignment of each ticket, dispatched at acceptance. Returns assignment ids by ticket id. */
export async function insertLeadAssignments(tx: Tx, list: ReadonlyArray<{ ticketId: number; ticket: ImportedTicket }>): Promise<Map<number, number>> {
  const r = await rows<{ id: number; work_id: number }>(tx, `
    INSERT INTO assignments (work_type, work_id, unit_id, unit_path, role, parent_id, round, status, dispatched_at, done_at)
    SELECT 'ticket', x.work_id, x.unit_id, x.unit_path, 'lead', NULL, 1, x.status, x.dispatched_at, x.done_at
      FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[])
        AS x(work_id, unit_id, unit_path, status, dispatched_at, done_at)
    RETURNING id, work_id`,
  [list.map((x) => x.ticketId), list.map((x) => x.ticket.unit.id), list.map((x) => x.ticket.unit.path), list.map((x) => x.ticket.assignment.status),
    list.map((x) => x.ticket.acceptedAt), list.map((x) => x.ticket.assignment.doneAt)]);
  return new Map(r.map((x) => [x.work_id, x.id]));
}
