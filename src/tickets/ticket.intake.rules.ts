/**
 * Everything a new ticket is at the moment it is accepted, decided before anything is written: the ticket,
 * the promise to the requester, and — when its service is known and the operator does not answer it at
 * once — its dispatch to the service's unit by the same assign rule as the dispatch desk. The writer then
 * stores it in one statement (ticket.intake.repository.ts).
 */
import type { WorkCalendar } from '../calendar/calendar.js';
import type { NewClock } from '../clocks/clock.js';
import type { LiveEvent } from '../events/event.bus.js';
import type { Actor } from '../platform/auth/roles.js';
import type { NewTicket, Ticket, TicketSnapshot, TicketStatus, UnitRef } from './ticket.js';
import { assign } from './ticket.dispatch.rules.js';
import { slaClock } from './ticket.rules.js';

export interface IntakeRows {
  ticket: NewTicket & { status: TicketStatus; leadUnitId: number | null };
  /** At most one per unit: the clocks find their assignment by its unit. */
  assignments: Array<{ unitId: number; unitPath: string; role: 'lead' | 'co'; parentId: number | null; round: number; dispatchedAt: Date; dispatchedBy: number | null }>;
  clocks: Array<NewClock & { assignmentUnitId: number | null }>;
  events: Array<{ at: Date; actorId: number | null; actorLabel: string | null; action: string; before?: unknown; after?: unknown; data?: unknown }>;
  notifications: Array<{ unitId: number; kind: string; message: string }>;
  /** Told to every server process on commit; `id` is filled in with the new ticket's. */
  live: Array<Omit<LiveEvent, 'id'>>;
}

/** A service version a batch was planned from, the last moment it was taken as in force, and its unit as read. */
export interface PlanBasis { versionId: number; until: Date; unit: UnitRef }

/** What a batch's tickets were planned from, once per version (a version has one unit): the statement checks it still holds. */
export function planBasis(used: ReadonlyArray<{ service: { versionId: number }; unit: UnitRef; at: Date }>): PlanBasis[] {
  const basis = new Map<number, PlanBasis>();
  for (const u of used) {
    const seen = basis.get(u.service.versionId);
    if (!seen || seen.until < u.at) basis.set(u.service.versionId, { versionId: u.service.versionId, until: u.at, unit: u.unit });
  }
  return [...basis.values()];
}

export interface IntakeEnv {
  author: { actor: Actor | null; label: string | null };
  cal: WorkCalendar;
  now: Date;
  /** The unit to dispatch to at once (the service's own), or null to wait for the dispatcher or answer directly. */
  lead: UnitRef | null;
  /** The data of the 'accepted' audit event. */
  accepted: Record<string, unknown>;
}

/** The ticket as it stands once written: as the rules left it, numbered by the database. */
export function acceptedTicket(t: IntakeRows['ticket'], id: number, trackingCode: string): Ticket {
  return {
    id, trackingCode, channel: t.channel, status: t.status, serviceId: t.serviceId, serviceVersionId: t.serviceVersionId, limits: t.limits,
    title: t.title, description: t.description, requesterName: t.requesterName, requesterPhone: t.requesterPhone, acceptedAt: t.acceptedAt,
    leadUnitId: t.leadUnitId, replyText: null, repliedAt: null, ratingResolved: null, ratingSatisfaction: null, ratingComment: null, ratedAt: null,
    closedAt: null, closeKind: null, supervised: false, urgeCount: 0, reopenCount: 0, mergedIntoId: null, publicReason: null, version: 1,
  };
}

export function planIntake(t: NewTicket, env: IntakeEnv): IntakeRows {
  const by = env.author.actor?.userId ?? null;
  const at = env.now.toISOString();
  const sla = slaClock(env.cal, t.limits, env.now);
  const rows: IntakeRows = {
    ticket: { ...t, status: 'new', leadUnitId: null },
    assignments: [],
    clocks: sla ? [{ ...sla, assignmentUnitId: null }] : [],
    events: [{ at: env.now, actorId: by, actorLabel: env.author.label, action: 'accepted', after: { status: 'new' }, data: env.accepted }],
    notifications: [],
    live: [{ type: 'ticket', action: 'accepted', status: 'new', unitPaths: [], at }],
  };
  if (!env.lead || t.serviceId === null) return rows;

  // The assign rule sees the ticket as it would stand once accepted (its id is the database's to give).
  const snap: TicketSnapshot = { ticket: acceptedTicket(rows.ticket, 0, ''), assignments: [], clocks: sla ? [{ ...sla, id: 0 }] : [], extensions: [] };
  const o = assign(snap, { lead: env.lead, co: [] }, { now: env.now, cal: env.cal });
  const unitOf = new Map(o.newAssignments.map((a) => [a.ref, a.unitId]));
  rows.ticket = { ...rows.ticket, status: o.ticket.status, leadUnitId: o.ticket.leadUnitId };
  rows.assignments = o.newAssignments.map((a) => ({
    unitId: a.unitId, unitPath: a.unitPath, role: a.role, parentId: a.parentId, round: a.round, dispatchedAt: a.dispatchedAt, dispatchedBy: by,
  }));
  rows.clocks.push(...o.newClocks.map(({ assignmentRef, ...c }) => ({ ...c, assignmentUnitId: assignmentRef === undefined ? null : unitOf.get(assignmentRef)! })));
  rows.events.push({
    at: env.now, actorId: by, actorLabel: env.author.label, action: o.action, before: { status: 'new' }, after: { status: o.ticket.status }, data: o.data,
  });
  rows.notifications = o.notify;
  rows.live.push({ type: 'ticket', action: o.action, status: o.ticket.status, unitPaths: [...new Set(o.newAssignments.map((a) => a.unitPath))], at });
  return rows;
}
