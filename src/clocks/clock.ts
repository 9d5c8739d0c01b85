/**
 * The shared clock engine (CLOCKS.md): every promise of a unit or of the platform to a requester is a
 * row with a start, a limit and a deadline, whatever the kind of work it belongs to.
 */

export const LIMIT_UNITS = ['minutes', 'hours', 'calendar_days', 'working_days'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

/** A time limit as the catalogue states it. Minutes and hours are office time unless `natural`. */
export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
  /** Around-the-clock time (e.g. emergencies: 2 hours day and night). Only for minutes and hours. */
  natural?: boolean;
}

export const CLOCK_KINDS = ['sla', 'acknowledge', 'first_contact', 'resolve', 'callback', 'return_window'] as const;
/** sla: the platform's promise to the requester; the others are owed by one assignment. */
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Where a clock stands. A paused clock has `pausedSince`; a running one cannot (STYLE.md 2). */
export type ClockStatus =
  | { state: 'running' }
  | { state: 'paused'; pausedSince: Date; reason: string }
  | { state: 'met'; metAt: Date }
  | { state: 'stopped'; stoppedAt: Date; reason: string };

export interface Clock {
  id: number;
  kind: ClockKind;
  assignmentId: number | null;
  startedAt: Date;
  limit: TimeLimit;
  deadline: Date;
  /** The deadline before any pause or extension moved it: reports compare against both. */
  originalDeadline: Date;
  /** The instant 75% of the allowed time has elapsed (the default warning threshold). */
  warnAt: Date;
  warnedAt: Date | null;
  /** Set once, at the deadline; stays even when the work is done later. */
  overdueAt: Date | null;
  /** Working (or, for natural clocks, elapsed) milliseconds spent paused so far. */
  pausedMs: number;
  extendedDays: number;
  status: ClockStatus;
  calendarVersion: string;
}

/** A clock not yet saved. */
export type NewClock = Omit<Clock, 'id'>;
