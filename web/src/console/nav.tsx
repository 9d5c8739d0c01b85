/**
 * The console's pages and who sees them. One table drives the router, the side menu and each role's start
 * page; the server checks every call anyway, this only keeps people out of pages they cannot use.
 */
import type { ReactNode } from 'react';
import type { MessageKey } from './messages';
import type { Role } from './auth';

export interface PageEntry {
  path: string;
  title: MessageKey;
  roles: Role[] | 'any';
  element: ReactNode;
  /** Shown in the side menu (detail pages are not). */
  menu?: { icon: ReactNode; group?: MessageKey };
}

const pages: PageEntry[] = [];

/** Pages register themselves from pages/index.tsx, in menu order. */
export function registerPages(list: PageEntry[]): void {
  pages.push(...list);
}

export function allPages(): readonly PageEntry[] {
  return pages;
}

export function canSee(entry: Pick<PageEntry, 'roles'>, roles: readonly Role[]): boolean {
  return entry.roles === 'any' || entry.roles.some((r) => roles.includes(r));
}

/** The first menu page a user may open: an operator lands on intake, a handler on the unit's work. */
export function startPage(roles: readonly Role[]): string {
  return pages.find((p) => p.menu && canSee(p, roles))?.path ?? '/tickets';
}
