import { DomainError } from '../platform/errors.js';
import type { Unit } from './unit.js';

/** The materialised path of a unit under `parent` (or at the root). */
export function pathUnder(parent: Pick<Unit, 'path'> | null, id: number): string {
  return `${parent ? parent.path : '/'}${id}/`;
}

/**
 * A unit may move under an active parent that is not itself or one of its own descendants:
 * otherwise the tree would gain a cycle and subtree reads would never end.
 */
export function checkNewParent(unit: Pick<Unit, 'id' | 'path'> | null, parent: Pick<Unit, 'id' | 'path' | 'active'> | null): void {
  if (!parent) return;
  if (!parent.active) throw new DomainError('UNIT_PARENT_INVALID', undefined, '上级单位已停用', 'the parent unit is inactive');
  if (unit && parent.path.startsWith(unit.path)) {
    throw new DomainError('UNIT_PARENT_INVALID', undefined, '不能移到自身或下级单位之下', 'a unit cannot move under itself or its descendants');
  }
}

/** Deactivation keeps history (tickets keep pointing at the unit) but must not orphan active children. */
export function checkDeactivate(activeChildren: number): void {
  if (activeChildren > 0) throw new DomainError('UNIT_HAS_ACTIVE_CHILDREN');
}
