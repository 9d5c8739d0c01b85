/** Reading tickets: lists with filters and cursors, the whole story of one ticket, and the work queues. */
import type { Queryable } from '../platform/database/db.js';
import { maybeOne, rows } from '../platform/database/db.js';
import type { Actor } from '../platform/auth/roles.js';
import { DomainError } from '../platform/errors.js';
import { listAuditEvents } from '../audit/audit.repository.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import { timeLeft } from '../clocks/clock.rules.js';
import { toClock } from '../clocks/clock.repository.js';
import type { Channel, TicketStatus } from './ticket.js';
import { canReadTicket, seesAllTickets } from './ticket.policy.js';
import { loadSnapshot, WORK_TYPE } from './ticket.repository.js';

export interface TicketFilter {
  status?: TicketStatus[];
  unitId?: number;
  serviceId?: number;
  channel?: Channel;
  overdue?: boolean;
  supervised?: boolean;
  q?: string;
  from?: Date;
  to?: Date;
  /** Drill-down from the scores (src/stats/stats.figures.rules.ts says which figure uses which). */
  leadUnitId?: number;
  serviceGroup?: string;
  resolved?: string[];
  satisfaction?: string[];
  closeKind?: string[];
  reopened?: boolean;
  lateKind?: string;
  lateBy?: number;
  returnedBy?: number;
  extendedBy?: number;
  dueBefore?: Date | string;
  /** Only these tickets (the similar-ticket lookup asks for its hits by id). */
  ids?: number[];
  cursor?: string;
  limit?: number;
}

export interface TicketListItem {
  id: number; trackingCode: string; title: string; status: TicketStatus; channel: Channel; acceptedAt: Date;
  serviceId: number | null; serviceName: string | null; leadUnitId: number | null; leadUnitName: string | null;
  locationText: string; supervised: boolean; overdue: boolean; deadline: Date | null; urgeCount: number;
  suggestedServiceId: number | null;
  /** The nearest running promise (the unit's resolve clock or the requester's SLA), as the list shows it. */
  deadlineKind: string | null; warning: boolean; timeLeftMs: number | null;
}

interface Cursor { at: string; id: number }
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString()) as Cursor;
    if (typeof c.at !== 'string' || typeof c.id !== 'number' || Number.isNaN(Date.parse(c.at))) throw new Error('bad');
    return c;
  } catch {
    throw new DomainError('VALIDATION_FAILED', undefined, '分页游标无效', 'invalid cursor');
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const TRACKING_CODE = /^MSB\d{8}-\d{6,}$/i;

/**
 * Newest first, keyset-paginated on (accepted_at, id) so page 500 costs what page 1 does.
 * A unit-bound actor sees only tickets given to its subtree (policy in SQL form).
 */
export async function listTickets(
  q: Queryable, actor: Actor, f: TicketFilter, timing?: { cal: WorkCalendar; now: Date },
): Promise<{ items: TicketListItem[]; nextCursor: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (!seesAllTickets(actor)) where.push(`EXISTS (SELECT 1 FROM assignments a WHERE a.work_type = 'ticket' AND a.work_id = t.id AND a.unit_path LIKE ${p(`${escapeLike(actor.unitPath)}%`)})`);
  if (f.status?.length) where.push(`t.status = ANY(${p(f.status)}::text[])`);
  if (f.unitId) where.push(`EXISTS (SELECT 1 FROM assignments a JOIN units u ON u.id = ${p(f.unitId)} WHERE a.work_type = 'ticket' AND a.work_id = t.id AND a.unit_path LIKE u.path || '%' AND a.status IN ('pending', 'acknowledged', 'done'))`);
  if (f.ids) where.push(`t.id = ANY(${p(f.ids)}::bigint[])`);
  if (f.serviceId) where.push(`t.service_id = ${p(f.serviceId)}`);
  if (f.channel) where.push(`t.channel = ${p(f.channel)}`);
  if (f.supervised !== undefined) where.push(`t.supervised = ${p(f.supervised)}`);
  if (f.overdue !== undefined) where.push(`${f.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM clocks c WHERE c.work_type = 'ticket' AND c.work_id = t.id AND c.overdue_at IS NOT NULL AND c.kind <> 'return_window')`);
  if (f.q && TRACKING_CODE.test(f.q.trim())) {
    // A whole tracking code is looked up by its unique index, not by scanning every ticket's text.
    where.push(`t.tracking_code = ${p(f.q.trim().toUpperCase())}`);
  } else if (f.q) {
    const like = p(`%${escapeLike(f.q)}%`);
    where.push(`(t.title ILIKE ${like} OR t.description ILIKE ${like} OR t.location_text ILIKE ${like} OR t.tracking_code ILIKE ${like})`);
  }
  if (f.from) where.push(`t.accepted_at >= ${p(f.from)}`);
  if (f.to) where.push(`t.accepted_at < ${p(f.to)}`);
  // Units are matched with their subtree: a town answers for its villages. The scores define these (src/stats).
  const under = (id: number) => `(SELECT su.path || '%' FROM units su WHERE su.id = ${p(id)})`;
  if (f.leadUnitId) where.push(`EXISTS (SELECT 1 FROM units lu WHERE lu.id = t.lead_unit_id AND lu.path LIKE ${under(f.leadUnitId)})`);
  if (f.serviceGroup) where.push(`sv.group_name = ${p(f.serviceGroup)}`);
  if (f.resolved?.length) where.push(`t.rating_resolved = ANY(${p(f.resolved)}::text[])`);
  if (f.satisfaction?.length) where.push(`t.rating_satisfaction = ANY(${p(f.satisfaction)}::text[])`);
  if (f.closeKind?.length) where.push(`t.close_kind = ANY(${p(f.closeKind)}::text[])`);
  if (f.reopened !== undefined) where.push(`t.reopen_count ${f.reopened ? '>' : '='} 0`);
  if (f.lateKind || f.lateBy) {
    where.push(`EXISTS (SELECT 1 FROM clocks lc ${f.lateBy ? 'JOIN assignments la ON la.id = lc.assignment_id' : ''}
      WHERE lc.work_type = 'ticket' AND lc.work_id = t.id AND lc.overdue_at IS NOT NULL
        AND ${f.lateKind ? `lc.kind = ${p(f.lateKind)}` : `lc.kind <> 'return_window'`} ${f.lateBy ? `AND la.unit_path LIKE ${under(f.lateBy)}` : ''})`);
  }
  if (f.returnedBy) where.push(`EXISTS (SELECT 1 FROM assignments ra WHERE ra.work_type = 'ticket' AND ra.work_id = t.id AND ra.returned_at IS NOT NULL AND ra.unit_path LIKE ${under(f.returnedBy)})`);
  if (f.extendedBy) where.push(`EXISTS (SELECT 1 FROM assignments ea WHERE ea.work_type = 'ticket' AND ea.work_id = t.id AND ea.extension_count > 0 AND ea.unit_path LIKE ${under(f.extendedBy)})`);
  // The latest promise made on the ticket ran out: its unit-less clocks, the requester's SLA and the callback after the reply.
  if (f.dueBefore) where.push(`(SELECT max(dc.deadline) FROM clocks dc WHERE dc.work_type = 'ticket' AND dc.work_id = t.id AND dc.assignment_id IS NULL AND dc.state <> 'stopped') < ${p(f.dueBefore)}::timestamptz`);
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(`(t.accepted_at, t.id) < (${p(c.at)}::timestamptz, ${p(c.id)}::bigint)`);
  }
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const list = await rows<{
    id: number; tracking_code: string; title: string; status: TicketStatus; channel: Channel; accepted_at: Date; service_id: number | null;
    service_name: string | null; lead_unit_id: number | null; lead_unit_name: string | null; location_text: string; supervised: boolean;
    overdue: boolean; urge_count: number; suggested_service_id: number | null; deadline_clock_id: number | null;
  }>(q, `
    SELECT t.id, t.tracking_code, t.title, t.status, t.channel, t.accepted_at, t.service_id, sv.name AS service_name,
           t.lead_unit_id, u.name AS lead_unit_name, t.location_text, t.supervised, t.urge_count, t.suggested_service_id,
           EXISTS (SELECT 1 FROM clocks c WHERE c.work_type = 'ticket' AND c.work_id = t.id AND c.overdue_at IS NOT NULL AND c.kind <> 'return_window') AS overdue,
           (SELECT c.id FROM clocks c WHERE c.work_type = 'ticket' AND c.work_id = t.id AND c.state IN ('running', 'paused') AND c.kind IN ('resolve', 'sla')
             ORDER BY c.deadline, c.id LIMIT 1) AS deadline_clock_id
      FROM tickets t
      LEFT JOIN service_versions sv ON sv.id = t.service_version_id
      LEFT JOIN units u ON u.id = t.lead_unit_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY t.accepted_at DESC, t.id DESC
     LIMIT ${limit + 1}`, params);
  const page = list.slice(0, limit);
  const clockIds = page.map((r) => r.deadline_clock_id).filter((x): x is number => x !== null);
  const clocks = new Map(clockIds.length === 0 ? [] : (await rows<Parameters<typeof toClock>[0]>(q, 'SELECT * FROM clocks WHERE id = ANY($1::bigint[])', [clockIds])).map((r) => [r.id, toClock(r)]));
  const items = page.map((r) => {
    const c = r.deadline_clock_id === null ? undefined : clocks.get(r.deadline_clock_id);
    return {
      id: r.id, trackingCode: r.tracking_code, title: r.title, status: r.status, channel: r.channel, acceptedAt: r.accepted_at,
      serviceId: r.service_id, serviceName: r.service_name, leadUnitId: r.lead_unit_id, leadUnitName: r.lead_unit_name,
      locationText: r.location_text, supervised: r.supervised, overdue: r.overdue, deadline: c?.deadline ?? null, urgeCount: r.urge_count,
      suggestedServiceId: r.suggested_service_id, deadlineKind: c?.kind ?? null, warning: !!c?.warnedAt && !c.overdueAt,
      timeLeftMs: c && timing ? safeTimeLeft(timing.cal, c, timing.now) : null,
    };
  });
  const last = items[items.length - 1];
  return { items, nextCursor: list.length > limit && last ? encodeCursor({ at: last.acceptedAt.toISOString(), id: last.id }) : null };
}

/** The whole story of one ticket for staff: assignments, clocks with time left, extensions, notes, events. */
export async function ticketDetail(q: Queryable, actor: Actor, id: number, cal: WorkCalendar, now: Date) {
  const snap = await loadSnapshot(q, id, false);
  if (!snap || !canReadTicket(actor, snap.assignments)) throw new DomainError('TICKET_NOT_FOUND');
  const extra = await maybeOne<{ location_text: string; lat: number | null; lng: number | null; requester_kind: string; enterprise_name: string | null; service_name: string | null; suggested_service_id: number | null }>(q, `
    SELECT t.location_text, t.lat, t.lng, t.requester_kind, t.enterprise_name, sv.name AS service_name, t.suggested_service_id
      FROM tickets t LEFT JOIN service_versions sv ON sv.id = t.service_version_id WHERE t.id = $1`, [id]);
  const unitNames = new Map((await rows<{ id: number; name: string }>(q, `SELECT id, name FROM units WHERE id = ANY($1::bigint[])`,
    [[...new Set([...snap.assignments.map((a) => a.unitId), snap.ticket.leadUnitId ?? 0])]])).map((u) => [u.id, u.name]));
  const notes = await rows<{ id: number; assignment_id: number | null; author_name: string | null; kind: string; body: string; contact_method: string | null; created_at: Date }>(q, `
    SELECT n.id, n.assignment_id, u.display_name AS author_name, n.kind, n.body, n.contact_method, n.created_at
      FROM ticket_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.ticket_id = $1 ORDER BY n.id`, [id]);
  const attachments = await rows<{ id: number; filename: string; content_type: string; size: number; public: boolean; uploaded_at: Date }>(q,
    'SELECT id, filename, content_type, size, public, uploaded_at FROM attachments WHERE ticket_id = $1 ORDER BY id', [id]);
  const events = await listAuditEvents(q, WORK_TYPE, id);
  return {
    ...snap.ticket,
    locationText: extra?.location_text ?? '', lat: extra?.lat ?? null, lng: extra?.lng ?? null,
    requesterKind: extra?.requester_kind ?? 'citizen', enterpriseName: extra?.enterprise_name ?? null,
    serviceName: extra?.service_name ?? null, suggestedServiceId: extra?.suggested_service_id ?? null,
    leadUnitName: snap.ticket.leadUnitId ? unitNames.get(snap.ticket.leadUnitId) ?? null : null,
    assignments: snap.assignments.map((a) => ({ ...a, unitName: unitNames.get(a.unitId) ?? '' })),
    clocks: snap.clocks.map((c) => ({ ...c, timeLeftMs: safeTimeLeft(cal, c, now) })),
    extensions: snap.extensions,
    notes: notes.map((n) => ({ id: n.id, assignmentId: n.assignment_id, authorName: n.author_name, kind: n.kind, body: n.body, contactMethod: n.contact_method, createdAt: n.created_at })),
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size, public: a.public, uploadedAt: a.uploaded_at })),
    events: events.map((e) => ({ id: e.id, at: e.at, action: e.action, actorName: e.actor_name ?? e.actor_label, before: e.before, after: e.after, data: e.data })),
  };
}

function safeTimeLeft(cal: WorkCalendar, c: Parameters<typeof timeLeft>[1], now: Date): number | null {
  if (c.status.state === 'met' || c.status.state === 'stopped') return null;
  try {
    return timeLeft(cal, c, now);
  } catch {
    // A deadline in a year whose schedule is not loaded: show no countdown rather than a wrong one.
    return null;
  }
}
