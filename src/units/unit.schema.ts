import { Type } from 'typebox';
import { Nullable } from '../platform/http/schemas.js';
import { UNIT_KINDS, type UnitKind } from './unit.js';

export const UnitKindSchema = Type.Unsafe<UnitKind>({ type: 'string', enum: [...UNIT_KINDS], description: '单位类型' });

export const UnitReply = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: UnitKindSchema,
  parentId: Nullable(Type.Integer()),
  path: Type.String(),
  depth: Type.Integer(),
  active: Type.Boolean(),
  phone: Nullable(Type.String()),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
}, { $id: 'Unit' });

export const UnitListQuery = Type.Object({
  under: Type.Optional(Type.Integer({ minimum: 1, description: '只列出该单位及其下级' })),
  includeInactive: Type.Optional(Type.Boolean()),
});

export const CreateUnitBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  kind: UnitKindSchema,
  parentId: Nullable(Type.Integer({ minimum: 1 })),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  sortOrder: Type.Optional(Type.Integer()),
}, { additionalProperties: false });

export const UpdateUnitBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: '乐观锁版本号 Expected version' }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  kind: Type.Optional(UnitKindSchema),
  parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  sortOrder: Type.Optional(Type.Integer()),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
