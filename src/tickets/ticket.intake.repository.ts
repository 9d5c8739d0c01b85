/**
 * New tickets written whole in one statement: each ticket in the state the rules left it, its first
 * assignments and clocks, its audit events, the units' notifications and the live events. One statement
 * is one transaction and one round trip, for a whole batch of tickets (group commit, ticket.intake.service.ts):
 * intake is the busiest write of a hotline, and each further round trip or commit cost it more than the
 * inserts themselves (bench/intake.bench.ts). The rows of a ticket find it by its tracking code, drawn first.
 * Each table's rows travel as one JSON parameter: the driver's per-element escaping of array parameters
 * cost more than the rest of the statement's preparation.
 */
import type { Queryable } from '../platform/database/db.js';
import { preparedRows } from '../platform/database/db.js';
import { statusColumns } from '../clocks/clock.repository.js';
import { nextCheckAt } from '../clocks/clock.rules.js';
import { CHANNEL } from '../events/event.bus.js';
import { WORK_TYPE } from './ticket.repository.js';
import type { Ticket } from './ticket.js';
import { acceptedTicket, type IntakeRows, type PlanBasis } from './ticket.intake.rules.js';

export interface WrittenIntake { ticket: Ticket; assignmentIds: Map<number, number> }

/**
 * Moments travel as milliseconds since the epoch (to_timestamp(ms / 1000) in SQL): a Date makes JSON.stringify leave
 * its fast path (toJSON), and formatting one as text costs more than the rest of its row. An empty value is left
 * out of the JSON (undefined), which json_to_recordset reads as NULL: a clock's row is mostly such values.
 */
const ms = (d: unknown): number | undefined => (d instanceof Date ? d.getTime() : undefined);
const some = <T>(v: T | null): T | undefined => v ?? undefined;

/**
 * The rows of every ticket of the batch as the statement reads them: each with its ticket's place `n` in the
 * batch and its own place `i` among them (the order to write them in).
 */
function rowsOf<T>(list: readonly IntakeRows[], pick: (r: IntakeRows) => readonly T[], shape: (row: T, i: number, n: number) => object): string {
  const out: object[] = [];
  list.forEach((r, n) => {
    for (const row of pick(r)) out.push(shape(row, out.length, n + 1));
  });
  return JSON.stringify(out);
}

/**
 * `basis` is what the batch was planned from: the statement refuses the whole batch, as a serialization failure
 * (assert_plan_holds, migration 0012), when one of those versions has ended by then or its unit has moved or
 * changed state, so a plan from a remembered catalogue is never written once the catalogue has moved on.
 */
export async function insertIntakes(q: Queryable, list: readonly IntakeRows[], basis: readonly PlanBasis[]): Promise<WrittenIntake[]> {
  if (list.length === 0) return [];
  const found = await preparedRows<{ n: number; id: number; tracking_code: string; new_assignments: Array<{ id: number; unit_id: number }> | null }>(q, 'msb_intake', `
    WITH x AS (
      SELECT x.*, to_timestamp(x.accepted_ms / 1000) AS accepted_at,
             'MSB' || to_char(to_timestamp(x.accepted_ms / 1000) AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || next_tracking_number() AS code
        FROM json_to_recordset($1::json) AS x(n int, channel text, status text, service_id bigint, service_version_id bigint,
          suggested_service_id bigint, limits jsonb, title text, description text, requester_name text, requester_phone text,
          requester_kind text, enterprise_name text, location_text text, lat float8, lng float8, accepted_ms float8, accepted_by bigint,
          lead_unit_id bigint, idempotency_scope text, idempotency_key text, idempotency_hash text)
       WHERE (SELECT assert_plan_holds(coalesce(bool_and(v.id IS NOT NULL AND (v.effective_to IS NULL OR v.effective_to > to_timestamp(p.until_ms / 1000))
                AND u.path IS NOT DISTINCT FROM p.unit_path AND u.active IS NOT DISTINCT FROM p.unit_active), true))
                FROM json_to_recordset($9::json) AS p(version_id bigint, until_ms float8, unit_id bigint, unit_path text, unit_active boolean)
                LEFT JOIN service_versions v ON v.id = p.version_id LEFT JOIN units u ON u.id = p.unit_id)
    ), t AS (
      INSERT INTO tickets (tracking_code, channel, status, service_id, service_version_id, suggested_service_id, limits, title, description,
        requester_name, requester_phone, requester_kind, enterprise_name, location_text, lat, lng, accepted_at, accepted_by, lead_unit_id,
        idempotency_scope, idempotency_key, idempotency_hash)
      SELECT code, channel, status, service_id, service_version_id, suggested_service_id, limits, title, description,
        requester_name, requester_phone, requester_kind, enterprise_name, location_text, lat, lng, accepted_at, accepted_by, lead_unit_id,
        idempotency_scope, idempotency_key, idempotency_hash
        FROM x ORDER BY n
      RETURNING id, tracking_code
    ), k AS (
      SELECT x.n, t.id FROM x JOIN t ON t.tracking_code = x.code
    ), a AS (
      INSERT INTO assignments (work_type, work_id, unit_id, unit_path, role, parent_id, round, status, dispatched_at, dispatched_by)
      SELECT $2, k.id, y.unit_id, y.unit_path, y.role, y.parent_id, y.round, 'pending', to_timestamp(y.dispatched_at / 1000), y.dispatched_by
        FROM json_to_recordset($3::json) AS y(n int, unit_id bigint, unit_path text, role text, parent_id bigint, round int,
          dispatched_at float8, dispatched_by bigint)
        JOIN k ON k.n = y.n
      RETURNING id, work_id, unit_id
    ), c AS (
      INSERT INTO clocks (work_type, work_id, assignment_id, kind, started_at, limit_amount, limit_unit, limit_natural, deadline, original_deadline,
        warn_at, warned_at, overdue_at, paused_ms, extended_days, state, paused_since, pause_reason, met_at, stopped_at, stop_reason, calendar_version, next_check_at)
      SELECT $2, k.id, a.id, y.kind, to_timestamp(y.started_at / 1000), y.limit_amount, y.limit_unit, y.limit_natural,
             to_timestamp(y.deadline / 1000), to_timestamp(y.original_deadline / 1000), to_timestamp(y.warn_at / 1000),
             to_timestamp(y.warned_at / 1000), to_timestamp(y.overdue_at / 1000), y.paused_ms, y.extended_days, y.state,
             to_timestamp(y.paused_since / 1000), y.pause_reason, to_timestamp(y.met_at / 1000), to_timestamp(y.stopped_at / 1000),
             y.stop_reason, y.calendar_version, to_timestamp(y.next_check_at / 1000)
        FROM json_to_recordset($4::json) AS y(i int, n int, unit_id bigint, kind text, started_at float8, limit_amount int,
          limit_unit text, limit_natural boolean, deadline float8, original_deadline float8, warn_at float8, warned_at float8,
          overdue_at float8, paused_ms bigint, extended_days int, state text, paused_since float8, pause_reason text, met_at float8,
          stopped_at float8, stop_reason text, calendar_version text, next_check_at float8)
        JOIN k ON k.n = y.n
        LEFT JOIN a ON a.work_id = k.id AND a.unit_id = y.unit_id
       ORDER BY y.i
    ), e AS (
      INSERT INTO audit_events (at, actor_id, actor_label, entity_type, entity_id, action, before, after, data)
      SELECT to_timestamp(y.at / 1000), y.actor_id, y.actor_label, $2, k.id, y.action, y.before, y.after, y.data
        FROM json_to_recordset($5::json)
          AS y(i int, n int, at float8, actor_id bigint, actor_label text, action text, before jsonb, after jsonb, data jsonb)
        JOIN k ON k.n = y.n
       ORDER BY y.i
    ), o AS (
      INSERT INTO notifications (unit_id, kind, work_type, work_id, message, created_at)
      SELECT y.unit_id, y.kind, $2, k.id, y.message, x.accepted_at
        FROM json_to_recordset($6::json) AS y(n int, unit_id bigint, kind text, message text)
        JOIN k ON k.n = y.n JOIN x ON x.n = y.n
    ), l AS (
      -- Told in the order given (volatile calls are made after the sort): a ticket's 'accepted' before its 'assigned'.
      SELECT count(*) AS told FROM (
        SELECT pg_notify($7, jsonb_set(y.e, '{id}', to_jsonb(k.id))::text)
          FROM json_to_recordset($8::json) AS y(i int, n int, e jsonb) JOIN k ON k.n = y.n
         ORDER BY y.i) s
    )
    SELECT k.n, t.id, t.tracking_code, (SELECT json_agg(json_build_object('id', a.id, 'unit_id', a.unit_id)) FROM a WHERE a.work_id = t.id) AS new_assignments
      FROM t JOIN k ON k.id = t.id CROSS JOIN l`,
  [
    rowsOf(list, (r) => [r.ticket], (t, i, n) => ({
      n, channel: t.channel, status: t.status, service_id: some(t.serviceId), service_version_id: some(t.serviceVersionId),
      suggested_service_id: some(t.suggestedServiceId),
      limits: t.limits, title: t.title, description: t.description, requester_name: t.requesterName, requester_phone: t.requesterPhone,
      requester_kind: t.requesterKind, enterprise_name: some(t.enterpriseName), location_text: t.locationText, lat: some(t.lat), lng: some(t.lng),
      accepted_ms: ms(t.acceptedAt), accepted_by: some(t.acceptedBy), lead_unit_id: some(t.leadUnitId), idempotency_scope: t.idempotency?.scope,
      idempotency_key: t.idempotency?.key, idempotency_hash: t.idempotency?.hash,
    })),
    WORK_TYPE,
    rowsOf(list, (r) => r.assignments, (a, i, n) => ({
      n, unit_id: a.unitId, unit_path: a.unitPath, role: a.role, parent_id: some(a.parentId), round: a.round, dispatched_at: ms(a.dispatchedAt), dispatched_by: some(a.dispatchedBy),
    })),
    rowsOf(list, (r) => r.clocks, (c, i, n) => {
      const [state, pausedSince, pauseReason, metAt, stoppedAt, stopReason] = statusColumns(c);
      return {
        i, n, unit_id: some(c.assignmentUnitId), kind: c.kind, started_at: ms(c.startedAt), limit_amount: c.limit.amount, limit_unit: c.limit.unit,
        limit_natural: c.limit.natural ?? false, deadline: ms(c.deadline), original_deadline: ms(c.originalDeadline), warn_at: ms(c.warnAt),
        warned_at: ms(c.warnedAt), overdue_at: ms(c.overdueAt), paused_ms: c.pausedMs, extended_days: c.extendedDays, state, paused_since: ms(pausedSince),
        pause_reason: some(pauseReason), met_at: ms(metAt), stopped_at: ms(stoppedAt), stop_reason: some(stopReason), calendar_version: c.calendarVersion,
        next_check_at: ms(nextCheckAt(c)),
      };
    }),
    rowsOf(list, (r) => r.events, (e, i, n) => ({
      i, n, at: ms(e.at), actor_id: some(e.actorId), actor_label: some(e.actorLabel), action: e.action, before: e.before, after: e.after, data: e.data,
    })),
    rowsOf(list, (r) => r.notifications, (x, i, n) => ({ n, unit_id: x.unitId, kind: x.kind, message: x.message })),
    CHANNEL,
    rowsOf(list, (r) => r.live, (e, i, n) => ({ i, n, e: { ...e, id: 0 } })),
    JSON.stringify(basis.map((b) => ({ version_id: b.versionId, until_ms: b.until.getTime(), unit_id: b.unit.id, unit_path: b.unit.path, unit_active: b.unit.active }))),
  ]);
  const byPlace = new Map(found.map((row) => [Number(row.n), row]));
  return list.map((r, i) => {
    const row = byPlace.get(i + 1)!;
    return {
      ticket: acceptedTicket(r.ticket, Number(row.id), row.tracking_code),
      assignmentIds: new Map((row.new_assignments ?? []).map((a) => [Number(a.unit_id), Number(a.id)])),
    };
  });
}
