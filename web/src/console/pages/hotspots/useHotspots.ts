/**
 * The period of the analysis lives in the address (?days=7|30|90, or ?from=…&to=… with both days included),
 * so a view can be shared; the hotspots are asked again when it changes.
 */
import { useSearchParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useAsync } from '../../useAsync';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;
/** Midnight in Beijing of a day given as YYYY-MM-DD. */
const beijing = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`));

export const PRESETS = [7, 30, 90] as const;

export function useHotspots() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const custom = !!from && !!to && DATE.test(from) && DATE.test(to) && from <= to;
  const days = PRESETS.find((d) => String(d) === params.get('days')) ?? 30;
  // A preset is counted by the server, up to its today; a chosen range is sent as Beijing days.
  const query = custom
    ? { from: beijing(from!).toISOString(), to: new Date(beijing(to!).getTime() + DAY).toISOString(), limit: 30 }
    : { days, limit: 30 };
  const report = useAsync(() => call(api.GET('/api/v1/hotspots', { params: { query } })), [JSON.stringify(query)]);
  return {
    report, days: custom ? null : days, range: custom ? [from!, to!] as const : null,
    setDays: (d: number) => setParams(d === 30 ? {} : { days: String(d) }, { replace: true }),
    setRange: (a: string, b: string) => setParams({ from: a, to: b }, { replace: true }),
  };
}
