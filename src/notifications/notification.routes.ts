import { Type } from 'typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { DateTime, Nullable } from '../platform/http/schemas.js';
import { countUnread, listNotifications, markRead } from './notification.repository.js';

const NotificationSchema = Type.Object({
  id: Type.Integer(), kind: Type.String(), workType: Type.String(), workId: Type.Integer(), message: Type.String(),
  createdAt: DateTime, readAt: Nullable(DateTime), unitName: Nullable(Type.String()), trackingCode: Nullable(Type.String()),
});

export function notificationRoutes(app: App, ctx: AppContext): void {
  app.get('/notifications', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['notifications'], summary: '我的消息（本单位的交办、催办、预警、超时）My notifications',
      querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
      response: { 200: Type.Object({ unread: Type.Integer(), items: Type.Array(NotificationSchema) }) },
    },
  }, async (req) => ({
    unread: await countUnread(ctx.db, req.actor!),
    items: await listNotifications(ctx.db, req.actor!, req.query.unread ?? false, req.query.limit ?? 50),
  }));

  app.post('/notifications/read', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['notifications'], summary: '标记已读 Mark as read',
      body: Type.Object({ ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ marked: Type.Integer() }) },
    },
  }, async (req) => ({ marked: await markRead(ctx.db, req.actor!, req.body.ids ?? 'all', ctx.clock.now()) }));
}
