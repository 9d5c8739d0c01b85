/**
 * Counting rules of CLOCKS.md on a compiled WorkCalendar. Pure: the time is always an argument,
 * all arithmetic is in Asia/Shanghai by fixed offset (calendar.dates.ts), and no function walks
 * day by day: the compiled prefix counts answer every question by direct index or binary search.
 */
import { CalendarYearMissingError, isWorkingKind } from './calendar.js';
import type { CalendarIndex, DayKind, WorkCalendar } from './calendar.js';
import { MS_PER_MINUTE, instantMs, instantOf, localDayOf, msIntoLocalDay, parseLocalDate, yearOf } from './calendar.dates.js';

/** Throws CalendarYearMissingError for a date of a year that is not loaded. */
export function dayKind(cal: WorkCalendar, date: string): DayKind {
  const idx = cal.index;
  const offset = parseLocalDate(date) - idx.firstDay;
  requireLoaded(idx, offset, offset);
  return kindAt(idx, offset);
}

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  return isWorkingKind(dayKind(cal, date));
}

/**
 * CLOCKS.md: the start day does not count; due at the end of office hours on the n-th working
 * day after it. Accepted Friday 16:00 with n = 1: due Monday 17:30 (if Monday is a working day).
 *
 * Accepted before office hours on a working day (Monday 08:00), the start day still does not
 * count, so n = 1 is due Tuesday 17:30. Counting the start day only "when early" would make the
 * deadline jump by a whole day at 09:00 and invite appeals about 08:59 versus 09:01; one rule for
 * every acceptance time is the one a unit can check by hand. The start day is never consulted,
 * so it may lie in a year that is not loaded (e.g. 31 December before the first loaded year).
 */
export function addWorkingDays(cal: WorkCalendar, start: Date, n: number): Date {
  requireCount(n, 'working days');
  const idx = cal.index;
  const startOffset = localDayOf(instantMs(start)) - idx.firstDay;
  const target = idx.workingDays[workingThrough(idx, startOffset) + n - 1];
  requireLoaded(idx, startOffset + 1, target ?? idx.dayCount);
  // requireLoaded threw if the n-th working day lies beyond the loaded range.
  return new Date(instantOf(idx.firstDay + (target ?? 0), idx.closingMs));
}

/** CLOCKS.md: the start day does not count; due at 24:00 (Shanghai) of the n-th day after it. */
export function addCalendarDays(start: Date, n: number): Date {
  requireCount(n, 'calendar days');
  return new Date(instantOf(localDayOf(instantMs(start)) + n + 1, 0));
}

/**
 * The instant when `minutes` of office time on working days have passed since `start`. From
 * outside office hours, counting begins at the next office period. The result is the moment the
 * last minute runs out, so a limit that ends with a period is due at its end (17:30), not at the
 * start of the next one.
 */
export function addWorkingTime(cal: WorkCalendar, start: Date, minutes: number): Date {
  return addWorkingMs(cal, start, minutes * MS_PER_MINUTE);
}

/** As addWorkingTime, in milliseconds: pauses are measured in ms (workingMsBetween). */
export function addWorkingMs(cal: WorkCalendar, start: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Working time must be a finite number >= 0, got ${ms}`);
  const idx = cal.index;
  const from = instantMs(start);
  const startOffset = localDayOf(from) - idx.firstDay;
  requireLoaded(idx, startOffset, startOffset);
  if (ms === 0) return new Date(from);
  const goal = workingMsBefore(idx, from, startOffset) + ms;
  // Every working day holds the same office time, so the goal's day is found by division.
  const ordinal = Math.ceil(goal / idx.officeMsPerDay) - 1;
  const target = idx.workingDays[ordinal];
  requireLoaded(idx, startOffset, target ?? idx.dayCount);
  let remaining = goal - ordinal * idx.officeMsPerDay; // in (0, officeMsPerDay]
  const bounds = idx.periodBounds;
  for (let i = 0; i < bounds.length; i += 2) {
    const start = bounds[i] ?? 0;
    const length = (bounds[i + 1] ?? 0) - start;
    if (remaining <= length) return new Date(instantOf(idx.firstDay + (target ?? 0), start + remaining));
    remaining -= length;
  }
  throw new Error('unreachable: remaining office time exceeds one working day');
}

/** Office milliseconds on working days in [t1, t2); 0 when t2 <= t1. */
export function workingMsBetween(cal: WorkCalendar, t1: Date, t2: Date): number {
  const from = instantMs(t1);
  const to = instantMs(t2);
  if (to <= from) return 0;
  const idx = cal.index;
  const fromOffset = localDayOf(from) - idx.firstDay;
  const toOffset = localDayOf(to) - idx.firstDay;
  requireLoaded(idx, fromOffset, toOffset);
  return workingMsBefore(idx, to, toOffset) - workingMsBefore(idx, from, fromOffset);
}

/** Office ms on working days from the start of the index up to `instant` (on day `offset`). */
function workingMsBefore(idx: CalendarIndex, instant: number, offset: number): number {
  const wholeDays = (idx.workingBefore[offset] ?? 0) * idx.officeMsPerDay;
  if (idx.working[offset] !== 1) return wholeDays;
  const intoDay = msIntoLocalDay(instant);
  const bounds = idx.periodBounds;
  let today = 0;
  for (let i = 0; i < bounds.length; i += 2) {
    const start = bounds[i] ?? 0;
    if (intoDay <= start) break;
    today += Math.min(intoDay, bounds[i + 1] ?? 0) - start;
  }
  return wholeDays + today;
}

/** Working days at offsets <= `offset`; the ends of the range clamp (requireLoaded guards them). */
function workingThrough(idx: CalendarIndex, offset: number): number {
  if (offset < 0) return 0;
  if (offset >= idx.dayCount) return idx.workingDays.length;
  return idx.workingBefore[offset + 1] ?? 0;
}

function kindAt(idx: CalendarIndex, offset: number): DayKind {
  const kind = idx.kinds[offset];
  if (kind === undefined) throw new RangeError(`Day offset ${offset} outside the calendar`);
  return kind;
}

/** Throws for the first day in offsets [from, to] that lies in a year not loaded. */
function requireLoaded(idx: CalendarIndex, from: number, to: number): void {
  // Fast path, the usual case: inside the loaded range with no gap year in between.
  if (from >= 0 && to < idx.dayCount && idx.missingBefore[to + 1] === idx.missingBefore[from]) return;
  const missing = firstMissing(idx, from, to);
  if (missing !== undefined) throw new CalendarYearMissingError(yearOf(idx.firstDay + missing));
}

function firstMissing(idx: CalendarIndex, from: number, to: number): number | undefined {
  if (from < 0) return from;
  const before = idx.missingBefore;
  const last = Math.min(to, idx.dayCount - 1);
  const base = before[from] ?? 0;
  if (last >= from && (before[last + 1] ?? 0) > base) {
    // Binary search for the first offset whose day is missing: before[i + 1] > base.
    let lo = from;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((before[mid + 1] ?? 0) > base) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  return to >= idx.dayCount ? Math.max(from, idx.dayCount) : undefined;
}

function requireCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Number of ${what} must be a whole number >= 1, got ${n}`);
}
