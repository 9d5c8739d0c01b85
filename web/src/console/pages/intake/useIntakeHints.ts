/**
 * What the intake screen learns while the operator types: the services the text suggests (the same keyword
 * routing intake applies) and open tickets that may be the same problem at the same place.
 */
import { useEffect, useState } from 'react';
import { api, call } from '../../../api/client';
import type { SimilarTicket, Suggestion } from '../../components/TicketTypes';

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

export interface SimilarState { items: SimilarTicket[]; asked: boolean }

/**
 * Open tickets about the same problem (at the same place, for duplicates) as the call being taken:
 * asked once the operator pauses, with whatever of title, description and place is typed so far.
 */
export function useSimilarTickets(title: string, description: string, location: string): SimilarState {
  const typed = useDebounced(JSON.stringify([title.trim(), description.trim(), location.trim()]), 450);
  const [state, setState] = useState<SimilarState>({ items: [], asked: false });
  useEffect(() => {
    const [t = '', d = '', l = ''] = JSON.parse(typed) as string[];
    if ((t + d).length < 2) { setState({ items: [], asked: false }); return; }
    let live = true;
    const body = { title: t.slice(0, 100), description: d.slice(0, 5000), location: l.slice(0, 200), limit: 5 };
    call(api.POST('/api/v1/tickets/similar', { body })).then(
      (r) => { if (live) setState({ items: r.items, asked: true }); },
      () => { if (live) setState({ items: [], asked: true }); },
    );
    return () => { live = false; };
  }, [typed]);
  return state;
}
