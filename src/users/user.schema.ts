import { Type } from 'typebox';
import { Nullable } from '../platform/http/schemas.js';
import { RoleSchema } from '../auth/auth.schema.js';

export const UserReply = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  roles: Type.Array(RoleSchema),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
});

export const UserListQuery = Type.Object({
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  role: Type.Optional(RoleSchema),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  includeInactive: Type.Optional(Type.Boolean()),
});

export const CreateUserBody = Type.Object({
  username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
  displayName: Type.String({ minLength: 1, maxLength: 50 }),
  unitId: Type.Integer({ minimum: 1 }),
  roles: Type.Array(RoleSchema, { minItems: 1 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
}, { additionalProperties: false });

export const UpdateUserBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1 })),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const PasswordBody = Type.Object({
  password: Type.String({ minLength: 1, maxLength: 200 }),
  currentPassword: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });
