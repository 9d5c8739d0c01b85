/**
 * Apply a move's outcome to a snapshot in memory, the way the service saves it: new rows get ids and new
 * clocks find their assignment through its ref. Pure; used by the rule tests and by the demo district's
 * simulation, which walks thousands of tickets through the real rules before writing them in bulk.
 */
import type { Clock } from '../clocks/clock.js';
import type { Assignment, TicketSnapshot } from './ticket.js';
import type { Outcome } from './ticket.rules.js';

export type IdKind = 'assignment' | 'clock' | 'extension';
/** Gives the id of a new row; a simulation maps these to database ids when it writes. */
export type NextId = (kind: IdKind) => number;

/** One counter for every kind: ids are unique within the snapshots it serves. */
export function idCounter(start = 1): NextId {
  let next = start;
  return () => next++;
}

const shared = idCounter(100);

export function evolve(snap: TicketSnapshot, o: Outcome, nextId: NextId = shared): TicketSnapshot {
  const replace = <T extends { id: number }>(list: T[], changed: T[]) => list.map((x) => changed.find((c) => c.id === x.id) ?? x);
  const refs = new Map<string, number>();
  const added: Assignment[] = o.newAssignments.map((n) => {
    const id = nextId('assignment');
    refs.set(n.ref, id);
    return {
      id, unitId: n.unitId, unitPath: n.unitPath, role: n.role, parentId: n.parentId, round: n.round, status: 'pending',
      dispatchedAt: n.dispatchedAt, acknowledgedAt: null, firstContactAt: null, doneAt: null, returnReasonCode: null,
      returnReason: null, returnedAt: null, returnDecision: null, extensionCount: 0,
    };
  });
  const clocks: Clock[] = o.newClocks.map(({ assignmentRef, ...c }) => ({ ...c, id: nextId('clock'), assignmentId: assignmentRef ? refs.get(assignmentRef)! : c.assignmentId }));
  return {
    ticket: o.ticket,
    assignments: [...replace(snap.assignments, o.assignments), ...added],
    clocks: [...replace(snap.clocks, o.clocks), ...clocks],
    extensions: [...replace(snap.extensions, o.extensions), ...(o.newExtension ? [{ ...o.newExtension, id: nextId('extension') }] : [])],
  };
}
