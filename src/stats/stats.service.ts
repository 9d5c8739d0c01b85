/** Scores for a period and a scope: the figures, the ranking of units, the trend and the hot services. */
import type { Queryable } from '../platform/database/db.js';
import { withTransaction } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUnit } from '../units/unit.repository.js';
import { localDayOf, formatLocalDate } from '../calendar/calendar.dates.js';
import type { Channel } from '../tickets/ticket.js';
import type { BucketSize, Period, Preset, RankGroup, Scope, TicketFilter, Weights } from './stats.js';
import { ZERO_ASSIGNMENT_SUMS, ZERO_TICKET_SUMS } from './stats.js';
import {
  bucketsOf, checkWeights, compositeScore, DEFAULT_WEIGHTS, hotServices, periodInstants, previousPeriod, rankUnits, resolvePeriod, risingServices,
} from './stats.rules.js';
import { figuresOf } from './stats.figures.rules.js';
import { rankingParent, statsScope } from './stats.policy.js';
import * as repo from './stats.repository.js';

export interface PeriodInput { preset?: Preset; from?: string; to?: string }

async function scopeFor(q: Queryable, actor: Actor, unitId: number | undefined): Promise<Scope & { unitName: string | null }> {
  const unit = unitId === undefined ? undefined : await findUnit(q, unitId);
  const scope = statsScope(actor, unit ?? null, unitId);
  const named = scope.unitId === null ? null : scope.unitId === unit?.id ? unit : await findUnit(q, scope.unitId);
  return { ...scope, unitName: named?.name ?? null };
}

function periodOf(ctx: AppContext, input: PeriodInput): { period: Period; range: repo.Range; now: Date } {
  const now = ctx.clock.now();
  const period = resolvePeriod(input, now);
  return { period, range: periodInstants(period), now };
}

/** 总览: every figure of one scope, with the channel mix and the service groups. */
export async function overview(ctx: AppContext, actor: Actor, input: PeriodInput & { unitId?: number }) {
  const { period, range, now } = periodOf(ctx, input);
  const scope = await scopeFor(ctx.db, actor, input.unitId);
  const [tickets, work, channels, groups] = await Promise.all([
    repo.ticketSums(ctx.db, range, scope.path, { kind: 'all' }, now),
    repo.assignmentSums(ctx.db, range, scope.path, { kind: 'all' }),
    repo.volumeBy(ctx.db, range, scope.path, 'channel'),
    repo.volumeBy(ctx.db, range, scope.path, 'group'),
  ]);
  const figures = figuresOf(tickets.get('') ?? ZERO_TICKET_SUMS, work.get('') ?? ZERO_ASSIGNMENT_SUMS, { scope, ...range, now });
  const base: TicketFilter = { ...figures.accepted.filter };
  return {
    period, computedAt: now, unitId: scope.unitId, unitName: scope.unitName, figures,
    channels: channels.map((c) => ({ channel: c.key as Channel, count: c.count, filter: { ...base, channel: c.key as Channel } })),
    groups: groups.map((g) => ({ group: g.key, count: g.count, filter: g.key === null ? null : { ...base, serviceGroup: g.key } })),
  };
}

const GROUP_KINDS: Record<RankGroup, readonly string[] | null> = {
  departments: ['department', 'other'],
  towns: ['town', 'street'],
  all: null,
};

/**
 * 排名: the children of a unit (by default the district's departments or towns), each scored on its whole
 * subtree and ranked by the weighted composite of its four rates.
 */
export async function ranking(ctx: AppContext, actor: Actor, input: PeriodInput & { group?: RankGroup; parentId?: number }) {
  const { period, range, now } = periodOf(ctx, input);
  const requested = input.parentId === undefined ? undefined : await findUnit(ctx.db, input.parentId);
  const parent = await findUnit(ctx.db, rankingParent(actor, requested ?? null, input.parentId));
  if (!parent) throw new DomainError('UNIT_NOT_FOUND');
  const kinds = GROUP_KINDS[input.group ?? 'all'];
  const g: repo.GroupBy = { kind: 'child', depth: parent.depth };
  const [children, tickets, work, weights] = await Promise.all([
    repo.childUnits(ctx.db, parent.id),
    repo.ticketSums(ctx.db, range, parent.path, g, now),
    repo.assignmentSums(ctx.db, range, parent.path, g),
    currentWeights(ctx.db),
  ]);
  const rootId = Number(parent.path.split('/')[1]);
  const rows = children.filter((u) => !kinds || kinds.includes(u.kind)).map((u) => {
    const figures = figuresOf(tickets.get(String(u.id)) ?? ZERO_TICKET_SUMS, work.get(String(u.id)) ?? ZERO_ASSIGNMENT_SUMS,
      { scope: { unitId: u.id, path: u.path, rootId }, ...range, now });
    const score = compositeScore({
      response: figures.response.rate, resolution: figures.resolution.rate, satisfaction: figures.satisfaction.rate, onTime: figures.onTime.rate,
    }, weights.weights);
    return { unitId: u.id, unitName: u.name, kind: u.kind, name: u.name, score, volume: figures.accepted.value, figures };
  });
  return {
    period, computedAt: now, parentId: parent.id, parentName: parent.name, weights: weights.weights,
    rows: rankUnits(rows).map(({ name: _n, volume: _v, ...r }) => r),
  };
}

/** 趋势: the cohort of each day, week or month of the period (up to today), with its main rates. */
export async function trend(ctx: AppContext, actor: Actor, input: PeriodInput & { bucket?: BucketSize; unitId?: number }) {
  const { period, range, now } = periodOf(ctx, input);
  const size = input.bucket ?? 'day';
  const buckets = bucketsOf(period, size, formatLocalDate(localDayOf(now.getTime()) + 1));
  const scope = await scopeFor(ctx.db, actor, input.unitId);
  const g: repo.GroupBy = { kind: 'bucket', size };
  const [tickets, work] = await Promise.all([
    repo.ticketSums(ctx.db, range, scope.path, g, now),
    repo.assignmentSums(ctx.db, range, scope.path, g),
  ]);
  return {
    period, bucket: size, computedAt: now, unitId: scope.unitId,
    points: buckets.map((b) => {
      const f = figuresOf(tickets.get(b.key) ?? ZERO_TICKET_SUMS, work.get(b.key) ?? ZERO_ASSIGNMENT_SUMS, { scope, ...periodInstants(b), now });
      const brief = (r: typeof f.response) => ({ numerator: r.numerator, denominator: r.denominator, rate: r.rate });
      return {
        ...b, accepted: f.accepted, overdue: f.overdue.value,
        response: brief(f.response), resolution: brief(f.resolution), satisfaction: brief(f.satisfaction),
        closedLoop: brief(f.closedLoop), onTime: brief(f.onTime),
      };
    }),
  };
}

/** 热点: the services with the most tickets, and those growing fastest against the previous period. */
export async function hot(ctx: AppContext, actor: Actor, input: PeriodInput & { unitId?: number; limit?: number }) {
  const { period, range, now } = periodOf(ctx, input);
  const previous = previousPeriod(period);
  const scope = await scopeFor(ctx.db, actor, input.unitId);
  const volumes = await repo.serviceVolumes(ctx.db, range, periodInstants(previous).from, scope.path);
  const base: TicketFilter = { from: range.from.toISOString(), to: range.to.toISOString(), ...(scope.unitId === null ? {} : { leadUnitId: scope.unitId }) };
  const withFilter = <T extends { serviceId: number }>(s: T) => ({ ...s, filter: { ...base, serviceId: s.serviceId } as TicketFilter });
  const limit = input.limit ?? 10;
  return {
    period, previous, computedAt: now, unitId: scope.unitId,
    top: hotServices(volumes, limit).map(withFilter),
    rising: risingServices(volumes, Math.min(limit, 5)).map(withFilter),
  };
}

/** The weights in force: the setting, or the defaults when none is saved (or a saved one is unusable). */
export async function currentWeights(q: Queryable): Promise<{ weights: Weights; isDefault: boolean; updatedAt: Date | null }> {
  const saved = await repo.readWeights(q);
  if (!saved) return { weights: DEFAULT_WEIGHTS, isDefault: true, updatedAt: null };
  try {
    return { weights: checkWeights(saved.weights), isDefault: false, updatedAt: saved.updatedAt };
  } catch {
    return { weights: DEFAULT_WEIGHTS, isDefault: true, updatedAt: null };
  }
}

/** An administrator changes the weights; the change and what it replaced are on the audit trail. */
export async function setWeights(ctx: AppContext, actor: Actor, input: Weights) {
  const weights = checkWeights(input);
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const before = await currentWeights(tx);
    await repo.writeWeights(tx, weights, now, actor.userId);
    await recordAudit(tx, {
      at: now, actorId: actor.userId, entityType: 'setting', entityId: 0, action: 'scoring_weights_set',
      before: before.weights, after: weights, data: { key: repo.WEIGHTS_KEY },
    });
  });
  return { weights, isDefault: false, updatedAt: now };
}
