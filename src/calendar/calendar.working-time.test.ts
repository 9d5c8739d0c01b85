import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { addCalendarDays, addWorkingDays, addWorkingMs, addWorkingTime, isWorkingDay, workingMsBetween } from './calendar.rules.js';
import { at, calendar2025to2026, seededRandom, shanghai } from './calendar.testing.js';

const cal = calendar2025to2026();
const MINUTE = 60_000;
const OFFICE_DAY_MS = 7 * 60 * MINUTE; // 09:00–12:00 and 13:30–17:30

describe('addWorkingTime: only office minutes on working days count', () => {
  it('within a morning', () => {
    expect(shanghai(addWorkingTime(cal, at('2025-03-17 09:30'), 60))).toBe('2025-03-17T10:30:00+08:00');
  });

  it('across the lunch break', () => {
    expect(shanghai(addWorkingTime(cal, at('2025-03-17 11:30'), 60))).toBe('2025-03-17T14:00:00+08:00');
  });

  it('a limit that uses up the morning is due at 12:00, not at 13:30', () => {
    expect(shanghai(addWorkingTime(cal, at('2025-03-17 11:00'), 60))).toBe('2025-03-17T12:00:00+08:00');
  });

  it('across the night and across a weekend', () => {
    expect(shanghai(addWorkingTime(cal, at('2025-03-17 17:00'), 60))).toBe('2025-03-18T09:30:00+08:00');
    expect(shanghai(addWorkingTime(cal, at('2025-03-14 17:00'), 60))).toBe('2025-03-17T09:30:00+08:00');
  });

  it('from outside office hours, counting begins at the next office period', () => {
    expect(shanghai(addWorkingTime(cal, at('2025-03-15 10:00'), 30))).toBe('2025-03-17T09:30:00+08:00');
    expect(shanghai(addWorkingTime(cal, at('2025-03-17 07:00'), 30))).toBe('2025-03-17T09:30:00+08:00');
    expect(shanghai(addWorkingTime(cal, at('2025-03-17 12:30'), 30))).toBe('2025-03-17T14:00:00+08:00');
  });

  it('across the 2025 Spring Festival: Mon 27 Jan 17:00 + 1 h is Wed 5 Feb 09:30', () => {
    expect(shanghai(addWorkingTime(cal, at('2025-01-27 17:00'), 60))).toBe('2025-02-05T09:30:00+08:00');
  });

  it('counts a make-up Sunday: Fri 24 Jan 2025 17:00 + 1 h is Sun 26 Jan 09:30', () => {
    expect(shanghai(addWorkingTime(cal, at('2025-01-24 17:00'), 60))).toBe('2025-01-26T09:30:00+08:00');
  });

  it('zero minutes is the start itself; negative time is refused', () => {
    expect(shanghai(addWorkingTime(cal, at('2025-03-15 10:00'), 0))).toBe('2025-03-15T10:00:00+08:00');
    expect(() => addWorkingTime(cal, at('2025-03-17 10:00'), -1)).toThrow(RangeError);
  });
});

describe('workingMsBetween', () => {
  it('Fri 16:00 to Mon 10:00 is 90 + 60 minutes', () => {
    expect(workingMsBetween(cal, at('2025-03-14 16:00'), at('2025-03-17 10:00'))).toBe(150 * MINUTE);
  });

  it('11:00 to 14:00 leaves out the lunch break', () => {
    expect(workingMsBetween(cal, at('2025-03-17 11:00'), at('2025-03-17 14:00'))).toBe(90 * MINUTE);
  });

  it('the whole 2025 Spring Festival holiday is worth nothing', () => {
    expect(workingMsBetween(cal, at('2025-01-27 17:30'), at('2025-02-05 09:00'))).toBe(0);
  });

  it('is 0 when t2 <= t1', () => {
    expect(workingMsBetween(cal, at('2025-03-17 14:00'), at('2025-03-17 10:00'))).toBe(0);
    expect(workingMsBetween(cal, at('2025-03-17 14:00'), at('2025-03-17 14:00'))).toBe(0);
  });

  it('a whole 2025 office year: 248 working days of 7 hours', () => {
    // 261 weekdays, minus 18 holidays on weekdays, plus 5 make-up weekend days.
    expect(workingMsBetween(cal, at('2025-01-01 00:00'), at('2026-01-01 00:00'))).toBe(248 * OFFICE_DAY_MS);
  });
});

describe('properties over random instants in 2025 (seeded, so failures replay)', () => {
  const random = seededRandom(20250128);
  const randomInstant = () => new Date(at('2025-01-01 00:00').getTime() + Math.floor(random() * 365 * 86_400_000));

  it('workingMsBetween(start, addWorkingMs(start, ms)) === ms, and the deadline is the earliest such instant', () => {
    for (let i = 0; i < 2000; i++) {
      const start = randomInstant();
      const ms = 1 + Math.floor(random() * 30 * OFFICE_DAY_MS);
      const due = addWorkingMs(cal, start, ms);
      expect(workingMsBetween(cal, start, due)).toBe(ms);
      expect(workingMsBetween(cal, start, new Date(due.getTime() - 1))).toBe(ms - 1);
    }
  });

  it('addWorkingMs(t1, workingMsBetween(t1, t2)) never passes t2 and covers the same working time', () => {
    for (let i = 0; i < 2000; i++) {
      const [t1, t2] = [randomInstant(), randomInstant()].sort((a, b) => a.getTime() - b.getTime()) as [Date, Date];
      const between = workingMsBetween(cal, t1, t2);
      const reached = addWorkingMs(cal, t1, between);
      expect(reached.getTime()).toBeLessThanOrEqual(t2.getTime());
      expect(workingMsBetween(cal, reached, t2)).toBe(0);
    }
  });

  it('addWorkingDays agrees with walking day by day over isWorkingDay', () => {
    for (let i = 0; i < 500; i++) {
      const start = randomInstant();
      const n = 1 + Math.floor(random() * 60);
      let day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
      if (start.getUTCHours() >= 16) day = new Date(day.getTime() + 86_400_000); // Shanghai is UTC+8
      let counted = 0;
      while (counted < n) {
        day = new Date(day.getTime() + 86_400_000);
        if (isWorkingDay(cal, day.toISOString().slice(0, 10))) counted++;
      }
      expect(shanghai(addWorkingDays(cal, start, n))).toBe(`${day.toISOString().slice(0, 10)}T17:30:00+08:00`);
    }
  });
});

describe('results do not depend on the server time zone', () => {
  const sample = () => [
    addWorkingDays(cal, at('2025-01-24 16:00'), 1),
    addWorkingDays(cal, at('2025-09-30 23:59'), 3),
    addCalendarDays(at('2025-03-14 00:00'), 2),
    addWorkingTime(cal, at('2025-01-27 17:00'), 60),
    new Date(workingMsBetween(cal, at('2025-03-14 16:00'), at('2025-03-17 10:00'))),
  ].map(shanghai);

  it('gives the same instants under TZ=America/New_York, UTC and Asia/Shanghai', () => {
    const original = process.env.TZ;
    const results: string[][] = [];
    const localHours: number[] = [];
    try {
      for (const zone of ['America/New_York', 'UTC', 'Asia/Shanghai']) {
        process.env.TZ = zone;
        localHours.push(new Date(Date.UTC(2025, 0, 1, 12)).getHours());
        results.push(sample());
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    // The zone switch really took effect (noon UTC is 07:00, 12:00, 20:00 locally)…
    expect(localHours).toEqual([7, 12, 20]);
    // …and changed nothing.
    expect(results[0]).toEqual(results[1]);
    expect(results[1]).toEqual(results[2]);
  });

  it('the calendar code uses no local-time Date methods', () => {
    const localTime = /\.(?:get|set)(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\(|getTimezoneOffset|toLocale|new Date\([^()]*,/;
    for (const file of ['calendar.ts', 'calendar.dates.ts', 'calendar.rules.ts', 'calendar.holidays.ts']) {
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(localTime);
    }
  });
});
