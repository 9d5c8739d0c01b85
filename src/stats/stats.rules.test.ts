import { describe, expect, it } from 'vitest';
import { DomainError } from '../platform/errors.js';
import {
  bucketsOf, checkWeights, compositeScore, DEFAULT_WEIGHTS, hotServices, periodInstants, previousPeriod, rankUnits, rate, resolvePeriod, risingServices,
} from './stats.rules.js';
import { figuresOf } from './stats.figures.rules.js';
import { ZERO_ASSIGNMENT_SUMS, ZERO_TICKET_SUMS } from './stats.js';

// Friday 20 March 2026, 23:30 in Shanghai: still the 20th locally, already the 20th 15:30 in UTC.
const NOW = new Date('2026-03-20T23:30:00+08:00');

describe('periods in Shanghai days', () => {
  it('defaults to this month, [1st, 1st of next month)', () => {
    expect(resolvePeriod({}, NOW)).toEqual({ from: '2026-03-01', to: '2026-04-01' });
  });

  it('knows the presets, across year ends, counting weeks from Monday', () => {
    expect(resolvePeriod({ preset: 'last_month' }, new Date('2026-01-10T08:00:00+08:00'))).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(resolvePeriod({ preset: 'this_week' }, NOW)).toEqual({ from: '2026-03-16', to: '2026-03-23' });
    expect(resolvePeriod({ preset: 'last_week' }, NOW)).toEqual({ from: '2026-03-09', to: '2026-03-16' });
    expect(resolvePeriod({ preset: 'last_30_days' }, NOW)).toEqual({ from: '2026-02-19', to: '2026-03-21' });
    expect(resolvePeriod({ preset: 'this_year' }, NOW)).toEqual({ from: '2026-01-01', to: '2027-01-01' });
  });

  it('uses the local date, not the UTC one: 00:30 on the 1st in Shanghai is already the new month', () => {
    expect(resolvePeriod({}, new Date('2026-04-01T00:30:00+08:00'))).toEqual({ from: '2026-04-01', to: '2026-05-01' });
  });

  it('takes explicit dates over a preset, and refuses half a period, an empty one, a bad date or a huge span', () => {
    expect(resolvePeriod({ preset: 'this_year', from: '2026-02-03', to: '2026-02-10' }, NOW)).toEqual({ from: '2026-02-03', to: '2026-02-10' });
    for (const bad of [{ from: '2026-02-03' }, { from: '2026-02-10', to: '2026-02-10' }, { from: '2026-02-30', to: '2026-03-10' }, { from: '2020-01-01', to: '2026-01-01' }]) {
      expect(() => resolvePeriod(bad, NOW)).toThrow(DomainError);
    }
  });

  it('bounds a period by Shanghai midnights', () => {
    expect(periodInstants({ from: '2026-03-01', to: '2026-04-01' })).toEqual({
      from: new Date('2026-02-28T16:00:00.000Z'), to: new Date('2026-03-31T16:00:00.000Z'),
    });
  });

  it('compares whole months with the months before, other spans with as many days before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-04-01' })).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-04-01' })).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-17' })).toEqual({ from: '2026-03-03', to: '2026-03-10' });
  });
});

describe('trend buckets', () => {
  it('splits by day up to today, with no empty future', () => {
    const days = bucketsOf({ from: '2026-03-01', to: '2026-04-01' }, 'day', '2026-03-21');
    expect(days).toHaveLength(20);
    expect(days[0]).toEqual({ key: '2026-03-01', from: '2026-03-01', to: '2026-03-02' });
    expect(days.at(-1)).toEqual({ key: '2026-03-20', from: '2026-03-20', to: '2026-03-21' });
  });

  it('keys weeks by their Monday (as date_trunc does) and clips the first and last to the period', () => {
    const weeks = bucketsOf({ from: '2026-03-01', to: '2026-04-01' }, 'week');
    expect(weeks[0]).toEqual({ key: '2026-02-23', from: '2026-03-01', to: '2026-03-02' });
    expect(weeks[1]).toEqual({ key: '2026-03-02', from: '2026-03-02', to: '2026-03-09' });
    expect(weeks.at(-1)).toEqual({ key: '2026-03-30', from: '2026-03-30', to: '2026-04-01' });
  });

  it('keys months by their first day, and refuses too many points', () => {
    expect(bucketsOf({ from: '2025-11-15', to: '2026-02-01' }, 'month').map((b) => [b.key, b.from, b.to])).toEqual([
      ['2025-11-01', '2025-11-15', '2025-12-01'], ['2025-12-01', '2025-12-01', '2026-01-01'], ['2026-01-01', '2026-01-01', '2026-02-01'],
    ]);
    expect(() => bucketsOf({ from: '2025-01-01', to: '2026-12-31' }, 'day')).toThrow(DomainError);
  });
});

describe('rates and the composite score', () => {
  it('a rate with nothing measured is null, not zero', () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 0)).toBeNull();
  });

  it('weighs the four rates (default 0.2 / 0.3 / 0.3 / 0.2) into a score out of 100', () => {
    expect(compositeScore({ response: 1, resolution: 0.8, satisfaction: 0.9, onTime: 0.5 }, DEFAULT_WEIGHTS)).toBe(81);
  });

  it('leaves out a rate with nothing measured and lets the others share its weight', () => {
    // (0.2 × 1 + 0.2 × 0.5) / 0.4 = 0.75
    expect(compositeScore({ response: 1, resolution: null, satisfaction: null, onTime: 0.5 }, DEFAULT_WEIGHTS)).toBe(75);
    expect(compositeScore({ response: null, resolution: null, satisfaction: null, onTime: null }, DEFAULT_WEIGHTS)).toBeNull();
  });

  it('accepts weights between 0 and 1 that add up to 1, and refuses others', () => {
    expect(checkWeights({ response: 0.25, resolution: 0.25, satisfaction: 0.25, onTime: 0.25 })).toEqual({ response: 0.25, resolution: 0.25, satisfaction: 0.25, onTime: 0.25 });
    expect(checkWeights({ response: 0.1, resolution: 0.2, satisfaction: 0.3, onTime: 0.4 }).onTime).toBe(0.4);
    expect(() => checkWeights({ response: 0.5, resolution: 0.5, satisfaction: 0.5, onTime: 0 })).toThrow(DomainError);
    expect(() => checkWeights({ response: -0.2, resolution: 0.6, satisfaction: 0.4, onTime: 0.2 })).toThrow(DomainError);
  });
});

describe('ranking', () => {
  it('orders by score, then volume; equal scores share a rank; units with no score come last unranked', () => {
    const ranked = rankUnits([
      { name: '区水务局', score: 80, volume: 10 },
      { name: '区住建局', score: 92.5, volume: 3 },
      { name: '城关街道', score: 80, volume: 12 },
      { name: '东湖镇', score: null, volume: 0 },
      { name: '区城管局', score: 61, volume: 40 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([['区住建局', 1], ['城关街道', 2], ['区水务局', 2], ['区城管局', 4], ['东湖镇', null]]);
  });
});

describe('hot services', () => {
  const volumes = [
    { serviceId: 1, name: '供水问题', group: '城市管理', current: 30, previous: 10 },
    { serviceId: 2, name: '噪声扰民', group: '生态环境', current: 30, previous: 40 },
    { serviceId: 3, name: '物业服务', group: '住房', current: 5, previous: 0 },
    { serviceId: 4, name: '路灯维修', group: '城市管理', current: 0, previous: 8 },
  ];

  it('lists the largest volumes with their growth against the previous period', () => {
    expect(hotServices(volumes, 3).map((s) => [s.name, s.current, s.growth])).toEqual([['供水问题', 30, 2], ['噪声扰民', 30, -0.25], ['物业服务', 5, null]]);
  });

  it('lists the services that grew most', () => {
    expect(risingServices(volumes, 5).map((s) => [s.name, s.change])).toEqual([['供水问题', 20], ['物业服务', 5]]);
  });
});

describe('figures and the tickets behind them', () => {
  const range = { from: new Date('2026-02-28T16:00:00.000Z'), to: new Date('2026-03-31T16:00:00.000Z'), now: NOW };
  const base = { from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' };

  it('for the district: plain filters on the cohort; closed loop counts due open loops as misses', () => {
    const f = figuresOf({ ...ZERO_TICKET_SUMS, accepted: 10, loopClosed: 6, loopDueOpen: 2, direct: 1, overdue: 3 }, { ...ZERO_ASSIGNMENT_SUMS, ackDue: 4, ackMet: 3 },
      { scope: { unitId: null, path: null, rootId: 1 }, ...range });
    expect(f.closedLoop).toMatchObject({ numerator: 6, denominator: 8, rate: 0.75, filter: { ...base, closeKind: ['rated', 'confirmed', 'direct'] } });
    expect(f.closedLoop.missFilter).toEqual({ ...base, status: ['new', 'assigned', 'in_progress', 'arbitration', 'replied'], dueBefore: NOW.toISOString() });
    expect(f.response).toMatchObject({ rate: 0.75, filter: base, missFilter: { ...base, lateKind: 'acknowledge' } });
    expect(f.overdue).toEqual({ value: 3, filter: { ...base, overdue: true } });
    expect(f.returns.filter).toEqual({ ...base, returnedBy: 1 });
    expect(f.direct).toMatchObject({ numerator: 1, denominator: 10, rate: 0.1, filter: { ...base, closeKind: ['direct'] } });
  });

  it('for a unit: tickets it leads, and its own (and its sub-units\') clocks', () => {
    const f = figuresOf({ ...ZERO_TICKET_SUMS, accepted: 4, rated: 2, resolved: 1, satisfied: 2 }, { ...ZERO_ASSIGNMENT_SUMS, overdueTickets: 2 },
      { scope: { unitId: 7, path: '/1/7/', rootId: 1 }, ...range });
    expect(f.accepted.filter).toEqual({ ...base, leadUnitId: 7 });
    expect(f.resolution).toMatchObject({ rate: 0.5, missFilter: { ...base, leadUnitId: 7, resolved: ['no'] } });
    expect(f.satisfaction).toMatchObject({ rate: 1, filter: { ...base, leadUnitId: 7, satisfaction: ['satisfied', 'basic', 'unsatisfied'] } });
    expect(f.onTime).toMatchObject({ rate: null, filter: { ...base, unitId: 7 }, missFilter: { ...base, lateKind: 'resolve', lateBy: 7 } });
    expect(f.overdue).toEqual({ value: 2, filter: { ...base, lateBy: 7 } });
    expect(f.direct).toBeNull();
  });
});
