/**
 * Times of day and instants as people read them in Asia/Shanghai. Pure: the instant is an argument.
 */
import { MS_PER_MINUTE, formatLocalDate, instantMs, localDayOf, msIntoLocalDay, weekdayOf } from './calendar.dates.js';

export const MINUTES_PER_DAY = 24 * 60;

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
