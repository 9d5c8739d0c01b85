import type { App, AppContext } from '../platform/http/context.js';
import { IdParams } from '../platform/http/schemas.js';
import { ReplyCheckBody, ReplyCheckReply } from './ticket.reply-check.schema.js';
import { checkTicketReply } from './ticket.reply-check.service.js';

// Asked on every pause in the handler's typing; not a move, so nothing is written.
export function ticketReplyCheckRoutes(app: App, ctx: AppContext): void {
  app.post('/tickets/:id/reply-check', {
    config: { access: ['handler'] },
    schema: {
      tags: ['ticket moves'], summary: '答复质量提示（答非所问、套话、无措施、无时限）Check a draft reply',
      description: '仅作提示，不影响答复提交。', params: IdParams, body: ReplyCheckBody, response: { 200: ReplyCheckReply },
    },
  }, async (req) => {
    const { flags, relevance, inquiry } = await checkTicketReply(ctx, req.actor!, req.params.id, req.body.reply);
    return { flags, relevance, inquiry };
  });
}
