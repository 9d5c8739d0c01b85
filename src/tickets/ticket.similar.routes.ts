/** 疑似重复与相关工单: open tickets like the one being registered, or like a given ticket. */
import type { App, AppContext } from '../platform/http/context.js';
import { DomainError } from '../platform/errors.js';
import { IdParams } from '../platform/http/schemas.js';
import { getCalendar } from '../calendar/calendar.service.js';
import { canReadTicket } from './ticket.policy.js';
import { loadSnapshot } from './ticket.repository.js';
import { similarTickets, ticketAsInput } from './ticket.similar.service.js';
import { SimilarBody, SimilarQuery, SimilarReply } from './ticket.similar.schema.js';

const tags = ['tickets'];

export function ticketSimilarRoutes(app: App, ctx: AppContext): void {
  app.post('/tickets/similar', {
    config: { access: ['operator', 'dispatcher', 'supervisor'] },
    schema: {
      tags, summary: '疑似重复工单（受理时边输边查）Open tickets like a text being registered',
      description: '按诉求内容与地点找在办工单：duplicate 为 true 表示同一地点的同一问题，宜合并。',
      body: SimilarBody, response: { 200: SimilarReply },
    },
  }, async (req) => {
    const { limit = 5, ...input } = req.body;
    return { items: await similarTickets(ctx.db, req.actor!, input, { limit, cal: await getCalendar(ctx.db), now: ctx.clock.now() }) };
  });

  app.get('/tickets/:id/similar', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '与本工单相似的在办工单 Open tickets like this one', params: IdParams, querystring: SimilarQuery, response: { 200: SimilarReply } },
  }, async (req) => {
    // The ticket itself must be the actor's to read; a forbidden one answers like a missing one.
    const snap = await loadSnapshot(ctx.db, req.params.id, false);
    const input = snap && canReadTicket(req.actor!, snap.assignments) ? await ticketAsInput(ctx.db, req.params.id) : null;
    if (!input) throw new DomainError('TICKET_NOT_FOUND');
    const opts = { limit: req.query.limit ?? 5, excludeIds: [req.params.id], cal: await getCalendar(ctx.db), now: ctx.clock.now() };
    return { items: await similarTickets(ctx.db, req.actor!, input, opts) };
  });
}
