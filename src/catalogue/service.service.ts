import { withTransaction, type Tx } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUnit } from '../units/unit.repository.js';
import type { ServiceContent, ServiceLimits, ServiceVersion } from './service.js';
import {
  checkEffectiveFrom, contentOf, contentProblems, normaliseKeywords, normaliseLimits, sameContent, throwIfProblems,
} from './service.rules.js';
import * as repo from './service.repository.js';

export interface CreateService {
  code: string; name: string; groupName: string; description?: string; keywords?: string[]; unitId: number;
  limits: ServiceLimits;
  /** Default: now. */
  effectiveFrom?: Date;
}

const actorOf = (actor: Actor | null) => ({ actorId: actor?.userId ?? null, actorLabel: actor ? null : 'system' });

async function checkUnit(tx: Tx, unitId: number): Promise<void> {
  const unit = await findUnit(tx, unitId);
  if (!unit || !unit.active) throw new DomainError('UNIT_NOT_FOUND');
}

function normalise(c: ServiceContent): ServiceContent {
  return { ...c, name: c.name.trim(), groupName: c.groupName.trim(), description: c.description.trim(), keywords: normaliseKeywords(c.keywords), limits: normaliseLimits(c.limits) };
}

export async function createService(ctx: AppContext, actor: Actor | null, input: CreateService): Promise<ServiceVersion> {
  const now = ctx.clock.now();
  const content = normalise({
    name: input.name, groupName: input.groupName, description: input.description ?? '', keywords: input.keywords ?? [],
    unitId: input.unitId, limits: input.limits, active: true,
  });
  throwIfProblems(contentProblems(content));
  const effectiveFrom = input.effectiveFrom ?? now;
  checkEffectiveFrom(undefined, effectiveFrom);
  return withTransaction(ctx.db, async (tx) => {
    await checkUnit(tx, content.unitId);
    return saveNewService(tx, actor, input.code, content, effectiveFrom, now);
  });
}

/** Insert a service with its first version, audited. Shared by the API and the spreadsheet import. */
export async function saveNewService(tx: Tx, actor: Actor | null, code: string, content: ServiceContent, effectiveFrom: Date, now: Date, data?: unknown): Promise<ServiceVersion> {
  const serviceId = await repo.insertService(tx, code, now);
  const versionId = await repo.insertVersion(tx, { serviceId, version: 1, effectiveFrom, content, createdAt: now, createdBy: actor?.userId ?? null });
  const created = (await repo.findServiceVersion(tx, versionId))!;
  await recordAudit(tx, { at: now, ...actorOf(actor), entityType: 'service', entityId: serviceId, action: 'service_created', after: created, data });
  return created;
}

/** Append a version after `latest` (checked against the chain), audited. The caller holds the service lock. */
export async function saveNextVersion(
  tx: Tx, actor: Actor | null, latest: ServiceVersion, content: ServiceContent, effectiveFrom: Date, now: Date, data?: unknown,
): Promise<ServiceVersion> {
  checkEffectiveFrom(latest, effectiveFrom);
  const versionId = await repo.insertVersion(tx, {
    serviceId: latest.id, version: latest.version + 1, effectiveFrom, content, createdAt: now, createdBy: actor?.userId ?? null,
  });
  const added = (await repo.findServiceVersion(tx, versionId))!;
  const action = content.active || !latest.active ? 'service_version_added' : 'service_deactivated';
  await recordAudit(tx, { at: now, ...actorOf(actor), entityType: 'service', entityId: latest.id, action, before: latest, after: added, data });
  return added;
}

export interface AddVersion {
  /** The latest version the change is based on: another admin's version in between is a conflict, not an overwrite. */
  version: number;
  name?: string; groupName?: string; description?: string; keywords?: string[]; unitId?: number;
  /** Replaces the whole set: a limit left out means the service no longer has that clock. */
  limits?: ServiceLimits;
  active?: boolean;
  /** Default: now. Earlier instants are allowed if after the latest version's start. */
  effectiveFrom?: Date;
}

/** 动态管理: change a service from an instant on; work accepted before keeps the version it took. */
export async function addServiceVersion(ctx: AppContext, actor: Actor, serviceId: number, input: AddVersion): Promise<ServiceVersion> {
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    if (!(await repo.lockService(tx, serviceId))) throw new DomainError('SERVICE_NOT_FOUND');
    const latest = (await repo.listServiceVersions(tx, serviceId)).at(-1)!;
    if (latest.version !== input.version) throw new DomainError('VERSION_CONFLICT', { latest: latest.version });
    const base = contentOf(latest);
    const content = normalise({
      name: input.name ?? base.name, groupName: input.groupName ?? base.groupName, description: input.description ?? base.description,
      keywords: input.keywords ?? base.keywords, unitId: input.unitId ?? base.unitId, limits: input.limits ?? base.limits,
      active: input.active ?? base.active,
    });
    throwIfProblems(contentProblems(content));
    if (sameContent(base, content)) throw new DomainError('SERVICE_VERSION_UNCHANGED');
    // A service may keep pointing at a unit deactivated since; moving it there is refused.
    if (content.unitId !== base.unitId) await checkUnit(tx, content.unitId);
    return saveNextVersion(tx, actor, latest, content, input.effectiveFrom ?? now, now);
  });
}

/** Withdraw a service from an instant on (default now): a version with active = false, so history stays. */
export async function deactivateService(ctx: AppContext, actor: Actor, serviceId: number, input: { version: number; effectiveFrom?: Date }): Promise<ServiceVersion> {
  return addServiceVersion(ctx, actor, serviceId, { version: input.version, active: false, effectiveFrom: input.effectiveFrom });
}
