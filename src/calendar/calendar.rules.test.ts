import { describe, it, expect } from 'vitest';
import { CalendarYearMissingError, compileCalendar } from './calendar.js';
import { addCalendarDays, addWorkingDays, dayKind, isWorkingDay, workingMsBetween } from './calendar.rules.js';
import { at, calendar2025to2026, schedule, shanghai } from './calendar.testing.js';

const cal = calendar2025to2026();

describe('dayKind on the official 2025 and 2026 schedules', () => {
  it('2025 Spring Festival: 28 Jan–4 Feb off, Sun 26 Jan and Sat 8 Feb worked', () => {
    for (const date of ['2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04']) expect(dayKind(cal, date)).toBe('holiday');
    expect(dayKind(cal, '2025-01-26')).toBe('adjusted_workday');
    expect(dayKind(cal, '2025-02-08')).toBe('adjusted_workday');
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-05')).toBe(true);
  });

  it('2025 National Day: 1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked', () => {
    for (const date of ['2025-10-01', '2025-10-06', '2025-10-08']) expect(isWorkingDay(cal, date)).toBe(false);
    expect(dayKind(cal, '2025-09-28')).toBe('adjusted_workday');
    expect(dayKind(cal, '2025-10-11')).toBe('adjusted_workday');
    expect(dayKind(cal, '2025-10-09')).toBe('workday');
  });

  it('2026: Spring Festival 15–23 Feb (Sat 14 and 28 Feb worked), National Day 1–7 Oct (Sun 20 Sep, Sat 10 Oct worked)', () => {
    expect(dayKind(cal, '2026-02-16')).toBe('holiday');
    expect(dayKind(cal, '2026-02-23')).toBe('holiday');
    expect(dayKind(cal, '2026-02-14')).toBe('adjusted_workday');
    expect(dayKind(cal, '2026-02-28')).toBe('adjusted_workday');
    expect(dayKind(cal, '2026-10-07')).toBe('holiday');
    expect(dayKind(cal, '2026-09-20')).toBe('adjusted_workday');
    expect(dayKind(cal, '2026-10-10')).toBe('adjusted_workday');
  });

  it('plain days follow Mon–Fri', () => {
    expect(dayKind(cal, '2025-03-15')).toBe('weekend');
    expect(dayKind(cal, '2025-03-17')).toBe('workday');
  });

  it('refuses a malformed or impossible date', () => {
    expect(() => dayKind(cal, '2025-02-30')).toThrow(RangeError);
    expect(() => dayKind(cal, '2025/03/17')).toThrow(RangeError);
  });
});

describe('addWorkingDays: the start day does not count, due 17:30 on the N-th working day after', () => {
  it('accepted Friday 16:00, 1 working day: due Monday 17:30 (CLOCKS.md example)', () => {
    expect(shanghai(addWorkingDays(cal, at('2025-03-14 16:00'), 1))).toBe('2025-03-17T17:30:00+08:00');
  });

  it('accepted before office hours on a working day: that day still does not count', () => {
    expect(shanghai(addWorkingDays(cal, at('2025-03-17 08:00'), 1))).toBe('2025-03-18T17:30:00+08:00');
  });

  it('accepted on a Saturday: due on Monday, like Friday afternoon', () => {
    expect(shanghai(addWorkingDays(cal, at('2025-03-15 11:00'), 1))).toBe('2025-03-17T17:30:00+08:00');
  });

  it('the day is the Shanghai day: Thu 23:59 counts from Thursday, Fri 00:00 from Friday', () => {
    expect(shanghai(addWorkingDays(cal, at('2025-03-13 23:59'), 1))).toBe('2025-03-14T17:30:00+08:00');
    expect(shanghai(addWorkingDays(cal, at('2025-03-14 00:00'), 1))).toBe('2025-03-17T17:30:00+08:00');
  });

  it('crossing the 2025 Spring Festival: Mon 27 Jan + 1 is Wed 5 Feb; + 4 lands on make-up Sat 8 Feb', () => {
    expect(shanghai(addWorkingDays(cal, at('2025-01-27 10:00'), 1))).toBe('2025-02-05T17:30:00+08:00');
    expect(shanghai(addWorkingDays(cal, at('2025-01-27 10:00'), 3))).toBe('2025-02-07T17:30:00+08:00');
    expect(shanghai(addWorkingDays(cal, at('2025-01-27 10:00'), 4))).toBe('2025-02-08T17:30:00+08:00');
    expect(shanghai(addWorkingDays(cal, at('2025-01-27 10:00'), 5))).toBe('2025-02-10T17:30:00+08:00');
  });

  it('accepted Fri 24 Jan 2025 16:00, 1 working day: due on make-up Sunday 26 Jan', () => {
    expect(shanghai(addWorkingDays(cal, at('2025-01-24 16:00'), 1))).toBe('2025-01-26T17:30:00+08:00');
  });

  it('crossing the 2025 National Day: Tue 30 Sep + 1 is Thu 9 Oct; + 3 is make-up Sat 11 Oct', () => {
    expect(shanghai(addWorkingDays(cal, at('2025-09-30 15:00'), 1))).toBe('2025-10-09T17:30:00+08:00');
    expect(shanghai(addWorkingDays(cal, at('2025-09-30 15:00'), 3))).toBe('2025-10-11T17:30:00+08:00');
  });

  it('crossing the 2026 Spring Festival: Fri 13 Feb + 1 is make-up Sat 14 Feb, + 2 is Tue 24 Feb', () => {
    expect(shanghai(addWorkingDays(cal, at('2026-02-13 09:00'), 1))).toBe('2026-02-14T17:30:00+08:00');
    expect(shanghai(addWorkingDays(cal, at('2026-02-13 09:00'), 2))).toBe('2026-02-24T17:30:00+08:00');
  });

  it('crossing the 2026 National Day: Wed 30 Sep + 1 is Thu 8 Oct, + 3 is make-up Sat 10 Oct', () => {
    expect(shanghai(addWorkingDays(cal, at('2026-09-30 16:00'), 1))).toBe('2026-10-08T17:30:00+08:00');
    expect(shanghai(addWorkingDays(cal, at('2026-09-30 16:00'), 3))).toBe('2026-10-10T17:30:00+08:00');
  });

  it('crossing the new year: Mon 29 Dec 2025 + 5 passes 1–3 Jan off and make-up Sun 4 Jan', () => {
    // Working: Tue 30 Dec, Wed 31 Dec, Sun 4 Jan, Mon 5 Jan, Tue 6 Jan.
    expect(shanghai(addWorkingDays(cal, at('2025-12-29 10:00'), 5))).toBe('2026-01-06T17:30:00+08:00');
  });

  it('an extension counts from the original deadline: Mon 17:30 + 2 is Wed 17:30', () => {
    expect(shanghai(addWorkingDays(cal, at('2025-03-17 17:30'), 2))).toBe('2025-03-19T17:30:00+08:00');
  });

  it('an admin override (a local day off on Monday) moves the deadline to Tuesday', () => {
    const withDayOff = calendar2025to2026([{ date: '2025-03-17', kind: 'holiday', name: '区运动会' }]);
    expect(shanghai(addWorkingDays(withDayOff, at('2025-03-14 16:00'), 1))).toBe('2025-03-18T17:30:00+08:00');
  });

  it('an admin override wins over the year schedule: a make-up Saturday cancelled', () => {
    const cancelled = calendar2025to2026([{ date: '2025-02-08', kind: 'weekend', name: '取消调休' }]);
    expect(shanghai(addWorkingDays(cancelled, at('2025-02-07 10:00'), 1))).toBe('2025-02-10T17:30:00+08:00');
  });

  it('uses the end of the last office period of the configured hours', () => {
    const summer = compileCalendar({
      years: [schedule(2025)], version: 'summer',
      officeHours: { periods: [{ start: 8 * 60 + 30, end: 12 * 60 }, { start: 14 * 60 + 30, end: 18 * 60 }] },
    });
    expect(shanghai(addWorkingDays(summer, at('2025-07-04 16:00'), 1))).toBe('2025-07-07T18:00:00+08:00');
  });

  it('refuses a count that is not a whole number >= 1', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => addWorkingDays(cal, at('2025-03-14 16:00'), n)).toThrow(RangeError);
  });
});

describe('addCalendarDays: the start day does not count, due 24:00 of the N-th day', () => {
  it('accepted Fri 24 Jan 2025 16:00, 3 days: due 24:00 Mon 27 Jan, holidays or not', () => {
    expect(shanghai(addCalendarDays(at('2025-01-24 16:00'), 3))).toBe('2025-01-28T00:00:00+08:00');
  });

  it('counts Shanghai days: 23:30 and 00:00 belong to their own local day', () => {
    expect(shanghai(addCalendarDays(at('2025-01-24 23:30'), 1))).toBe('2025-01-26T00:00:00+08:00');
    expect(shanghai(addCalendarDays(at('2025-01-25 00:00'), 1))).toBe('2025-01-27T00:00:00+08:00');
  });

  it('needs no calendar: runs past any loaded year', () => {
    expect(shanghai(addCalendarDays(at('2030-12-31 09:00'), 1))).toBe('2031-01-02T00:00:00+08:00');
  });
});

describe('a year that is not loaded is refused, never guessed', () => {
  const only2025 = compileCalendar({ years: [schedule(2025)], version: 'only-2025' });

  it('a span running into 2026 throws CALENDAR_YEAR_MISSING for 2026', () => {
    const attempt = () => addWorkingDays(only2025, at('2025-12-29 10:00'), 5);
    expect(attempt).toThrow(CalendarYearMissingError);
    expect(attempt).toThrow(expect.objectContaining({ year: 2026, code: 'CALENDAR_YEAR_MISSING' }));
  });

  it('the last days inside the loaded year still work', () => {
    expect(shanghai(addWorkingDays(only2025, at('2025-12-29 10:00'), 2))).toBe('2025-12-31T17:30:00+08:00');
  });

  it('dayKind and working time refuse an unloaded year too', () => {
    expect(() => dayKind(only2025, '2027-01-04')).toThrow(expect.objectContaining({ year: 2027 }));
    expect(() => workingMsBetween(only2025, at('2025-12-31 10:00'), at('2026-01-05 10:00'))).toThrow(CalendarYearMissingError);
  });

  it('a gap between loaded years is refused', () => {
    const gap = compileCalendar({ years: [schedule(2024), schedule(2026)], version: 'gap' });
    expect(() => addWorkingDays(gap, at('2024-12-30 10:00'), 5)).toThrow(expect.objectContaining({ year: 2025 }));
    expect(() => workingMsBetween(gap, at('2024-12-31 10:00'), at('2026-01-05 10:00'))).toThrow(expect.objectContaining({ year: 2025 }));
    expect(dayKind(gap, '2026-02-16')).toBe('holiday');
  });

  it('admin overrides alone do not load a year', () => {
    const withOverride = compileCalendar({
      years: [schedule(2025)], version: 'v', overrides: [{ date: '2026-01-05', kind: 'holiday', name: '本地假日' }],
    });
    expect(withOverride.loadedYears).toEqual([2025]);
    expect(() => dayKind(withOverride, '2026-01-05')).toThrow(expect.objectContaining({ year: 2026 }));
  });

  it('the start day is never consulted, so 31 Dec of an unloaded year may start a count', () => {
    // 1 Jan 2025 is New Year's Day; the first working day after 31 Dec 2024 is Thu 2 Jan.
    expect(shanghai(addWorkingDays(only2025, at('2024-12-31 10:00'), 1))).toBe('2025-01-02T17:30:00+08:00');
    expect(() => addWorkingDays(only2025, at('2024-12-30 10:00'), 1)).toThrow(expect.objectContaining({ year: 2024 }));
  });

  it('an empty calendar refuses everything', () => {
    const empty = compileCalendar({ years: [], version: 'empty' });
    expect(() => addWorkingDays(empty, at('2025-03-14 16:00'), 1)).toThrow(expect.objectContaining({ year: 2025 }));
  });
});

describe('compileCalendar refuses inconsistent input', () => {
  it('rejects a year given twice, a day outside its year, a kind that does not fit the weekday, bad office hours', () => {
    expect(() => compileCalendar({ years: [schedule(2025), schedule(2025)], version: 'v' })).toThrow(/twice/);
    expect(() => compileCalendar({ years: [{ year: 2025, source: 'admin', days: [{ date: '2026-01-01', kind: 'holiday', name: 'x' }] }], version: 'v' })).toThrow(/not in 2025/);
    expect(() => compileCalendar({ years: [schedule(2025)], version: 'v', overrides: [{ date: '2025-03-17', kind: 'adjusted_workday', name: 'x' }] })).toThrow(/cannot be adjusted_workday/);
    expect(() => compileCalendar({ years: [schedule(2025)], version: 'v', officeHours: { periods: [{ start: 540, end: 720 }, { start: 700, end: 800 }] } })).toThrow(/office period/);
    expect(() => compileCalendar({ years: [schedule(2025)], version: '' })).toThrow(/version/);
  });

  it('knows which years are loaded and cannot be changed', () => {
    expect(cal.loadedYears).toEqual([2025, 2026]);
    expect([cal, cal.index, cal.index.kinds, cal.loadedYears, cal.overrides].every(Object.isFrozen)).toBe(true);
    // The typed-array tables cannot be frozen; their type forbids writes (checked by tsc).
    const _neverCalled = () => {
      // @ts-expect-error the index is read-only
      cal.index.workingDays[0] = 1;
    };
  });
});
