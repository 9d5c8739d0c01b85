import { describe, expect, it } from 'vitest';
import type { Limit } from './service.js';
import { formatKeywords, formatLimitText, parseEffectiveTime, parseKeywords, parseLimitText } from './catalogue.text.rules.js';

const ok = <T>(value: T) => ({ ok: true, value });

describe('limit text (时限写法)', () => {
  it('reads the forms the catalogue uses', () => {
    expect(parseLimitText('2工作日')).toEqual(ok({ amount: 2, unit: 'working_days' }));
    expect(parseLimitText('3个工作日')).toEqual(ok({ amount: 3, unit: 'working_days' }));
    expect(parseLimitText('4小时')).toEqual(ok({ amount: 4, unit: 'hours' }));
    expect(parseLimitText('30分钟')).toEqual(ok({ amount: 30, unit: 'minutes' }));
    expect(parseLimitText('3自然日')).toEqual(ok({ amount: 3, unit: 'calendar_days' }));
    expect(parseLimitText('7日历日')).toEqual(ok({ amount: 7, unit: 'calendar_days' }));
    expect(parseLimitText('2小时(全天候)')).toEqual(ok({ amount: 2, unit: 'hours', natural: true }));
  });

  it('forgives full-width characters and spaces from a Chinese input method', () => {
    expect(parseLimitText('２ 小时（全天候）')).toEqual(ok({ amount: 2, unit: 'hours', natural: true }));
    expect(parseLimitText(' 10 工作日 ')).toEqual(ok({ amount: 10, unit: 'working_days' }));
  });

  it('reads a blank cell as no limit', () => {
    expect(parseLimitText(null)).toEqual(ok(undefined));
    expect(parseLimitText('  ')).toEqual(ok(undefined));
  });

  it('refuses what it cannot read, with a hint in both languages', () => {
    for (const bad of ['3周', '两天', '工作日', '2.5小时', '-1小时']) {
      const r = parseLimitText(bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(parseLimitText(3)).toMatchObject({ ok: false, zh: expect.stringContaining('缺少单位'), en: expect.stringContaining('no unit') });
    // 天 alone could mean either kind of day: ask rather than guess.
    expect(parseLimitText('3天')).toMatchObject({ ok: false, zh: expect.stringContaining('“天”不明确') });
  });

  it('writes what it reads (round trip)', () => {
    const limits: Limit[] = [
      { amount: 2, unit: 'working_days' }, { amount: 4, unit: 'hours' }, { amount: 30, unit: 'minutes' },
      { amount: 3, unit: 'calendar_days' }, { amount: 2, unit: 'hours', natural: true }, { amount: 15, unit: 'minutes', natural: true },
    ];
    expect(limits.map(formatLimitText)).toEqual(['2工作日', '4小时', '30分钟', '3自然日', '2小时(全天候)', '15分钟(全天候)']);
    for (const l of limits) expect(parseLimitText(formatLimitText(l))).toEqual(ok(l));
    expect(formatLimitText(undefined)).toBe('');
  });
});

describe('keywords', () => {
  it('splits on 、 and commas of either width, dropping blanks and repeats', () => {
    expect(parseKeywords('噪音、扰民,夜间施工，噪音；广场舞')).toEqual(['噪音', '扰民', '夜间施工', '广场舞']);
    expect(parseKeywords(null)).toEqual([]);
    expect(formatKeywords(['噪音', '扰民'])).toBe('噪音、扰民');
  });
});

describe('effective time (生效时间, Beijing time)', () => {
  const beijing = (s: string) => new Date(`${s}+08:00`);

  it('reads dates and times as people type them', () => {
    expect(parseEffectiveTime('2026-03-01')).toEqual(ok(beijing('2026-03-01T00:00:00')));
    expect(parseEffectiveTime('2026-03-01 09:30')).toEqual(ok(beijing('2026-03-01T09:30:00')));
    expect(parseEffectiveTime('2026-03-01 09:30:15')).toEqual(ok(beijing('2026-03-01T09:30:15')));
    expect(parseEffectiveTime('2026/3/1 9:05')).toEqual(ok(beijing('2026-03-01T09:05:00')));
    expect(parseEffectiveTime('2026年3月1日')).toEqual(ok(beijing('2026-03-01T00:00:00')));
    expect(parseEffectiveTime('２０２６－０３－０１　０９：００')).toEqual(ok(beijing('2026-03-01T09:00:00')));
    expect(parseEffectiveTime('2026-03-01T01:00:00Z')).toEqual(ok(beijing('2026-03-01T09:00:00')));
  });

  it('reads an Excel date cell (its wall clock, delivered as UTC) and a bare serial number as Beijing time', () => {
    expect(parseEffectiveTime(new Date(Date.UTC(2026, 2, 1, 9, 0)))).toEqual(ok(beijing('2026-03-01T09:00:00')));
    // 46082 is 2026-03-01 in Excel's day count; .375 is 09:00.
    expect(parseEffectiveTime(46082.375)).toEqual(ok(beijing('2026-03-01T09:00:00')));
  });

  it('reads a blank cell as "from the import", and refuses impossible dates', () => {
    expect(parseEffectiveTime(null)).toEqual(ok(undefined));
    expect(parseEffectiveTime('')).toEqual(ok(undefined));
    for (const bad of ['2026-02-30', '2026-03-01 24:00', '下周一', '1999-12-31', '03/01/2026']) {
      expect(parseEffectiveTime(bad).ok, bad).toBe(false);
    }
  });
});
