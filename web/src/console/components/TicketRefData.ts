/**
 * The catalogue and the organisation chart, read once per page load and shared by every picker: both
 * change a few times a month, and an intake screen must not wait for them on every call.
 */
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import type { Service, Unit } from './TicketTypes';

function shared<T>(load: () => Promise<T>) {
  let pending: Promise<T> | null = null;
  let value: T | undefined;
  const get = () => {
    pending ??= load().then((v) => { value = v; return v; }, (e: unknown) => { pending = null; throw e; });
    return pending;
  };
  return function useShared(): T | undefined {
    const [v, setV] = useState<T | undefined>(value);
    useEffect(() => {
      let live = true;
      get().then((x) => { if (live) setV(x); }, () => undefined);
      return () => { live = false; };
    }, []);
    return v;
  };
}

export const useServices = shared<Service[]>(() => call(api.GET('/api/v1/services')));
export const useUnits = shared<Unit[]>(() => call(api.GET('/api/v1/units')));

export interface UnitNode { value: number; title: string; key: number; children: UnitNode[]; disabled?: boolean }

/**
 * The chart as a tree for a TreeSelect. `under`: only that unit's sub-units (a town handing work to its
 * villages); `exclude`: units that may not be chosen (the unit returning the work).
 */
export function unitTree(units: readonly Unit[], options: { under?: Unit; exclude?: number[] } = {}): UnitNode[] {
  const list = options.under
    ? units.filter((u) => u.path.startsWith(options.under!.path) && u.id !== options.under!.id)
    : units;
  const ids = new Set(list.map((u) => u.id));
  const nodes = new Map<number, UnitNode>(list.map((u) => [u.id, { value: u.id, key: u.id, title: u.name, children: [], disabled: options.exclude?.includes(u.id) }]));
  const roots: UnitNode[] = [];
  for (const u of [...list].sort((a, b) => a.sortOrder - b.sortOrder || a.path.localeCompare(b.path))) {
    const node = nodes.get(u.id)!;
    if (u.parentId !== null && ids.has(u.parentId)) nodes.get(u.parentId)!.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export const unitName = (units: readonly Unit[] | undefined, id: number | null | undefined) =>
  (id && units?.find((u) => u.id === id)?.name) || '';
