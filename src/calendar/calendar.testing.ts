/** Test helpers: instants written and read as Asia/Shanghai wall-clock time. */
import { compileCalendar } from './calendar.js';
import type { DayOverride, WorkCalendar } from './calendar.js';
import { scheduleFromChineseDays } from './calendar.holidays.js';

/** at('2025-01-24 16:00') is 16:00 in Shanghai on that day, whatever the test machine's zone. */
export function at(shanghaiTime: string): Date {
  const date = new Date(`${shanghaiTime.replace(' ', 'T')}+08:00`);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test time ${shanghaiTime}`);
  return date;
}

/** The instant as Shanghai wall-clock ISO text: '2025-01-27T17:30:00+08:00'. */
export function shanghai(instant: Date): string {
  const iso = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}+08:00` : `${iso.slice(0, -1)}+08:00`;
}

export function schedule(year: number) {
  const s = scheduleFromChineseDays(year);
  if (!s) throw new Error(`chinese-days has no ${year}`);
  return s;
}

/** The official 2025 and 2026 schedules, as a district would load them. */
export function calendar2025to2026(overrides: DayOverride[] = [], version = 'test'): WorkCalendar {
  return compileCalendar({ years: [schedule(2025), schedule(2026)], overrides, version });
}

/** mulberry32: a tiny seeded generator, so "random" property tests replay identically. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
