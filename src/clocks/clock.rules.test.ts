import { describe, expect, it } from 'vitest';
import { at, calendar2025to2026, shanghai } from '../calendar/calendar.testing.js';
import type { Clock } from './clock.js';
import { extendClock, meetClock, nextCheckAt, pauseClock, restartClock, resumeClock, startClock, stopClock, sweepClock, timeLeft } from './clock.rules.js';

const cal = calendar2025to2026();
const saved = (c: ReturnType<typeof startClock>): Clock => ({ ...c, id: 1 });
const HOUR = 3_600_000;

describe('starting a clock (CLOCKS.md units of a limit)', () => {
  it('1 working day from Friday 16:00 is due Monday 17:30', () => {
    const c = startClock(cal, 'resolve', 1, at('2026-03-06 16:00'), { amount: 1, unit: 'working_days' });
    expect(shanghai(c.deadline)).toBe('2026-03-09T17:30:00+08:00');
  });

  it('working days skip the Spring Festival and count the make-up Saturday', () => {
    // 2026: 15–23 Feb off; Saturdays 14 and 28 Feb are working days (调休).
    const c = startClock(cal, 'resolve', 1, at('2026-02-13 10:00'), { amount: 2, unit: 'working_days' });
    expect(shanghai(c.deadline)).toBe('2026-02-24T17:30:00+08:00');
    const d = startClock(cal, 'resolve', 1, at('2026-02-26 10:00'), { amount: 2, unit: 'working_days' });
    expect(shanghai(d.deadline)).toBe('2026-02-28T17:30:00+08:00');
  });

  it('calendar days: the start day does not count, due at 24:00 of the N-th day', () => {
    const c = startClock(cal, 'resolve', 1, at('2026-03-06 16:00'), { amount: 3, unit: 'calendar_days' });
    expect(shanghai(c.deadline)).toBe('2026-03-10T00:00:00+08:00');
  });

  it('hours count office time by default and around the clock when natural', () => {
    const office = startClock(cal, 'acknowledge', 1, at('2026-03-06 16:30'), { amount: 2, unit: 'hours' });
    expect(shanghai(office.deadline)).toBe('2026-03-09T10:00:00+08:00');
    const natural = startClock(cal, 'resolve', 1, at('2026-03-06 16:30'), { amount: 2, unit: 'hours', natural: true });
    expect(shanghai(natural.deadline)).toBe('2026-03-06T18:30:00+08:00');
  });

  it('warns at 75% of the allowed working time', () => {
    // 4 office hours from Monday 09:00: deadline 13:30+1h = 14:30; 3 office hours in = 12:00.
    const c = startClock(cal, 'acknowledge', 1, at('2026-03-09 09:00'), { amount: 4, unit: 'hours' });
    expect(shanghai(c.deadline)).toBe('2026-03-09T14:30:00+08:00');
    expect(shanghai(c.warnAt)).toBe('2026-03-09T12:00:00+08:00');
  });

  it('a sub-assignment is due no later than its parent', () => {
    const cap = at('2026-03-10 17:30');
    const c = startClock(cal, 'resolve', 2, at('2026-03-09 09:00'), { amount: 5, unit: 'working_days' }, cap);
    expect(c.deadline).toEqual(cap);
  });
});

describe('pauses, extensions, met and overdue (CLOCKS.md states of a clock)', () => {
  const start = at('2026-03-09 09:00');
  const fresh = () => saved(startClock(cal, 'resolve', 1, start, { amount: 3, unit: 'working_days' }));

  it('paused working time moves the deadline by exactly that time', () => {
    const c = fresh();
    expect(shanghai(c.deadline)).toBe('2026-03-12T17:30:00+08:00');
    const paused = pauseClock(c, at('2026-03-09 10:00'), '等待来电人补充材料');
    expect(nextCheckAt(paused)).toBeNull();
    // Paused over a night: 10:00–12:00 and 13:30–17:30 Monday plus 09:00–10:00 Tuesday = 7 office
    // hours, one whole office day: Thursday 17:30 becomes Friday 17:30.
    const resumed = resumeClock(cal, paused, at('2026-03-10 10:00'));
    expect(resumed.pausedMs).toBe(7 * HOUR);
    expect(shanghai(resumed.deadline)).toBe('2026-03-13T17:30:00+08:00');
    const short = resumeClock(cal, pauseClock(c, at('2026-03-09 10:00'), 'x'), at('2026-03-09 11:00'));
    expect(shanghai(short.deadline)).toBe('2026-03-13T10:00:00+08:00');
    expect(resumed.originalDeadline).toEqual(c.deadline);
  });

  it('a pause over a weekend costs nothing when no office time passed', () => {
    const c = saved(startClock(cal, 'resolve', 1, at('2026-03-06 10:00'), { amount: 1, unit: 'working_days' }));
    const resumed = resumeClock(cal, pauseClock(c, at('2026-03-06 17:30'), '周末'), at('2026-03-09 09:00'));
    expect(resumed.deadline).toEqual(c.deadline);
  });

  it('an extension moves the resolve deadline by working days across National Day', () => {
    const c = saved(startClock(cal, 'resolve', 1, at('2026-09-28 10:00'), { amount: 2, unit: 'working_days' }));
    expect(shanghai(c.deadline)).toBe('2026-09-30T17:30:00+08:00');
    const extended = extendClock(cal, c, 2);
    // 1–7 October 2026 are off; Saturday 10 October is a make-up working day.
    expect(shanghai(extended.deadline)).toBe('2026-10-09T17:30:00+08:00');
    expect(extended.originalDeadline).toEqual(c.deadline);
    expect(extended.extendedDays).toBe(2);
  });

  it('the sweeper records the warning, then overdue, each once', () => {
    const c = fresh();
    expect(sweepClock(c, at('2026-03-09 12:00')).events).toEqual([]);
    const warned = sweepClock(c, c.warnAt);
    expect(warned.events).toEqual(['clock_warning']);
    expect(sweepClock(warned.clock, c.warnAt).events).toEqual([]);
    const overdue = sweepClock(warned.clock, c.deadline);
    expect(overdue.events).toEqual(['clock_overdue']);
    expect(overdue.clock.overdueAt).toEqual(c.deadline);
    expect(sweepClock(overdue.clock, at('2026-03-20 10:00')).events).toEqual([]);
    expect(nextCheckAt(overdue.clock)).toBeNull();
  });

  it('a clock first swept after its deadline is only overdue, not warned too', () => {
    expect(sweepClock(fresh(), at('2026-03-20 10:00')).events).toEqual(['clock_overdue']);
  });

  it('overdue stays in the record when the work is done later, even if no sweep ran', () => {
    const c = fresh();
    const met = meetClock(c, at('2026-03-13 10:00'));
    expect(met.status).toEqual({ state: 'met', metAt: at('2026-03-13 10:00') });
    expect(met.overdueAt).toEqual(c.deadline);
    const onTime = meetClock(c, at('2026-03-12 17:00'));
    expect(onTime.overdueAt).toBeNull();
  });

  it('a stopped clock (returned work) can be restarted with its original deadline', () => {
    const c = fresh();
    const stopped = stopClock(c, at('2026-03-09 11:00'), '退单');
    expect(nextCheckAt(stopped)).toBeNull();
    const again = restartClock(stopped);
    expect(again.deadline).toEqual(c.deadline);
    expect(nextCheckAt(again)).toEqual(c.warnAt);
  });

  it('a return window closes at its end without making anyone overdue', () => {
    const w = saved(startClock(cal, 'return_window', 1, start, { amount: 2, unit: 'working_days' }));
    expect(nextCheckAt(w)).toEqual(w.deadline);
    expect(sweepClock(w, at('2026-03-10 10:00'))).toEqual({ clock: w, events: [] });
    const closed = sweepClock(w, at('2026-03-12 09:00'));
    expect(closed.events).toEqual([]);
    expect(closed.clock).toMatchObject({ overdueAt: null, status: { state: 'stopped', stoppedAt: w.deadline } });
    expect(nextCheckAt(closed.clock)).toBeNull();
    expect(stopClock(w, at('2026-03-20 09:00'), '已答复').overdueAt).toBeNull();
  });

  it('refuses moves that do not fit the state', () => {
    const c = fresh();
    expect(() => resumeClock(cal, c, at('2026-03-09 10:00'))).toThrowError(expect.objectContaining({ code: 'CLOCK_STATE_INVALID' }));
    const met = meetClock(c, at('2026-03-09 10:00'));
    expect(() => pauseClock(met, at('2026-03-09 11:00'), 'x')).toThrowError(expect.objectContaining({ code: 'CLOCK_STATE_INVALID' }));
    expect(() => extendClock(cal, met, 1)).toThrowError(expect.objectContaining({ code: 'CLOCK_STATE_INVALID' }));
  });

  it('reports time left in office time, negative when late, frozen while paused', () => {
    const c = fresh();
    expect(timeLeft(cal, c, at('2026-03-12 16:30'))).toBe(HOUR);
    expect(timeLeft(cal, c, at('2026-03-13 10:00'))).toBe(-HOUR);
    const paused = pauseClock(c, at('2026-03-12 16:30'), 'x');
    expect(timeLeft(cal, paused, at('2026-03-20 10:00'))).toBe(HOUR);
  });
});
