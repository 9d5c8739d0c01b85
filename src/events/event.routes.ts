import type { App, AppContext } from '../platform/http/context.js';
import { inActorSubtree } from '../platform/auth/roles.js';
import { seesAllTickets } from '../tickets/ticket.policy.js';
import type { EventBus, LiveEvent } from './event.bus.js';

// Proxies drop idle connections after a minute or so; a comment line every 25 s keeps the stream open.
const HEARTBEAT_MS = 25_000;

export function eventRoutes(bus: EventBus) {
  return (app: App, _ctx: AppContext): void => {
    app.get('/events', {
      config: { access: 'authenticated' },
      schema: { tags: ['events'], summary: '实时事件流（SSE）：工单与时限变化 Live updates (server-sent events)' },
    }, (req, reply) => {
      const actor = req.actor!;
      const visible = (e: LiveEvent) => seesAllTickets(actor) || e.unitPaths.some((p) => inActorSubtree(actor, p));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 3000\n\n');
      const unsubscribe = bus.subscribe((e) => {
        if (visible(e)) res.write(`event: ${e.type}\ndata: ${JSON.stringify({ id: e.id, action: e.action, status: e.status, at: e.at })}\n\n`);
      });
      const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      req.raw.on('close', () => {
        clearInterval(beat);
        unsubscribe();
      });
    });
  };
}
