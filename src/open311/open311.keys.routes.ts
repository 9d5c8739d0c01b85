import { Type } from 'typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { DateTime, IdParams, Nullable, Ok } from '../platform/http/schemas.js';
import { listKeys } from './open311.keys.repository.js';
import { createKey, revokeOpen311Key } from './open311.keys.service.js';

const KeyReply = Type.Object({
  id: Type.Integer(), name: Type.String(), createdAt: DateTime, createdBy: Nullable(Type.String({ description: '创建人 Created by' })), revokedAt: Nullable(DateTime),
});
const CreatedKey = Type.Object({ id: Type.Integer(), name: Type.String(), key: Type.String({ description: '仅此一次显示 Shown only once' }), createdAt: DateTime });

/** The api_keys Open311 clients use, under /api/v1: issuing one lets an outside system file tickets. */
export function open311KeyRoutes(app: App, ctx: AppContext): void {
  app.post('/open311/keys', {
    config: { access: ['admin'] },
    schema: {
      tags: ['open311'], summary: '创建 Open311 接入密钥（仅显示一次）Create an Open311 api_key (shown once)',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, description: '接入方名称 Who uses it' }) }, { additionalProperties: false }),
      response: { 201: CreatedKey },
    },
  }, async (req, reply) => {
    void reply.status(201);
    return createKey(ctx, req.actor!, req.body.name.trim());
  });

  app.get('/open311/keys', {
    config: { access: ['admin'] },
    schema: { tags: ['open311'], summary: 'Open311 接入密钥列表 List Open311 api_keys', response: { 200: Type.Array(KeyReply) } },
  }, async () => listKeys(ctx.db));

  app.delete('/open311/keys/:id', {
    config: { access: ['admin'] },
    schema: { tags: ['open311'], summary: '吊销 Open311 接入密钥 Revoke an Open311 api_key', params: IdParams, response: { 200: Ok } },
  }, async (req) => {
    await revokeOpen311Key(ctx, req.actor!, req.params.id);
    return { ok: true };
  });
}
