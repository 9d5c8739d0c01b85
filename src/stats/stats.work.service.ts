/** A unit's desk with time left on each clock, and the supervisors' spot checks of closed tickets. */
import { withTransaction, maybeOne } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { hasRole, type Actor } from '../platform/auth/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUnit } from '../units/unit.repository.js';
import { getCalendar } from '../calendar/calendar.service.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import type { Clock } from '../clocks/clock.js';
import { timeLeft } from '../clocks/clock.rules.js';
import { runMove } from '../tickets/ticket.service.js';
import { byActor } from '../tickets/ticket.persist.js';
import { reopen } from '../tickets/ticket.dispatch.rules.js';
import { refuse } from '../tickets/ticket.rules.js';
import { statsScope } from './stats.policy.js';
import { activeWork, closedSample, workCounts } from './stats.work.repository.js';

function left(cal: WorkCalendar, c: Clock, now: Date): number | null {
  try {
    return timeLeft(cal, c, now);
  } catch {
    // A deadline in a year whose schedule is not loaded: show no countdown rather than a wrong one.
    return null;
  }
}

/** 本单位工单: the active assignments of a unit and the units below it, the most urgent first. */
export async function unitWork(ctx: AppContext, actor: Actor, input: { unitId?: number; limit?: number }) {
  const now = ctx.clock.now();
  const id = input.unitId ?? actor.unitId;
  const unit = await findUnit(ctx.db, id);
  const scope = statsScope(actor, unit ?? null, id);
  const path = scope.path ?? actor.unitPath;
  const [work, counts, cal] = await Promise.all([activeWork(ctx.db, path, input.limit ?? 200), workCounts(ctx.db, path), getCalendar(ctx.db)]);
  return {
    unitId: id, unitName: unit?.name ?? '', computedAt: now, counts, total: work.total,
    items: work.items.map((w) => {
      const clocks = w.clocks.map((c) => ({
        id: c.id, kind: c.kind, deadline: c.deadline, warnedAt: c.warnedAt, overdueAt: c.overdueAt,
        status: { state: c.status.state }, timeLeftMs: left(cal, c, now),
      }));
      const urgency = clocks.some((c) => c.overdueAt || (c.timeLeftMs !== null && c.timeLeftMs < 0)) ? 'overdue' as const
        : clocks.some((c) => c.warnedAt) ? 'warning' as const
          : clocks.length > 0 && clocks.every((c) => c.status.state === 'paused') ? 'paused' as const : 'normal' as const;
      return { ...w, clocks, urgency };
    }),
  };
}

const DAY = 86_400_000;

/** 抽查: a sample of tickets closed in the last `days` days, with the reply and the rating to judge. */
export async function spotSample(ctx: AppContext, input: { days?: number; size?: number; seed?: string }) {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - (input.days ?? 30) * DAY);
  const seed = input.seed ?? now.toISOString().slice(0, 10);
  const sample = await closedSample(ctx.db, since, now, seed, input.size ?? 10);
  return { since, until: now, seed, ...sample };
}

/**
 * Record a spot check. Passed: an audit event on the ticket. Failed: the ticket is reopened (重办) to its
 * last lead unit with the reason, and the check recorded, in one transaction.
 */
export async function recordSpotCheck(ctx: AppContext, actor: Actor, input: { ticketId: number; passed: boolean; note?: string }) {
  if (!hasRole(actor, 'supervisor')) throw new DomainError('FORBIDDEN');
  const note = input.note?.trim() ?? '';
  const now = ctx.clock.now();
  if (input.passed) {
    await withTransaction(ctx.db, async (tx) => {
      const t = await maybeOne<{ status: string }>(tx, 'SELECT status FROM tickets WHERE id = $1 FOR UPDATE', [input.ticketId]);
      if (!t) throw new DomainError('TICKET_NOT_FOUND');
      if (t.status !== 'closed') refuse('只能抽查已办结的工单', 'only closed tickets can be spot-checked');
      await recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'ticket', entityId: input.ticketId, action: 'spot_checked', data: { passed: true, note } });
    });
    return { ticketId: input.ticketId, passed: true, reopened: false };
  }
  if (!note) throw new DomainError('VALIDATION_FAILED', { field: 'note' }, '抽查不合格须说明理由', 'a failed spot check needs a reason');
  await runMove(ctx, byActor(actor), input.ticketId, async (snap, env, tx) => {
    if (snap.ticket.status !== 'closed') refuse('只能抽查已办结的工单', 'only closed tickets can be spot-checked');
    const lead = snap.ticket.leadUnitId === null ? undefined : await findUnit(tx, snap.ticket.leadUnitId);
    if (!lead) refuse('该工单没有承办单位，无法重办', 'the ticket has no lead unit to reopen it to');
    return reopen(snap, lead, `抽查不合格：${note}`, env);
  }, async (tx) => {
    await recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'ticket', entityId: input.ticketId, action: 'spot_checked', data: { passed: false, note } });
  });
  return { ticketId: input.ticketId, passed: false, reopened: true };
}
