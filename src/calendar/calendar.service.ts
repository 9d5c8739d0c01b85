import { withTransaction, type Queryable, type Tx } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import { CalendarYearMissingError, DAY_KINDS, compileCalendar, isWorkingKind, kindFitsDay } from './calendar.js';
import type { DayKind, DayOverride, OfficeHours, WorkCalendar, YearSchedule } from './calendar.js';
import { ScheduleFileError, missingYearWarning, parseScheduleFile, scheduleFromChineseDays } from './calendar.holidays.js';
import { addCalendarDays, addWorkingDays, addWorkingTime, dayKind } from './calendar.rules.js';
import {
  MS_PER_MINUTE, firstDayOfYear, formatLocalDate, instantMs, isWeekend, localDayOf, msIntoLocalDay, tryParseLocalDate, weekdayOf, yearOf,
} from './calendar.dates.js';
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
  return withTransaction(ctx.db, async (tx) => {
    await repo.lockVersion(tx);
    const loaded: number[] = [];
    for (const s of wanted) {
      if (!(await repo.insertYearIfAbsent(tx, s, now))) continue;
      loaded.push(s.year);
      await recordAudit(tx, { at: now, actorId: null, actorLabel: 'system', entityType: 'calendar', entityId: s.year, action: 'calendar_year_seeded', after: s });
    }
    if (loaded.length > 0) await repo.bumpVersion(tx, now, null);
    return { loaded };
  });
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
  return withTransaction(ctx.db, async (tx) => {
    const current = await repo.lockVersion(tx);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current) throw new DomainError('VERSION_CONFLICT', { version: current });
    const c = await write(tx, now);
    const version = await repo.bumpVersion(tx, now, actor?.userId ?? null);
    await recordAudit(tx, {
      at: now, actorId: actor?.userId ?? null, actorLabel: actor ? null : 'system', entityType: 'calendar', entityId: c.entityId,
      action: c.action, before: c.before, after: c.after, data: { version },
    });
    return { ...c.result, version };
  });
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

export async function calendarWarnings(ctx: Pick<AppContext, 'db'>, now: Date): Promise<CalendarWarning[]> {
  return yearWarnings((await getCalendar(ctx.db)).loadedYears, now);
}

// ——— Checks: refusals an admin can act on, in both languages ———

/** Names are shown in lists and written one per line in export files. */
const NAME_MAX = 50;
const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);
const invalidDay = (date: string, zh: string, en: string) => new DomainError('CALENDAR_DAY_INVALID', { date }, zh, en);

/** One day of a schedule or an override: a real date (of `year`, if given), a kind that fits its weekday, a name. */
export function checkDay(o: DayOverride, year?: number): DayOverride {
  const day = tryParseLocalDate(o.date);
  if (day === undefined) throw invalidDay(o.date, `日期无效：${o.date}`, `invalid date: ${o.date}`);
  if (year !== undefined && yearOf(day) !== year) throw invalidDay(o.date, `${o.date} 不在 ${year} 年内`, `${o.date} is not in ${year}`);
  if (!DAY_KINDS.includes(o.kind)) throw invalidDay(o.date, `类型无效：${o.kind}`, `invalid kind: ${o.kind}`);
  if (!kindFitsDay(o.kind, day)) {
    const weekend = isWeekend(day);
    throw invalidDay(o.date, `${o.date} 是${weekend ? '周末' : '工作日（周一至周五）'}，不能标为 ${o.kind}`,
      `${o.date} is a ${weekend ? 'Saturday or Sunday' : 'weekday (Mon–Fri)'} and cannot be ${o.kind}`);
  }
  const name = o.name.trim();
  if (name === '' || name.length > NAME_MAX || hasControlCharacter(name)) {
    throw invalidDay(o.date, `${o.date} 的名称须为 1–${NAME_MAX} 个字符，不含换行`, `the name of ${o.date} must be 1–${NAME_MAX} characters without line breaks`);
  }
  return { date: o.date, kind: o.kind, name };
}

export function checkSchedule(s: YearSchedule): YearSchedule {
  if (!Number.isInteger(s.year) || s.year < 1970 || s.year > 9999) {
    throw new DomainError('VALIDATION_FAILED', { year: s.year }, `年份无效：${s.year}`, `invalid year: ${s.year}`);
  }
  const seen = new Set<string>();
  const days = s.days.map((d) => {
    const checked = checkDay(d, s.year);
    if (seen.has(checked.date)) throw invalidDay(checked.date, `${checked.date} 重复`, `${checked.date} is listed twice`);
    seen.add(checked.date);
    return checked;
  });
  // A year without a single holiday is plain Monday–Friday: the very guess a loaded year must rule out.
  if (!days.some((d) => d.kind === 'holiday')) throw new DomainError('CALENDAR_SCHEDULE_EMPTY', { year: s.year });
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { year: s.year, source: s.source, days };
}

const MINUTES_PER_DAY = 24 * 60;
const invalidHours = (zh: string, en: string) => new DomainError('CALENDAR_OFFICE_HOURS_INVALID', undefined, zh, en);

/** Sorted, non-overlapping periods inside one day: every sum of office time relies on it. */
export function checkOfficeHours(hours: OfficeHours): OfficeHours {
  const periods = hours.periods;
  if (periods.length === 0 || periods.length > 6) throw invalidHours('须有 1 至 6 个办公时段', 'between 1 and 6 office periods are needed');
  let previousEnd = 0;
  for (const [i, p] of periods.entries()) {
    const label = `${minutesToClock(p.start)}–${minutesToClock(p.end)}`;
    if (!Number.isInteger(p.start) || !Number.isInteger(p.end) || p.start < 0 || p.end > MINUTES_PER_DAY) {
      throw invalidHours(`时段 ${label} 超出一天的范围`, `period ${label} is not within one day`);
    }
    if (p.end <= p.start) throw invalidHours(`时段 ${label} 的结束须晚于开始`, `period ${label} must end after it starts`);
    if (i > 0 && p.start < previousEnd) {
      throw invalidHours(`时段 ${label} 与前一时段重叠或顺序颠倒（须按时间先后排列）`, `period ${label} overlaps the previous one or is out of order (sort the periods)`);
    }
    previousEnd = p.end;
  }
  return { periods: periods.map((p) => ({ start: p.start, end: p.end })) };
}

// ——— Presenting times and years ———

/** '09:00' → 540, '24:00' → 1440 (the end of the day); undefined for anything else. */
export function clockToMinutes(text: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

export function minutesToClock(minutes: number): string {
  if (!Number.isFinite(minutes)) return String(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
export const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/**
 * An instant as Shanghai wall-clock text, '2026-02-24 17:30' (seconds only when there are any).
 * With `endOfDay`, midnight is written as 24:00 of the day before, as calendar-day limits are stated.
 */
export function formatShanghai(instant: Date, endOfDay = false): { text: string; weekday: number } {
  const ms = instantMs(instant);
  let day = localDayOf(ms);
  let into = msIntoLocalDay(ms);
  if (endOfDay && into === 0) {
    day -= 1;
    into = MINUTES_PER_DAY * MS_PER_MINUTE;
  }
  const seconds = Math.floor((into % MS_PER_MINUTE) / 1000);
  const time = minutesToClock(Math.floor(into / MS_PER_MINUTE)) + (seconds ? `:${String(seconds).padStart(2, '0')}` : '');
  return { text: `${formatLocalDate(day)} ${time}`, weekday: weekdayOf(day) };
}

export interface DescribedDay { date: string; weekday: number; kind: DayKind; name: string; override: boolean }
export interface YearDescription {
  year: number;
  source: YearSchedule['source'];
  workingDays: number;
  /** Per month: its working days, and its holidays, adjusted working days and overridden days. */
  months: Array<{ month: number; workingDays: number; days: DescribedDay[] }>;
}

/** Day names of the calendar, overrides winning over the year schedules. */
function dayNames(cal: WorkCalendar): Map<string, { name: string; override: boolean }> {
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

// ——— The deadline calculator: the same rules clocks use, explained for a unit checking its score ———

export const LIMIT_UNITS = ['working_days', 'calendar_days', 'hours', 'minutes'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export interface DeadlineQuestion {
  start: Date;
  amount: number;
  unit: LimitUnit;
  /** Hours and minutes around the clock (an emergency's "2 hours") instead of office time. */
  natural?: boolean;
}

export interface DeadlineAnswer {
  deadline: Date;
  /** The calendar version the answer used, or null when no calendar was needed. */
  calendarVersion: string | null;
  /** Working days the limit runs through. */
  countedDays: string[];
  /** Days passed over between the start and the deadline: weekends, holidays, local days off. */
  skippedDays: DescribedDay[];
  explanation: { zh: string[]; en: string[] };
}

const LIST_AT_MOST = 10;
const listed = (items: string[], sep: string) =>
  (items.length <= LIST_AT_MOST ? items : [...items.slice(0, LIST_AT_MOST - 1), '…', items[items.length - 1]!]).join(sep);

export function explainDeadline(cal: WorkCalendar, q: DeadlineQuestion): DeadlineAnswer {
  const startAt = formatShanghai(q.start);
  const lines = { zh: [] as string[], en: [] as string[] };
  let deadline: Date;
  let walk: { from: number; to: number } | undefined;
  const hours = cal.officeHours.periods.map((p) => `${minutesToClock(p.start)}–${minutesToClock(p.end)}`);
  const closing = minutesToClock(cal.officeHours.periods[cal.officeHours.periods.length - 1]?.end ?? 0);
  switch (q.unit) {
    case 'calendar_days':
      deadline = addCalendarDays(q.start, q.amount);
      lines.zh.push(`规则：自然日，起始日不计，截止于其后第 ${q.amount} 日 24:00；节假日照常计算。`);
      lines.en.push(`Rule: calendar days; the start day does not count; due at 24:00 of day ${q.amount} after it, holidays included.`);
      break;
    case 'working_days':
      deadline = addWorkingDays(cal, q.start, q.amount);
      walk = { from: localDayOf(q.start.getTime()) + 1, to: localDayOf(deadline.getTime()) };
      lines.zh.push(`规则：工作日，起始日不计（上班前受理亦然），截止于其后第 ${q.amount} 个工作日办公时间结束（${closing}）；法定节假日和周末不计，调休上班日计入。`);
      lines.en.push(`Rule: working days; the start day does not count (even before office hours); due at the close of office (${closing}) of working day ${q.amount} after it; public holidays and weekends do not count, adjusted working days do.`);
      break;
    case 'hours':
    case 'minutes': {
      const minutes = q.unit === 'hours' ? q.amount * 60 : q.amount;
      const amount = q.unit === 'hours' ? { zh: `${q.amount} 小时`, en: `${q.amount} hours` } : { zh: `${q.amount} 分钟`, en: `${q.amount} minutes` };
      if (q.natural) {
        deadline = new Date(instantMs(q.start) + minutes * MS_PER_MINUTE);
        lines.zh.push(`规则：${amount.zh}，按自然时间连续计算（昼夜、节假日照常）。`);
        lines.en.push(`Rule: ${amount.en} of natural time, around the clock, holidays included.`);
        break;
      }
      deadline = addWorkingTime(cal, q.start, minutes);
      const startDay = localDayOf(q.start.getTime());
      const lastPeriodEnd = cal.officeHours.periods[cal.officeHours.periods.length - 1]?.end ?? 0;
      // A start after the close of office uses none of that day.
      const startUsed = msIntoLocalDay(q.start.getTime()) < lastPeriodEnd * MS_PER_MINUTE;
      walk = { from: startUsed ? startDay : startDay + 1, to: localDayOf(deadline.getTime()) };
      lines.zh.push(`规则：${amount.zh}办公时间，仅计工作日的办公时段（${hours.join('、')}）；办公时间以外受理的，从下一个办公时段起算。`);
      lines.en.push(`Rule: ${amount.en} of office time, counted only in office periods (${hours.join(', ')}) of working days; from outside them, counting starts with the next period.`);
      break;
    }
  }
  lines.zh.push(`起算：${startAt.text}（${WEEKDAYS_ZH[startAt.weekday]}）。`);
  lines.en.push(`Start: ${startAt.text} (${WEEKDAYS_EN[startAt.weekday]}).`);
  const countedDays: string[] = [];
  const skippedDays: DescribedDay[] = [];
  if (walk) {
    const names = dayNames(cal);
    for (let day = walk.from; day <= walk.to; day++) {
      const date = formatLocalDate(day);
      const kind = dayKind(cal, date);
      if (isWorkingKind(kind)) countedDays.push(date);
      else skippedDays.push({ date, weekday: weekdayOf(day), kind, name: names.get(date)?.name ?? '', override: names.get(date)?.override ?? false });
    }
    if (skippedDays.length > 0) {
      const runs = dayRuns(skippedDays).map((r) => ({ span: r.from === r.to ? r.from : `${r.from}–${r.to.slice(5)}`, r }));
      lines.zh.push(`不计：${listed(runs.map(({ span, r }) => `${span}（${r.name || (r.kind === 'weekend' ? '周末' : '非工作日')}）`), '；')}。`);
      lines.en.push(`Not counted: ${listed(runs.map(({ span, r }) => `${span} (${r.name || (r.kind === 'weekend' ? 'weekend' : 'day off')})`), '; ')}.`);
    }
    lines.zh.push(`计入的工作日（共 ${countedDays.length} 个）：${listed(countedDays, '、')}。`);
    lines.en.push(`Working days counted (${countedDays.length}): ${listed(countedDays, ', ')}.`);
  }
  const due = formatShanghai(deadline, q.unit === 'calendar_days');
  lines.zh.push(`截止：${due.text}（${WEEKDAYS_ZH[due.weekday]}）${walk ? `，日历版本 ${cal.version}` : ''}。`);
  lines.en.push(`Due: ${due.text} (${WEEKDAYS_EN[due.weekday]})${walk ? `, calendar version ${cal.version}` : ''}.`);
  return { deadline, calendarVersion: walk ? cal.version : null, countedDays, skippedDays, explanation: lines };
}
