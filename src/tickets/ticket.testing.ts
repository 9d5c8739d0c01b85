/** Test helpers: a ticket snapshot and a pure `evolve` that applies an outcome the way the service saves it. */
import type { Clock } from '../clocks/clock.js';
import type { Assignment, Ticket, TicketLimits, TicketSnapshot, UnitRef } from './ticket.js';
import type { Outcome } from './ticket.rules.js';
import { slaClock } from './ticket.rules.js';
import type { WorkCalendar } from '../calendar/calendar.js';

export const LIMITS: TicketLimits = {
  acknowledge: { amount: 2, unit: 'hours' },
  firstContact: { amount: 1, unit: 'working_days' },
  resolve: { amount: 5, unit: 'working_days' },
  callback: { amount: 2, unit: 'working_days' },
  returnWindow: { amount: 2, unit: 'working_days' },
  maxExtensions: 1,
  maxExtensionWorkingDays: 10,
  pauseNeedsApproval: false,
};

export const unit = (id: number, path: string, active = true): UnitRef => ({ id, path, active });

export function newTicketSnapshot(cal: WorkCalendar, acceptedAt: Date, limits: TicketLimits | null = LIMITS): TicketSnapshot {
  const ticket: Ticket = {
    id: 1, trackingCode: 'MSB20260309-000001', channel: 'hotline', status: 'new', serviceId: 1, serviceVersionId: 1, limits,
    title: '小区停水', description: '幸福小区 3 栋停水两天', requesterName: '王女士', requesterPhone: '13800001234',
    acceptedAt, leadUnitId: null, replyText: null, repliedAt: null, ratingResolved: null, ratingSatisfaction: null,
    ratingComment: null, ratedAt: null, closedAt: null, closeKind: null, supervised: false, urgeCount: 0, reopenCount: 0,
    mergedIntoId: null, publicReason: null, version: 1,
  };
  const sla = slaClock(cal, limits, acceptedAt);
  return { ticket, assignments: [], clocks: sla ? [{ ...sla, id: 1 }] : [], extensions: [] };
}

let nextId = 100;

/** Apply an outcome: new rows get ids, new clocks find their assignment through its ref. */
export function evolve(snap: TicketSnapshot, o: Outcome): TicketSnapshot {
  const replace = <T extends { id: number }>(list: T[], changed: T[]) => list.map((x) => changed.find((c) => c.id === x.id) ?? x);
  const refs = new Map<string, number>();
  const added: Assignment[] = o.newAssignments.map((n) => {
    const id = nextId++;
    refs.set(n.ref, id);
    return {
      id, unitId: n.unitId, unitPath: n.unitPath, role: n.role, parentId: n.parentId, round: n.round, status: 'pending',
      dispatchedAt: n.dispatchedAt, acknowledgedAt: null, firstContactAt: null, doneAt: null, returnReasonCode: null,
      returnReason: null, returnedAt: null, returnDecision: null, extensionCount: 0,
    };
  });
  const clocks: Clock[] = o.newClocks.map(({ assignmentRef, ...c }) => ({ ...c, id: nextId++, assignmentId: assignmentRef ? refs.get(assignmentRef)! : c.assignmentId }));
  return {
    ticket: o.ticket,
    assignments: [...replace(snap.assignments, o.assignments), ...added],
    clocks: [...replace(snap.clocks, o.clocks), ...clocks],
    extensions: [...replace(snap.extensions, o.extensions), ...(o.newExtension ? [{ ...o.newExtension, id: nextId++ }] : [])],
  };
}

export const leadOf = (s: TicketSnapshot) => s.assignments.find((a) => a.role === 'lead' && a.parentId === null && (a.status === 'pending' || a.status === 'acknowledged'))!;
export const clock = (s: TicketSnapshot, assignmentId: number | null, kind: Clock['kind']) => s.clocks.find((c) => c.assignmentId === assignmentId && c.kind === kind);
