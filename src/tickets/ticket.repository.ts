import type { Queryable, Tx } from '../platform/database/db.js';
import { maybeOne, one, rows } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import { listAssignments } from '../assignments/assignment.repository.js';
import { listClocks } from '../clocks/clock.repository.js';
import type { Channel, CloseKind, ExtensionRequest, Resolved, Satisfaction, Ticket, TicketLimits, TicketSnapshot, TicketStatus } from './ticket.js';

export const WORK_TYPE = 'ticket';

export interface TicketRow {
  id: number; tracking_code: string; channel: Channel; status: TicketStatus; service_id: number | null; service_version_id: number | null; limits: TicketLimits | null;
  title: string; description: string; requester_name: string; requester_phone: string; accepted_at: Date; lead_unit_id: number | null;
  reply_text: string | null; replied_at: Date | null; rating_resolved: Resolved | null; rating_satisfaction: Satisfaction | null;
  rating_comment: string | null; rated_at: Date | null; closed_at: Date | null; close_kind: CloseKind | null; supervised: boolean;
  urge_count: number; reopen_count: number; merged_into_id: number | null; public_reason: string | null; version: number;
}

export const toTicket = (r: TicketRow): Ticket => ({
  id: r.id, trackingCode: r.tracking_code, channel: r.channel, status: r.status, serviceId: r.service_id, serviceVersionId: r.service_version_id, limits: r.limits,
  title: r.title, description: r.description, requesterName: r.requester_name, requesterPhone: r.requester_phone,
  acceptedAt: r.accepted_at, leadUnitId: r.lead_unit_id, replyText: r.reply_text, repliedAt: r.replied_at,
  ratingResolved: r.rating_resolved, ratingSatisfaction: r.rating_satisfaction, ratingComment: r.rating_comment, ratedAt: r.rated_at,
  closedAt: r.closed_at, closeKind: r.close_kind, supervised: r.supervised, urgeCount: r.urge_count, reopenCount: r.reopen_count,
  mergedIntoId: r.merged_into_id, publicReason: r.public_reason, version: r.version,
});

export async function findByIdempotencyKey(q: Queryable, scope: string, key: string): Promise<{ ticket: Ticket; hash: string | null } | undefined> {
  const r = await maybeOne<TicketRow & { idempotency_hash: string | null }>(q, 'SELECT * FROM tickets WHERE idempotency_scope = $1 AND idempotency_key = $2', [scope, key]);
  return r && { ticket: toTicket(r), hash: r.idempotency_hash };
}

export async function findTicket(q: Queryable, id: number): Promise<Ticket | undefined> {
  const r = await maybeOne<TicketRow>(q, 'SELECT * FROM tickets WHERE id = $1', [id]);
  return r && toTicket(r);
}

export async function findTicketByCode(q: Queryable, code: string): Promise<Ticket | undefined> {
  const r = await maybeOne<TicketRow>(q, 'SELECT * FROM tickets WHERE tracking_code = $1', [code]);
  return r && toTicket(r);
}

interface ExtensionRow { id: number; assignment_id: number; working_days: number; reason: string; requested_at: Date; decision: 'approved' | 'refused' | null }

async function listExtensions(q: Queryable, workId: number): Promise<ExtensionRequest[]> {
  const list = await rows<ExtensionRow>(q, `SELECT id, assignment_id, working_days, reason, requested_at, decision FROM extension_requests
     WHERE work_type = $1 AND work_id = $2 ORDER BY id`, [WORK_TYPE, workId]);
  return list.map((e) => ({ id: e.id, assignmentId: e.assignment_id, workingDays: e.working_days, reason: e.reason, requestedAt: e.requested_at, decision: e.decision }));
}

/**
 * Load the whole ticket for a move. The ticket row is locked first, so concurrent moves on one ticket
 * queue here and each decides on what the one before it saved.
 */
export async function loadSnapshot(q: Queryable, id: number, lock: boolean): Promise<TicketSnapshot | undefined> {
  const r = await maybeOne<TicketRow>(q, `SELECT * FROM tickets WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!r) return undefined;
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const assignments = await listAssignments(q, WORK_TYPE, id);
  const clocks = await listClocks(q, WORK_TYPE, id);
  const extensions = await listExtensions(q, id);
  return { ticket: toTicket(r), assignments, clocks, extensions };
}

/** Save the ticket's own fields; the version guards against a writer that skipped the row lock. */
export async function updateTicket(tx: Tx, t: Ticket, now: Date): Promise<void> {
  const r = await tx.query(`
    UPDATE tickets SET status = $3, lead_unit_id = $4, reply_text = $5, replied_at = $6, rating_resolved = $7, rating_satisfaction = $8,
      rating_comment = $9, rated_at = $10, closed_at = $11, close_kind = $12, supervised = $13, urge_count = $14, reopen_count = $15,
      merged_into_id = $16, public_reason = $17, service_id = $18, limits = $19, service_version_id = $21, version = version + 1, updated_at = $20
     WHERE id = $1 AND version = $2`,
  [t.id, t.version, t.status, t.leadUnitId, t.replyText, t.repliedAt, t.ratingResolved, t.ratingSatisfaction, t.ratingComment, t.ratedAt,
    t.closedAt, t.closeKind, t.supervised, t.urgeCount, t.reopenCount, t.mergedIntoId, t.publicReason, t.serviceId,
    t.limits === null ? null : JSON.stringify(t.limits), now, t.serviceVersionId]);
  if ((r.rowCount ?? 0) === 0) throw new DomainError('VERSION_CONFLICT');
}

export async function insertExtension(tx: Tx, workId: number, e: Omit<ExtensionRequest, 'id'>, by: number | null): Promise<number> {
  const r = await one<{ id: number }>(tx, `INSERT INTO extension_requests (assignment_id, work_type, work_id, working_days, reason, requested_at, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, [e.assignmentId, WORK_TYPE, workId, e.workingDays, e.reason, e.requestedAt, by]);
  return r.id;
}

export async function updateExtension(tx: Tx, e: ExtensionRequest, by: number | null, at: Date, note: string | null): Promise<void> {
  await tx.query('UPDATE extension_requests SET decision = $2, decided_at = $3, decided_by = $4, decision_note = $5 WHERE id = $1', [e.id, e.decision, at, by, note]);
}

export async function insertNotifications(tx: Tx, list: Array<{ unitId: number; kind: string; message: string; workId: number; clockId?: number | null }>, at: Date): Promise<void> {
  for (const n of list) {
    await tx.query(`INSERT INTO notifications (unit_id, kind, work_type, work_id, clock_id, message, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT DO NOTHING`, [n.unitId, n.kind, WORK_TYPE, n.workId, n.clockId ?? null, n.message, at]);
  }
}

export async function insertNote(tx: Tx, n: { ticketId: number; assignmentId: number | null; authorId: number | null; kind: 'note' | 'contact'; body: string; contactMethod: string | null; at: Date }): Promise<number> {
  return (await one<{ id: number }>(tx, `INSERT INTO ticket_notes (ticket_id, assignment_id, author_id, kind, body, contact_method, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, [n.ticketId, n.assignmentId, n.authorId, n.kind, n.body, n.contactMethod, n.at])).id;
}
