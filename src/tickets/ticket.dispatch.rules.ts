/** Dispatch-desk moves: assign, reject, arbitrate a return, merge duplicates, close, reopen. */
import { restartClock, stopClock } from '../clocks/clock.rules.js';
import { DomainError } from '../platform/errors.js';
import type { TicketLimits, TicketSnapshot, UnitRef } from './ticket.js';
import {
  clockOf, clocksOf, findAssignment, isActive, isOpen, meet, outcome, planAssignments, put, refuse, requireStatus,
  slaClock, stopAssignments, type Outcome, type RuleEnv,
} from './ticket.rules.js';

/** `service`: classify while assigning (分类交办); the limits are those in force when the ticket was accepted. */
export interface AssignCommand { lead: UnitRef; co: UnitRef[]; service?: { id: number; versionId: number; limits: TicketLimits } }

const roundOf = (snap: TicketSnapshot) => Math.max(1, ...snap.assignments.map((a) => a.round));

function unitsOf(cmd: AssignCommand) {
  return [{ unit: cmd.lead, role: 'lead' as const }, ...cmd.co.map((unit) => ({ unit, role: 'co' as const }))];
}

/** 分类交办: give a new ticket to a lead unit and any co-units. */
export function assign(snap: TicketSnapshot, cmd: AssignCommand, env: RuleEnv): Outcome {
  requireStatus(snap.ticket, ['new'], '交办');
  const o = outcome(snap, 'assigned', { leadUnitId: cmd.lead.id, coUnitIds: cmd.co.map((u) => u.id) });
  if (cmd.service) {
    Object.assign(o.ticket, { serviceId: cmd.service.id, serviceVersionId: cmd.service.versionId, limits: cmd.service.limits });
    o.data.serviceId = cmd.service.id;
    const hasSla = snap.clocks.some((c) => c.kind === 'sla');
    const sla = hasSla ? null : slaClock(env.cal, cmd.service.limits, snap.ticket.acceptedAt);
    if (sla) o.newClocks.push(sla);
  } else if (snap.ticket.serviceId === null) {
    throw new DomainError('VALIDATION_FAILED', undefined, '交办前请先确定诉求事项（分类）', 'classify the ticket (choose its service) before assigning it');
  }
  planAssignments(o, env, unitsOf(cmd), roundOf(snap));
  o.ticket.status = 'assigned';
  o.ticket.leadUnitId = cmd.lead.id;
  o.notify = unitsOf(cmd).map(({ unit, role }) => ({ unitId: unit.id, kind: 'assigned', message: role === 'lead' ? '新工单（主办）' : '新工单（协办）' }));
  return o;
}

/** 不予受理: the dispatcher refuses a ticket that is not for the government to handle; the requester sees why. */
export function reject(snap: TicketSnapshot, reason: string, env: RuleEnv): Outcome {
  requireStatus(snap.ticket, ['new'], '不予受理');
  const o = outcome(snap, 'rejected', { reason });
  Object.assign(o.ticket, { status: 'rejected', publicReason: reason, closedAt: env.now, closeKind: 'rejected' });
  for (const c of clocksOf(snap, null)) put(o.clocks, stopClock(c, env.now, '不予受理'));
  return o;
}

export type ArbitrateCommand =
  | { decision: 'accept'; lead: UnitRef | null; co: UnitRef[] }
  | { decision: 'refuse'; reason: string };

/**
 * The dispatcher decides a return (退单). Accepted: the returning unit is released and, for the lead,
 * new units are given the work with new clocks (the requester's SLA keeps running). Refused: the unit
 * keeps the work and its clocks resume with their original deadlines — an unfounded return buys no time.
 */
export function arbitrate(snap: TicketSnapshot, assignmentId: number, cmd: ArbitrateCommand, env: RuleEnv): Outcome {
  const a = findAssignment(snap, assignmentId);
  if (a.status !== 'returned' || a.returnDecision !== null) refuse('该交办未退单或已裁定', 'the assignment is not awaiting a return decision');
  const o = outcome(snap, 'return_decided', { assignmentId, unitId: a.unitId, decision: cmd.decision });
  if (cmd.decision === 'refuse') {
    o.data.reason = cmd.reason;
    put(o.assignments, { ...a, status: a.acknowledgedAt ? 'acknowledged' : 'pending', returnDecision: 'refused' });
    for (const c of clocksOf(snap, a.id)) if (c.status.state === 'stopped') put(o.clocks, restartClock(c));
    if (a.role === 'lead') o.ticket.status = a.acknowledgedAt ? 'in_progress' : 'assigned';
    o.notify.push({ unitId: a.unitId, kind: 'return_refused', message: `退单未获同意：${cmd.reason}` });
    return o;
  }
  put(o.assignments, { ...a, returnDecision: 'accepted' });
  // Co-units already at work stay on; a co-unit named as the new lead gives up its co-handling part.
  const activeCo = snap.assignments.filter((x) => x.role === 'co' && isActive(x));
  const newLead = a.role === 'lead' ? cmd.lead : null;
  if (a.role === 'lead') {
    if (!newLead) refuse('主办单位退单后须指定新的主办单位', 'a returned lead needs a new lead unit');
    if (newLead.id === a.unitId) refuse('不能交回退单单位', 'the work cannot go back to the unit that returned it');
    stopAssignments(o, snap, env, activeCo.filter((x) => x.unitId === newLead.id), 'withdrawn', '改为主办');
  }
  const newCo = cmd.co.filter((u) => u.id !== newLead?.id && u.id !== a.unitId && !activeCo.some((x) => x.unitId === u.id && x.unitId !== newLead?.id));
  planAssignments(o, env, [...(newLead ? [{ unit: newLead, role: 'lead' as const }] : []), ...newCo.map((unit) => ({ unit, role: 'co' as const }))], a.round);
  if (newLead) {
    o.ticket.status = 'assigned';
    o.ticket.leadUnitId = newLead.id;
    o.data.leadUnitId = newLead.id;
    o.notify.push({ unitId: newLead.id, kind: 'assigned', message: '新工单（主办，退单后改派）' });
  }
  o.data.coUnitIds = newCo.map((u) => u.id);
  for (const u of newCo) o.notify.push({ unitId: u.id, kind: 'assigned', message: '新工单（协办）' });
  return o;
}

/** Merge a duplicate into a main ticket: the duplicate's work ends and the requester follows the main one. */
export function merge(snap: TicketSnapshot, main: { id: number; open: boolean }, env: RuleEnv): Outcome {
  if (!isOpen(snap.ticket)) refuse('已办结的工单不能合并', 'a finished ticket cannot be merged');
  if (main.id === snap.ticket.id) refuse('不能合并到自身', 'a ticket cannot be merged into itself');
  if (!main.open) refuse('主工单已办结', 'the main ticket is already finished');
  const o = outcome(snap, 'merged', { mainTicketId: main.id });
  stopAssignments(o, snap, env, snap.assignments, 'withdrawn', '合并');
  for (const c of clocksOf(snap, null)) put(o.clocks, stopClock(c, env.now, '合并'));
  Object.assign(o.ticket, { status: 'merged', mergedIntoId: main.id, closedAt: env.now, closeKind: 'merged' });
  return o;
}

/**
 * Close the loop without a rating: a consultation answered at intake (直办, from `new`), or a replied ticket
 * whose requester confirmed by phone, could not be reached, or whose unsatisfied rating was explained.
 */
export function close(snap: TicketSnapshot, note: string, env: RuleEnv): Outcome {
  requireStatus(snap.ticket, ['new', 'replied'], '办结');
  const direct = snap.ticket.status === 'new';
  const o = outcome(snap, 'closed', { kind: direct ? 'direct' : 'confirmed', note });
  Object.assign(o.ticket, { status: 'closed', closedAt: env.now, closeKind: direct ? 'direct' : 'confirmed' });
  if (direct) Object.assign(o.ticket, { replyText: note, repliedAt: env.now });
  for (const c of clocksOf(snap, null)) meet(o, c, env.now);
  return o;
}

/**
 * 重办: back to handling after an unsatisfied rating or a failed spot check. A new round of assignment
 * with new clocks goes to the given unit (by default the last lead), and a new promise to the requester.
 */
export function reopen(snap: TicketSnapshot, lead: UnitRef, reason: string, env: RuleEnv): Outcome {
  const t = snap.ticket;
  requireStatus(t, ['replied', 'closed'], '重办');
  if (t.status === 'closed' && (t.closeKind === 'merged' || t.closeKind === 'rejected')) refuse('合并或不予受理的工单不能重办', 'a merged or rejected ticket cannot be reopened');
  const o = outcome(snap, 'reopened', { reason, leadUnitId: lead.id, previousRating: t.ratingSatisfaction });
  stopAssignments(o, snap, env, snap.assignments, 'withdrawn', '重办');
  const callback = clockOf(snap, null, 'callback');
  if (callback) meet(o, callback, env.now);
  const round = Math.max(1, ...snap.assignments.map((a) => a.round)) + 1;
  planAssignments(o, env, [{ unit: lead, role: 'lead' }], round);
  const sla = slaClock(env.cal, o.ticket.limits, env.now);
  if (sla) o.newClocks.push(sla);
  Object.assign(o.ticket, {
    status: 'assigned', leadUnitId: lead.id, reopenCount: t.reopenCount + 1, closedAt: null, closeKind: null,
    replyText: null, repliedAt: null, ratingResolved: null, ratingSatisfaction: null, ratingComment: null, ratedAt: null,
  });
  o.notify.push({ unitId: lead.id, kind: 'reopened', message: `工单重办：${reason}` });
  return o;
}
