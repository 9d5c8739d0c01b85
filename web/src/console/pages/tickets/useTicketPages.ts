/**
 * A ticket list read page by page with the server's cursor: the screen holds only what was asked for,
 * so it stays quick with a hundred thousand tickets. A changed query starts again from the first page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, call } from '../../../api/client';
import type { TicketListItem, TicketListQuery } from '../../components/TicketTypes';

export interface TicketPages {
  items: TicketListItem[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  pages: number;
  reload(): void;
  loadMore(): void;
}

type Page = Awaited<ReturnType<typeof firstPage>>;
const firstPage = (query: TicketListQuery) => call(api.GET('/api/v1/tickets', { params: { query } }));
const early = new Map<string, { at: number; page: Promise<Page> }>();

/**
 * Ask for a list's first page before the app has even rendered (a page load straight onto /tickets): it
 * travels while the scripts run and the session is checked, instead of after. Used once, within seconds.
 */
export function prefetchTicketPage(query: Omit<TicketListQuery, 'cursor'>): void {
  const page = firstPage(query);
  page.catch(() => undefined);
  early.set(JSON.stringify(query), { at: Date.now(), page });
}

function takeEarly(key: string): Promise<Page> | undefined {
  const e = early.get(key);
  early.delete(key);
  // A refusal (signed out) or an old answer is asked again rather than shown.
  return e && Date.now() - e.at < 10_000 ? e.page.catch(() => firstPage(JSON.parse(key) as TicketListQuery)) : undefined;
}

export function useTicketPages(query: Omit<TicketListQuery, 'cursor'>): TicketPages {
  const key = JSON.stringify(query);
  const [state, setState] = useState({ items: [] as TicketListItem[], nextCursor: null as string | null, loading: true, loadingMore: false, error: undefined as unknown, pages: 0 });
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    (takeEarly(key) ?? firstPage(JSON.parse(key) as TicketListQuery)).then(
      (page) => { if (mine === seq.current) setState({ items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: undefined, pages: 1 }); },
      (error: unknown) => { if (mine === seq.current) setState((s) => ({ ...s, loading: false, error })); },
    );
  }, [key]);

  const current = useRef(state);
  current.current = state;
  const loadMore = useCallback(() => {
    const s = current.current;
    if (!s.nextCursor || s.loadingMore) return;
    const mine = seq.current;
    setState((p) => ({ ...p, loadingMore: true }));
    call(api.GET('/api/v1/tickets', { params: { query: { ...(JSON.parse(key) as TicketListQuery), cursor: s.nextCursor } } })).then(
      (page) => {
        if (mine !== seq.current) return;
        setState((p) => {
          const seen = new Set(p.items.map((i) => i.id));
          return { ...p, items: [...p.items, ...page.items.filter((i) => !seen.has(i.id))], nextCursor: page.nextCursor, loadingMore: false, pages: p.pages + 1 };
        });
      },
      (error: unknown) => { if (mine === seq.current) setState((p) => ({ ...p, loadingMore: false, error })); },
    );
  }, [key]);

  useEffect(() => { reload(); }, [reload]);
  return { ...state, reload, loadMore };
}

/**
 * Reload at most once per `ms` however many live events arrive: a busy district moves tickets every
 * second, and each screen must not turn that into a query per event.
 */
export function useThrottled(run: () => void, ms: number): () => void {
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(300, last.current + ms - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      last.current = Date.now();
      latest.current();
    }, wait);
  }, [ms]);
}
