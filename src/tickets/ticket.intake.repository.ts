/**
 * A new ticket written whole in one statement: the ticket in the state the rules left it, its first
 * assignments and clocks, its audit events, the units' notifications and the live events. One statement
 * is one transaction and one round trip: intake is the busiest write of a hotline, and each further round
 * trip cost it more than the inserts themselves (bench/intake.bench.ts).
 */
import type { Queryable } from '../platform/database/db.js';
import { preparedRows } from '../platform/database/db.js';
import { statusColumns } from '../clocks/clock.repository.js';
import { nextCheckAt } from '../clocks/clock.rules.js';
import { CHANNEL } from '../events/event.bus.js';
import { toTicket, WORK_TYPE, type TicketRow } from './ticket.repository.js';
import type { Ticket } from './ticket.js';
import type { IntakeRows } from './ticket.intake.rules.js';

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export async function insertIntake(q: Queryable, r: IntakeRows): Promise<{ ticket: Ticket; assignmentIds: Map<number, number> }> {
  const t = r.ticket;
  const c = r.clocks;
  const status = c.map(statusColumns);
  const [row] = await preparedRows<TicketRow & { new_assignments: Array<{ id: number; unit_id: number }> | null }>(q, 'msb_intake', `
    WITH t AS (
      INSERT INTO tickets (tracking_code, channel, status, service_id, service_version_id, suggested_service_id, limits, title, description,
        requester_name, requester_phone, requester_kind, enterprise_name, location_text, lat, lng, accepted_at, accepted_by, lead_unit_id,
        idempotency_scope, idempotency_key, idempotency_hash)
      VALUES ('MSB' || to_char($16::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || next_tracking_number(),
        $1, $21, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::timestamptz, $17, $22, $18, $19, $20)
      RETURNING *
    ), a AS (
      INSERT INTO assignments (work_type, work_id, unit_id, unit_path, role, parent_id, round, status, dispatched_at, dispatched_by)
      SELECT $23, t.id, x.unit_id, x.unit_path, x.role, x.parent_id, x.round, 'pending', x.dispatched_at, x.dispatched_by
        FROM t, unnest($24::bigint[], $25::text[], $26::text[], $27::bigint[], $28::int[], $29::timestamptz[], $30::bigint[])
          AS x(unit_id, unit_path, role, parent_id, round, dispatched_at, dispatched_by)
      RETURNING id, unit_id
    ), c AS (
      INSERT INTO clocks (work_type, work_id, assignment_id, kind, started_at, limit_amount, limit_unit, limit_natural, deadline, original_deadline,
        warn_at, warned_at, overdue_at, paused_ms, extended_days, state, paused_since, pause_reason, met_at, stopped_at, stop_reason, calendar_version, next_check_at)
      SELECT $23, t.id, a.id, x.kind, x.started_at, x.amount, x.unit, x.is_natural, x.deadline, x.original_deadline, x.warn_at, x.warned_at,
             x.overdue_at, x.paused_ms, x.extended_days, x.state, x.paused_since, x.pause_reason, x.met_at, x.stopped_at, x.stop_reason, x.calendar_version, x.next_check_at
        FROM t CROSS JOIN unnest($31::bigint[], $32::text[], $33::timestamptz[], $34::int[], $35::text[], $36::boolean[], $37::timestamptz[], $38::timestamptz[],
          $39::timestamptz[], $40::timestamptz[], $41::timestamptz[], $42::bigint[], $43::int[], $44::text[], $45::timestamptz[], $46::text[], $47::timestamptz[],
          $48::timestamptz[], $49::text[], $50::text[], $51::timestamptz[]) WITH ORDINALITY
          AS x(unit_id, kind, started_at, amount, unit, is_natural, deadline, original_deadline, warn_at, warned_at, overdue_at, paused_ms,
            extended_days, state, paused_since, pause_reason, met_at, stopped_at, stop_reason, calendar_version, next_check_at, n)
        LEFT JOIN a ON a.unit_id = x.unit_id
       ORDER BY x.n
    ), e AS (
      INSERT INTO audit_events (at, actor_id, actor_label, entity_type, entity_id, action, before, after, data)
      SELECT x.at, x.actor_id, x.actor_label, $23, t.id, x.action, x.before::jsonb, x.after::jsonb, x.data::jsonb
        FROM t CROSS JOIN unnest($52::timestamptz[], $53::bigint[], $54::text[], $55::text[], $56::text[], $57::text[], $58::text[]) WITH ORDINALITY
          AS x(at, actor_id, actor_label, action, before, after, data, n)
       ORDER BY x.n
    ), n AS (
      INSERT INTO notifications (unit_id, kind, work_type, work_id, message, created_at)
      SELECT x.unit_id, x.kind, $23, t.id, x.message, $16 FROM t, unnest($59::bigint[], $60::text[], $61::text[]) AS x(unit_id, kind, message)
      ON CONFLICT DO NOTHING
    )
    SELECT t.*, (SELECT json_agg(json_build_object('id', a.id, 'unit_id', a.unit_id)) FROM a) AS new_assignments,
           (SELECT count(pg_notify($62, jsonb_set(p::jsonb, '{id}', to_jsonb(t.id))::text)) FROM unnest($63::text[]) AS p) AS told
      FROM t`,
  [t.channel, t.serviceId, t.serviceVersionId, t.suggestedServiceId, t.limits === null ? null : JSON.stringify(t.limits), t.title, t.description,
    t.requesterName, t.requesterPhone, t.requesterKind, t.enterpriseName, t.locationText, t.lat, t.lng, t.acceptedAt, t.acceptedAt, t.acceptedBy,
    t.idempotency?.scope ?? null, t.idempotency?.key ?? null, t.idempotency?.hash ?? null, t.status, t.leadUnitId, WORK_TYPE,
    ...(['unitId', 'unitPath', 'role', 'parentId', 'round', 'dispatchedAt', 'dispatchedBy'] as const).map((k) => r.assignments.map((a) => a[k])),
    c.map((x) => x.assignmentUnitId), c.map((x) => x.kind), c.map((x) => x.startedAt), c.map((x) => x.limit.amount), c.map((x) => x.limit.unit),
    c.map((x) => x.limit.natural ?? false), c.map((x) => x.deadline), c.map((x) => x.originalDeadline), c.map((x) => x.warnAt), c.map((x) => x.warnedAt),
    c.map((x) => x.overdueAt), c.map((x) => x.pausedMs), c.map((x) => x.extendedDays), ...[0, 1, 2, 3, 4, 5].map((i) => status.map((s) => s[i])),
    c.map((x) => x.calendarVersion), c.map((x) => nextCheckAt(x)),
    r.events.map((e) => e.at), r.events.map((e) => e.actorId), r.events.map((e) => e.actorLabel), r.events.map((e) => e.action),
    r.events.map((e) => json(e.before)), r.events.map((e) => json(e.after)), r.events.map((e) => json(e.data)),
    r.notifications.map((x) => x.unitId), r.notifications.map((x) => x.kind), r.notifications.map((x) => x.message),
    CHANNEL, r.live.map((e) => JSON.stringify({ ...e, id: 0 }))]);
  return {
    ticket: toTicket(row!),
    assignmentIds: new Map((row!.new_assignments ?? []).map((a) => [Number(a.unit_id), Number(a.id)])),
  };
}
