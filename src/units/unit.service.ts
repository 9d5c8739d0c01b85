import { withTransaction } from '../platform/database/db.js';
import { forgetSessions } from '../auth/auth.cache.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Unit, UnitKind } from './unit.js';
import { checkDeactivate, checkNewParent } from './unit.rules.js';
import * as repo from './unit.repository.js';

export interface CreateUnit { code: string; name: string; kind: UnitKind; parentId: number | null; phone?: string | null; sortOrder?: number }

export async function createUnit(ctx: AppContext, actor: Actor | null, input: CreateUnit): Promise<Unit> {
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    const parent = input.parentId === null ? null : await repo.findUnit(tx, input.parentId);
    if (input.parentId !== null && !parent) throw new DomainError('UNIT_PARENT_INVALID', undefined, '上级单位不存在', 'the parent unit does not exist');
    checkNewParent(null, parent ?? null);
    const unit = await repo.insertUnit(tx, { code: input.code, name: input.name, kind: input.kind, parent: parent ?? null, phone: input.phone ?? null, sortOrder: input.sortOrder ?? 0 });
    await recordAudit(tx, { at: now, actorId: actor?.userId ?? null, actorLabel: actor ? null : 'system', entityType: 'unit', entityId: unit.id, action: 'unit_created', after: unit });
    return unit;
  });
}

export interface UpdateUnit { version: number; name?: string; kind?: UnitKind; phone?: string | null; sortOrder?: number; active?: boolean; parentId?: number | null }

export async function updateUnit(ctx: AppContext, actor: Actor, id: number, input: UpdateUnit): Promise<Unit> {
  const now = ctx.clock.now();
  const updated = await withTransaction(ctx.db, async (tx) => {
    const before = await repo.findUnit(tx, id, true);
    if (!before) throw new DomainError('UNIT_NOT_FOUND');
    if (before.version !== input.version) throw new DomainError('VERSION_CONFLICT');
    if (input.active === false && before.active) checkDeactivate(await repo.countActiveChildren(tx, id));
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      const parent = input.parentId === null ? null : await repo.findUnit(tx, input.parentId);
      if (input.parentId !== null && !parent) throw new DomainError('UNIT_PARENT_INVALID', undefined, '上级单位不存在', 'the parent unit does not exist');
      checkNewParent(before, parent ?? null);
      await repo.moveUnit(tx, before, parent ?? null);
    }
    const after = await repo.updateUnit(tx, id, input.version, {
      name: input.name ?? before.name, kind: input.kind ?? before.kind, phone: input.phone === undefined ? before.phone : input.phone,
      sortOrder: input.sortOrder ?? before.sortOrder, active: input.active ?? before.active,
    });
    await recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'unit', entityId: id, action: 'unit_updated', before, after });
    return after;
  });
  // A moved unit moves its people's subtrees: the next call looks them up again.
  forgetSessions();
  return updated;
}
