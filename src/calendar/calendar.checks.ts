/**
 * Checks of what an admin enters (days, year schedules, office hours): refusals an admin can act on,
 * in both languages. Pure: no database, no clock.
 */
import { DomainError } from '../platform/errors.js';
import { DAY_KINDS, kindFitsDay } from './calendar.js';
import type { DayOverride, OfficeHours, YearSchedule } from './calendar.js';
import { isWeekend, tryParseLocalDate, yearOf } from './calendar.dates.js';
import { MINUTES_PER_DAY, minutesToClock } from './calendar.format.js';

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
