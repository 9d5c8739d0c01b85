/** Server-sent events: the console hears about ticket and clock changes without reloading. */
import { useEffect, useRef, useState } from 'react';

export interface LiveTicketEvent { id: number; action: string; status: string; at: string }

type Handler = (e: LiveTicketEvent) => void;
const handlers = new Set<Handler>();
let source: EventSource | null = null;
let connected = false;
const statusListeners = new Set<(c: boolean) => void>();

function ensureSource(): void {
  if (source) return;
  source = new EventSource('/api/v1/events');
  source.addEventListener('ticket', (m) => {
    const e = JSON.parse((m as MessageEvent<string>).data) as LiveTicketEvent;
    for (const h of handlers) h(e);
  });
  source.onopen = () => { connected = true; statusListeners.forEach((l) => l(true)); };
  source.onerror = () => { connected = false; statusListeners.forEach((l) => l(false)); };
}

/** Call `onEvent` for every live ticket event while the component is mounted. */
export function useLiveTickets(onEvent: Handler): void {
  const ref = useRef(onEvent);
  ref.current = onEvent;
  useEffect(() => {
    ensureSource();
    const h: Handler = (e) => ref.current(e);
    handlers.add(h);
    return () => { handlers.delete(h); };
  }, []);
}

export function useLiveStatus(): boolean {
  const [c, setC] = useState(connected);
  useEffect(() => {
    ensureSource();
    statusListeners.add(setC);
    return () => { statusListeners.delete(setC); };
  }, []);
  return c;
}

/** Closed on sign-out, so the next user's stream carries the next user's cookie. */
export function closeLive(): void {
  source?.close();
  source = null;
  connected = false;
}
