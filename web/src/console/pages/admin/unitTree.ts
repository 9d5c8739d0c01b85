/** The organisation chart as a tree, built from the flat list the API returns (each unit names its parent). */
import type { Unit } from './common';

export interface UnitNode extends Unit { children?: UnitNode[] }

export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const byId = new Map<number, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const order = (list: UnitNode[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    for (const n of list) if (n.children) order(n.children);
  };
  order(roots);
  return roots;
}

/** Keep the units matching `text` and the ancestors that lead to them. */
export function filterUnitTree(nodes: readonly UnitNode[], text: string): UnitNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...nodes];
  const out: UnitNode[] = [];
  for (const n of nodes) {
    const children = n.children ? filterUnitTree(n.children, text) : [];
    if (n.name.toLowerCase().includes(needle) || n.code.toLowerCase().includes(needle) || children.length > 0) {
      out.push({ ...n, children: children.length > 0 ? children : undefined });
    }
  }
  return out;
}

export interface UnitOption { value: number; title: string; disabled?: boolean; children?: UnitOption[] }

/** TreeSelect options; `disable` greys out units that may not be chosen (inactive ones, a unit's own subtree). */
export function unitOptions(nodes: readonly UnitNode[], inactiveMark: string, disable: (u: Unit) => boolean = (u) => !u.active): UnitOption[] {
  return nodes.map((n) => ({
    value: n.id, title: n.active ? n.name : `${n.name} ${inactiveMark}`, disabled: disable(n),
    children: n.children ? unitOptions(n.children, inactiveMark, disable) : undefined,
  }));
}

export function allKeys(nodes: readonly UnitNode[]): number[] {
  return nodes.flatMap((n) => [n.id, ...(n.children ? allKeys(n.children) : [])]);
}
