/**
 * The SQL behind the scores: set-based sums over the cohort of tickets accepted in a period, grouped by
 * whatever the caller asks (nothing, a trend bucket, or the child unit of a ranking). One pass over the
 * tickets and one over their assignments' clocks, whatever the number of groups, on the existing
 * indexes: tickets by acceptance, assignments by work, clocks by assignment and by work.
 */
import type { Queryable, Tx } from '../platform/database/db.js';
import { maybeOne, rows } from '../platform/database/db.js';
import type { AssignmentSums, BucketSize, TicketSums, Weights } from './stats.js';
import { ZERO_ASSIGNMENT_SUMS } from './stats.js';
import type { ServiceVolume } from './stats.rules.js';

export type GroupBy = { kind: 'all' } | { kind: 'bucket'; size: BucketSize } | { kind: 'child'; depth: number };

export interface Range { from: Date; to: Date }

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const OPEN_SQL = `('new', 'assigned', 'in_progress', 'arbitration', 'replied')`;
const BUCKET_SQL: Record<BucketSize, string> = { day: 'day', week: 'week', month: 'month' };

/** The group key of a row, as text (NULL rows belong to no group: work led by the ranked parent itself). */
function keyOf(g: GroupBy, unitPath: string): string {
  switch (g.kind) {
    case 'all': return `''`;
    case 'bucket': return `to_char(date_trunc('${BUCKET_SQL[g.size]}', t.accepted_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`;
    // '/1/5/23/' split on '/' is ['', '1', '5', '23', '']: the child of a unit at depth d is part d + 3.
    case 'child': return `NULLIF(split_part(${unitPath}, '/', ${Math.trunc(g.depth) + 3}), '')`;
  }
}

/**
 * Ticket-level sums of the tickets accepted in `range`, led by a unit under `scopePath` when given.
 * A loop is "due" when the latest promise the platform made on the ticket — its ticket-level clocks, the
 * requester's SLA and the callback after the reply — ran out before `now` (the ticket list's `dueBefore`).
 * Tickets with a clock recorded overdue are counted apart, as a semi-join the planner can hash over a
 * year or probe per ticket over a month (clocks_late_idx, clocks_promise_idx: 0006_stats.sql).
 */
export async function ticketSums(q: Queryable, range: Range, scopePath: string | null, g: GroupBy, now: Date): Promise<Map<string | null, TicketSums>> {
  const byLead = scopePath !== null || g.kind === 'child';
  const from = `tickets t ${byLead ? 'JOIN units lu ON lu.id = t.lead_unit_id' : ''}
       WHERE t.accepted_at >= $1 AND t.accepted_at < $2 ${scopePath !== null ? 'AND lu.path LIKE $3' : ''}`;
  const params = [range.from, range.to, ...(scopePath !== null ? [`${escapeLike(scopePath)}%`] : [])];
  const k = keyOf(g, 'lu.path');
  const nowParam = `$${params.length + 1}`;
  const [main, late] = await Promise.all([
    rows<Omit<TicketSums, 'overdue'> & { k: string | null }>(q, `
      WITH c AS (
        SELECT ${k} AS k, t.status, t.close_kind, t.rating_resolved, t.rating_satisfaction, t.reopen_count, t.supervised,
               CASE WHEN t.status IN ${OPEN_SQL} THEN
                 (SELECT max(p.deadline) FROM clocks p WHERE p.work_type = 'ticket' AND p.work_id = t.id AND p.assignment_id IS NULL AND p.state <> 'stopped') < ${nowParam}
               END AS due
          FROM ${from}
      )
      SELECT k,
             count(*)::int AS accepted,
             count(*) FILTER (WHERE rating_satisfaction IS NOT NULL)::int AS rated,
             count(*) FILTER (WHERE rating_resolved IN ('yes', 'partly'))::int AS resolved,
             count(*) FILTER (WHERE rating_satisfaction IN ('satisfied', 'basic'))::int AS satisfied,
             count(*) FILTER (WHERE status = 'closed' AND close_kind IN ('rated', 'confirmed', 'direct'))::int AS "loopClosed",
             count(*) FILTER (WHERE due)::int AS "loopDueOpen",
             count(*) FILTER (WHERE close_kind = 'direct')::int AS direct,
             count(*) FILTER (WHERE reopen_count > 0)::int AS reopened,
             count(*) FILTER (WHERE supervised)::int AS supervised
        FROM c GROUP BY k`, [...params, now]),
    rows<{ k: string | null; overdue: number }>(q, `
      SELECT ${k} AS k, count(*)::int AS overdue
        FROM ${from}
         AND EXISTS (SELECT 1 FROM clocks o WHERE o.work_type = 'ticket' AND o.work_id = t.id AND o.overdue_at IS NOT NULL AND o.kind <> 'return_window')
       GROUP BY 1`, params),
  ]);
  const overdue = new Map(late.map((r) => [r.k, r.overdue]));
  return new Map(main.map(({ k: key, ...sums }) => [key, { ...sums, overdue: overdue.get(key) ?? 0 }]));
}

/**
 * Assignment-level sums over the assignments (under `scopePath` when given) of the tickets accepted in
 * `range`: acknowledge and resolve clocks judged (met, or recorded overdue) and met in time; and the
 * tickets on which the units had a clock recorded overdue, returned the work, or were granted more time.
 *
 * Two passes, so that nothing sorts every clock of the period: plain sums over the judged clocks only
 * (clocks_judged_idx covers them), and distinct tickets counted over the few flagged rows alone.
 */
export async function assignmentSums(q: Queryable, range: Range, scopePath: string | null, g: GroupBy): Promise<Map<string | null, AssignmentSums>> {
  const params = [range.from, range.to, ...(scopePath !== null ? [`${escapeLike(scopePath)}%`] : [])];
  const cohort = `t.accepted_at >= $1 AND t.accepted_at < $2 ${scopePath !== null ? 'AND a.unit_path LIKE $3' : ''}`;
  const k = keyOf(g, 'a.unit_path');
  const [timed, flagged] = await Promise.all([
    rows<{ k: string | null; ackDue: number; ackMet: number; resolveDue: number; resolveMet: number }>(q, `
      SELECT ${k} AS k,
             count(*) FILTER (WHERE c.kind = 'acknowledge')::int AS "ackDue",
             count(*) FILTER (WHERE c.kind = 'acknowledge' AND c.state = 'met' AND c.overdue_at IS NULL)::int AS "ackMet",
             count(*) FILTER (WHERE c.kind = 'resolve')::int AS "resolveDue",
             count(*) FILTER (WHERE c.kind = 'resolve' AND c.state = 'met' AND c.overdue_at IS NULL)::int AS "resolveMet"
        FROM tickets t
        JOIN assignments a ON a.work_type = 'ticket' AND a.work_id = t.id
        JOIN clocks c ON c.assignment_id = a.id AND c.kind IN ('acknowledge', 'resolve') AND (c.state = 'met' OR c.overdue_at IS NOT NULL)
       WHERE ${cohort}
       GROUP BY 1`, params),
    rows<{ k: string | null; overdueTickets: number; returnedTickets: number; extendedTickets: number }>(q, `
      SELECT k, count(DISTINCT id) FILTER (WHERE flag = 'o')::int AS "overdueTickets",
             count(DISTINCT id) FILTER (WHERE flag = 'r')::int AS "returnedTickets",
             count(DISTINCT id) FILTER (WHERE flag = 'e')::int AS "extendedTickets"
        FROM (
          SELECT ${k} AS k, t.id, 'o' AS flag
            FROM clocks c JOIN tickets t ON t.id = c.work_id JOIN assignments a ON a.id = c.assignment_id
           WHERE c.work_type = 'ticket' AND c.overdue_at IS NOT NULL AND c.kind <> 'return_window' AND ${cohort}
          UNION ALL
          SELECT ${k}, t.id, CASE WHEN a.returned_at IS NOT NULL THEN 'r' ELSE 'e' END
            FROM tickets t JOIN assignments a ON a.work_type = 'ticket' AND a.work_id = t.id
           WHERE (a.returned_at IS NOT NULL OR a.extension_count > 0) AND ${cohort}
          UNION ALL
          SELECT ${k}, t.id, 'e'
            FROM tickets t JOIN assignments a ON a.work_type = 'ticket' AND a.work_id = t.id
           WHERE a.returned_at IS NOT NULL AND a.extension_count > 0 AND ${cohort}
        ) f
       GROUP BY k`, params),
  ]);
  const out = new Map<string | null, AssignmentSums>();
  for (const { k: key, ...sums } of timed) out.set(key, { ...ZERO_ASSIGNMENT_SUMS, ...sums });
  for (const { k: key, ...sums } of flagged) out.set(key, { ...(out.get(key) ?? ZERO_ASSIGNMENT_SUMS), ...sums });
  return out;
}

/** Volume by channel and by service group (分类; null: not yet classified). */
export async function volumeBy(q: Queryable, range: Range, scopePath: string | null, by: 'channel' | 'group'): Promise<Array<{ key: string | null; count: number }>> {
  return rows<{ key: string | null; count: number }>(q, `
    SELECT ${by === 'channel' ? 't.channel' : 'sv.group_name'} AS key, count(*)::int AS count
      FROM tickets t
      ${by === 'group' ? 'LEFT JOIN service_versions sv ON sv.id = t.service_version_id' : ''}
      ${scopePath !== null ? 'JOIN units lu ON lu.id = t.lead_unit_id' : ''}
     WHERE t.accepted_at >= $1 AND t.accepted_at < $2 ${scopePath !== null ? 'AND lu.path LIKE $3' : ''}
     GROUP BY 1 ORDER BY 2 DESC, 1`,
  [range.from, range.to, ...(scopePath !== null ? [`${escapeLike(scopePath)}%`] : [])]);
}

/** Each service's volume in the period and in the one before it (named as its latest ticket names it). */
export async function serviceVolumes(q: Queryable, current: Range, previousFrom: Date, scopePath: string | null): Promise<ServiceVolume[]> {
  return rows<ServiceVolume>(q, `
    SELECT t.service_id AS "serviceId", (array_agg(sv.name ORDER BY t.accepted_at DESC))[1] AS name,
           (array_agg(sv.group_name ORDER BY t.accepted_at DESC))[1] AS "group",
           count(*) FILTER (WHERE t.accepted_at >= $1)::int AS current,
           count(*) FILTER (WHERE t.accepted_at < $1)::int AS previous
      FROM tickets t JOIN service_versions sv ON sv.id = t.service_version_id
      ${scopePath !== null ? 'JOIN units lu ON lu.id = t.lead_unit_id' : ''}
     WHERE t.accepted_at >= $3 AND t.accepted_at < $2 ${scopePath !== null ? 'AND lu.path LIKE $4' : ''}
     GROUP BY t.service_id`,
  [current.from, current.to, previousFrom, ...(scopePath !== null ? [`${escapeLike(scopePath)}%`] : [])]);
}

export interface RankedUnitRow { id: number; name: string; kind: string; path: string; sortOrder: number }

/** The active children of a unit: the rows of a ranking. */
export async function childUnits(q: Queryable, parentId: number): Promise<RankedUnitRow[]> {
  return rows<RankedUnitRow>(q, `
    SELECT id, name, kind, path, sort_order AS "sortOrder" FROM units WHERE parent_id = $1 AND active ORDER BY sort_order, code`, [parentId]);
}

export const WEIGHTS_KEY = 'scoring.weights';

export async function readWeights(q: Queryable): Promise<{ weights: Weights; updatedAt: Date } | undefined> {
  const r = await maybeOne<{ value: Weights; updated_at: Date }>(q, 'SELECT value, updated_at FROM settings WHERE key = $1', [WEIGHTS_KEY]);
  return r && { weights: r.value, updatedAt: r.updated_at };
}

export async function writeWeights(tx: Tx, w: Weights, at: Date, by: number | null): Promise<void> {
  await tx.query(`
    INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
  [WEIGHTS_KEY, JSON.stringify(w), at, by]);
}
