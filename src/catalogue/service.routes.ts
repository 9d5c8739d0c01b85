import { Type, type Static } from 'typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { DomainError } from '../platform/errors.js';
import { IdParams, iso } from '../platform/http/schemas.js';
import type { ServiceVersion } from './service.js';
import { versionAt } from './service.rules.js';
import {
  AddVersionBody, CreateServiceBody, DeactivateBody, GroupsReply, ServiceDetailReply, ServiceListQuery, ServiceVersionReply,
} from './service.schema.js';
import { listCatalogue, listGroups, listServiceVersions } from './service.repository.js';
import { addServiceVersion, createService, deactivateService } from './service.service.js';

export function presentVersion(v: ServiceVersion): Static<typeof ServiceVersionReply> {
  return { ...v, effectiveFrom: v.effectiveFrom.toISOString(), effectiveTo: iso(v.effectiveTo) };
}

const instant = (text: string | undefined): Date | undefined => (text === undefined ? undefined : new Date(text));

// The catalogue is not secret among staff: operators pick a service for every ticket they take.
// Changing it changes what units are measured against, so only admins write.
export function serviceRoutes(app: App, ctx: AppContext): void {
  app.get('/services', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['catalogue'], summary: '事项清单（当前生效版本）List the catalogue in force', querystring: ServiceListQuery,
      response: { 200: Type.Array(ServiceVersionReply) },
    },
  }, async (req) => {
    const { group, unitId, q, includeInactive, at } = req.query;
    const list = await listCatalogue(ctx.db, { at: instant(at) ?? ctx.clock.now(), group, unitId, text: q, includeInactive });
    return list.map(presentVersion);
  });

  app.get('/services/groups', {
    config: { access: 'authenticated' },
    schema: { tags: ['catalogue'], summary: '事项分组 Groups of the catalogue in force', response: { 200: GroupsReply } },
  }, async () => listGroups(ctx.db, ctx.clock.now()));

  app.get('/services/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['catalogue'], summary: '事项详情：当前版本与全部版本 One service: the version in force and all versions', params: IdParams, response: { 200: ServiceDetailReply } },
  }, async (req) => {
    const versions = await listServiceVersions(ctx.db, req.params.id);
    if (versions.length === 0) throw new DomainError('SERVICE_NOT_FOUND');
    const current = versionAt(versions, ctx.clock.now());
    return { current: current ? presentVersion(current) : null, versions: versions.map(presentVersion) };
  });

  app.post('/services', {
    config: { access: ['admin'] },
    schema: { tags: ['catalogue'], summary: '新增事项（第 1 版）Create a service (version 1)', body: CreateServiceBody, response: { 201: ServiceVersionReply } },
  }, async (req, reply) => {
    void reply.status(201);
    return presentVersion(await createService(ctx, req.actor, { ...req.body, effectiveFrom: instant(req.body.effectiveFrom) }));
  });

  app.post('/services/:id/versions', {
    config: { access: ['admin'] },
    schema: {
      tags: ['catalogue'], summary: '新增事项版本（动态管理，自生效时间起适用）Add a version, in force from its instant',
      params: IdParams, body: AddVersionBody, response: { 201: ServiceVersionReply },
    },
  }, async (req, reply) => {
    const added = await addServiceVersion(ctx, req.actor!, req.params.id, { ...req.body, effectiveFrom: instant(req.body.effectiveFrom) });
    void reply.status(201);
    return presentVersion(added);
  });

  app.post('/services/:id/deactivate', {
    config: { access: ['admin'] },
    schema: { tags: ['catalogue'], summary: '停用事项（新增停用版本）Withdraw a service (a version with active = false)', params: IdParams, body: DeactivateBody, response: { 201: ServiceVersionReply } },
  }, async (req, reply) => {
    const added = await deactivateService(ctx, req.actor!, req.params.id, { version: req.body.version, effectiveFrom: instant(req.body.effectiveFrom) });
    void reply.status(201);
    return presentVersion(added);
  });
}
