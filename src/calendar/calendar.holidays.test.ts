import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';
import { compileCalendar } from './calendar.js';
import type { YearSchedule } from './calendar.js';
import {
  ScheduleFileError, chineseDaysYears, formatScheduleFile, missingYearWarning, parseScheduleFile, scheduleFromChineseDays,
} from './calendar.holidays.js';
import { addWorkingDays, dayKind } from './calendar.rules.js';
import { at, schedule, shanghai } from './calendar.testing.js';

const datesOf = (s: YearSchedule, kind: string) => s.days.filter((d) => d.kind === kind).map((d) => d.date);

describe('scheduleFromChineseDays', () => {
  it('2025 matches the State Council notice (国办发明电〔2024〕12号)', () => {
    const s = schedule(2025);
    expect(s.source).toBe('chinese-days');
    expect(datesOf(s, 'adjusted_workday')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    const holidays = datesOf(s, 'holiday');
    for (const date of ['2025-01-28', '2025-02-04', '2025-10-01', '2025-10-08']) expect(holidays).toContain(date);
    expect(s.days.find((d) => d.date === '2025-01-28')?.name).toBe('春节');
    expect(s.days.find((d) => d.date === '2025-10-06')?.name).toBe('中秋');
  });

  it('2026 matches the State Council notice: Spring Festival 15–23 Feb, National Day 1–7 Oct', () => {
    const s = schedule(2026);
    expect(datesOf(s, 'adjusted_workday')).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    const holidays = datesOf(s, 'holiday');
    for (const date of ['2026-01-02', '2026-02-15', '2026-02-23', '2026-10-01', '2026-10-07']) expect(holidays).toContain(date);
    expect(holidays).not.toContain('2026-02-24');
    expect(holidays).not.toContain('2026-10-08');
  });

  it('returns undefined for a year the package has no notice for, instead of plain Mon–Fri', () => {
    expect(scheduleFromChineseDays(2027)).toBeUndefined();
    expect(scheduleFromChineseDays(2003)).toBeUndefined();
  });

  it('covers exactly the years present in the package data file (2004–2026 in 1.5.7)', () => {
    const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string> };
    const inFile = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
    expect(chineseDaysYears()).toEqual(inFile);
    expect(inFile[0]).toBe(2004);
  });

  // The package's own functions shift every holiday a day early west of Greenwich, so they can
  // only serve as a cross-check where the test machine runs at UTC or east of it.
  it.skipIf(new Date(Date.UTC(2025, 0, 1, 12)).getHours() < 12)('agrees with chinese-days getDayDetail on every day 2004–2026', () => {
    for (const year of chineseDaysYears()) {
      const cal = compileCalendar({ years: [schedule(year)], version: 'check' });
      for (let t = Date.UTC(year, 0, 1, 4); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        const local = new Date(t);
        // Local noon of the same calendar date: the form chinese-days reads reliably.
        local.setHours(12, 0, 0, 0);
        const kind = dayKind(cal, date);
        expect(kind === 'workday' || kind === 'adjusted_workday', date).toBe(chineseDays.getDayDetail(local).work);
      }
    }
  });
});

const FILE_2027 = [
  '\uFEFF# Test file for a year chinese-days lacks (made-up dates, not an official notice)',
  'year=2027',
  '2027-01-01,holiday,元旦',
  '',
  '2027-02-05,holiday,春节',
  '2027-02-07,adjusted_workday,春节调休, 补班',
].join('\r\n');

describe('schedule import file', () => {
  it('parses a file with a BOM, CRLF, comments and a name containing a comma', () => {
    expect(parseScheduleFile(FILE_2027)).toEqual({
      year: 2027,
      source: 'import',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-05', kind: 'holiday', name: '春节' },
        { date: '2027-02-07', kind: 'adjusted_workday', name: '春节调休, 补班' },
      ],
    });
  });

  it('round-trips: parse(format(2025 from chinese-days)) gives the same days', () => {
    const s = schedule(2025);
    const back = parseScheduleFile(formatScheduleFile(s));
    expect(back).toEqual({ ...s, source: 'import' });
    expect(formatScheduleFile(back)).toBe(formatScheduleFile(s).replace('# source: chinese-days', '# source: import'));
  });

  it('an imported year loads into the calendar like any other', () => {
    const cal = compileCalendar({ years: [schedule(2026), parseScheduleFile(FILE_2027)], version: 'v' });
    expect(shanghai(addWorkingDays(cal, at('2027-02-04 10:00'), 1))).toBe('2027-02-07T17:30:00+08:00');
  });

  const failures: Array<[string, string, number, RegExp]> = [
    ['no header', '# nothing\n', 0, /year=YYYY/],
    ['a date before the header', '2027-01-01,holiday,元旦\nyear=2027', 1, /must come before/],
    ['a second header', 'year=2027\nyear=2028', 2, /declared twice/],
    ['a bad year', 'year=27', 1, /invalid year/],
    ['an impossible date', 'year=2027\n#\n2027-02-30,holiday,x', 3, /invalid date: 2027-02-30/],
    ['a date of another year', 'year=2027\n2026-10-01,holiday,国庆节', 2, /not in 2027/],
    ['an unknown kind', 'year=2027\n2027-01-01,day_off,元旦', 2, /invalid kind: day_off/],
    ['adjusted_workday on a weekday', 'year=2027\n2027-01-04,adjusted_workday,x', 2, /weekday .*cannot be adjusted_workday/],
    ['workday on a weekend', 'year=2027\n2027-01-02,workday,x', 2, /Saturday or Sunday and cannot be workday/],
    ['a repeated date', 'year=2027\n2027-01-01,holiday,a\n2027-01-01,holiday,b', 3, /repeats line 2/],
    ['a line without name field', 'year=2027\n2027-01-01,holiday', 2, /expected date,kind,name/],
  ];
  for (const [what, text, line, english] of failures) {
    it(`refuses ${what}, naming line ${line} in Chinese and English`, () => {
      let caught: unknown;
      try { parseScheduleFile(text); } catch (error) { caught = error; }
      expect(caught).toBeInstanceOf(ScheduleFileError);
      const error = caught as ScheduleFileError;
      expect(error.line).toBe(line);
      expect(error.code).toBe('CALENDAR_FILE_INVALID');
      expect(error.message).toMatch(english);
      expect(error.message.startsWith(`line ${line}: `)).toBe(true);
      expect(error.detailZh?.startsWith(`第 ${line} 行：`)).toBe(true);
    });
  }
});

describe('missingYearWarning', () => {
  it('is quiet on 31 Oct at 23:59 Shanghai with only the current year loaded', () => {
    expect(missingYearWarning([2025], at('2025-10-31 23:59'))).toBeUndefined();
  });

  it('warns from 1 Nov 00:00 Shanghai (still 31 Oct in UTC) when next year is missing', () => {
    expect(missingYearWarning([2025], at('2025-11-01 00:00'))).toEqual({ year: 2026 });
    expect(missingYearWarning([2025], at('2025-12-31 23:59'))).toEqual({ year: 2026 });
  });

  it('is quiet once next year is loaded', () => {
    expect(missingYearWarning([2025, 2026], at('2025-11-15 10:00'))).toBeUndefined();
  });

  it('warns about the current year first, at any time of year', () => {
    expect(missingYearWarning([2025], at('2026-01-01 00:00'))).toEqual({ year: 2026 });
    expect(missingYearWarning([2026], at('2025-03-01 10:00'))).toEqual({ year: 2025 });
  });
});
