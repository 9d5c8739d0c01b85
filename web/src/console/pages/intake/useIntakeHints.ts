/**
 * What the intake screen learns while the operator types: the services the text suggests (the same keyword
 * routing intake applies) and open tickets at the same place that may be the same problem.
 */
import { useEffect, useState } from 'react';
import { api, call } from '../../../api/client';
import type { Suggestion, TicketListItem } from '../../components/TicketTypes';
import { OPEN_STATUSES } from '../../components/TicketTypes';

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export interface SuggestState { suggestions: Suggestion[]; confident: boolean; loading: boolean }

export function useSuggestions(title: string, description: string): SuggestState {
  const text = useDebounced(`${title.trim()}\n${description.trim()}`, 350);
  const [state, setState] = useState<SuggestState>({ suggestions: [], confident: false, loading: false });
  useEffect(() => {
    const [t = '', d = ''] = text.split('\n');
    if ((t + d).length < 2) { setState({ suggestions: [], confident: false, loading: false }); return; }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call(api.POST('/api/v1/tickets/suggest', { body: { title: t.slice(0, 100), description: text.slice(t.length + 1, t.length + 1 + 5000) } })).then(
      (r) => { if (live) setState({ ...r, loading: false }); },
      () => { if (live) setState({ suggestions: [], confident: false, loading: false }); },
    );
    return () => { live = false; };
  }, [text]);
  return state;
}

export interface DuplicateState { items: TicketListItem[]; more: boolean; place: string }

/** Open tickets whose text mentions the same place. A stand-in until text intelligence finds near-duplicates. */
export function useDuplicates(location: string): DuplicateState {
  const place = useDebounced(location.trim(), 450);
  const [state, setState] = useState<DuplicateState>({ items: [], more: false, place: '' });
  useEffect(() => {
    if (place.length < 4) { setState({ items: [], more: false, place }); return; }
    let live = true;
    call(api.GET('/api/v1/tickets', { params: { query: { q: place.slice(0, 100), status: OPEN_STATUSES, limit: 5 } } })).then(
      (r) => { if (live) setState({ items: r.items, more: r.nextCursor !== null, place }); },
      () => { if (live) setState({ items: [], more: false, place }); },
    );
    return () => { live = false; };
  }, [place]);
  return state;
}
