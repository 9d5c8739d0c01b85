import { describe, expect, it } from 'vitest';
import { effectiveLimits, inForceAt, versionsInForce, type ServiceContent, type ServiceLimits, type ServiceVersion } from './service.js';
import {
  checkEffectiveFrom, contentProblems, limitProblems, normaliseKeywords, normaliseLimits, sameContent, versionAt,
} from './service.rules.js';

const at = (s: string) => new Date(`${s}+08:00`);
const content = (over: Partial<ServiceContent> = {}): ServiceContent => ({
  name: '噪音扰民', groupName: '城市管理', description: '', keywords: ['噪音'], unitId: 1, limits: { resolve: { amount: 5, unit: 'working_days' } }, active: true, ...over,
});

describe('limits', () => {
  it('fills the district defaults and leaves missing clocks missing', () => {
    const limits: ServiceLimits = { acknowledge: { amount: 2, unit: 'hours', natural: true } };
    expect(effectiveLimits(limits)).toEqual({
      acknowledge: { amount: 2, unit: 'hours', natural: true },
      returnWindow: { amount: 2, unit: 'working_days' }, maxExtensions: 1, maxExtensionWorkingDays: 10, pauseNeedsApproval: false,
    });
    expect(effectiveLimits({ returnWindow: { amount: 1, unit: 'working_days' }, maxExtensions: 0 }, {
      returnWindow: { amount: 3, unit: 'working_days' }, maxExtensions: 2, maxExtensionWorkingDays: 5, pauseNeedsApproval: true,
    })).toEqual({ returnWindow: { amount: 1, unit: 'working_days' }, maxExtensions: 0, maxExtensionWorkingDays: 5, pauseNeedsApproval: true });
  });

  it('accepts whole amounts up to a year', () => {
    expect(limitProblems({
      acknowledge: { amount: 30, unit: 'minutes' }, firstContact: { amount: 8760, unit: 'hours', natural: true },
      resolve: { amount: 365, unit: 'working_days' }, callback: { amount: 1, unit: 'calendar_days' }, maxExtensions: 0, maxExtensionWorkingDays: 10,
    })).toEqual([]);
  });

  it('refuses zero, fractions, more than a year and "around the clock" days, naming the field', () => {
    const problems = limitProblems({
      acknowledge: { amount: 0, unit: 'hours' }, firstContact: { amount: 1.5, unit: 'hours' }, resolve: { amount: 366, unit: 'calendar_days' },
      callback: { amount: 2, unit: 'working_days', natural: true }, maxExtensions: 11, maxExtensionWorkingDays: 0,
    });
    expect(problems.map((p) => p.field)).toEqual([
      'limits.acknowledge', 'limits.firstContact', 'limits.resolve', 'limits.callback', 'limits.maxExtensions', 'limits.maxExtensionWorkingDays',
    ]);
    expect(problems.every((p) => p.code === 'SERVICE_LIMITS_INVALID')).toBe(true);
    expect(problems[2]).toMatchObject({ zh: '办结时限须为 1 至 365 之间的整数' });
  });

  it('normalises so that equal limits compare equal', () => {
    expect(normaliseLimits({ resolve: { unit: 'hours', amount: 2, natural: false }, acknowledge: { amount: 1, unit: 'hours' } }))
      .toEqual({ acknowledge: { amount: 1, unit: 'hours' }, resolve: { amount: 2, unit: 'hours' } });
    expect(sameContent(content(), content({ limits: { resolve: { unit: 'working_days', amount: 5, natural: false } } }))).toBe(true);
    expect(sameContent(content(), content({ limits: { resolve: { amount: 5, unit: 'calendar_days' } } }))).toBe(false);
    expect(sameContent(content(), content({ active: false }))).toBe(false);
    expect(sameContent(content(), content({ keywords: ['噪音', '扰民'] }))).toBe(false);
  });
});

describe('content', () => {
  it('needs a name and a group, and bounds the text', () => {
    expect(contentProblems(content())).toEqual([]);
    expect(contentProblems(content({ name: ' ', groupName: '', description: 'x'.repeat(2001) })).map((p) => p.field)).toEqual(['name', 'groupName', 'description']);
    expect(contentProblems(content({ keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }))[0]?.field).toBe('keywords');
  });

  it('trims keywords and drops blanks and repeats', () => {
    expect(normaliseKeywords([' 噪音', '', '扰民', '噪音 '])).toEqual(['噪音', '扰民']);
  });
});

describe('versions (动态管理)', () => {
  const v1 = { version: 1, effectiveFrom: at('2026-01-01T00:00:00'), effectiveTo: at('2026-03-01T00:00:00') };
  const v2 = { version: 2, effectiveFrom: at('2026-03-01T00:00:00'), effectiveTo: at('2026-04-01T00:00:00') };
  const v3 = { version: 3, effectiveFrom: at('2026-04-01T00:00:00'), effectiveTo: null };

  it('picks the version in force at an instant, the start included and the end excluded', () => {
    const versions = [v1, v2, v3];
    expect(versionAt(versions, at('2025-12-31T23:59:59'))).toBeUndefined();
    expect(versionAt(versions, at('2026-01-01T00:00:00'))).toBe(v1);
    expect(versionAt(versions, at('2026-02-28T23:59:59'))).toBe(v1);
    expect(versionAt(versions, at('2026-03-01T00:00:00'))).toBe(v2);
    expect(versionAt(versions, at('2030-01-01T00:00:00'))).toBe(v3);
    // A withdrawn chain end (effectiveTo set, nothing after) is in force for nobody after it.
    expect(versionAt([v1], at('2026-03-02T00:00:00'))).toBeUndefined();
  });

  it('accepts a new version only after the latest one starts, in the past or the future', () => {
    expect(() => checkEffectiveFrom(v3, at('2026-04-01T00:00:01'))).not.toThrow();
    expect(() => checkEffectiveFrom(v3, at('2027-01-01T00:00:00'))).not.toThrow();
    expect(() => checkEffectiveFrom(undefined, at('2020-01-01T00:00:00'))).not.toThrow();
    expect(() => checkEffectiveFrom(v3, at('2026-04-01T00:00:00'))).toThrowError(expect.objectContaining({
      code: 'SERVICE_VERSION_INVALID', detailZh: '生效时间须晚于第 3 版的生效时间 2026-04-01 00:00:00',
    }));
    expect(() => checkEffectiveFrom(v3, new Date(Number.NaN))).toThrowError(expect.objectContaining({ code: 'SERVICE_VERSION_INVALID' }));
  });
});

describe('the version in force', () => {
  const from = new Date('2026-03-01T00:00:00+08:00');
  const to = new Date('2026-04-01T00:00:00+08:00');
  it('starts at its first instant and ends where the next begins', () => {
    expect(inForceAt({ effectiveFrom: from, effectiveTo: to }, from)).toBe(true);
    expect(inForceAt({ effectiveFrom: from, effectiveTo: to }, new Date(from.getTime() - 1))).toBe(false);
    expect(inForceAt({ effectiveFrom: from, effectiveTo: to }, new Date(to.getTime() - 1))).toBe(true);
    expect(inForceAt({ effectiveFrom: from, effectiveTo: to }, to)).toBe(false);
  });
  it('runs on while no later version is scheduled', () => {
    expect(inForceAt({ effectiveFrom: from, effectiveTo: null }, new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });
  it('is picked for each moment asked among the versions read, by service', () => {
    const version = (id: number, version: number, effectiveFrom: Date, effectiveTo: Date | null) => ({
      service: { id, version, effectiveFrom, effectiveTo } as ServiceVersion, unit: { id: 9, path: '/1/9/', active: true },
    });
    const read = new Map([[1, [version(1, 1, from, to), version(1, 2, to, null)]], [2, []]]);
    const found = versionsInForce(read, [
      { serviceId: 1, at: from }, { serviceId: 1, at: to }, { serviceId: 1, at: new Date(from.getTime() - 1) }, { serviceId: 2, at: to }, { serviceId: 3, at: to },
    ]);
    expect(found.map((f) => f?.service.version)).toEqual([1, 2, undefined, undefined, undefined]);
  });
});
