/**
 * The compiled calendar against the obvious implementation: step day by day and ask chinese-days
 * `isWorkday` for each day. Same random acceptance instants (seeded) for both; every answer of
 * the naive loop is also checked against ours, so a fast wrong answer cannot pass.
 */
import chineseDays from 'chinese-days';
import { compileCalendar } from '../src/calendar/calendar.js';
import { addWorkingDays, addWorkingTime, workingMsBetween } from '../src/calendar/calendar.rules.js';
import { scheduleFromChineseDays } from '../src/calendar/calendar.holidays.js';
import { seededRandom } from '../src/calendar/calendar.testing.js';
import { timeIt } from './bench.js';
import type { BenchResult } from './bench.js';

const HOUR = 3_600_000;
const STARTS = 5_000;
let sink = 0;

export async function benchCalendar(): Promise<BenchResult[]> {
  const schedules = [2025, 2026].map((year) => {
    const s = scheduleFromChineseDays(year);
    if (!s) throw new Error(`chinese-days lacks ${year}`);
    return s;
  });
  const compileNs = timeIt(() => compileCalendar({ years: schedules, version: 'bench' }), 200);
  const cal = compileCalendar({ years: schedules, version: 'bench' });

  // Acceptance instants from 1 Jan 2025 to 31 Aug 2026, so that 60 working days stay in 2026.
  const random = seededRandom(42);
  const from = Date.UTC(2024, 11, 31, 16);
  const span = Date.UTC(2026, 7, 31, 16) - from;
  const starts = Array.from({ length: STARTS }, () => new Date(from + Math.floor(random() * span)));

  const results: BenchResult[] = [];
  for (const n of [1, 5, 20, 60]) {
    const mismatches = starts.filter((s) => naiveAddWorkingDays(s, n).getTime() !== addWorkingDays(cal, s, n).getTime()).length;
    const oursNs = timeIt(() => { for (const s of starts) sink += addWorkingDays(cal, s, n).getTime(); }, 200) / STARTS;
    const naiveNs = timeIt(() => { for (const s of starts) sink += naiveAddWorkingDays(s, n).getTime(); }, n >= 20 ? 3 : 10) / STARTS;
    results.push({
      name: `calendar: addWorkingDays n=${n}`,
      value: oursNs,
      unit: 'ns/op',
      baseline: naiveNs,
      ratio: naiveNs / oursNs,
      note: `vs day-by-day chinese-days isWorkday; ${mismatches} of ${STARTS} answers differ`,
    });
  }

  const pairs = starts.map((s) => [s, new Date(s.getTime() + Math.floor(random() * 60 * 24 * HOUR))] as const);
  results.push({
    name: 'calendar: workingMsBetween (≤ 60 days apart)',
    value: timeIt(() => { for (const [a, b] of pairs) sink += workingMsBetween(cal, a, b); }, 200) / STARTS,
    unit: 'ns/op',
  });
  results.push({
    name: 'calendar: addWorkingTime (≤ 40 office days)',
    value: timeIt(() => { for (const s of starts) sink += addWorkingTime(cal, s, 1 + (s.getTime() % (40 * 420))).getTime(); }, 200) / STARTS,
    unit: 'ns/op',
  });
  results.push({
    name: 'calendar: new Date(ms) alone',
    value: timeIt(() => { for (const s of starts) sink += new Date(s.getTime() + 1).getTime(); }, 200) / STARTS,
    unit: 'ns/op',
    note: 'the floor: every deadline function returns a new Date',
  });
  results.push({ name: 'calendar: compileCalendar (2025–2026)', value: compileNs / 1000, unit: 'µs/op' });
  // Reading the sum keeps the engine from dropping the timed calls as dead code.
  if (!Number.isFinite(sink)) throw new Error('bench results are not numbers');
  return results;
}

/**
 * What one would write without a compiled calendar. chinese-days reads Dates in the server's
 * local time, so it is handed local noon of each Shanghai calendar date.
 */
function naiveAddWorkingDays(start: Date, n: number): Date {
  const shanghai = new Date(start.getTime() + 8 * HOUR);
  const [year, month] = [shanghai.getUTCFullYear(), shanghai.getUTCMonth()];
  let date = shanghai.getUTCDate();
  let counted = 0;
  let day = new Date(year, month, date, 12);
  while (counted < n) {
    date += 1;
    day = new Date(year, month, date, 12);
    if (chineseDays.isWorkday(day)) counted++;
  }
  return new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate(), 17, 30) - 8 * HOUR);
}
