/**
 * Drill-down: every figure carries the GET /api/v1/tickets filter of the tickets behind it; the ticket
 * list page reads the same names from its address. It takes days (YYYY-MM-DD, Shanghai, `to` included)
 * where the API takes instants (`to` excluded), so the period is turned into days here; every other
 * name passes as it is.
 */
import type { StatsFilter } from './statsTypes';

const SHANGHAI = 8 * 3_600_000;
const shanghaiDay = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);

export function drillHref(filter: StatsFilter | null | undefined): string | null {
  if (!filter) return null;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null) continue;
    if (k === 'from') p.set('from', shanghaiDay(Date.parse(String(v))));
    else if (k === 'to') p.set('to', shanghaiDay(Date.parse(String(v)) - 1));
    else if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.set(k, String(v));
  }
  return `/tickets?${p.toString()}`;
}

/** The last day of a period the server gives as [from, to), `to` excluded. */
export function lastDay(to: string): string {
  return shanghaiDay(Date.parse(`${to}T00:00:00+08:00`) - 1);
}
