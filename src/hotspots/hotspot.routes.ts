/** 溯源分析: hotspots of a period, turning one into a proactive case, and the case behind a proactive ticket. */
import type { App, AppContext } from '../platform/http/context.js';
import { DomainError } from '../platform/errors.js';
import { IdParams } from '../platform/http/schemas.js';
import { getCalendar } from '../calendar/calendar.service.js';
import { canReadTicket } from '../tickets/ticket.policy.js';
import { listTickets } from '../tickets/ticket.query.js';
import { loadSnapshot } from '../tickets/ticket.repository.js';
import { caseOfTicket } from './hotspot.repository.js';
import { createProactiveCase, listHotspots } from './hotspot.service.js';
import { CaseBody, CaseReply, HotspotQuery, HotspotReport, TicketHotspot } from './hotspot.schema.js';

const tags = ['hotspots'];

export function hotspotRoutes(app: App, ctx: AppContext): void {
  app.get('/hotspots', {
    // Handlers see the hotspots among their own unit's tickets (the service scopes them).
    config: { access: ['admin', 'dispatcher', 'supervisor', 'leader', 'handler'] },
    schema: {
      tags, summary: '热点问题（溯源分析）：同一地点的同一问题，按规模、增长与群众反应排序 Hotspots of a period',
      description: '默认最近 30 天。单位用户只分析本单位及下级经办的工单。',
      querystring: HotspotQuery, response: { 200: HotspotReport },
    },
  }, async (req) => listHotspots(ctx, req.actor!, {
    days: req.query.days,
    from: req.query.from ? new Date(req.query.from) : undefined, to: req.query.to ? new Date(req.query.to) : undefined, limit: req.query.limit,
  }));

  app.post('/hotspots/cases', {
    config: { access: ['dispatcher', 'supervisor'] },
    schema: { tags, summary: '热点转为未诉先办工单 Open a proactive case for a hotspot', body: CaseBody, response: { 201: CaseReply } },
  }, async (req, reply) => {
    const b = req.body;
    const created = await createProactiveCase(ctx, req.actor!, { ...b, from: new Date(b.from), to: new Date(b.to) });
    void reply.status(201);
    return created;
  });

  app.get('/tickets/:id/hotspot', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '未诉先办工单所针对的热点及其工单 The hotspot a proactive ticket answers for', params: IdParams, response: { 200: TicketHotspot } },
  }, async (req) => {
    const snap = await loadSnapshot(ctx.db, req.params.id, false);
    if (!snap || !canReadTicket(req.actor!, snap.assignments)) throw new DomainError('TICKET_NOT_FOUND');
    const c = await caseOfTicket(ctx.db, req.params.id);
    if (!c) return { case: null };
    const { items } = await listTickets(ctx.db, req.actor!, { ids: c.member_ids, limit: 50 }, { cal: await getCalendar(ctx.db), now: ctx.clock.now() });
    return { case: { name: c.name, place: c.place, keywords: c.keywords, from: c.period_from, to: c.period_to, size: c.member_ids.length, tickets: items } };
  });
}
