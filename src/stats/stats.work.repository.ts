/** A unit's desk (its active assignments with their clocks) and the sample of closed tickets for spot checks. */
import type { Queryable } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';
import { toClock } from '../clocks/clock.repository.js';
import type { Clock } from '../clocks/clock.js';
import type { Channel, CloseKind, Resolved, Satisfaction, TicketStatus } from '../tickets/ticket.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface WorkRow {
  assignmentId: number; ticketId: number; trackingCode: string; title: string; ticketStatus: TicketStatus; channel: Channel;
  serviceName: string | null; locationText: string; unitId: number; unitName: string; role: 'lead' | 'co'; subAssigned: boolean;
  assignmentStatus: 'pending' | 'acknowledged'; dispatchedAt: Date; acknowledgedAt: Date | null; supervised: boolean; urgeCount: number;
  extensionPending: boolean;
}

/**
 * Active assignments under `path`, the most urgent first: by the nearest deadline of a running clock
 * (time left only grows with the deadline, in working time as in natural time), paused work after
 * running work, work with no clock last.
 */
export async function activeWork(q: Queryable, path: string, limit: number): Promise<{ items: Array<WorkRow & { clocks: Clock[] }>; total: number }> {
  const list = await rows<WorkRow & { total: number }>(q, `
    SELECT a.id AS "assignmentId", t.id AS "ticketId", t.tracking_code AS "trackingCode", t.title, t.status AS "ticketStatus", t.channel,
           sv.name AS "serviceName", t.location_text AS "locationText", a.unit_id AS "unitId", u.name AS "unitName", a.role,
           a.parent_id IS NOT NULL AS "subAssigned", a.status AS "assignmentStatus", a.dispatched_at AS "dispatchedAt",
           a.acknowledged_at AS "acknowledgedAt", t.supervised, t.urge_count AS "urgeCount",
           EXISTS (SELECT 1 FROM extension_requests e WHERE e.work_type = 'ticket' AND e.work_id = t.id AND e.assignment_id = a.id AND e.decision IS NULL) AS "extensionPending",
           count(*) OVER ()::int AS total
      FROM assignments a
      JOIN tickets t ON t.id = a.work_id
      JOIN units u ON u.id = a.unit_id
      LEFT JOIN service_versions sv ON sv.id = t.service_version_id
      LEFT JOIN LATERAL (
        SELECT min(c.deadline) FILTER (WHERE c.state = 'running') AS running, min(c.deadline) AS any
          FROM clocks c WHERE c.assignment_id = a.id AND c.state IN ('running', 'paused') AND c.kind <> 'return_window'
      ) d ON true
     WHERE a.work_type = 'ticket' AND a.status IN ('pending', 'acknowledged') AND a.unit_path LIKE $1
     ORDER BY d.running NULLS LAST, d.any NULLS LAST, a.dispatched_at, a.id
     LIMIT $2`, [`${escapeLike(path)}%`, limit]);
  const ids = list.map((r) => r.assignmentId);
  const clocks = ids.length === 0 ? [] : (await rows<Parameters<typeof toClock>[0]>(q, `
    SELECT * FROM clocks WHERE assignment_id = ANY($1::bigint[]) AND state IN ('running', 'paused') AND kind <> 'return_window' ORDER BY deadline, id`, [ids])).map(toClock);
  return {
    total: list[0]?.total ?? 0,
    items: list.map(({ total: _total, ...r }) => ({ ...r, clocks: clocks.filter((c) => c.assignmentId === r.assignmentId) })),
  };
}

/** Counts over all the active work under `path` (not only the page shown). */
export async function workCounts(q: Queryable, path: string): Promise<{ active: number; pending: number; warning: number; overdue: number; paused: number }> {
  const [r] = await rows<{ active: number; pending: number; warning: number; overdue: number; paused: number }>(q, `
    SELECT count(*)::int AS active,
           count(*) FILTER (WHERE a.status = 'pending')::int AS pending,
           count(*) FILTER (WHERE s.overdue)::int AS overdue,
           count(*) FILTER (WHERE s.warning AND NOT s.overdue)::int AS warning,
           count(*) FILTER (WHERE s.paused)::int AS paused
      FROM assignments a
      CROSS JOIN LATERAL (
        SELECT coalesce(bool_or(c.overdue_at IS NOT NULL), false) AS overdue,
               coalesce(bool_or(c.warned_at IS NOT NULL), false) AS warning,
               coalesce(bool_or(c.state = 'paused'), false) AS paused
          FROM clocks c WHERE c.assignment_id = a.id AND c.state IN ('running', 'paused') AND c.kind <> 'return_window'
      ) s
     WHERE a.work_type = 'ticket' AND a.status IN ('pending', 'acknowledged') AND a.unit_path LIKE $1`, [`${escapeLike(path)}%`]);
  return r!;
}

export interface SampleRow {
  ticketId: number; trackingCode: string; title: string; description: string; serviceName: string | null; leadUnitId: number | null;
  leadUnitName: string | null; replyText: string | null; repliedAt: Date | null; ratingResolved: Resolved | null;
  ratingSatisfaction: Satisfaction | null; ratingComment: string | null; closedAt: Date; closeKind: CloseKind;
}

/**
 * A sample of tickets closed in [since, until) with a reply, not yet spot-checked since they closed. The
 * order is a hash of the id and the seed: the same seed gives the same sample (a supervisor can reload
 * the page), a new seed a new one; no index order can bias it towards some units.
 */
export async function closedSample(q: Queryable, since: Date, until: Date, seed: string, size: number): Promise<{ items: SampleRow[]; eligible: number }> {
  const list = await rows<SampleRow & { eligible: number }>(q, `
    SELECT t.id AS "ticketId", t.tracking_code AS "trackingCode", t.title, t.description, sv.name AS "serviceName",
           t.lead_unit_id AS "leadUnitId", u.name AS "leadUnitName", t.reply_text AS "replyText", t.replied_at AS "repliedAt",
           t.rating_resolved AS "ratingResolved", t.rating_satisfaction AS "ratingSatisfaction", t.rating_comment AS "ratingComment",
           t.closed_at AS "closedAt", t.close_kind AS "closeKind", count(*) OVER ()::int AS eligible
      FROM tickets t
      LEFT JOIN service_versions sv ON sv.id = t.service_version_id
      LEFT JOIN units u ON u.id = t.lead_unit_id
     WHERE t.status = 'closed' AND t.close_kind IN ('rated', 'confirmed') AND t.reply_text IS NOT NULL AND t.lead_unit_id IS NOT NULL
       AND t.closed_at >= $1 AND t.closed_at < $2
       AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_type = 'ticket' AND e.entity_id = t.id AND e.action = 'spot_checked' AND e.at >= t.closed_at)
     ORDER BY md5(t.id::text || ':' || $3), t.id
     LIMIT $4`, [since, until, seed, size]);
  return { eligible: list[0]?.eligible ?? 0, items: list.map(({ eligible: _e, ...r }) => r) };
}
