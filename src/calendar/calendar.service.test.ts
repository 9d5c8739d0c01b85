import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { withTransaction } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import { listAuditEvents } from '../audit/audit.repository.js';
import { CalendarYearMissingError, DEFAULT_OFFICE_HOURS } from './calendar.js';
import { addWorkingDays, addWorkingTime, dayKind } from './calendar.rules.js';
import { at, schedule, shanghai } from './calendar.testing.js';
import * as repo from './calendar.repository.js';
import {
  calendarWarnings, ensureCalendarSeeded, getCalendar, loadYear, removeOverride, setOfficeHours, setOverride,
} from './calendar.service.js';
import { describeYear } from './calendar.describe.js';
import { formatYear } from '../cli/calendar.command.js';

const codeOf = async (p: Promise<unknown>) => p.then(() => 'resolved', (err: unknown) => (err instanceof DomainError ? err.code : String(err)));

describe('calendar service (real database)', () => {
  const t = useTestApp(new Date('2026-03-02T09:00:00+08:00'));
  const friday = at('2026-03-06 16:00');

  it('given an empty database, a deadline is refused rather than guessed; seeding loads last and this year once, even when two servers start together', async () => {
    const empty = await getCalendar(t.ctx.db);
    expect(empty.loadedYears).toEqual([]);
    expect(() => addWorkingDays(empty, friday, 1)).toThrow(CalendarYearMissingError);

    // chinese-days 1.5.7 has no 2027 notice, so next year is left for the admin (and warned about).
    const [a, b] = await Promise.all([ensureCalendarSeeded(t.ctx), ensureCalendarSeeded(t.ctx)]);
    expect([...a.loaded, ...b.loaded].sort()).toEqual([2025, 2026]);
    const seededVersion = await repo.readVersion(t.ctx.db);
    expect(seededVersion).toBeGreaterThan(0);
    expect((await repo.listYears(t.ctx.db)).map((y) => [y.year, y.source])).toEqual([[2025, 'chinese-days'], [2026, 'chinese-days']]);
    expect((await listAuditEvents(t.ctx.db, 'calendar', 2026)).map((e) => e.action)).toEqual(['calendar_year_seeded']);

    expect(await ensureCalendarSeeded(t.ctx)).toEqual({ loaded: [] });
    expect(await repo.readVersion(t.ctx.db)).toBe(seededVersion);
    expect(shanghai(addWorkingDays(await getCalendar(t.ctx.db), friday, 1))).toBe('2026-03-09T17:30:00+08:00');
  });

  it('never overwrites a year an admin loaded, when a later start would otherwise seed it', async () => {
    const edited = { ...schedule(2024), source: 'admin' as const, days: [...schedule(2024).days, { date: '2024-03-11', kind: 'holiday' as const, name: '区庆' }] };
    await loadYear(t.ctx, null, edited);
    t.clock.set(at('2025-06-01 09:00')); // wants 2024–2026
    try {
      expect(await ensureCalendarSeeded(t.ctx)).toEqual({ loaded: [] });
    } finally {
      t.clock.set(at('2026-03-02 09:00'));
    }
    const stored = await repo.findYear(t.ctx.db, 2024);
    expect(stored?.source).toBe('admin');
    expect(stored?.days).toContainEqual({ date: '2024-03-11', kind: 'holiday', name: '区庆' });
  });

  it('an override bumps the version in its own transaction, and getCalendar recompiles: the deadline moves, then moves back', async () => {
    const before = await getCalendar(t.ctx.db);
    expect(await getCalendar(t.ctx.db)).toBe(before); // same version: the cached compile, no rebuild

    const { version } = await setOverride(t.ctx, null, { date: '2026-03-09', kind: 'holiday', name: '区庆' });
    expect(version).toBeGreaterThan(Number(before.version));
    const after = await getCalendar(t.ctx.db);
    expect(after.version).toBe(String(version));
    expect(shanghai(addWorkingDays(before, friday, 1))).toBe('2026-03-09T17:30:00+08:00');
    expect(shanghai(addWorkingDays(after, friday, 1))).toBe('2026-03-10T17:30:00+08:00');

    await setOverride(t.ctx, null, { date: '2026-03-07', kind: 'adjusted_workday', name: '补班' });
    expect(shanghai(addWorkingDays(await getCalendar(t.ctx.db), friday, 1))).toBe('2026-03-07T17:30:00+08:00');

    await removeOverride(t.ctx, null, '2026-03-07');
    await removeOverride(t.ctx, null, '2026-03-09');
    expect(shanghai(addWorkingDays(await getCalendar(t.ctx.db), friday, 1))).toBe('2026-03-09T17:30:00+08:00');
    expect(await codeOf(removeOverride(t.ctx, null, '2026-03-09'))).toBe('CALENDAR_OVERRIDE_NOT_FOUND');

    const events = await listAuditEvents(t.ctx.db, 'calendar', 2026);
    expect(events.map((e) => e.action).slice(-4)).toEqual(['calendar_override_set', 'calendar_override_set', 'calendar_override_removed', 'calendar_override_removed']);
    expect(events.find((e) => e.action === 'calendar_override_set')?.data).toEqual({ version });
  });

  it('a change read inside a transaction that rolls back never poisons the cache for a later committed change', async () => {
    const committed = await getCalendar(t.ctx.db);
    await expect(withTransaction(t.ctx.db, async (tx) => {
      await repo.lockVersion(tx);
      await repo.upsertOverride(tx, { date: '2026-03-11', kind: 'holiday', name: '从未生效' }, t.clock.now(), null);
      await repo.bumpVersion(tx, t.clock.now(), null);
      expect(dayKind(await getCalendar(tx), '2026-03-11')).toBe('holiday'); // compiled and cached inside
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await getCalendar(t.ctx.db)).toBe(committed);

    // With "value + 1" this change would reuse the rolled-back number and be served the compile above.
    await setOverride(t.ctx, null, { date: '2026-03-12', kind: 'holiday', name: '临时放假' });
    const next = await getCalendar(t.ctx.db);
    expect(dayKind(next, '2026-03-11')).toBe('workday');
    expect(dayKind(next, '2026-03-12')).toBe('holiday');
    await removeOverride(t.ctx, null, '2026-03-12');
  });

  it('concurrent admin changes queue on the version: each gets its own, rising version and none is lost', async () => {
    const dates = ['2026-04-13', '2026-04-14', '2026-04-15', '2026-04-16', '2026-04-17'];
    const results = await Promise.all(dates.map((date) => setOverride(t.ctx, null, { date, kind: 'holiday', name: '测试' })));
    const versions = results.map((r) => r.version);
    expect(new Set(versions).size).toBe(dates.length);
    const cal = await getCalendar(t.ctx.db);
    expect(cal.version).toBe(String(Math.max(...versions)));
    for (const date of dates) expect(dayKind(cal, date)).toBe('holiday');
    for (const date of dates) await removeOverride(t.ctx, null, date);
  });

  it('refuses an edit based on an older version, and invalid days, with codes an admin can act on', async () => {
    const current = await repo.readVersion(t.ctx.db);
    expect(await codeOf(setOverride(t.ctx, null, { date: '2026-05-06', kind: 'holiday', name: 'x' }, { expectedVersion: current - 1 }))).toBe('VERSION_CONFLICT');
    expect(await codeOf(setOverride(t.ctx, null, { date: '2026-05-06', kind: 'weekend', name: 'x' }))).toBe('CALENDAR_DAY_INVALID');
    expect(await codeOf(setOverride(t.ctx, null, { date: '2026-02-30', kind: 'holiday', name: 'x' }))).toBe('CALENDAR_DAY_INVALID');
    expect(await codeOf(setOverride(t.ctx, null, { date: '2026-05-06', kind: 'holiday', name: 'a\nb' }))).toBe('CALENDAR_DAY_INVALID');
    expect(await codeOf(loadYear(t.ctx, null, { year: 2027, source: 'admin', days: [{ date: '2027-01-09', kind: 'adjusted_workday', name: '调休' }] }))).toBe('CALENDAR_SCHEDULE_EMPTY');
    expect(await codeOf(loadYear(t.ctx, null, { year: 2027, source: 'admin', days: [{ date: '2026-10-01', kind: 'holiday', name: '国庆' }] }))).toBe('CALENDAR_DAY_INVALID');
    expect(await repo.readVersion(t.ctx.db)).toBe(current); // refusals change nothing
  });

  it('office hours: validated, and a change moves office-time deadlines', async () => {
    const bad = [
      { periods: [] },
      { periods: [{ start: 13 * 60, end: 17 * 60 }, { start: 9 * 60, end: 12 * 60 }] }, // not sorted
      { periods: [{ start: 9 * 60, end: 12 * 60 }, { start: 11 * 60, end: 17 * 60 }] }, // overlapping
      { periods: [{ start: 20 * 60, end: 25 * 60 }] }, // past midnight
      { periods: [{ start: 9 * 60, end: 9 * 60 }] }, // empty period
    ];
    for (const hours of bad) expect(await codeOf(setOfficeHours(t.ctx, null, hours))).toBe('CALENDAR_OFFICE_HOURS_INVALID');

    expect(shanghai(addWorkingTime(await getCalendar(t.ctx.db), friday, 120))).toBe('2026-03-09T09:30:00+08:00');
    await setOfficeHours(t.ctx, null, { periods: [{ start: 8 * 60 + 30, end: 12 * 60 }, { start: 14 * 60, end: 18 * 60 }] });
    const cal = await getCalendar(t.ctx.db);
    expect(shanghai(addWorkingTime(cal, friday, 120))).toBe('2026-03-06T18:00:00+08:00');
    expect(shanghai(addWorkingDays(cal, friday, 1))).toBe('2026-03-09T18:00:00+08:00');
    await setOfficeHours(t.ctx, null, DEFAULT_OFFICE_HOURS);
    expect((await getCalendar(t.ctx.db)).officeHours).toEqual(DEFAULT_OFFICE_HOURS);
  });

  it('describes a year as `calendar show` prints it: 2026 has 248 working days', async () => {
    const cal = await getCalendar(t.ctx.db);
    const year = describeYear(cal, 2026);
    expect(year.workingDays).toBe(248);
    const february = year.months[1]!;
    expect(february.workingDays).toBe(16);
    expect(february.days.filter((d) => d.kind === 'adjusted_workday').map((d) => d.date)).toEqual(['2026-02-14', '2026-02-28']);
    expect(february.days.filter((d) => d.kind === 'holiday')).toHaveLength(9);
    const printed = formatYear(year, cal).join('\n');
    expect(printed).toContain('2026-02-15 – 02-23');
    expect(printed).toContain('春节 9 天 days');
    expect(printed).toContain('working days in 2026: 248');
    expect(() => describeYear(cal, 2027)).toThrow(CalendarYearMissingError);
  });

  it('warns from 1 November, Shanghai time, that next year is missing', async () => {
    expect(await calendarWarnings(t.ctx, at('2026-10-31 23:59'))).toEqual([]);
    // 16:00 UTC on 31 October is already 1 November in Shanghai.
    const warnings = await calendarWarnings(t.ctx, new Date('2026-10-31T16:00:00Z'));
    expect(warnings).toEqual([expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', year: 2027 })]);
    expect(warnings[0]!.message).toContain('2027 年节假日安排尚未加载');
  });
});
