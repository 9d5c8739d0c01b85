import { addCalendarDays, addWorkingDays, addWorkingMs, workingMsBetween } from '../calendar/calendar.rules.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import { DomainError } from '../platform/errors.js';
import type { Clock, ClockKind, NewClock, TimeLimit } from './clock.js';

/** Warn at 75% of the allowed time (CLOCKS.md default). */
export const WARN_SHARE = 0.75;

/** Whether the limit is measured in office time on working days (as opposed to elapsed time). */
export function countsWorkingTime(limit: TimeLimit): boolean {
  return limit.unit === 'working_days' || ((limit.unit === 'minutes' || limit.unit === 'hours') && !limit.natural);
}

export function deadlineFor(cal: WorkCalendar, start: Date, limit: TimeLimit): Date {
  switch (limit.unit) {
    case 'working_days': return addWorkingDays(cal, start, limit.amount);
    case 'calendar_days': return addCalendarDays(start, limit.amount);
    case 'minutes':
    case 'hours': {
      const ms = limit.amount * (limit.unit === 'hours' ? 3_600_000 : 60_000);
      return limit.natural ? new Date(start.getTime() + ms) : addWorkingMs(cal, start, ms);
    }
  }
}

/** Time of the clock's own measure between two instants: office time, or elapsed time. */
export function measure(cal: WorkCalendar, limit: TimeLimit, from: Date, to: Date): number {
  if (countsWorkingTime(limit)) return workingMsBetween(cal, from, to);
  return Math.max(0, to.getTime() - from.getTime());
}

/** Move an instant later by `ms` of the clock's own measure. */
export function shift(cal: WorkCalendar, limit: TimeLimit, at: Date, ms: number): Date {
  if (ms <= 0) return at;
  return countsWorkingTime(limit) ? addWorkingMs(cal, at, ms) : new Date(at.getTime() + ms);
}

function warnAtFor(cal: WorkCalendar, limit: TimeLimit, start: Date, deadline: Date): Date {
  const allowed = measure(cal, limit, start, deadline);
  return shift(cal, limit, start, Math.floor(allowed * WARN_SHARE));
}

/**
 * A clock starting at `start`. `cap` bounds the deadline: a village given work by a town is due no
 * later than the town (CLOCKS.md, sub-assignment).
 */
export function startClock(cal: WorkCalendar, kind: ClockKind, assignmentId: number | null, start: Date, limit: TimeLimit, cap?: Date): NewClock {
  let deadline = deadlineFor(cal, start, limit);
  if (cap && cap < deadline) deadline = cap;
  return {
    kind, assignmentId, startedAt: start, limit, deadline, originalDeadline: deadline,
    warnAt: warnAtFor(cal, limit, start, deadline), warnedAt: null, overdueAt: null,
    pausedMs: 0, extendedDays: 0, status: { state: 'running' }, calendarVersion: cal.version,
  };
}

function refuse(zh: string, en: string): never {
  throw new DomainError('CLOCK_STATE_INVALID', undefined, zh, en);
}

export function pauseClock(clock: Clock, now: Date, reason: string): Clock {
  if (clock.status.state !== 'running') refuse('只有计时中的时限可以挂起', 'only a running clock can be paused');
  return { ...clock, status: { state: 'paused', pausedSince: now, reason } };
}

/** Paused time does not count: the deadline (and a warning not yet given) move by exactly the paused time. */
export function resumeClock(cal: WorkCalendar, clock: Clock, now: Date): Clock {
  if (clock.status.state !== 'paused') refuse('该时限未挂起', 'the clock is not paused');
  const paused = measure(cal, clock.limit, clock.status.pausedSince, now);
  return {
    ...clock,
    deadline: shift(cal, clock.limit, clock.deadline, paused),
    warnAt: clock.warnedAt ? clock.warnAt : shift(cal, clock.limit, clock.warnAt, paused),
    pausedMs: clock.pausedMs + paused,
    status: { state: 'running' },
  };
}

/** An approved extension moves the deadline by whole working days; the original deadline is kept for reports. */
export function extendClock(cal: WorkCalendar, clock: Clock, workingDays: number): Clock {
  if (clock.status.state === 'met' || clock.status.state === 'stopped') refuse('时限已结束，不能延期', 'the clock has ended and cannot be extended');
  const deadline = addWorkingDays(cal, clock.deadline, workingDays);
  return {
    ...clock, deadline, extendedDays: clock.extendedDays + workingDays,
    warnAt: clock.warnedAt ? clock.warnAt : warnAtFor(cal, clock.limit, clock.startedAt, deadline),
    // An extension granted after the deadline does not erase the overdue already recorded.
  };
}

/**
 * A window (the return window) closes rather than runs late: not returning work is no fault, so a window
 * that passes is ended, never recorded as overdue.
 */
export const isWindow = (kind: ClockKind) => kind === 'return_window';

/** The action the clock measures happened. Late work is recorded as overdue even if the sweep had not yet run. */
export function meetClock(clock: Clock, now: Date): Clock {
  if (clock.status.state === 'met' || clock.status.state === 'stopped') return clock;
  const late = now > clock.deadline && !clock.overdueAt && !isWindow(clock.kind);
  return { ...clock, overdueAt: late ? clock.deadline : clock.overdueAt, status: { state: 'met', metAt: now } };
}

/** The work left this owner (returned, withdrawn, merged): the clock ends without being met. */
export function stopClock(clock: Clock, now: Date, reason: string): Clock {
  if (clock.status.state === 'met' || clock.status.state === 'stopped') return clock;
  const late = now > clock.deadline && !clock.overdueAt && !isWindow(clock.kind);
  return { ...clock, overdueAt: late ? clock.deadline : clock.overdueAt, status: { state: 'stopped', stoppedAt: now, reason } };
}

/** Undo a stop: a refused return does not buy time, the original deadline stands. */
export function restartClock(clock: Clock): Clock {
  if (clock.status.state !== 'stopped') refuse('该时限未停止', 'the clock is not stopped');
  return { ...clock, status: { state: 'running' } };
}

export type SweepEvent = 'clock_warning' | 'clock_overdue';

/** What the sweeper records at `now`: each threshold at most once; a clock found already past its deadline is only overdue. */
export function sweepClock(clock: Clock, now: Date): { clock: Clock; events: SweepEvent[] } {
  if (clock.status.state !== 'running') return { clock, events: [] };
  if (isWindow(clock.kind)) {
    return now >= clock.deadline ? { clock: { ...clock, status: { state: 'stopped', stoppedAt: clock.deadline, reason: '时限届满' } }, events: [] } : { clock, events: [] };
  }
  if (!clock.overdueAt && now >= clock.deadline) {
    return { clock: { ...clock, overdueAt: clock.deadline, warnedAt: clock.warnedAt ?? now }, events: ['clock_overdue'] };
  }
  if (!clock.warnedAt && now >= clock.warnAt) return { clock: { ...clock, warnedAt: now }, events: ['clock_warning'] };
  return { clock, events: [] };
}

/** When the sweeper must next look at this clock; null when nothing more can happen on its own. */
export function nextCheckAt(clock: Clock | NewClock): Date | null {
  if (clock.status.state !== 'running') return null;
  // A window only needs closing at its end; it gives no warning.
  if (isWindow(clock.kind)) return clock.deadline;
  if (!clock.warnedAt) return clock.warnAt;
  if (!clock.overdueAt) return clock.deadline;
  return null;
}

/** Time left in the clock's own measure (negative when overdue), for "2h 30m left" in the console. */
export function timeLeft(cal: WorkCalendar, clock: Clock, now: Date): number {
  const at = clock.status.state === 'paused' ? clock.status.pausedSince : now;
  return at <= clock.deadline ? measure(cal, clock.limit, at, clock.deadline) : -measure(cal, clock.limit, clock.deadline, at);
}
