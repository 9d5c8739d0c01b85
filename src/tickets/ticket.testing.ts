/** Test helpers: a ticket snapshot, and the pure `evolve` that applies an outcome the way the service saves it. */
import type { Clock } from '../clocks/clock.js';
import type { Ticket, TicketLimits, TicketSnapshot, UnitRef } from './ticket.js';
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

/** Moved to ticket.evolve.ts (the demo simulation uses it too); re-exported so tests keep importing it from here. */
export { evolve } from './ticket.evolve.js';

export const leadOf = (s: TicketSnapshot) => s.assignments.find((a) => a.role === 'lead' && a.parentId === null && (a.status === 'pending' || a.status === 'acknowledged'))!;
export const clock = (s: TicketSnapshot, assignmentId: number | null, kind: Clock['kind']) => s.clocks.find((c) => c.assignmentId === assignmentId && c.kind === kind);
