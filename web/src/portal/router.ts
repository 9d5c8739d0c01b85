/** A router of four screens does not need a library: the path under /portal/, kept in history. */
import { useEffect, useState } from 'react';

export const BASE = '/portal';
export type Route =
  | { name: 'home' }
  | { name: 'submit' }
  | { name: 'done'; code: string }
  | { name: 'track'; code: string };

export function parse(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const [, first = '', second = ''] = rest.split('/');
  if (first === 'new') return { name: 'submit' };
  if (first === 'done' && second) return { name: 'done', code: decodeURIComponent(second) };
  if (first === 'track') return { name: 'track', code: decodeURIComponent(second) };
  return { name: 'home' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home': return `${BASE}/`;
    case 'submit': return `${BASE}/new`;
    case 'done': return `${BASE}/done/${encodeURIComponent(route.code)}`;
    case 'track': return `${BASE}/track${route.code ? `/${encodeURIComponent(route.code)}` : ''}`;
  }
}

const listeners = new Set<() => void>();

export function go(route: Route, options: { replace?: boolean; state?: unknown } = {}): void {
  const url = href(route);
  if (options.replace) history.replaceState(options.state ?? null, '', url);
  else {
    history.pushState(options.state ?? null, '', url);
    window.scrollTo(0, 0);
  }
  listeners.forEach((l) => l());
}

export function useRoute(): { route: Route; state: unknown } {
  const read = () => ({ route: parse(location.pathname), state: history.state as unknown });
  const [now, setNow] = useState(read);
  useEffect(() => {
    const update = () => setNow(read());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => { listeners.delete(update); window.removeEventListener('popstate', update); };
  }, []);
  return now;
}
