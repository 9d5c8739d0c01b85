/** Who may read which scores (STYLE.md 9). A unit outside the reader's reach answers like a missing one. */
import { DomainError } from '../platform/errors.js';
import { hasRole, inActorSubtree, type Actor, type Role } from '../platform/auth/roles.js';
import type { Unit } from '../units/unit.js';
import type { Scope } from './stats.js';

/** Leaders, supervision, dispatch and administration read the whole district. */
export const DISTRICT_STATS: readonly Role[] = ['admin', 'dispatcher', 'supervisor', 'leader'];
/** …and a handling unit reads its own subtree: what it is measured on, and its own desk. */
export const STATS_READERS: readonly Role[] = [...DISTRICT_STATS, 'handler'];

export const seesDistrictStats = (actor: Actor): boolean => hasRole(actor, ...DISTRICT_STATS);

/** The district root: the first unit of the actor's ancestry ('/1/5/' → 1). */
export function rootOf(actor: Actor): number {
  return Number(actor.unitPath.split('/')[1]);
}

/**
 * The scope of a request: the unit asked for (a handler only within its own subtree), or by default the
 * whole district for district readers and the handler's own unit for a handler.
 */
export function statsScope(actor: Actor, requested: Unit | undefined | null, requestedId: number | undefined): Scope {
  const rootId = rootOf(actor);
  if (requestedId !== undefined) {
    if (!requested || (!seesDistrictStats(actor) && !inActorSubtree(actor, requested.path))) throw new DomainError('UNIT_NOT_FOUND');
    return { unitId: requested.id, path: requested.path, rootId };
  }
  if (seesDistrictStats(actor)) return { unitId: null, path: null, rootId };
  return { unitId: actor.unitId, path: actor.unitPath, rootId };
}

/** The unit whose children a ranking compares: by default the district (or, for a handler, its own unit). */
export function rankingParent(actor: Actor, requested: Unit | undefined | null, requestedId: number | undefined): number {
  if (requestedId === undefined) return seesDistrictStats(actor) ? rootOf(actor) : actor.unitId;
  if (!requested || (!seesDistrictStats(actor) && !inActorSubtree(actor, requested.path))) throw new DomainError('UNIT_NOT_FOUND');
  return requested.id;
}
