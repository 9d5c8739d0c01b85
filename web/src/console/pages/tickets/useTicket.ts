/**
 * One ticket, kept current: loaded by id, replaced by the answer of every move made here, and reloaded
 * when the live stream says someone else moved it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, call } from '../../../api/client';
import type { TicketDetail } from '../../components/TicketTypes';
import { useLiveTickets } from '../../live';

export interface TicketState {
  ticket?: TicketDetail;
  error?: unknown;
  loading: boolean;
  /** Set when a live event brought a change made elsewhere (cleared on the next own move). */
  changedElsewhere: string | null;
  reload(): void;
  /** Take the ticket as a move answered it. */
  accept(t: TicketDetail): void;
}

export function useTicket(id: number): TicketState {
  const [state, setState] = useState<{ ticket?: TicketDetail; error?: unknown; loading: boolean; changedElsewhere: string | null }>({ loading: true, changedElsewhere: null });
  const seq = useRef(0);
  const version = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback((live: string | null) => {
    const mine = ++seq.current;
    if (!live) setState((s) => ({ ...s, loading: true, error: undefined }));
    call(api.GET('/api/v1/tickets/{id}', { params: { path: { id } } })).then(
      (ticket) => {
        if (mine !== seq.current) return;
        const moved = live !== null && version.current !== null && ticket.version !== version.current;
        version.current = ticket.version;
        setState((s) => ({ ticket, loading: false, error: undefined, changedElsewhere: moved ? live : s.changedElsewhere }));
      },
      (error: unknown) => { if (mine === seq.current) setState((s) => ({ ...s, loading: false, error, ticket: live ? s.ticket : undefined })); },
    );
  }, [id]);

  useEffect(() => {
    version.current = null;
    load(null);
    return () => clearTimeout(timer.current);
  }, [load]);

  useLiveTickets((e) => {
    if (e.id !== id) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => load(e.action), 300);
  });

  const accept = useCallback((ticket: TicketDetail) => {
    seq.current++;
    version.current = ticket.version;
    setState({ ticket, loading: false, error: undefined, changedElsewhere: null });
  }, []);

  return { ...state, reload: () => load(null), accept };
}
