import { DomainError } from '../platform/errors.js';
import { withTransaction } from '../platform/database/db.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { verifyPassword } from '../platform/auth/password.js';
import { hashToken, newToken } from '../platform/auth/tokens.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './auth.repository.js';
import { forgetSessions } from './auth.cache.js';

// Failed-login limits: 5 per account, 20 per address, in a sliding 15 minutes (brute force, not typos).
const WINDOW_MS = 15 * 60 * 1000;
const MAX_PER_USER = 5;
const MAX_PER_IP = 20;
// A scrypt run against a throwaway hash so an unknown username costs as much time as a wrong password.
const DUMMY_HASH = 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function login(ctx: AppContext, username: string, password: string, ip: string): Promise<{ token: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  const failures = await repo.countRecentFailures(ctx.db, username, ip, new Date(now.getTime() - WINDOW_MS));
  if (failures.byUser >= MAX_PER_USER || failures.byIp >= MAX_PER_IP) throw new DomainError('LOGIN_RATE_LIMITED');

  const user = await repo.findLoginUser(ctx.db, username);
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !user.active || !ok) {
    await repo.recordFailure(ctx.db, username, ip, now);
    throw new DomainError('LOGIN_FAILED');
  }
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
  await withTransaction(ctx.db, async (tx) => {
    const id = await repo.insertToken(tx, { userId: user.id, kind: 'session', hash, name: null, expiresAt, now });
    await recordAudit(tx, { at: now, actorId: user.id, entityType: 'user', entityId: user.id, action: 'login', data: { ip, tokenId: id } });
  });
  await repo.clearFailures(ctx.db, username);
  return { token, expiresAt };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await repo.revokeToken(ctx.db, { hash: hashToken(token) }, ctx.clock.now());
  forgetSessions();
}

/** Long-lived tokens for integrations, shown once at creation. */
export async function createApiToken(ctx: AppContext, actor: Actor, name: string, expiresAt: Date | null): Promise<{ id: number; token: string }> {
  const now = ctx.clock.now();
  const { token, hash } = newToken();
  const id = await withTransaction(ctx.db, async (tx) => {
    const tokenId = await repo.insertToken(tx, { userId: actor.userId, kind: 'api', hash, name, expiresAt, now });
    await recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'user', entityId: actor.userId, action: 'api_token_created', data: { tokenId, name } });
    return tokenId;
  });
  return { id, token };
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, tokenId: number): Promise<void> {
  const n = await repo.revokeToken(ctx.db, { id: tokenId, userId: actor.userId }, ctx.clock.now());
  forgetSessions();
  if (n === 0) throw new DomainError('TOKEN_NOT_FOUND');
}
