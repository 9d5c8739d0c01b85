/**
 * A year's calendar as an admin checks it against the State Council notice, and the warnings every
 * admin is shown. Pure: the calendar and the time are arguments.
 */
import { CalendarYearMissingError, isWorkingKind } from './calendar.js';
import type { DayKind, WorkCalendar, YearSchedule } from './calendar.js';
import { missingYearWarning } from './calendar.holidays.js';
import { dayKind } from './calendar.rules.js';
import { firstDayOfYear, formatLocalDate, localDayOf, tryParseLocalDate, weekdayOf, yearOf } from './calendar.dates.js';

export interface DescribedDay { date: string; weekday: number; kind: DayKind; name: string; override: boolean }
export interface YearDescription {
  year: number;
  source: YearSchedule['source'];
  workingDays: number;
  /** Per month: its working days, and its holidays, adjusted working days and overridden days. */
  months: Array<{ month: number; workingDays: number; days: DescribedDay[] }>;
}

/** Day names of the calendar, overrides winning over the year schedules. */
export function dayNames(cal: WorkCalendar): Map<string, { name: string; override: boolean }> {
  const names = new Map<string, { name: string; override: boolean }>();
  for (const s of cal.years) for (const d of s.days) names.set(d.date, { name: d.name, override: false });
  for (const o of cal.overrides) names.set(o.date, { name: o.name, override: true });
  return names;
}

export function describeYear(cal: WorkCalendar, year: number): YearDescription {
  const schedule = cal.years.find((s) => s.year === year);
  if (!schedule) throw new CalendarYearMissingError(year);
  const names = dayNames(cal);
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, workingDays: 0, days: [] as DescribedDay[] }));
  for (let day = firstDayOfYear(year); day < firstDayOfYear(year + 1); day++) {
    const date = formatLocalDate(day);
    const kind = dayKind(cal, date);
    const month = months[Number(date.slice(5, 7)) - 1]!;
    if (isWorkingKind(kind)) month.workingDays++;
    const named = names.get(date);
    if (named?.override || kind === 'holiday' || kind === 'adjusted_workday') {
      month.days.push({ date, weekday: weekdayOf(day), kind, name: named?.name ?? '', override: named?.override ?? false });
    }
  }
  return { year, source: schedule.source, workingDays: months.reduce((n, m) => n + m.workingDays, 0), months };
}

/** Consecutive days of the same kind and name, as one line of a listing: 2026-02-15 – 02-23 春节. */
export function dayRuns<T extends { date: string; kind: DayKind; name: string }>(days: readonly T[]): Array<{ from: string; to: string; kind: DayKind; name: string; count: number }> {
  const runs: Array<{ from: string; to: string; kind: DayKind; name: string; count: number }> = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && last.kind === d.kind && last.name === d.name && tryParseLocalDate(d.date) === (tryParseLocalDate(last.to) ?? NaN) + 1) {
      last.to = d.date;
      last.count++;
    } else {
      runs.push({ from: d.date, to: d.date, kind: d.kind, name: d.name, count: 1 });
    }
  }
  return runs;
}

export interface CalendarWarning { code: 'CALENDAR_YEAR_MISSING'; year: number; message: string; message_en: string }

/** What every admin is told: this year's schedule missing, or from 1 November (Shanghai) next year's. */
export function yearWarnings(loadedYears: readonly number[], now: Date): CalendarWarning[] {
  const missing = missingYearWarning(loadedYears, now);
  if (!missing) return [];
  const { year } = missing;
  const thisYear = year === yearOf(localDayOf(now.getTime()));
  return [{
    code: 'CALENDAR_YEAR_MISSING',
    year,
    message: thisYear
      ? `${year} 年节假日安排尚未加载，按工作日计算的时限目前无法计算，请立即加载或导入。`
      : `${year} 年节假日安排尚未加载。年底受理事项的时限将延伸至 ${year} 年，请在国务院办公厅通知发布后加载或导入（mashangban calendar load ${year}）。`,
    message_en: thisYear
      ? `The ${year} holiday schedule is not loaded: deadlines in working days cannot be counted until it is loaded or imported.`
      : `The ${year} holiday schedule is not loaded. Deadlines of work accepted late this year reach into ${year}; load or import it once the State Council notice is out (mashangban calendar load ${year}).`,
  }];
}
