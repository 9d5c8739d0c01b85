import { describe, expect, it } from 'vitest';
import { DomainError } from '../platform/errors.js';
import { checkDay, checkOfficeHours, checkSchedule } from './calendar.checks.js';
import { clockToMinutes, formatShanghai, minutesToClock } from './calendar.format.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'passed';
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
};

describe('calendar checks (pure)', () => {
  it('a day must be a real date of its year, fit its weekday and have a one-line name', () => {
    expect(checkDay({ date: '2026-10-01', kind: 'holiday', name: ' 国庆节 ' })).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(codeOf(() => checkDay({ date: '2026-02-30', kind: 'holiday', name: 'x' }))).toBe('CALENDAR_DAY_INVALID');
    expect(codeOf(() => checkDay({ date: '2026-10-01', kind: 'holiday', name: 'x' }, 2027))).toBe('CALENDAR_DAY_INVALID');
    // 2026-10-03 is a Saturday: it can be a make-up working day, never a plain weekday.
    expect(codeOf(() => checkDay({ date: '2026-10-03', kind: 'workday', name: 'x' }))).toBe('CALENDAR_DAY_INVALID');
    expect(codeOf(() => checkDay({ date: '2026-10-01', kind: 'holiday', name: 'a\nb' }))).toBe('CALENDAR_DAY_INVALID');
  });

  it('a schedule is sorted, has no date twice and at least one holiday', () => {
    const days = [{ date: '2026-10-02', kind: 'holiday' as const, name: '国庆节' }, { date: '2026-10-01', kind: 'holiday' as const, name: '国庆节' }];
    expect(checkSchedule({ year: 2026, source: 'admin', days }).days.map((d) => d.date)).toEqual(['2026-10-01', '2026-10-02']);
    expect(codeOf(() => checkSchedule({ year: 2026, source: 'admin', days: [days[0]!, days[0]!] }))).toBe('CALENDAR_DAY_INVALID');
    expect(codeOf(() => checkSchedule({ year: 2026, source: 'admin', days: [] }))).toBe('CALENDAR_SCHEDULE_EMPTY');
  });

  it('office periods lie inside one day, in order, without overlap', () => {
    expect(checkOfficeHours({ periods: [{ start: 540, end: 720 }, { start: 810, end: 1050 }] }).periods).toHaveLength(2);
    expect(codeOf(() => checkOfficeHours({ periods: [] }))).toBe('CALENDAR_OFFICE_HOURS_INVALID');
    expect(codeOf(() => checkOfficeHours({ periods: [{ start: 810, end: 1050 }, { start: 540, end: 720 }] }))).toBe('CALENDAR_OFFICE_HOURS_INVALID');
    expect(codeOf(() => checkOfficeHours({ periods: [{ start: 540, end: 1500 }] }))).toBe('CALENDAR_OFFICE_HOURS_INVALID');
  });
});

describe('calendar time text (pure)', () => {
  it('reads and writes clock times, 24:00 being the end of the day', () => {
    expect(clockToMinutes('09:00')).toBe(540);
    expect(clockToMinutes('24:00')).toBe(1440);
    expect(clockToMinutes('24:01')).toBeUndefined();
    expect(clockToMinutes('9:00')).toBeUndefined();
    expect(minutesToClock(1050)).toBe('17:30');
  });

  it('writes instants in Shanghai time, midnight as 24:00 of the day before when asked', () => {
    expect(formatShanghai(new Date('2026-02-24T09:30:00Z'))).toEqual({ text: '2026-02-24 17:30', weekday: 2 });
    expect(formatShanghai(new Date('2026-02-24T16:00:00Z'), true).text).toBe('2026-02-24 24:00');
  });
});
