/**
 * The ticket's life as pure decisions (STYLE.md 3): each move takes the loaded snapshot, the command
 * and the time, and returns what changes, or refuses with a domain error. The service saves the result
 * and its audit event in one transaction.
 */
import type { WorkCalendar } from '../calendar/calendar.js';
import type { Clock, ClockKind, TimeLimit } from '../clocks/clock.js';
import { meetClock, startClock, stopClock } from '../clocks/clock.rules.js';
import { DomainError } from '../platform/errors.js';
import { effectiveLimits } from '../catalogue/service.js';
import type {
  Assignment, ExtensionRequest, NewAssignment, PlannedClock, Ticket, TicketLimits, TicketSnapshot, TicketStatus, UnitRef,
} from './ticket.js';

export interface RuleEnv { now: Date; cal: WorkCalendar }

export interface Notice { unitId: number; kind: string; message: string }

/** Everything one move changes. Only what is listed is written. */
export interface Outcome {
  ticket: Ticket;
  assignments: Assignment[];
  newAssignments: NewAssignment[];
  clocks: Clock[];
  newClocks: PlannedClock[];
  extensions: ExtensionRequest[];
  newExtension: Omit<ExtensionRequest, 'id'> | null;
  action: string;
  data: Record<string, unknown>;
  notify: Notice[];
}

export function outcome(snap: TicketSnapshot, action: string, data: Record<string, unknown> = {}): Outcome {
  return {
    ticket: { ...snap.ticket }, assignments: [], newAssignments: [], clocks: [], newClocks: [], extensions: [],
    newExtension: null, action, data, notify: [],
  };
}

/** Record a changed assignment or clock once, keeping the latest copy. */
export function put<T extends { id: number }>(list: T[], item: T): T {
  const i = list.findIndex((x) => x.id === item.id);
  if (i >= 0) list[i] = item; else list.push(item);
  return item;
}

export function refuse(zh: string, en: string, details?: unknown): never {
  throw new DomainError('TICKET_MOVE_NOT_ALLOWED', details, zh, en);
}

export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'arbitration', 'replied'];
export const isOpen = (t: Ticket) => OPEN_STATUSES.includes(t.status);

export function requireStatus(t: Ticket, allowed: readonly TicketStatus[], move: string): void {
  if (!allowed.includes(t.status)) {
    refuse(`工单当前状态（${t.status}）不允许${move}`, `a ticket in status "${t.status}" does not allow ${move}`, { status: t.status, allowed });
  }
}

export const isActive = (a: Assignment) => a.status === 'pending' || a.status === 'acknowledged';

export function findAssignment(snap: TicketSnapshot, id: number): Assignment {
  const a = snap.assignments.find((x) => x.id === id);
  if (!a) throw new DomainError('ASSIGNMENT_NOT_FOUND');
  return a;
}

export const clocksOf = (snap: TicketSnapshot, assignmentId: number | null) => snap.clocks.filter((c) => c.assignmentId === assignmentId);
/** The clock of that kind; after a reopen the ticket has several promises, and the latest is the live one. */
export const clockOf = (snap: TicketSnapshot, assignmentId: number | null, kind: ClockKind) => clocksOf(snap, assignmentId).filter((c) => c.kind === kind).at(-1);

/** A ticket with no service yet still has the district's defaults (return window, extension cap). */
export const limitsOf = (t: Ticket): TicketLimits => t.limits ?? effectiveLimits({});

const ASSIGNMENT_CLOCKS: ReadonlyArray<[ClockKind, keyof TicketLimits]> = [
  ['acknowledge', 'acknowledge'], ['first_contact', 'firstContact'], ['resolve', 'resolve'], ['return_window', 'returnWindow'],
];

/**
 * New assignments with their clocks, all counted from the dispatch instant (CLOCKS.md: not from
 * acknowledgement, so a unit cannot stop the clock by not clicking). `caps` bound a child's deadlines by its parent's.
 */
export function planAssignments(
  o: Outcome, env: RuleEnv, units: Array<{ unit: UnitRef; role: 'lead' | 'co' }>, round: number,
  parent: { id: number; clocks: Clock[] } | null = null,
): NewAssignment[] {
  const limits = limitsOf(o.ticket);
  const seen = new Set<number>();
  const planned: NewAssignment[] = [];
  for (const { unit, role } of units) {
    if (!unit.active) throw new DomainError('UNIT_NOT_FOUND', { unitId: unit.id }, '单位已停用', 'the unit is inactive');
    if (seen.has(unit.id)) refuse('同一单位不能重复交办', 'a unit can be given the same work only once', { unitId: unit.id });
    seen.add(unit.id);
    const ref = `${o.newAssignments.length + planned.length}`;
    planned.push({ ref, unitId: unit.id, unitPath: unit.path, role, parentId: parent?.id ?? null, round, dispatchedAt: env.now });
    for (const [kind, key] of ASSIGNMENT_CLOCKS) {
      const limit = limits[key] as TimeLimit | undefined;
      if (!limit) continue;
      const cap = parent?.clocks.find((c) => c.kind === kind && c.status.state !== 'met' && c.status.state !== 'stopped')?.deadline;
      o.newClocks.push({ ...startClock(env.cal, kind, null, env.now, limit, kind === 'return_window' ? undefined : cap), assignmentRef: ref });
    }
  }
  o.newAssignments.push(...planned);
  return planned;
}

/** End every clock and assignment still running for these assignments (returned, withdrawn, superseded). */
export function stopAssignments(o: Outcome, snap: TicketSnapshot, env: RuleEnv, assignments: Assignment[], status: 'withdrawn' | 'done', reason: string): void {
  for (const a of assignments) {
    if (!isActive(a)) continue;
    put(o.assignments, { ...a, status, doneAt: status === 'done' ? env.now : a.doneAt });
    for (const c of clocksOf(snap, a.id)) put(o.clocks, stopClock(current(o, c), env.now, reason));
  }
}

/** The latest copy of a clock within this outcome. */
export function current(o: Outcome, c: Clock): Clock {
  return o.clocks.find((x) => x.id === c.id) ?? c;
}

export function meet(o: Outcome, c: Clock | undefined, now: Date): void {
  if (c) put(o.clocks, meetClock(current(o, c), now));
}

/** Descendants of an assignment (a village under a town under the lead department). */
export function descendants(snap: TicketSnapshot, id: number): Assignment[] {
  const children = snap.assignments.filter((a) => a.parentId === id);
  return children.flatMap((c) => [c, ...descendants(snap, c.id)]);
}

/** The limits that give the requester's promise (SLA): the resolve limit, counted from acceptance. */
export function slaClock(cal: WorkCalendar, limits: TicketLimits | null, acceptedAt: Date): PlannedClock | null {
  if (!limits?.resolve) return null;
  return startClock(cal, 'sla', null, acceptedAt, limits.resolve);
}
