import { withTransaction, type Db, type Queryable, type Tx } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import { compileCalendar } from './calendar.js';
import type { DayOverride, OfficeHours, WorkCalendar, YearSchedule } from './calendar.js';
import { ScheduleFileError, parseScheduleFile, scheduleFromChineseDays } from './calendar.holidays.js';
import { localDayOf, tryParseLocalDate, yearOf } from './calendar.dates.js';
import { checkDay, checkOfficeHours, checkSchedule } from './calendar.checks.js';
import { yearWarnings, type CalendarWarning } from './calendar.describe.js';
import * as repo from './calendar.repository.js';

/**
 * Compiled calendars by version. No invalidation is needed: every change to years, overrides or
 * office hours bumps the version in the same transaction as the change, so a reader that sees the
 * new data also sees the new version (and misses here), and one that still sees the old version
 * is given exactly the old data. Versions come from a sequence (0004_calendar.sql), so a number
 * taken by a transaction that rolled back is never reused: a calendar compiled inside it, from data
 * that never committed, can never be handed out for a committed version. A few entries, not one,
 * so that readers on either side of a change do not evict each other. The key names the
 * database too: tests (and tools) may open several in one process, each counting from 1.
 */
const compiled = new Map<string, WorkCalendar>();
const CACHE_ENTRIES = 4;

/**
 * The working-day calendar in force, for any feature that counts time. Cheap enough for every
 * intake transaction: one primary-key read of the version, and a compile only after a change.
 */
export async function getCalendar(q: Queryable): Promise<WorkCalendar> {
  const current = await repo.readVersionKey(q);
  const hit = compiled.get(`${current.database}:${current.version}`);
  if (hit) return hit;
  // Version and data in one statement: one snapshot, so the data belongs to the version it is filed under.
  const s = await repo.readSnapshot(q);
  const cal = compileCalendar({ years: s.years, overrides: s.overrides, officeHours: s.officeHours, version: String(s.version) });
  compiled.set(`${s.database}:${s.version}`, cal);
  for (const key of compiled.keys()) {
    if (compiled.size <= CACHE_ENTRIES) break;
    compiled.delete(key);
  }
  return cal;
}

// Intake asks for the calendar on every ticket; between changes the answer is the same. A calendar read in
// the last RECENT_MS serves, unless this process changed it since (other processes see a change within RECENT_MS).
const RECENT_MS = 2_000;
let changes = 0;
const recent = new WeakMap<Db, { at: number; changes: number; cal: WorkCalendar }>();

/** A change, once it has committed (or failed), is seen by the next recentCalendar of this process. */
async function afterwardsForgotten<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    changes++;
  }
}

/** The calendar in force, read at most every two seconds per database; for reads outside a transaction. */
export async function recentCalendar(db: Db): Promise<WorkCalendar> {
  const hit = recent.get(db);
  if (hit && hit.changes === changes && Date.now() - hit.at < RECENT_MS) return hit.cal;
  const cal = await getCalendar(db);
  recent.set(db, { at: Date.now(), changes, cal });
  return cal;
}

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/**
 * Load from chinese-days every year from last year to next year that the package knows and the
 * database does not have yet. Idempotent, and never overwrites a year that is already loaded (an
 * admin's edit or import stays). Called at every server start, so that a package upgrade with a
 * new year's notice takes effect on the next restart.
 */
export async function ensureCalendarSeeded(ctx: Ctx): Promise<{ loaded: number[] }> {
  const now = ctx.clock.now();
  const year = yearOf(localDayOf(now.getTime()));
  const wanted = [year - 1, year, year + 1].map(scheduleFromChineseDays).filter((s): s is YearSchedule => s !== undefined);
  const present = new Set((await repo.listYears(ctx.db)).map((y) => y.year));
  if (wanted.every((s) => present.has(s.year))) return { loaded: [] };
  return afterwardsForgotten(withTransaction(ctx.db, async (tx) => {
    await repo.lockVersion(tx);
    const loaded: number[] = [];
    for (const s of wanted) {
      if (!(await repo.insertYearIfAbsent(tx, s, now))) continue;
      loaded.push(s.year);
      await recordAudit(tx, { at: now, actorId: null, actorLabel: 'system', entityType: 'calendar', entityId: s.year, action: 'calendar_year_seeded', after: s });
    }
    if (loaded.length > 0) await repo.bumpVersion(tx, now, null);
    return { loaded };
  }));
}

export interface ChangeOptions {
  /** The calendar version the admin's edit is based on: a change by someone else since is a conflict, not an overwrite. */
  expectedVersion?: number;
}

interface Change<T> { result: T; entityId: number; action: string; before?: unknown; after?: unknown }

/** Lock → check the expected version → write → bump the version → audit, in one transaction. */
async function changeCalendar<T extends object>(
  ctx: Ctx, actor: Actor | null, options: ChangeOptions, write: (tx: Tx, now: Date) => Promise<Change<T>>,
): Promise<T & { version: number }> {
  const now = ctx.clock.now();
  return afterwardsForgotten(withTransaction(ctx.db, async (tx) => {
    const current = await repo.lockVersion(tx);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current) throw new DomainError('VERSION_CONFLICT', { version: current });
    const c = await write(tx, now);
    const version = await repo.bumpVersion(tx, now, actor?.userId ?? null);
    await recordAudit(tx, {
      at: now, actorId: actor?.userId ?? null, actorLabel: actor ? null : 'system', entityType: 'calendar', entityId: c.entityId,
      action: c.action, before: c.before, after: c.after, data: { version },
    });
    return { ...c.result, version };
  }));
}

/** Replace a year's schedule (an admin's edit, an import, or the package's data). */
export async function loadYear(ctx: Ctx, actor: Actor | null, schedule: YearSchedule, options: ChangeOptions = {}): Promise<{ year: number; version: number }> {
  const checked = checkSchedule(schedule);
  return changeCalendar(ctx, actor, options, async (tx, now) => {
    const before = await repo.findYear(tx, checked.year);
    await repo.upsertYear(tx, checked, now, actor?.userId ?? null);
    return { result: { year: checked.year }, entityId: checked.year, action: 'calendar_year_loaded', before, after: checked };
  });
}

export async function loadYearFromPackage(ctx: Ctx, actor: Actor | null, year: number, options: ChangeOptions = {}): Promise<{ year: number; version: number }> {
  const schedule = scheduleFromChineseDays(year);
  if (!schedule) {
    throw new DomainError('CALENDAR_YEAR_NOT_IN_PACKAGE', { year }, `chinese-days 尚无 ${year} 年安排`, `chinese-days has no ${year} schedule`);
  }
  return loadYear(ctx, actor, schedule, options);
}

/** An import file for `year` (calendar.holidays.ts format); every refusal names the line. */
export async function importYearFile(ctx: Ctx, actor: Actor | null, year: number, text: string, options: ChangeOptions = {}): Promise<{ year: number; version: number }> {
  const schedule = parseScheduleFile(text);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lineOf = (test: (line: string) => boolean) => lines.findIndex((l) => test(l.trim())) + 1;
  if (schedule.year !== year) {
    throw new ScheduleFileError(lineOf((l) => /^year\s*=/.test(l)), `文件是 ${schedule.year} 年的安排，不是 ${year} 年`, `the file is for ${schedule.year}, not ${year}`);
  }
  // The parser checks dates and kinds; the name rules (not empty, no control characters) are checked here.
  for (const day of schedule.days) {
    try {
      checkDay(day);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      throw new ScheduleFileError(lineOf((l) => l.startsWith(`${day.date},`)), err.detailZh ?? '名称无效', err.detailEn ?? 'invalid name');
    }
  }
  if (!schedule.days.some((d) => d.kind === 'holiday')) {
    throw new ScheduleFileError(0, '文件中没有任何节假日', 'the file lists no holiday');
  }
  return loadYear(ctx, actor, schedule, options);
}

/** A local decision for one date (a holiday announced late, a local day off); it wins over the year's schedule. */
export async function setOverride(ctx: Ctx, actor: Actor | null, override: DayOverride, options: ChangeOptions = {}): Promise<{ override: repo.OverrideRecord; version: number }> {
  const checked = checkDay(override);
  return changeCalendar(ctx, actor, options, async (tx, now) => {
    const before = await repo.findOverride(tx, checked.date);
    const saved = await repo.upsertOverride(tx, checked, now, actor?.userId ?? null);
    return { result: { override: saved }, entityId: Number(checked.date.slice(0, 4)), action: 'calendar_override_set', before, after: checked };
  });
}

export async function removeOverride(ctx: Ctx, actor: Actor | null, date: string, options: ChangeOptions = {}): Promise<{ version: number }> {
  // Not a real date (2026-02-30) would reach PostgreSQL as a cast error; no such override exists either way.
  if (tryParseLocalDate(date) === undefined) throw new DomainError('CALENDAR_OVERRIDE_NOT_FOUND', { date });
  return changeCalendar(ctx, actor, options, async (tx) => {
    const before = await repo.findOverride(tx, date);
    if (!before || !(await repo.deleteOverride(tx, date))) throw new DomainError('CALENDAR_OVERRIDE_NOT_FOUND', { date });
    return { result: {}, entityId: Number(date.slice(0, 4)), action: 'calendar_override_removed', before };
  });
}

export async function setOfficeHours(ctx: Ctx, actor: Actor | null, hours: OfficeHours, options: ChangeOptions = {}): Promise<{ officeHours: OfficeHours; version: number }> {
  const checked = checkOfficeHours(hours);
  return changeCalendar(ctx, actor, options, async (tx, now) => {
    const before = await repo.readOfficeHours(tx);
    await repo.writeOfficeHours(tx, checked, now, actor?.userId ?? null);
    return { result: { officeHours: checked }, entityId: 0, action: 'calendar_office_hours_set', before, after: checked };
  });
}

export async function calendarWarnings(ctx: Pick<AppContext, 'db'>, now: Date): Promise<CalendarWarning[]> {
  return yearWarnings((await getCalendar(ctx.db)).loadedYears, now);
}
