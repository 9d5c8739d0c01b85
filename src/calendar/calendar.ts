import { DomainError } from '../platform/errors.js';
import {
  MS_PER_MINUTE, firstDayOfYear, isWeekend, tryParseLocalDate, yearOf,
} from './calendar.dates.js';

/** adjusted_workday: a Saturday or Sunday that is worked (调休) to bridge a public holiday. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export interface DayOverride {
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string;
  kind: DayKind;
  name: string;
}

/** Office periods in minutes after local midnight, e.g. 9:00 = 540. */
export interface OfficeHours {
  periods: Array<{ start: number; end: number }>;
}

/** The usual government office day: 09:00–12:00 and 13:30–17:30 (a district can set its own). */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  periods: Object.freeze([
    Object.freeze({ start: 9 * 60, end: 12 * 60 }),
    Object.freeze({ start: 13 * 60 + 30, end: 17 * 60 + 30 }),
  ]) as Array<{ start: number; end: number }>,
});

export interface YearSchedule {
  year: number;
  /**
   * Only the exceptions to the plain Mon–Fri rule: holidays on weekdays and adjusted working
   * weekend days; holidays that fall on a weekend may be listed too.
   */
  days: DayOverride[];
  source: 'chinese-days' | 'admin' | 'import';
}

export interface CalendarInput {
  years: readonly YearSchedule[];
  /** Per-date admin decisions (a holiday announced late, a local day off); they win over `years`. */
  overrides?: readonly DayOverride[];
  officeHours?: OfficeHours;
  /** Stored with every clock so a deadline can be recomputed against the calendar it used. */
  version: string;
}

/**
 * A read-only view of a typed array. The tables are typed arrays because lookups in them are
 * several times faster than in frozen plain arrays (bench/calendar.bench.ts); typed arrays cannot
 * be frozen, so this type is what keeps callers from writing to them.
 */
export interface ReadonlyNumbers {
  readonly length: number;
  readonly [offset: number]: number;
}

/**
 * Precomputed per-day tables over [Jan 1 of the first loaded year, Dec 31 of the last], so that
 * rules find "the N-th working day after" by direct index instead of walking day by day.
 * Days are offsets from `firstDay` (days since 1970-01-01). Internal to calendar.rules.ts.
 */
export interface CalendarIndex {
  readonly firstDay: number;
  readonly dayCount: number;
  readonly kinds: readonly DayKind[];
  /** 1 for a working day of a loaded year, else 0. */
  readonly working: ReadonlyNumbers;
  /** workingBefore[i] = working days among offsets [0, i); length dayCount + 1. */
  readonly workingBefore: ReadonlyNumbers;
  /** Same for days of years that are not loaded (a gap between loaded years). */
  readonly missingBefore: ReadonlyNumbers;
  /** Offsets of the working days, ascending: workingDays[workingBefore[i]] === i for a working day i. */
  readonly workingDays: ReadonlyNumbers;
  /** Office periods as [start, end, start, end, …] in ms after local midnight, sorted. */
  readonly periodBounds: ReadonlyNumbers;
  readonly officeMsPerDay: number;
  /** End of the last office period, ms after local midnight: when a working-day limit is due. */
  readonly closingMs: number;
}

export interface WorkCalendar {
  readonly version: string;
  readonly loadedYears: readonly number[];
  readonly officeHours: OfficeHours;
  readonly years: readonly YearSchedule[];
  readonly overrides: readonly DayOverride[];
  readonly index: CalendarIndex;
}

/**
 * Refused rather than guessed: treating an unloaded year as "every weekday works" would put
 * deadlines on the Spring Festival, and units are scored (and can appeal) on those deadlines.
 */
export class CalendarYearMissingError extends DomainError {
  constructor(readonly year: number) {
    super('CALENDAR_YEAR_MISSING', { year }, `${year} 年的节假日安排尚未加载`, `the ${year} holiday schedule is not loaded`);
    this.name = 'CalendarYearMissingError';
  }
}

export function isWorkingKind(kind: DayKind): boolean {
  return kind === 'workday' || kind === 'adjusted_workday';
}

/** workday only Mon–Fri; weekend and adjusted_workday only Sat/Sun; a holiday any day. */
export function kindFitsDay(kind: DayKind, day: number): boolean {
  switch (kind) {
    case 'workday': return !isWeekend(day);
    case 'weekend':
    case 'adjusted_workday': return isWeekend(day);
    case 'holiday': return true;
  }
}

export const DAY_KINDS: readonly DayKind[] = Object.freeze(['workday', 'weekend', 'holiday', 'adjusted_workday']);

export function compileCalendar(input: CalendarInput): WorkCalendar {
  if (typeof input.version !== 'string' || input.version === '') throw new RangeError('Calendar version is required');
  const officeHours = checkOfficeHours(input.officeHours ?? DEFAULT_OFFICE_HOURS);
  const years = [...input.years].sort((a, b) => a.year - b.year);
  for (const [i, schedule] of years.entries()) {
    if (!Number.isInteger(schedule.year) || schedule.year < 1970 || schedule.year > 9999) {
      throw new RangeError(`Year out of range: ${schedule.year}`);
    }
    if (i > 0 && years[i - 1]?.year === schedule.year) throw new RangeError(`Year ${schedule.year} is given twice`);
  }
  const overrides = input.overrides ?? [];
  const index = buildIndex(years, overrides, officeHours);
  return Object.freeze({
    version: input.version,
    loadedYears: Object.freeze(years.map((s) => s.year)),
    officeHours,
    years: Object.freeze(years.map(freezeSchedule)),
    overrides: Object.freeze(overrides.map((o) => Object.freeze({ ...o }))),
    index,
  });
}

function buildIndex(years: readonly YearSchedule[], overrides: readonly DayOverride[], hours: OfficeHours): CalendarIndex {
  const first = years[0];
  const last = years[years.length - 1];
  const firstDay = first ? firstDayOfYear(first.year) : 0;
  const dayCount = first && last ? firstDayOfYear(last.year + 1) - firstDay : 0;
  const loaded = new Set(years.map((s) => s.year));
  const kinds: DayKind[] = [];
  const missing: boolean[] = [];
  for (let i = 0; i < dayCount; i++) {
    kinds.push(isWeekend(firstDay + i) ? 'weekend' : 'workday');
    missing.push(!loaded.has(yearOf(firstDay + i)));
  }
  for (const schedule of years) {
    for (const day of checkDays(schedule.days, `${schedule.year} schedule`)) {
      if (yearOf(day.day) !== schedule.year) throw new RangeError(`${day.date} is not in ${schedule.year}`);
      kinds[day.day - firstDay] = day.kind;
    }
  }
  // Overrides for years that are not loaded are kept in the calendar but cannot make the year
  // usable: a late local day off says nothing about the rest of that year's holidays.
  for (const day of checkDays(overrides, 'overrides')) {
    const offset = day.day - firstDay;
    if (offset >= 0 && offset < dayCount && !missing[offset]) kinds[offset] = day.kind;
  }
  const working = new Uint8Array(dayCount);
  const workingBefore = new Int32Array(dayCount + 1);
  const missingBefore = new Int32Array(dayCount + 1);
  const workingDays: number[] = [];
  for (let i = 0; i < dayCount; i++) {
    if (!missing[i] && isWorkingKind(kinds[i] ?? 'weekend')) {
      working[i] = 1;
      workingDays.push(i);
    }
    workingBefore[i + 1] = workingDays.length;
    missingBefore[i + 1] = (missingBefore[i] ?? 0) + (missing[i] ? 1 : 0);
  }
  const bounds = hours.periods.flatMap((p) => [p.start * MS_PER_MINUTE, p.end * MS_PER_MINUTE]);
  return Object.freeze({
    firstDay,
    dayCount,
    kinds: Object.freeze(kinds),
    working,
    workingBefore,
    missingBefore,
    workingDays: Int32Array.from(workingDays),
    periodBounds: Int32Array.from(bounds),
    officeMsPerDay: hours.periods.reduce((sum, p) => sum + (p.end - p.start) * MS_PER_MINUTE, 0),
    closingMs: bounds[bounds.length - 1] ?? 0,
  });
}

function checkDays(days: readonly DayOverride[], where: string): Array<DayOverride & { day: number }> {
  const seen = new Set<number>();
  return days.map((o) => {
    const day = tryParseLocalDate(o.date);
    if (day === undefined) throw new RangeError(`${where}: not a YYYY-MM-DD date: ${JSON.stringify(o.date)}`);
    if (!DAY_KINDS.includes(o.kind)) throw new RangeError(`${where}: unknown day kind ${JSON.stringify(o.kind)}`);
    if (!kindFitsDay(o.kind, day)) throw new RangeError(`${where}: ${o.date} is a ${isWeekend(day) ? 'weekend day' : 'weekday'} and cannot be ${o.kind}`);
    if (seen.has(day)) throw new RangeError(`${where}: ${o.date} is listed twice`);
    seen.add(day);
    return { ...o, day };
  });
}

/** Periods must be sorted, non-overlapping and inside one day, or every sum below goes wrong. */
function checkOfficeHours(hours: OfficeHours): OfficeHours {
  const periods = [...hours.periods].sort((a, b) => a.start - b.start);
  if (periods.length === 0) throw new RangeError('Office hours need at least one period');
  let previousEnd = 0;
  for (const p of periods) {
    if (!Number.isInteger(p.start) || !Number.isInteger(p.end) || p.start < previousEnd || p.end <= p.start || p.end > 24 * 60) {
      throw new RangeError(`Invalid office period ${p.start}–${p.end} (minutes after midnight, sorted, not overlapping)`);
    }
    previousEnd = p.end;
  }
  return Object.freeze({ periods: periods.map((p) => Object.freeze({ start: p.start, end: p.end })) });
}

function freezeSchedule(s: YearSchedule): YearSchedule {
  return Object.freeze({ year: s.year, source: s.source, days: Object.freeze(s.days.map((d) => Object.freeze({ ...d }))) as DayOverride[] });
}
