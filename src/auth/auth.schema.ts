import { Type, type Static } from 'typebox';
import { ROLES, type Role } from '../platform/auth/roles.js';

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

export const LoginReply = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });

export const RoleSchema = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES] });

export const MeReply = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  roles: Type.Array(RoleSchema),
});

export const CreateTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false });

export const CreatedToken = Type.Object({ id: Type.Integer(), token: Type.String() });

export const ApiToken = Type.Object({
  id: Type.Integer(),
  name: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
