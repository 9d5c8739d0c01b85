/**
 * Every move on an existing ticket: load and lock → authorise → decide (pure rules) → save with its audit
 * event, in one transaction. Concurrent moves on one ticket queue on the row lock; the version column
 * catches any writer that did not.
 */
import { withTransaction, type Tx } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { getCalendar } from '../calendar/calendar.service.js';
import { findUnit } from '../units/unit.repository.js';
import { findServiceAt } from '../catalogue/service.repository.js';
import { effectiveLimits } from '../catalogue/service.js';
import { setOpinion, setReturnEvidence } from '../assignments/assignment.repository.js';
import type { Resolved, Satisfaction, TicketSnapshot, UnitRef } from './ticket.js';
import type { Outcome, RuleEnv } from './ticket.rules.js';
import { isOpen } from './ticket.rules.js';
import { arbitrate, assign, close, merge, reject, reopen, type ArbitrateCommand } from './ticket.dispatch.rules.js';
import { acknowledge, contact, note, pause, reply, requestExtension, resume, returnWork, subAssign, type ReturnCommand } from './ticket.handling.rules.js';
import { decideExtension, rate, supervise, urge } from './ticket.supervision.rules.js';
import { canReadTicket, handlerAssignment, requireRole } from './ticket.policy.js';
import { findTicket, insertNote, loadSnapshot } from './ticket.repository.js';
import { byActor, saveOutcome, type Author } from './ticket.persist.js';
import { replyContext } from '../text/reply.service.js';
import { checkReply } from '../text/reply.rules.js';
import { replyCheckData } from './ticket.reply-check.service.js';

type Decide = (snap: TicketSnapshot, env: RuleEnv, tx: Tx) => Promise<Outcome> | Outcome;

/** Run one move. `actor` null means the public or an integration, whose access the caller has already checked. */
export async function runMove(ctx: AppContext, author: Author, ticketId: number, decide: Decide, after?: (tx: Tx, o: Outcome) => Promise<void>): Promise<Outcome> {
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    const snap = await loadSnapshot(tx, ticketId, true);
    if (!snap || (author.actor && !canReadTicket(author.actor, snap.assignments))) throw new DomainError('TICKET_NOT_FOUND');
    const env = { now, cal: await getCalendar(tx) };
    const o = await decide(snap, env, tx);
    await saveOutcome(tx, snap, o, author, now, typeof o.data.note === 'string' ? o.data.note : null);
    await after?.(tx, o);
    return o;
  });
}

async function unitRef(tx: Tx, id: number): Promise<UnitRef> {
  const unit = await findUnit(tx, id);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', { unitId: id });
  return unit;
}

const units = (tx: Tx, ids: number[] = []) => Promise.all(ids.map((id) => unitRef(tx, id)));

// Dispatch desk

/** The version in force when the ticket was accepted (or, for a service created since, the current one). */
async function classification(tx: Tx, serviceId: number, acceptedAt: Date, now: Date) {
  const service = (await findServiceAt(tx, serviceId, acceptedAt)) ?? (await findServiceAt(tx, serviceId, now));
  if (!service || !service.active) throw new DomainError('SERVICE_NOT_FOUND');
  return { id: service.id, versionId: service.versionId, limits: effectiveLimits(service.limits) };
}

export interface AssignInput { leadUnitId: number; coUnitIds?: number[]; serviceId?: number }

export function assignTicket(ctx: AppContext, actor: Actor, id: number, input: AssignInput) {
  return runMove(ctx, byActor(actor), id, async (snap, env, tx) => {
    requireRole(actor, 'dispatcher');
    const service = input.serviceId ? await classification(tx, input.serviceId, snap.ticket.acceptedAt, env.now) : undefined;
    return assign(snap, { lead: await unitRef(tx, input.leadUnitId), co: await units(tx, input.coUnitIds), service }, env);
  });
}

export function rejectTicket(ctx: AppContext, actor: Actor, id: number, reason: string) {
  return runMove(ctx, byActor(actor), id, (snap, env) => { requireRole(actor, 'dispatcher'); return reject(snap, reason, env); });
}

export type ArbitrateInput = { assignmentId: number } & ({ decision: 'accept'; leadUnitId?: number; coUnitIds?: number[] } | { decision: 'refuse'; reason: string });

export function arbitrateReturn(ctx: AppContext, actor: Actor, id: number, input: ArbitrateInput) {
  return runMove(ctx, byActor(actor), id, async (snap, env, tx) => {
    requireRole(actor, 'dispatcher');
    const cmd: ArbitrateCommand = input.decision === 'refuse'
      ? { decision: 'refuse', reason: input.reason }
      : { decision: 'accept', lead: input.leadUnitId ? await unitRef(tx, input.leadUnitId) : null, co: await units(tx, input.coUnitIds) };
    return arbitrate(snap, input.assignmentId, cmd, env);
  });
}

export function mergeTicket(ctx: AppContext, actor: Actor, id: number, mainTicketId: number) {
  return runMove(ctx, byActor(actor), id, async (snap, env, tx) => {
    requireRole(actor, 'dispatcher');
    const main = await findTicket(tx, mainTicketId);
    if (!main) throw new DomainError('TICKET_NOT_FOUND', { ticketId: mainTicketId });
    return merge(snap, { id: main.id, open: isOpen(main) }, env);
  });
}

export function closeTicket(ctx: AppContext, actor: Actor, id: number, closeNote: string) {
  return runMove(ctx, byActor(actor), id, (snap, env) => { requireRole(actor, 'operator', 'dispatcher', 'supervisor'); return close(snap, closeNote, env); });
}

export function reopenTicket(ctx: AppContext, actor: Actor, id: number, reason: string, leadUnitId?: number) {
  return runMove(ctx, byActor(actor), id, async (snap, env, tx) => {
    requireRole(actor, 'dispatcher', 'supervisor');
    const leadId = leadUnitId ?? snap.ticket.leadUnitId;
    if (!leadId) throw new DomainError('VALIDATION_FAILED', undefined, '请指定重办单位', 'name the unit to re-handle the ticket');
    return reopen(snap, await unitRef(tx, leadId), reason, env);
  });
}

// A unit at work

export function acknowledgeTicket(ctx: AppContext, actor: Actor, id: number, assignmentId?: number) {
  return runMove(ctx, byActor(actor), id, (snap, env) => acknowledge(snap, handlerAssignment(actor, snap, assignmentId).id, env));
}

export interface NoteInput { body: string; kind: 'note' | 'contact'; contactMethod?: string; assignmentId?: number }

/** 办理记录 and 联系记录. Staff outside the handling units (dispatch, supervision) may add notes too. */
export function addNote(ctx: AppContext, actor: Actor, id: number, input: NoteInput) {
  let assignmentId: number | null = null;
  return runMove(ctx, byActor(actor), id, (snap, env) => {
    const handling = snap.assignments.some((a) => a.unitPath.startsWith(actor.unitPath)) && actor.roles.includes('handler');
    if (input.kind === 'contact' || handling) assignmentId = handlerAssignment(actor, snap, input.assignmentId).id;
    else requireRole(actor, 'operator', 'dispatcher', 'supervisor');
    const o = input.kind === 'contact' ? contact(snap, assignmentId!, input.contactMethod ?? 'phone', env) : note(snap, assignmentId);
    o.data.body = input.body;
    return o;
  }, async (tx, o) => {
    o.data.noteId = await insertNote(tx, { ticketId: id, assignmentId, authorId: actor.userId, kind: input.kind, body: input.body, contactMethod: input.contactMethod ?? null, at: ctx.clock.now() });
  });
}

export function pauseTicket(ctx: AppContext, actor: Actor, id: number, reason: string, assignmentId?: number) {
  return runMove(ctx, byActor(actor), id, (snap, env) => pause(snap, handlerAssignment(actor, snap, assignmentId).id, reason, env));
}

export function resumeTicket(ctx: AppContext, actor: Actor, id: number, assignmentId?: number) {
  return runMove(ctx, byActor(actor), id, (snap, env) => resume(snap, handlerAssignment(actor, snap, assignmentId).id, env));
}

export function subAssignTicket(ctx: AppContext, actor: Actor, id: number, unitIds: number[], assignmentId?: number) {
  return runMove(ctx, byActor(actor), id, async (snap, env, tx) => subAssign(snap, handlerAssignment(actor, snap, assignmentId).id, await units(tx, unitIds), env));
}

export async function replyTicket(ctx: AppContext, actor: Actor, id: number, text: string, assignmentId?: number) {
  let target = 0;
  // Read before the row lock: after a restart, building what the check knows takes a moment.
  const context = await replyContext(ctx.db, ctx.clock.now());
  return runMove(ctx, byActor(actor), id, (snap, env) => {
    target = handlerAssignment(actor, snap, assignmentId).id;
    const o = reply(snap, target, text, env);
    // Recorded for supervision, never a refusal: the reply goes out whatever the check says.
    o.data.replyCheck = replyCheckData(checkReply(snap.ticket, text, context));
    return o;
  }, (tx) => setOpinion(tx, target, text));
}

export function returnTicket(ctx: AppContext, actor: Actor, id: number, cmd: ReturnCommand, assignmentId?: number) {
  let target = 0;
  return runMove(ctx, byActor(actor), id, (snap, env) => {
    target = handlerAssignment(actor, snap, assignmentId).id;
    return returnWork(snap, target, cmd, env);
  }, (tx) => setReturnEvidence(tx, target, cmd.evidence));
}

export function requestTicketExtension(ctx: AppContext, actor: Actor, id: number, workingDays: number, reason: string, assignmentId?: number) {
  return runMove(ctx, byActor(actor), id, (snap, env) => requestExtension(snap, handlerAssignment(actor, snap, assignmentId).id, workingDays, reason, env));
}

// Supervision

export function decideTicketExtension(ctx: AppContext, actor: Actor, id: number, extensionId: number, approve: boolean, decisionNote: string) {
  return runMove(ctx, byActor(actor), id, (snap, env) => {
    requireRole(actor, 'supervisor');
    const o = decideExtension(snap, extensionId, approve, decisionNote, env);
    o.data.note = decisionNote;
    return o;
  });
}

export function urgeTicket(ctx: AppContext, actor: Actor, id: number, message: string, unitIds?: number[]) {
  return runMove(ctx, byActor(actor), id, (snap) => { requireRole(actor, 'supervisor'); return urge(snap, message, unitIds); });
}

export function superviseTicket(ctx: AppContext, actor: Actor, id: number, message: string) {
  return runMove(ctx, byActor(actor), id, (snap) => { requireRole(actor, 'supervisor'); return supervise(snap, message); });
}

export interface RatingInput { resolved: Resolved; satisfaction: Satisfaction; comment?: string | null }

/** The requester's rating: given on the public page, or recorded by an operator during the callback (回访). */
export function rateTicket(ctx: AppContext, author: Author, id: number, input: RatingInput) {
  return runMove(ctx, author, id, (snap, env) => {
    if (author.actor) requireRole(author.actor, 'operator', 'dispatcher');
    return rate(snap, input.resolved, input.satisfaction, input.comment ?? null, env);
  });
}
