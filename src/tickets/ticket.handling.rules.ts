/** A unit's moves on its own assignment: acknowledge, contact, pause, resume, sub-assign, reply, return, ask for time. */
import { pauseClock, resumeClock, startClock, stopClock } from '../clocks/clock.rules.js';
import { DomainError } from '../platform/errors.js';
import type { Assignment, ReturnReason, TicketSnapshot, UnitRef } from './ticket.js';
import {
  clockOf, clocksOf, current, descendants, findAssignment, isActive, meet, outcome, planAssignments, put, refuse,
  stopAssignments, limitsOf, type Outcome, type RuleEnv,
} from './ticket.rules.js';

function activeAssignment(snap: TicketSnapshot, id: number): Assignment {
  const a = findAssignment(snap, id);
  if (!isActive(a)) refuse('该交办已结束', 'the assignment is no longer active', { assignmentStatus: a.status });
  if (snap.ticket.status === 'replied' || snap.ticket.status === 'closed' || snap.ticket.status === 'merged' || snap.ticket.status === 'rejected') {
    refuse('工单已答复或办结', 'the ticket is already answered or finished');
  }
  return a;
}

function acknowledgeInto(o: Outcome, snap: TicketSnapshot, a: Assignment, env: RuleEnv): Assignment {
  if (a.status !== 'pending') return a;
  const acked = put(o.assignments, { ...a, status: 'acknowledged', acknowledgedAt: env.now });
  meet(o, clockOf(snap, a.id, 'acknowledge'), env.now);
  if (a.role === 'lead' && a.parentId === null && o.ticket.status === 'assigned') o.ticket.status = 'in_progress';
  return acked;
}

/** 签收. */
export function acknowledge(snap: TicketSnapshot, assignmentId: number, env: RuleEnv): Outcome {
  const a = activeAssignment(snap, assignmentId);
  if (a.status !== 'pending') refuse('已签收', 'already acknowledged');
  const o = outcome(snap, 'acknowledged', { assignmentId, unitId: a.unitId });
  acknowledgeInto(o, snap, a, env);
  return o;
}

/** 首次联系: the unit logged contact with the requester. */
export function contact(snap: TicketSnapshot, assignmentId: number, method: string, env: RuleEnv): Outcome {
  const a = activeAssignment(snap, assignmentId);
  const o = outcome(snap, 'contacted', { assignmentId, unitId: a.unitId, method });
  const acked = acknowledgeInto(o, snap, a, env);
  if (!a.firstContactAt) {
    put(o.assignments, { ...acked, firstContactAt: env.now });
    meet(o, clockOf(snap, a.id, 'first_contact'), env.now);
  }
  return o;
}

/** A note or attachment on the work: no state changes, only the record (an active assignment is required). */
export function note(snap: TicketSnapshot, assignmentId: number | null): Outcome {
  if (assignmentId !== null) activeAssignment(snap, assignmentId);
  return outcome(snap, 'noted', { assignmentId });
}

/**
 * 挂起: waiting for the requester or a third party. The unit's running clocks stop counting, and for the
 * lead unit so does the promise to the requester.
 */
export function pause(snap: TicketSnapshot, assignmentId: number, reason: string, env: RuleEnv): Outcome {
  const a = activeAssignment(snap, assignmentId);
  const running = clocksOf(snap, a.id).filter((c) => c.status.state === 'running' && c.kind !== 'return_window');
  if (running.length === 0) refuse('没有计时中的时限可挂起', 'no running clock to pause');
  const o = outcome(snap, 'paused', { assignmentId, unitId: a.unitId, reason });
  for (const c of running) put(o.clocks, pauseClock(c, env.now, reason));
  const sla = clockOf(snap, null, 'sla');
  if (a.role === 'lead' && a.parentId === null && sla?.status.state === 'running') put(o.clocks, pauseClock(sla, env.now, reason));
  return o;
}

export function resume(snap: TicketSnapshot, assignmentId: number, env: RuleEnv): Outcome {
  const a = activeAssignment(snap, assignmentId);
  const paused = clocksOf(snap, a.id).filter((c) => c.status.state === 'paused');
  if (paused.length === 0) refuse('没有挂起的时限', 'no paused clock to resume');
  const o = outcome(snap, 'resumed', { assignmentId, unitId: a.unitId });
  for (const c of paused) put(o.clocks, resumeClock(env.cal, c, env.now));
  const sla = clockOf(snap, null, 'sla');
  if (a.role === 'lead' && a.parentId === null && sla?.status.state === 'paused') put(o.clocks, resumeClock(env.cal, sla, env.now));
  return o;
}

/** A town hands its part to villages: they get clocks of their own, due no later than the town's; the town stays accountable. */
export function subAssign(snap: TicketSnapshot, assignmentId: number, units: UnitRef[], env: RuleEnv): Outcome {
  const a = activeAssignment(snap, assignmentId);
  for (const u of units) {
    if (!u.path.startsWith(a.unitPath) || u.path === a.unitPath) refuse('只能交办给本单位的下级单位', 'work can only be handed to units below this one', { unitId: u.id });
    if (snap.assignments.some((x) => x.parentId === a.id && x.unitId === u.id && isActive(x))) refuse('该下级单位已在办理', 'that sub-unit already has this work', { unitId: u.id });
  }
  const o = outcome(snap, 'sub_assigned', { assignmentId, unitId: a.unitId, unitIds: units.map((u) => u.id) });
  acknowledgeInto(o, snap, a, env);
  planAssignments(o, env, units.map((unit) => ({ unit, role: 'co' as const })), a.round, { id: a.id, clocks: clocksOf(snap, a.id).map((c) => current(o, c)) });
  o.notify = units.map((u) => ({ unitId: u.id, kind: 'assigned', message: '上级单位交办的工单' }));
  return o;
}

/**
 * 答复. The lead unit's reply is the answer to the requester: its resolve clock and the requester's promise
 * are met, the other units' parts end, and the callback clock starts. A co-unit's or sub-unit's reply is
 * its contribution (协办意见) and ends only its own part.
 */
export function reply(snap: TicketSnapshot, assignmentId: number, text: string, env: RuleEnv): Outcome {
  const a = activeAssignment(snap, assignmentId);
  const isLead = a.role === 'lead' && a.parentId === null;
  const o = outcome(snap, isLead ? 'replied' : 'contributed', { assignmentId, unitId: a.unitId, text });
  const acked = acknowledgeInto(o, snap, a, env);
  put(o.assignments, { ...acked, status: 'done', doneAt: env.now });
  for (const c of clocksOf(snap, a.id)) {
    if (c.kind === 'resolve' || c.kind === 'first_contact') meet(o, c, env.now);
    else if (c.kind === 'return_window') put(o.clocks, stopClock(current(o, c), env.now, '已答复'));
  }
  stopAssignments(o, snap, env, descendants(snap, a.id), 'withdrawn', '上级单位已答复');
  if (!isLead) return o;
  stopAssignments(o, snap, env, snap.assignments.filter((x) => x.id !== a.id), 'withdrawn', '主办单位已答复');
  meet(o, clockOf(snap, null, 'sla'), env.now);
  Object.assign(o.ticket, { status: 'replied', replyText: text, repliedAt: env.now });
  const callback = limitsOf(snap.ticket).callback;
  // The hotline's callback clock belongs to no unit: it measures the platform's own follow-up.
  if (callback) o.newClocks.push(startClock(env.cal, 'callback', null, env.now, callback));
  return o;
}

export interface ReturnCommand { reasonCode: ReturnReason; reason: string; evidence: string | null }

/**
 * 退单: not this unit's business. Allowed within the return window (default 2 working days from dispatch).
 * The unit's clocks stop; the lead's return sends the ticket to the dispatcher's arbitration queue, and a
 * sub-unit's return goes back to the unit above it.
 */
export function returnWork(snap: TicketSnapshot, assignmentId: number, cmd: ReturnCommand, env: RuleEnv): Outcome {
  const a = activeAssignment(snap, assignmentId);
  const window = clockOf(snap, a.id, 'return_window');
  if (window && env.now > window.deadline) throw new DomainError('RETURN_WINDOW_CLOSED', { deadline: window.deadline.toISOString() });
  if (descendants(snap, a.id).some(isActive)) refuse('请先收回已交办给下级单位的工作', 'withdraw the work handed to sub-units first');
  const o = outcome(snap, 'returned', { assignmentId, unitId: a.unitId, reasonCode: cmd.reasonCode, reason: cmd.reason });
  put(o.assignments, { ...a, status: 'returned', returnReasonCode: cmd.reasonCode, returnReason: cmd.reason, returnedAt: env.now, returnDecision: a.parentId === null ? null : 'accepted' });
  for (const c of clocksOf(snap, a.id)) {
    if (c.kind === 'return_window') meet(o, c, env.now);
    else put(o.clocks, stopClock(c, env.now, '退单'));
  }
  if (a.role === 'lead' && a.parentId === null) o.ticket.status = 'arbitration';
  const parent = a.parentId === null ? null : snap.assignments.find((x) => x.id === a.parentId);
  if (parent) o.notify.push({ unitId: parent.unitId, kind: 'returned', message: `下级单位退回：${cmd.reason}` });
  return o;
}

/** 延期申请: before the resolve deadline, within the service's cap, one pending request at a time. */
export function requestExtension(snap: TicketSnapshot, assignmentId: number, workingDays: number, reason: string, env: RuleEnv): Outcome {
  const a = activeAssignment(snap, assignmentId);
  const limits = limitsOf(snap.ticket);
  const resolve = clockOf(snap, a.id, 'resolve');
  const why = (zh: string, en: string) => new DomainError('EXTENSION_NOT_ALLOWED', undefined, zh, en);
  if (!resolve || resolve.status.state === 'met' || resolve.status.state === 'stopped') throw why('没有可延期的办结时限', 'there is no resolve clock to extend');
  if (env.now > resolve.deadline) throw why('已超过办结时限，须在到期前申请', 'extensions must be asked for before the deadline');
  if (a.extensionCount >= limits.maxExtensions) throw why(`最多可延期 ${limits.maxExtensions} 次`, `at most ${limits.maxExtensions} extension(s)`);
  if (workingDays > limits.maxExtensionWorkingDays) throw why(`单次延期不超过 ${limits.maxExtensionWorkingDays} 个工作日`, `at most ${limits.maxExtensionWorkingDays} working days`);
  if (snap.extensions.some((e) => e.assignmentId === a.id && e.decision === null)) throw why('已有待审批的延期申请', 'a request is already pending');
  const o = outcome(snap, 'extension_requested', { assignmentId, unitId: a.unitId, workingDays, reason });
  o.newExtension = { assignmentId: a.id, workingDays, reason, requestedAt: env.now, decision: null };
  return o;
}
