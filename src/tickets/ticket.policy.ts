/** Who may see and move which ticket (STYLE.md 9). A ticket an actor may not see answers like a missing one. */
import { DomainError } from '../platform/errors.js';
import { hasRole, inActorSubtree, type Actor, type Role } from '../platform/auth/roles.js';
import type { Assignment } from '../assignments/assignment.js';
import type { TicketSnapshot } from './ticket.js';

/** Roles that work across the whole district: the hotline, dispatch, supervision, leaders. */
export const DISTRICT_WIDE: readonly Role[] = ['admin', 'operator', 'dispatcher', 'supervisor', 'leader'];

export function seesAllTickets(actor: Actor): boolean {
  return hasRole(actor, ...DISTRICT_WIDE);
}

/** A unit sees the work given to it or to any unit below it, now or in the past. */
export function canReadTicket(actor: Actor, assignments: readonly Pick<Assignment, 'unitPath'>[]): boolean {
  return seesAllTickets(actor) || assignments.some((a) => inActorSubtree(actor, a.unitPath));
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) throw new DomainError('FORBIDDEN');
}

/**
 * The assignment a handler acts on: the one named, or the active one of the handler's own unit
 * (failing that, the nearest below it). Handlers act only within their unit's subtree.
 */
export function handlerAssignment(actor: Actor, snap: TicketSnapshot, assignmentId: number | undefined): Assignment {
  requireRole(actor, 'handler');
  const mine = snap.assignments.filter((a) => inActorSubtree(actor, a.unitPath));
  if (assignmentId !== undefined) {
    const named = mine.find((a) => a.id === assignmentId);
    if (!named) throw new DomainError('ASSIGNMENT_NOT_FOUND');
    return named;
  }
  const active = mine.filter((a) => a.status === 'pending' || a.status === 'acknowledged');
  const own = active.find((a) => a.unitId === actor.unitId) ?? active.sort((a, b) => a.unitPath.length - b.unitPath.length)[0];
  if (!own) throw new DomainError('ASSIGNMENT_NOT_FOUND', undefined, '本单位在该工单上没有进行中的交办', 'your unit has no active assignment on this ticket');
  return own;
}
