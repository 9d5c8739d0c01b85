import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../platform/errors.js';
import type { AppContext, Access } from '../platform/http/context.js';
import { hashToken } from '../platform/auth/tokens.js';
import { findActorByTokenHash, touchToken } from './auth.repository.js';
import { rememberedActor, touched } from './auth.cache.js';

export const SESSION_COOKIE = 'msb_session';
// Writing last_used_at on every request would turn every read into a write; a minute's precision is enough.
const TOUCH_EVERY_MS = 60_000;

export function bearerOrCookie(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return req.cookies?.[SESSION_COOKIE] || undefined;
}

/** onRequest hook: who is calling, and may they call this route at all. Before the body is even parsed. */
export function authenticate(ctx: AppContext) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    req.actor = null;
    const access: Access | undefined = req.routeOptions.config.access;
    const token = bearerOrCookie(req);
    if (token) {
      const now = ctx.clock.now();
      const hash = hashToken(token);
      const found = await rememberedActor(hash, now, () => findActorByTokenHash(ctx.db, hash, now));
      if (found) {
        req.actor = found.actor;
        if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
          await touchToken(ctx.db, found.tokenId, now);
          touched(hash, now);
        }
      }
    }
    // Routes outside the API (static files, 404s) carry no access declaration and need none.
    if (access === undefined || access === 'public') return;
    if (!req.actor) throw new DomainError('UNAUTHENTICATED');
    if (access === 'authenticated') return;
    const actor = req.actor;
    if (!access.some((role) => actor.roles.includes(role))) throw new DomainError('FORBIDDEN');
  };
}
