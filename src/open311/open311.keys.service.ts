/** The api_keys Open311 clients submit requests with: created by admins, shown once, stored as a hash. */
import { withTransaction } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { Actor } from '../platform/auth/roles.js';
import { hashToken, newToken } from '../platform/auth/tokens.js';
import type { AppContext } from '../platform/http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findActiveKey, insertKey, insertKeyOnce, revokeKey } from './open311.keys.repository.js';

const ENTITY = 'open311_key';

export async function createKey(ctx: AppContext, actor: Actor, name: string): Promise<{ id: number; name: string; key: string; createdAt: Date }> {
  const now = ctx.clock.now();
  const { token, hash } = newToken();
  const id = await withTransaction(ctx.db, async (tx) => {
    const keyId = await insertKey(tx, { name, hash, at: now, by: actor.userId });
    await recordAudit(tx, { at: now, actorId: actor.userId, entityType: ENTITY, entityId: keyId, action: 'open311_key_created', data: { name } });
    return keyId;
  });
  return { id, name, key: token, createdAt: now };
}

export async function revokeOpen311Key(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const revoked = await revokeKey(tx, id, now);
    if (!revoked) throw new DomainError('OPEN311_KEY_NOT_FOUND');
    if (revoked.wasActive) {
      await recordAudit(tx, { at: now, actorId: actor.userId, entityType: ENTITY, entityId: id, action: 'open311_key_revoked', data: { name: revoked.name } });
    }
  });
}

/** The key a request presents, if it is one we issued and have not revoked. */
export async function keyFor(ctx: AppContext, apiKey: string | undefined): Promise<{ id: number; name: string } | undefined> {
  return apiKey ? findActiveKey(ctx.db, hashToken(apiKey)) : undefined;
}

/** DEMO ONLY: a published, guessable key so that the demo can be tried with any Open311 client. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';

/**
 * DEMO ONLY — called by the demo seeder, never in production set-up: creates the key named 'demo' with
 * the literal value `demo-open311-key`. Idempotent; a revoked demo key stays revoked.
 */
export async function ensureDemoOpen311Key(ctx: AppContext): Promise<void> {
  await insertKeyOnce(ctx.db, { name: 'demo', hash: hashToken(DEMO_OPEN311_KEY), at: ctx.clock.now() });
}
