/** Supervisor and requester moves: extension decisions, urging, formal supervision, the rating. */
import { extendClock } from '../clocks/clock.rules.js';
import { DomainError } from '../platform/errors.js';
import type { Resolved, Satisfaction, TicketSnapshot } from './ticket.js';
import { clockOf, isActive, isOpen, meet, outcome, put, refuse, requireStatus, type Outcome, type RuleEnv } from './ticket.rules.js';

/** A supervisor approves or refuses a pending extension; approval moves the unit's resolve deadline. */
export function decideExtension(snap: TicketSnapshot, extensionId: number, approve: boolean, note: string, env: RuleEnv): Outcome {
  const ext = snap.extensions.find((e) => e.id === extensionId);
  if (!ext) throw new DomainError('EXTENSION_NOT_FOUND');
  if (ext.decision !== null) refuse('该延期申请已审批', 'the request was already decided');
  const a = snap.assignments.find((x) => x.id === ext.assignmentId);
  if (!a || !isActive(a)) refuse('该交办已结束', 'the assignment is no longer active');
  const o = outcome(snap, 'extension_decided', { extensionId, assignmentId: a.id, unitId: a.unitId, approved: approve, workingDays: ext.workingDays, note });
  put(o.extensions, { ...ext, decision: approve ? 'approved' : 'refused' });
  if (approve) {
    const resolve = clockOf(snap, a.id, 'resolve');
    if (resolve) {
      const extended = put(o.clocks, extendClock(env.cal, resolve, ext.workingDays));
      o.data.newDeadline = extended.deadline.toISOString();
    }
    put(o.assignments, { ...a, extensionCount: a.extensionCount + 1 });
  }
  o.notify.push({ unitId: a.unitId, kind: approve ? 'extension_approved' : 'extension_refused', message: approve ? `延期 ${ext.workingDays} 个工作日已批准` : `延期申请未获批准：${note}` });
  return o;
}

function activeUnits(snap: TicketSnapshot, unitIds: number[] | undefined): number[] {
  const active = [...new Set(snap.assignments.filter(isActive).map((a) => a.unitId))];
  return unitIds?.length ? active.filter((u) => unitIds.includes(u)) : active;
}

/** 催办: a reminder to the units still at work, recorded on the ticket's trail. */
export function urge(snap: TicketSnapshot, message: string, unitIds: number[] | undefined): Outcome {
  if (!isOpen(snap.ticket)) refuse('工单已办结', 'the ticket is finished');
  const units = activeUnits(snap, unitIds);
  if (units.length === 0) refuse('没有正在办理的单位可催办', 'no unit is working on this ticket');
  const o = outcome(snap, 'urged', { message, unitIds: units });
  o.ticket.urgeCount += 1;
  o.notify = units.map((unitId) => ({ unitId, kind: 'urged', message: `催办：${message}` }));
  return o;
}

/** 督办: formal supervision; the ticket stays flagged in every list and report until it closes. */
export function supervise(snap: TicketSnapshot, message: string): Outcome {
  if (!isOpen(snap.ticket)) refuse('工单已办结', 'the ticket is finished');
  const o = outcome(snap, 'supervised', { message });
  o.ticket.supervised = true;
  o.notify = activeUnits(snap, undefined).map((unitId) => ({ unitId, kind: 'supervised', message: `督办：${message}` }));
  return o;
}

/**
 * 评价: "resolved?" and "satisfied?" are asked separately. A satisfied or basically satisfied rating closes
 * the loop; an unsatisfied one keeps the ticket open for the dispatcher to reopen (重办) or explain and close.
 */
export function rate(snap: TicketSnapshot, resolved: Resolved, satisfaction: Satisfaction, comment: string | null, env: RuleEnv): Outcome {
  requireStatus(snap.ticket, ['replied'], '评价');
  if (snap.ticket.ratedAt) refuse('已评价', 'already rated');
  const o = outcome(snap, 'rated', { resolved, satisfaction, comment });
  Object.assign(o.ticket, { ratingResolved: resolved, ratingSatisfaction: satisfaction, ratingComment: comment, ratedAt: env.now });
  meet(o, clockOf(snap, null, 'callback'), env.now);
  if (satisfaction !== 'unsatisfied') Object.assign(o.ticket, { status: 'closed', closedAt: env.now, closeKind: 'rated' });
  return o;
}
