import { Type } from 'typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { DomainError } from '../platform/errors.js';
import { IdParams } from '../platform/http/schemas.js';
import { CreateUnitBody, UnitListQuery, UnitReply, UpdateUnitBody } from './unit.schema.js';
import { findUnit, listUnits } from './unit.repository.js';
import { createUnit, updateUnit } from './unit.service.js';

// The organisation chart is not secret among staff: dispatchers pick units, handlers sub-assign to villages.
export function unitRoutes(app: App, ctx: AppContext): void {
  app.get('/units', {
    config: { access: 'authenticated' },
    schema: { tags: ['units'], summary: '单位列表（树按 path 展开）List units', querystring: UnitListQuery, response: { 200: Type.Array(UnitReply) } },
  }, async (req) => {
    const under = req.query.under ? await findUnit(ctx.db, req.query.under) : undefined;
    if (req.query.under && !under) throw new DomainError('UNIT_NOT_FOUND');
    return listUnits(ctx.db, { underPath: under?.path, includeInactive: req.query.includeInactive ?? false });
  });

  app.get('/units/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['units'], summary: '单位详情 One unit', params: IdParams, response: { 200: UnitReply } },
  }, async (req) => {
    const unit = await findUnit(ctx.db, req.params.id);
    if (!unit) throw new DomainError('UNIT_NOT_FOUND');
    return unit;
  });

  app.post('/units', {
    config: { access: ['admin'] },
    schema: { tags: ['units'], summary: '新建单位 Create a unit', body: CreateUnitBody, response: { 201: UnitReply } },
  }, async (req, reply) => {
    void reply.status(201);
    return createUnit(ctx, req.actor, { ...req.body, parentId: req.body.parentId });
  });

  app.patch('/units/:id', {
    config: { access: ['admin'] },
    schema: { tags: ['units'], summary: '修改、移动或停用单位 Update, move or deactivate a unit', params: IdParams, body: UpdateUnitBody, response: { 200: UnitReply } },
  }, async (req) => updateUnit(ctx, req.actor!, req.params.id, req.body));
}
