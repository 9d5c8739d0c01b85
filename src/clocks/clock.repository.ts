import type { Queryable, Tx } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';
import type { Clock, ClockKind, ClockStatus, LimitUnit, NewClock } from './clock.js';
import { nextCheckAt } from './clock.rules.js';

interface ClockRow {
  id: number; work_type: string; work_id: number; assignment_id: number | null; kind: ClockKind; started_at: Date;
  limit_amount: number; limit_unit: LimitUnit; limit_natural: boolean; deadline: Date; original_deadline: Date; warn_at: Date;
  warned_at: Date | null; overdue_at: Date | null; paused_ms: number; extended_days: number; state: ClockStatus['state'];
  paused_since: Date | null; pause_reason: string | null; met_at: Date | null; stopped_at: Date | null; stop_reason: string | null;
  calendar_version: string;
}

function statusOf(r: ClockRow): ClockStatus {
  switch (r.state) {
    case 'running': return { state: 'running' };
    case 'paused': return { state: 'paused', pausedSince: r.paused_since!, reason: r.pause_reason ?? '' };
    case 'met': return { state: 'met', metAt: r.met_at! };
    case 'stopped': return { state: 'stopped', stoppedAt: r.stopped_at!, reason: r.stop_reason ?? '' };
  }
}

export function toClock(r: ClockRow): Clock {
  return {
    id: r.id, kind: r.kind, assignmentId: r.assignment_id, startedAt: r.started_at,
    limit: r.limit_natural ? { amount: r.limit_amount, unit: r.limit_unit, natural: true } : { amount: r.limit_amount, unit: r.limit_unit },
    deadline: r.deadline, originalDeadline: r.original_deadline, warnAt: r.warn_at, warnedAt: r.warned_at, overdueAt: r.overdue_at,
    pausedMs: r.paused_ms, extendedDays: r.extended_days, status: statusOf(r), calendarVersion: r.calendar_version,
  };
}

export async function listClocks(q: Queryable, workType: string, workId: number): Promise<Clock[]> {
  return (await rows<ClockRow>(q, 'SELECT * FROM clocks WHERE work_type = $1 AND work_id = $2 ORDER BY id', [workType, workId])).map(toClock);
}

/** A clock's state as its six columns (state, paused since, pause reason, met, stopped, stop reason). */
export function statusColumns(c: Clock | NewClock): unknown[] {
  const s = c.status;
  return [
    s.state,
    s.state === 'paused' ? s.pausedSince : null,
    s.state === 'paused' ? s.reason : null,
    s.state === 'met' ? s.metAt : null,
    s.state === 'stopped' ? s.stoppedAt : null,
    s.state === 'stopped' ? s.reason : null,
  ];
}

/** Insert several clocks of one piece of work in one statement; returns their ids in order. */
export async function insertClocks(tx: Tx, workType: string, workId: number, clocks: NewClock[]): Promise<number[]> {
  return insertClocksBatch(tx, workType, clocks.map((clock) => ({ workId, clock })));
}

/** Insert clocks of many pieces of work in one statement (imports, demo data); returns ids in order. */
export async function insertClocksBatch(tx: Tx, workType: string, list: ReadonlyArray<{ workId: number; clock: NewClock }>): Promise<number[]> {
  if (list.length === 0) return [];
  const c = list.map((x) => x.clock);
  const status = c.map(statusColumns);
  const r = await tx.query<{ id: number }>(`
    INSERT INTO clocks (work_type, work_id, assignment_id, kind, started_at, limit_amount, limit_unit, limit_natural, deadline, original_deadline,
      warn_at, warned_at, overdue_at, paused_ms, extended_days, state, paused_since, pause_reason, met_at, stopped_at, stop_reason, calendar_version, next_check_at)
    SELECT $1, x.work_id, x.assignment_id, x.kind, x.started_at, x.amount, x.unit, x.is_natural, x.deadline, x.original_deadline, x.warn_at, x.warned_at,
           x.overdue_at, x.paused_ms, x.extended_days, x.state, x.paused_since, x.pause_reason, x.met_at, x.stopped_at, x.stop_reason, x.calendar_version, x.next_check_at
      FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::timestamptz[], $6::int[], $7::text[], $8::boolean[], $9::timestamptz[], $10::timestamptz[],
        $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::bigint[], $15::int[], $16::text[], $17::timestamptz[], $18::text[], $19::timestamptz[],
        $20::timestamptz[], $21::text[], $22::text[], $23::timestamptz[]) WITH ORDINALITY
        AS x(work_id, assignment_id, kind, started_at, amount, unit, is_natural, deadline, original_deadline, warn_at, warned_at, overdue_at, paused_ms,
          extended_days, state, paused_since, pause_reason, met_at, stopped_at, stop_reason, calendar_version, next_check_at, n)
     ORDER BY x.n RETURNING id`,
  [workType, list.map((x) => x.workId), c.map((x) => x.assignmentId), c.map((x) => x.kind), c.map((x) => x.startedAt), c.map((x) => x.limit.amount),
    c.map((x) => x.limit.unit), c.map((x) => x.limit.natural ?? false), c.map((x) => x.deadline), c.map((x) => x.originalDeadline), c.map((x) => x.warnAt),
    c.map((x) => x.warnedAt), c.map((x) => x.overdueAt), c.map((x) => x.pausedMs), c.map((x) => x.extendedDays),
    ...[0, 1, 2, 3, 4, 5].map((i) => status.map((row) => row[i])), c.map((x) => x.calendarVersion), c.map((x) => nextCheckAt(x))]);
  return r.rows.map((x) => x.id);
}

export async function updateClock(tx: Tx, c: Clock): Promise<void> {
  await tx.query(`
    UPDATE clocks SET deadline = $2, warn_at = $3, warned_at = $4, overdue_at = $5, paused_ms = $6, extended_days = $7,
      state = $8, paused_since = $9, pause_reason = $10, met_at = $11, stopped_at = $12, stop_reason = $13, next_check_at = $14
     WHERE id = $1`,
  [c.id, c.deadline, c.warnAt, c.warnedAt, c.overdueAt, c.pausedMs, c.extendedDays, ...statusColumns(c), nextCheckAt(c)]);
}

export interface DueClock { clock: Clock; workType: string; workId: number }

/**
 * Claim up to `limit` clocks whose next check is due. SKIP LOCKED lets several servers sweep at once
 * without waiting on, or repeating, each other's rows.
 */
export async function claimDueClocks(tx: Tx, now: Date, limit: number): Promise<DueClock[]> {
  const list = await rows<ClockRow>(tx, `
    SELECT * FROM clocks WHERE next_check_at IS NOT NULL AND next_check_at <= $1
     ORDER BY next_check_at LIMIT $2 FOR UPDATE SKIP LOCKED`, [now, limit]);
  return list.map((r) => ({ clock: toClock(r), workType: r.work_type, workId: r.work_id }));
}
