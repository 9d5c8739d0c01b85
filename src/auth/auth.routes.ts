import type { App, AppContext } from '../platform/http/context.js';
import { DomainError } from '../platform/errors.js';
import { IdParams, Ok, iso } from '../platform/http/schemas.js';
import { maybeOne } from '../platform/database/db.js';
import { Type } from 'typebox';
import * as auth from './auth.service.js';
import { listApiTokens } from './auth.repository.js';
import { ApiToken, CreatedToken, CreateTokenBody, LoginBody, LoginReply, MeReply } from './auth.schema.js';
import { SESSION_COOKIE, bearerOrCookie } from './auth.hook.js';

export function authRoutes(app: App, ctx: AppContext): void {
  app.post('/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: '登录 Sign in', body: LoginBody, response: { 200: LoginReply } },
  }, async (req, reply) => {
    const { token, expiresAt } = await auth.login(ctx, req.body.username, req.body.password, req.ip);
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, path: '/', expires: expiresAt,
    });
    return { token, expiresAt: expiresAt.toISOString() };
  });

  app.post('/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '退出登录 Sign out', response: { 200: Ok } },
  }, async (req, reply) => {
    const token = bearerOrCookie(req);
    if (token) await auth.logout(ctx, token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '当前用户 The signed-in user', response: { 200: MeReply } },
  }, async (req) => {
    const actor = req.actor!;
    const unit = await maybeOne<{ name: string }>(ctx.db, 'SELECT name FROM units WHERE id = $1', [actor.unitId]);
    return { id: actor.userId, username: actor.username, displayName: actor.displayName, unitId: actor.unitId, unitName: unit?.name ?? '', roles: [...actor.roles] };
  });

  app.get('/auth/tokens', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '我的 API 令牌 My API tokens', response: { 200: Type.Array(ApiToken) } },
  }, async (req) => (await listApiTokens(ctx.db, req.actor!.userId)).map((t) => ({
    id: t.id, name: t.name, createdAt: t.created_at.toISOString(), expiresAt: iso(t.expires_at), lastUsedAt: iso(t.last_used_at),
  })));

  app.post('/auth/tokens', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '创建 API 令牌（仅显示一次）Create an API token (shown once)', body: CreateTokenBody, response: { 201: CreatedToken } },
  }, async (req, reply) => {
    const expiresAt = req.body.expiresAt ? new Date(req.body.expiresAt) : null;
    if (expiresAt && expiresAt <= ctx.clock.now()) throw new DomainError('VALIDATION_FAILED', undefined, '过期时间须晚于现在', 'expiresAt must be in the future');
    void reply.status(201);
    return auth.createApiToken(ctx, req.actor!, req.body.name, expiresAt);
  });

  app.delete('/auth/tokens/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '吊销 API 令牌 Revoke an API token', params: IdParams, response: { 200: Ok } },
  }, async (req) => {
    await auth.revokeApiToken(ctx, req.actor!, req.params.id);
    return { ok: true };
  });
}
