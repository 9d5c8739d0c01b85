/**
 * The deadline calculator: the same rules clocks use, explained for a unit checking its score.
 * Pure: the calendar and the start are arguments.
 */
import type { LimitUnit } from '../clocks/clock.js';
import { isWorkingKind } from './calendar.js';
import type { WorkCalendar } from './calendar.js';
import { addCalendarDays, addWorkingDays, addWorkingTime, dayKind } from './calendar.rules.js';
import { MS_PER_MINUTE, formatLocalDate, instantMs, localDayOf, msIntoLocalDay, weekdayOf } from './calendar.dates.js';
import { WEEKDAYS_EN, WEEKDAYS_ZH, formatShanghai, minutesToClock } from './calendar.format.js';
import { dayNames, dayRuns, type DescribedDay } from './calendar.describe.js';

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
