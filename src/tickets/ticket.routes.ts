import type { FastifyReply } from 'fastify';
import type { App, AppContext } from '../platform/http/context.js';
import type { Role } from '../platform/auth/roles.js';
import { DomainError } from '../platform/errors.js';
import { IdParams } from '../platform/http/schemas.js';
import { getCalendar } from '../calendar/calendar.service.js';
import { intake } from './ticket.intake.service.js';
import { byActor } from './ticket.persist.js';
import * as svc from './ticket.service.js';
import { listTickets, ticketDetail } from './ticket.query.js';
import { isConfident, suggestServices } from '../routing/routing.rules.js';
import { routableServices } from '../routing/routing.service.js';
import { ticketReplyCheckRoutes } from './ticket.reply-check.routes.js';
import { IntakeBody, IntakeReply, MoveBodies, SuggestBody, SuggestReply, TicketDetail, TicketListQuery, TicketPage } from './ticket.schema.js';

const IDEMPOTENCY = /^[\w.:-]{1,100}$/;

export function idempotencyKey(header: string | string[] | undefined): string | undefined {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY.test(key)) throw new DomainError('VALIDATION_FAILED', undefined, 'Idempotency-Key 格式不正确', 'Idempotency-Key must be 1–100 letters, digits or ._:-');
  return key;
}

export function ticketRoutes(app: App, ctx: AppContext): void {
  const detail = async (actorId: Parameters<typeof ticketDetail>[1], id: number) =>
    ticketDetail(ctx.db, actorId, id, await getCalendar(ctx.db), ctx.clock.now());

  app.post('/tickets', {
    config: { access: ['operator', 'dispatcher'] },
    schema: {
      tags: ['tickets'], summary: '受理工单 Register a ticket', description: '可带 Idempotency-Key 头：同一键不会重复建单。',
      body: IntakeBody, response: { 200: IntakeReply, 201: IntakeReply },
    },
  }, async (req, reply) => {
    const r = await intake(ctx, byActor(req.actor!), req.body, idempotencyKey(req.headers['idempotency-key']));
    void reply.status(r.created ? 201 : 200);
    return { ...r.ticket, suggestions: r.suggestions };
  });

  app.get('/tickets', {
    config: { access: 'authenticated' },
    schema: { tags: ['tickets'], summary: '工单列表（游标分页）List tickets', querystring: TicketListQuery, response: { 200: TicketPage } },
  }, async (req) => listTickets(ctx.db, req.actor!, {
    ...req.query, from: req.query.from ? new Date(req.query.from) : undefined, to: req.query.to ? new Date(req.query.to) : undefined,
  }, { cal: await getCalendar(ctx.db), now: ctx.clock.now() }));

  // While the operator types: the same keyword routing intake applies, so the screen shows what will happen.
  app.post('/tickets/suggest', {
    config: { access: ['operator', 'dispatcher'] },
    schema: { tags: ['tickets'], summary: '事项推荐（按关键词）Suggest services for a text', body: SuggestBody, response: { 200: SuggestReply } },
  }, async (req) => {
    const services = await routableServices(ctx.db, ctx.clock.now());
    const names = new Map(services.map((s) => [s.id, s.name]));
    const suggestions = suggestServices(`${req.body.title} ${req.body.description}`, services);
    return { suggestions: suggestions.map((s) => ({ ...s, name: names.get(s.serviceId) ?? '' })), confident: isConfident(suggestions) };
  });

  app.get('/tickets/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['tickets'], summary: '工单全貌：交办、时限、记录、轨迹 One ticket with its whole story', params: IdParams, response: { 200: TicketDetail } },
  }, async (req) => detail(req.actor!, req.params.id));

  /** One verb endpoint per move (STYLE.md 7); each answers with the ticket as it now stands. */
  function move<K extends keyof typeof MoveBodies>(
    path: string, body: K, access: readonly Role[], summary: string,
    run: (actor: NonNullable<Parameters<typeof ticketDetail>[1]>, id: number, b: import('typebox').Static<(typeof MoveBodies)[K]>) => Promise<unknown>,
  ): void {
    app.post(`/tickets/:id/${path}`, {
      config: { access },
      schema: { tags: ['ticket moves'], summary, params: IdParams, body: MoveBodies[body], response: { 200: TicketDetail } },
    }, async (req, _reply: FastifyReply) => {
      const { id } = req.params as { id: number };
      await run(req.actor!, id, req.body as import('typebox').Static<(typeof MoveBodies)[K]>);
      return detail(req.actor!, id);
    });
  }

  move('assign', 'assign', ['dispatcher'], '分类交办（事项、主办、协办）Classify and assign to a lead unit and co-units',
    (a, id, b) => svc.assignTicket(ctx, a, id, b));
  move('acknowledge', 'acknowledge', ['handler'], '签收 Acknowledge', (a, id, b) => svc.acknowledgeTicket(ctx, a, id, b.assignmentId));
  move('note', 'note', ['handler', 'operator', 'dispatcher', 'supervisor'], '办理记录或联系记录 Add a note or a contact log',
    (a, id, b) => svc.addNote(ctx, a, id, { body: b.body, kind: b.kind ?? 'note', contactMethod: b.contactMethod, assignmentId: b.assignmentId }));
  move('pause', 'pause', ['handler'], '挂起时限 Pause the clocks', (a, id, b) => svc.pauseTicket(ctx, a, id, b.reason, b.assignmentId));
  move('resume', 'resume', ['handler'], '恢复计时 Resume the clocks', (a, id, b) => svc.resumeTicket(ctx, a, id, b.assignmentId));
  move('sub-assign', 'subAssign', ['handler'], '交办下级单位 Hand to sub-units', (a, id, b) => svc.subAssignTicket(ctx, a, id, b.unitIds, b.assignmentId));
  move('reply', 'reply', ['handler'], '答复 Reply to the requester', (a, id, b) => svc.replyTicket(ctx, a, id, b.text, b.assignmentId));
  move('rate', 'rate', ['operator', 'dispatcher'], '回访评价（代来电人录入）Record the requester\'s rating',
    (a, id, b) => svc.rateTicket(ctx, byActor(a), id, b));
  move('close', 'close', ['operator', 'dispatcher', 'supervisor'], '办结（直办或回访确认）Close', (a, id, b) => svc.closeTicket(ctx, a, id, b.note));
  move('reject', 'reject', ['dispatcher'], '不予受理 Reject', (a, id, b) => svc.rejectTicket(ctx, a, id, b.reason));
  move('return', 'return', ['handler'], '退单 Return as not this unit\'s business',
    (a, id, b) => svc.returnTicket(ctx, a, id, { reasonCode: b.reasonCode, reason: b.reason, evidence: b.evidence ?? null }, b.assignmentId));
  move('arbitrate', 'arbitrate', ['dispatcher'], '退单裁定（改派或驳回）Decide a return', (a, id, b) => {
    if (b.decision === 'refuse') {
      if (!b.reason) throw new DomainError('VALIDATION_FAILED', undefined, '驳回退单须说明理由', 'a refusal needs a reason');
      return svc.arbitrateReturn(ctx, a, id, { assignmentId: b.assignmentId, decision: 'refuse', reason: b.reason });
    }
    return svc.arbitrateReturn(ctx, a, id, { assignmentId: b.assignmentId, decision: 'accept', leadUnitId: b.leadUnitId, coUnitIds: b.coUnitIds });
  });
  move('extend', 'extend', ['handler'], '申请延期 Ask for an extension', (a, id, b) => svc.requestTicketExtension(ctx, a, id, b.workingDays, b.reason, b.assignmentId));
  move('decide-extension', 'decideExtension', ['supervisor'], '延期审批 Decide an extension',
    (a, id, b) => svc.decideTicketExtension(ctx, a, id, b.extensionId, b.approve, b.note ?? ''));
  move('urge', 'urge', ['supervisor'], '催办 Urge', (a, id, b) => svc.urgeTicket(ctx, a, id, b.message, b.unitIds));
  move('supervise', 'supervise', ['supervisor'], '督办 Put under formal supervision', (a, id, b) => svc.superviseTicket(ctx, a, id, b.message));
  move('reopen', 'reopen', ['dispatcher', 'supervisor'], '重办 Reopen for re-handling', (a, id, b) => svc.reopenTicket(ctx, a, id, b.reason, b.leadUnitId));
  move('merge', 'merge', ['dispatcher'], '合并重复工单 Merge into a main ticket', (a, id, b) => svc.mergeTicket(ctx, a, id, b.mainTicketId));
  ticketReplyCheckRoutes(app, ctx);
}
