/**
 * The period of the dashboard lives in the address (?period=last_month, or ?from=…&to=… with both days
 * included), so a view can be bookmarked and the back button returns to it after a drill-down.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Preset } from './statsTypes';

export type PeriodChoice = 'this_month' | 'last_month' | 'this_year' | 'custom';
export interface PeriodQuery { preset?: Preset; from?: string; to?: string }

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const custom = !!from && !!to && DATE.test(from) && DATE.test(to) && from <= to;
  const preset = (['this_month', 'last_month', 'this_year'] as const).find((p) => p === params.get('period')) ?? 'this_month';
  const choice: PeriodChoice = custom ? 'custom' : preset;
  // The API counts [from, to) with `to` excluded; the address shows the last day included.
  const query = useMemo<PeriodQuery>(() => (custom ? { from: from!, to: nextDay(to!) } : { preset }), [custom, from, to, preset]);
  const range: [string, string] | null = custom ? [from!, to!] : null;
  return {
    choice, query, range,
    setPreset: (p: Exclude<PeriodChoice, 'custom'>) => setParams(p === 'this_month' ? {} : { period: p }, { replace: true }),
    setRange: (a: string, b: string) => setParams({ from: a, to: b }, { replace: true }),
  };
}
