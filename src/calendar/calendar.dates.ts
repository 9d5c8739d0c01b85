/**
 * Date arithmetic in Asia/Shanghai by fixed offset.
 *
 * China has kept UTC+8 without daylight saving since 1991, so a local date is just
 * floor((epoch ms + 8 h) / 1 day). Working on plain numbers (days since 1970-01-01, ms into the
 * local day) keeps every result independent of the server's time zone: nothing here calls a
 * local-time `Date` method.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const SHANGHAI_OFFSET_MS = 8 * 60 * MS_PER_MINUTE;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, or undefined if it is not a real calendar date. */
export function tryParseLocalDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip unchanged.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

export function parseLocalDate(text: string): number {
  const day = tryParseLocalDate(text);
  if (day === undefined) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return day;
}

export function formatLocalDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The Shanghai calendar day an instant falls on. */
export function localDayOf(instant: number): number {
  return Math.floor((instant + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds since Shanghai midnight of the instant's local day. */
export function msIntoLocalDay(instant: number): number {
  const shifted = instant + SHANGHAI_OFFSET_MS;
  return shifted - Math.floor(shifted / MS_PER_DAY) * MS_PER_DAY;
}

/** The instant at `msIntoDay` after Shanghai midnight of `day`. */
export function instantOf(day: number, msIntoDay: number): number {
  return day * MS_PER_DAY - SHANGHAI_OFFSET_MS + msIntoDay;
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** Reject Invalid Date early: NaN would otherwise flow silently into every comparison. */
export function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}
