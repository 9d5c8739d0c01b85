/**
 * Pure scoring rules: periods and buckets in Shanghai days, rates, the weighted composite score and the
 * ranking. No database and no clock reads: the time is an argument (STYLE.md 3).
 */
import { DomainError } from '../platform/errors.js';
import { formatLocalDate, instantOf, localDayOf, tryParseLocalDate, weekdayOf } from '../calendar/calendar.dates.js';
import type { BucketSize, Period, Preset, RateKey, Weights } from './stats.js';
import { RATE_KEYS } from './stats.js';

/** Beijing's 12345 model weighs resolution and satisfaction most (DOMAIN.md §3); a district may change it. */
export const DEFAULT_WEIGHTS: Weights = { response: 0.2, resolution: 0.3, satisfaction: 0.3, onTime: 0.2 };

/** Two years of days: longer spans are archive questions, not dashboard ones. */
export const MAX_PERIOD_DAYS = 731;
/** A trend chart is read, not scrolled: beyond this many points, choose a larger bucket. */
export const MAX_BUCKETS = 400;

const invalid = (zh: string, en: string, details?: unknown): never => {
  throw new DomainError('VALIDATION_FAILED', details, zh, en);
};

function dayOf(text: string, field: string): number {
  const day = tryParseLocalDate(text);
  return day ?? invalid(`${field} 须为 YYYY-MM-DD 格式的日期`, `${field} must be a YYYY-MM-DD date`, { field });
}

function monthStart(day: number, shift = 0): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + shift, 1) / 86_400_000;
}

const mondayOf = (day: number) => day - ((weekdayOf(day) + 6) % 7);

function presetDays(preset: Preset, today: number): [number, number] {
  switch (preset) {
    case 'this_month': return [monthStart(today), monthStart(today, 1)];
    case 'last_month': return [monthStart(today, -1), monthStart(today)];
    case 'this_week': return [mondayOf(today), mondayOf(today) + 7];
    case 'last_week': return [mondayOf(today) - 7, mondayOf(today)];
    case 'last_30_days': return [today - 29, today + 1];
    case 'this_year': {
      const y = new Date(today * 86_400_000).getUTCFullYear();
      return [Date.UTC(y, 0, 1) / 86_400_000, Date.UTC(y + 1, 0, 1) / 86_400_000];
    }
  }
}

/** The period asked for: explicit dates win; otherwise a preset (default this month) counted from `now`. */
export function resolvePeriod(input: { preset?: Preset; from?: string; to?: string }, now: Date): Period {
  if ((input.from === undefined) !== (input.to === undefined)) invalid('起止日期须同时给出', 'give both from and to, or neither');
  let from: number;
  let to: number;
  if (input.from !== undefined && input.to !== undefined) {
    from = dayOf(input.from, 'from');
    to = dayOf(input.to, 'to');
  } else {
    [from, to] = presetDays(input.preset ?? 'this_month', localDayOf(now.getTime()));
  }
  if (to <= from) invalid('结束日期须晚于开始日期（不含结束日）', 'to must be after from (to is exclusive)');
  if (to - from > MAX_PERIOD_DAYS) invalid(`统计区间不能超过 ${MAX_PERIOD_DAYS} 天`, `the period may span at most ${MAX_PERIOD_DAYS} days`);
  return { from: formatLocalDate(from), to: formatLocalDate(to) };
}

/** The instants that bound a period: Shanghai midnight of `from` and of `to`. */
export function periodInstants(p: Period): { from: Date; to: Date } {
  return { from: new Date(instantOf(dayOf(p.from, 'from'), 0)), to: new Date(instantOf(dayOf(p.to, 'to'), 0)) };
}

/**
 * The period to compare with: whole calendar months compare with the same number of months before
 * (March with February, not with the 31 days before March); any other span with the same number of days before.
 */
export function previousPeriod(p: Period): Period {
  const from = dayOf(p.from, 'from');
  const to = dayOf(p.to, 'to');
  if (monthStart(from) === from && monthStart(to) === to) {
    const a = new Date(from * 86_400_000);
    const b = new Date(to * 86_400_000);
    const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
    return { from: formatLocalDate(monthStart(from, -months)), to: p.from };
  }
  return { from: formatLocalDate(from - (to - from)), to: p.from };
}

export interface Bucket { key: string; from: string; to: string }

/**
 * The buckets of a trend. `key` is the bucket's own start (what SQL's date_trunc gives: Monday for a
 * week, the 1st for a month); `from`/`to` are clipped to the period and to `until` (no empty future).
 */
export function bucketsOf(p: Period, size: BucketSize, until?: string): Bucket[] {
  const from = dayOf(p.from, 'from');
  const end = Math.min(dayOf(p.to, 'to'), until === undefined ? Infinity : Math.max(dayOf(until, 'until'), from + 1));
  const startOf = (d: number) => (size === 'day' ? d : size === 'week' ? mondayOf(d) : monthStart(d));
  const next = (s: number) => (size === 'day' ? s + 1 : size === 'week' ? s + 7 : monthStart(s, 1));
  const out: Bucket[] = [];
  for (let s = startOf(from); s < end; s = next(s)) {
    if (out.length >= MAX_BUCKETS) invalid(`时间点过多（上限 ${MAX_BUCKETS}），请按周或按月查看`, `too many points (at most ${MAX_BUCKETS}); use weeks or months`);
    out.push({ key: formatLocalDate(s), from: formatLocalDate(Math.max(s, from)), to: formatLocalDate(Math.min(next(s), end)) });
  }
  return out;
}

/** numerator / denominator; null when nothing was measured (a unit with no rated ticket has no satisfaction rate, not 0%). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Weights are shares of the score: each between 0 and 1, together 1. */
export function checkWeights(w: Weights): Weights {
  for (const k of RATE_KEYS) {
    const v = w[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) invalid(`权重 ${k} 须在 0 到 1 之间`, `weight ${k} must be between 0 and 1`, { field: k });
  }
  const sum = RATE_KEYS.reduce((s, k) => s + w[k], 0);
  if (Math.abs(sum - 1) > 1e-6) invalid(`各项权重之和须为 1（当前 ${Number(sum.toFixed(6))}）`, `the weights must add up to 1 (now ${Number(sum.toFixed(6))})`);
  return { response: w.response, resolution: w.resolution, satisfaction: w.satisfaction, onTime: w.onTime };
}

/**
 * The composite score, 0–100, one decimal: the weighted mean of the rates the unit has. A rate with
 * nothing measured is left out and the other weights share its part, so a unit that was never rated
 * is scored on what it did, not punished with a zero nor rewarded with a blank.
 */
export function compositeScore(rates: Record<RateKey, number | null>, w: Weights): number | null {
  let sum = 0;
  let weight = 0;
  for (const k of RATE_KEYS) {
    const r = rates[k];
    if (r === null || w[k] === 0) continue;
    sum += w[k] * r;
    weight += w[k];
  }
  return weight > 0 ? Math.round((1000 * sum) / weight) / 10 : null;
}

export interface Rankable { score: number | null; volume: number; name: string }

/**
 * Order by score (higher first), then volume (more work first), then name. Equal scores share a rank
 * ("1, 2, 2, 4"); units with no score are listed last without a rank.
 */
export function rankUnits<T extends Rankable>(list: readonly T[]): Array<T & { rank: number | null }> {
  const sorted = [...list].sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === b.score ? a.name.localeCompare(b.name, 'zh') : a.score === null ? 1 : -1;
    return b.score - a.score || b.volume - a.volume || a.name.localeCompare(b.name, 'zh');
  });
  let rank = 0;
  return sorted.map((u, i) => {
    if (u.score === null) return { ...u, rank: null };
    if (i === 0 || sorted[i - 1]!.score !== u.score) rank = i + 1;
    return { ...u, rank };
  });
}

export interface ServiceVolume { serviceId: number; name: string; group: string; current: number; previous: number }

/** Hot services: the largest volume first; growth against the previous period (null when it had none). */
export function hotServices(list: readonly ServiceVolume[], limit: number): Array<ServiceVolume & { growth: number | null; change: number }> {
  return list
    .filter((s) => s.current > 0)
    .map((s) => ({ ...s, change: s.current - s.previous, growth: s.previous > 0 ? (s.current - s.previous) / s.previous : null }))
    .sort((a, b) => b.current - a.current || b.change - a.change || a.name.localeCompare(b.name, 'zh'))
    .slice(0, limit);
}

/** Rising services: the largest increase over the previous period, only those that grew. */
export function risingServices(list: readonly ServiceVolume[], limit: number): Array<ServiceVolume & { growth: number | null; change: number }> {
  return list
    .map((s) => ({ ...s, change: s.current - s.previous, growth: s.previous > 0 ? (s.current - s.previous) / s.previous : null }))
    .filter((s) => s.change > 0)
    .sort((a, b) => b.change - a.change || b.current - a.current || a.name.localeCompare(b.name, 'zh'))
    .slice(0, limit);
}
