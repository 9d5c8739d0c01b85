/**
 * Where year schedules come from: the chinese-days package (the State Council's yearly notices,
 * 2004 onwards) and an admin import file for a year the package does not know yet.
 */
import { createRequire } from 'node:module';
import { DomainError } from '../platform/errors.js';
import { DAY_KINDS, kindFitsDay } from './calendar.js';
import type { DayOverride, YearSchedule } from './calendar.js';
import { MS_PER_DAY, isWeekend, localDayOf, tryParseLocalDate, yearOf } from './calendar.dates.js';

interface ChineseDaysData {
  /** 'YYYY-MM-DD' -> 'English name,中文名,length'; days off, weekends inside a holiday included. */
  holidays: Record<string, string>;
  /** 'YYYY-MM-DD' -> same; adjusted working days (调休上班). */
  workdays: Record<string, string>;
}

/**
 * The package's published data file (documented in its README), read directly rather than through
 * its functions: those parse dates in the server's time zone, and west of Greenwich (TZ=America/
 * New_York) every holiday comes out one day early. String keys have no time zone.
 */
const holidayData: ChineseDaysData = readChineseDaysData();

function readChineseDaysData(): ChineseDaysData {
  const raw: unknown = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
  const isTable = (v: unknown): v is Record<string, string> =>
    typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
  if (typeof raw !== 'object' || raw === null || !('holidays' in raw) || !('workdays' in raw)
    || !isTable(raw.holidays) || !isTable(raw.workdays)) {
    throw new Error('chinese-days data file has an unexpected shape (package upgraded?)');
  }
  return { holidays: raw.holidays, workdays: raw.workdays };
}

/**
 * The year's exceptions as chinese-days knows them, or undefined when its data has no notice for
 * that year: for such a year the package's own functions answer "plain Mon–Fri", which is exactly
 * the guess the calendar must never make.
 */
export function scheduleFromChineseDays(year: number): YearSchedule | undefined {
  const prefix = `${year}-`;
  const festivals = new Set<string>();
  const days: DayOverride[] = [];
  for (const [date, label] of Object.entries(holidayData.holidays)) {
    if (!date.startsWith(prefix) || date in holidayData.workdays) continue; // the package lets workdays win
    const [english = '', chinese = label] = label.split(',');
    festivals.add(english);
    days.push({ date, kind: 'holiday', name: chinese });
  }
  for (const [date, label] of Object.entries(holidayData.workdays)) {
    const day = tryParseLocalDate(date);
    // A weekday listed as a working day is the plain rule already: not an exception.
    if (!date.startsWith(prefix) || day === undefined || !isWeekend(day)) continue;
    days.push({ date, kind: 'adjusted_workday', name: label.split(',')[1] ?? label });
  }
  // A year's own notice always sets both the Spring Festival and National Day, which fall inside
  // that year; a stray date from a neighbouring year's notice must not pass for a whole year.
  if (!festivals.has('Spring Festival') || !festivals.has('National Day')) return undefined;
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { year, days, source: 'chinese-days' };
}

/** Years for which scheduleFromChineseDays has a full notice. */
export function chineseDaysYears(): number[] {
  const years = new Set(Object.keys(holidayData.holidays).map((date) => Number(date.slice(0, 4))));
  return [...years].filter((y) => scheduleFromChineseDays(y) !== undefined).sort((a, b) => a - b);
}

/** An admin import file that cannot be read; `line` is 1-based (0: the file as a whole). */
export class ScheduleFileError extends DomainError {
  constructor(readonly line: number, zh: string, en: string) {
    super('CALENDAR_FILE_INVALID', { line }, `第 ${line} 行：${zh}`, `line ${line}: ${en}`);
    this.name = 'ScheduleFileError';
  }
}

/**
 * The admin import format, for a year chinese-days does not cover yet:
 *
 *   # 2027 holiday schedule (State Council notice …)
 *   year=2027
 *   2027-02-06,holiday,春节
 *   2027-02-14,adjusted_workday,春节调休
 *
 * `#` starts a comment line; blank lines are ignored; the name is everything after the second
 * comma (it may contain commas). A UTF-8 BOM and CRLF line ends, as saved by spreadsheet tools,
 * are accepted.
 */
export function parseScheduleFile(text: string): YearSchedule {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let year: number | undefined;
  const days: DayOverride[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of lines.entries()) {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^year\s*=\s*(.*)$/.exec(line);
    if (header) {
      if (year !== undefined) throw new ScheduleFileError(lineNo, '年份只能声明一次', 'the year is declared twice');
      const value = header[1] ?? '';
      if (!/^\d{4}$/.test(value)) throw new ScheduleFileError(lineNo, `年份无效：${value}`, `invalid year: ${value}`);
      year = Number(value);
      continue;
    }
    if (year === undefined) {
      throw new ScheduleFileError(lineNo, '日期行之前须先写 year=YYYY', 'a year=YYYY line must come before the dates');
    }
    days.push(parseDayLine(line, lineNo, year, seen));
  }
  if (year === undefined) throw new ScheduleFileError(0, '文件缺少 year=YYYY 行', 'the file has no year=YYYY line');
  return { year, days, source: 'import' };
}

function parseDayLine(line: string, lineNo: number, year: number, seen: Map<string, number>): DayOverride {
  const firstComma = line.indexOf(',');
  const secondComma = firstComma < 0 ? -1 : line.indexOf(',', firstComma + 1);
  if (secondComma < 0) {
    throw new ScheduleFileError(lineNo, '格式应为 日期,类型,名称', 'expected date,kind,name');
  }
  const date = line.slice(0, firstComma).trim();
  const kindText = line.slice(firstComma + 1, secondComma).trim();
  const name = line.slice(secondComma + 1).trim();
  const day = tryParseLocalDate(date);
  if (day === undefined) throw new ScheduleFileError(lineNo, `日期无效：${date}`, `invalid date: ${date}`);
  if (yearOf(day) !== year) {
    throw new ScheduleFileError(lineNo, `日期 ${date} 不在 ${year} 年内`, `${date} is not in ${year}`);
  }
  const kind = DAY_KINDS.find((k) => k === kindText);
  if (kind === undefined) {
    throw new ScheduleFileError(lineNo, `类型无效：${kindText}（应为 ${DAY_KINDS.join('/')}）`, `invalid kind: ${kindText} (expected ${DAY_KINDS.join('/')})`);
  }
  if (!kindFitsDay(kind, day)) {
    const weekend = isWeekend(day);
    throw new ScheduleFileError(
      lineNo,
      `${date} 是${weekend ? '周末' : '工作日（周一至周五）'}，不能标为 ${kind}`,
      `${date} is a ${weekend ? 'Saturday or Sunday' : 'weekday (Mon–Fri)'} and cannot be ${kind}`,
    );
  }
  const earlier = seen.get(date);
  if (earlier !== undefined) {
    throw new ScheduleFileError(lineNo, `日期 ${date} 与第 ${earlier} 行重复`, `${date} repeats line ${earlier}`);
  }
  seen.set(date, lineNo);
  return { date, kind, name };
}

export function formatScheduleFile(schedule: YearSchedule): string {
  const days = [...schedule.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const lines = [`# source: ${schedule.source}`, `year=${schedule.year}`];
  for (const d of days) {
    // A line break in a name would cut the line in two on the way back in.
    if (/[\r\n]/.test(d.name)) throw new RangeError(`Day name of ${d.date} contains a line break`);
    lines.push(`${d.date},${d.kind},${d.name}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The year whose schedule should be loaded now, if any. The State Council publishes the next
 * year's notice around November, and deadlines of work accepted in December already reach into
 * January, so from 1 November (Shanghai) a missing next year is flagged; a missing current year
 * is flagged first, since nothing can be counted without it.
 */
export function missingYearWarning(loadedYears: readonly number[], now: Date): { year: number } | undefined {
  const today = localDayOf(now.getTime());
  if (Number.isNaN(today)) throw new RangeError('Invalid Date');
  const year = yearOf(today);
  if (!loadedYears.includes(year)) return { year };
  const firstOfNovember = Date.UTC(year, 10, 1) / MS_PER_DAY;
  if (today >= firstOfNovember && !loadedYears.includes(year + 1)) return { year: year + 1 };
  return undefined;
}
