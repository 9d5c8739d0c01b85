/**
 * A page loaded when first opened: each page is its own script, so a page load runs only the shell and the
 * page asked for (the ticket list does not wait for the dashboard's charts or the admin forms).
 *
 * A page whose script has arrived renders at once, without Suspense: React holds a revealed fallback for
 * at least 300 ms, which measured as a third of a page load. So the page of the address is fetched before
 * the first render, and the others while the browser is idle after it (preloadPage, preloadAllPages).
 */
import { createElement, isValidElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Loading } from './PageState';

const preloads = new Map<unknown, () => Promise<unknown>>();

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchPage = () => (pending ??= load().then((c) => (loaded = c)));
  const Page = lazy(() => fetchPage().then((c) => ({ default: c })));
  function LazyPage(props: P) {
    return loaded ? createElement(loaded, props) : <Suspense fallback={<Loading />}><Page {...props} /></Suspense>;
  }
  preloads.set(LazyPage, fetchPage);
  return LazyPage;
}

/** Start fetching the script of a page element made by lazyPage (others are ignored). */
export function preloadPage(element: ReactNode): Promise<unknown> {
  return (isValidElement(element) && preloads.get(element.type)?.()) || Promise.resolve();
}

export function preloadAllPages(): void {
  for (const fetchPage of preloads.values()) void fetchPage().catch(() => undefined);
}
