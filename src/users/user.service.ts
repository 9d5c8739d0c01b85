import { withTransaction } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor, Role } from '../platform/auth/roles.js';
import { hashPassword, isStrongEnough, verifyPassword } from '../platform/auth/password.js';
import { revokeToken } from '../auth/auth.repository.js';
import { forgetSessions } from '../auth/auth.cache.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUnit } from '../units/unit.repository.js';
import type { User } from './user.js';
import * as repo from './user.repository.js';

export interface CreateUser { username: string; displayName: string; unitId: number; roles: Role[]; password: string; phone?: string | null }

export async function createUser(ctx: AppContext, actor: Actor | null, input: CreateUser, options: { passwordHash?: string } = {}): Promise<User> {
  if (!options.passwordHash && !isStrongEnough(input.password)) throw new DomainError('PASSWORD_TOO_WEAK');
  const passwordHash = options.passwordHash ?? await hashPassword(input.password, ctx.config.scryptCost);
  const now = ctx.clock.now();
  const id = await withTransaction(ctx.db, async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    if (!unit || !unit.active) throw new DomainError('UNIT_NOT_FOUND');
    const userId = await repo.insertUser(tx, { username: input.username, displayName: input.displayName, unitId: input.unitId, roles: [...new Set(input.roles)], passwordHash, phone: input.phone ?? null });
    await recordAudit(tx, { at: now, actorId: actor?.userId ?? null, actorLabel: actor ? null : 'system', entityType: 'user', entityId: userId, action: 'user_created', after: { username: input.username, unitId: input.unitId, roles: input.roles } });
    return userId;
  });
  return (await repo.findUser(ctx.db, id))!;
}

export interface UpdateUser { version: number; displayName?: string; unitId?: number; roles?: Role[]; phone?: string | null; active?: boolean }

export async function updateUser(ctx: AppContext, actor: Actor, id: number, input: UpdateUser): Promise<User> {
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const before = await repo.findUser(tx, id);
    if (!before) throw new DomainError('USER_NOT_FOUND');
    if (input.unitId !== undefined && input.unitId !== before.unitId) {
      const unit = await findUnit(tx, input.unitId);
      if (!unit || !unit.active) throw new DomainError('UNIT_NOT_FOUND');
    }
    const changes = {
      displayName: input.displayName ?? before.displayName, unitId: input.unitId ?? before.unitId,
      roles: input.roles ? [...new Set(input.roles)] : before.roles, phone: input.phone === undefined ? before.phone : input.phone,
      active: input.active ?? before.active,
    };
    if (!(await repo.updateUser(tx, id, input.version, changes))) throw new DomainError('VERSION_CONFLICT');
    // A deactivated user is signed out everywhere at once.
    if (!changes.active) await revokeToken(tx, { userId: id }, now);
    await recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'user', entityId: id, action: 'user_updated', before, after: changes });
  });
  // Roles, unit or access may have changed: the next call looks the user up again.
  forgetSessions();
  return (await repo.findUser(ctx.db, id))!;
}

/** An admin resets anyone's password; a user changes their own by giving the current one. */
export async function setPassword(ctx: AppContext, actor: Actor, id: number, password: string, currentPassword?: string): Promise<void> {
  if (!isStrongEnough(password)) throw new DomainError('PASSWORD_TOO_WEAK');
  const isSelf = actor.userId === id;
  if (!isSelf && !actor.roles.includes('admin')) throw new DomainError('USER_NOT_FOUND');
  if (isSelf && !actor.roles.includes('admin')) {
    const stored = await repo.findPasswordHash(ctx.db, id);
    if (!stored || currentPassword === undefined || !(await verifyPassword(currentPassword, stored))) throw new DomainError('LOGIN_FAILED');
  }
  const hash = await hashPassword(password, ctx.config.scryptCost);
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    if (!(await repo.findUser(tx, id))) throw new DomainError('USER_NOT_FOUND');
    await repo.setPasswordHash(tx, id, hash);
    await recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'user', entityId: id, action: 'password_changed' });
  });
}
