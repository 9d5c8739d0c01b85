import { Type } from 'typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { DomainError } from '../platform/errors.js';
import { IdParams, Ok } from '../platform/http/schemas.js';
import { CreateUserBody, PasswordBody, UpdateUserBody, UserListQuery, UserReply } from './user.schema.js';
import { findUser, listUsers } from './user.repository.js';
import { createUser, setPassword, updateUser } from './user.service.js';

export function userRoutes(app: App, ctx: AppContext): void {
  app.get('/users', {
    config: { access: ['admin'] },
    schema: { tags: ['users'], summary: '用户列表 List users', querystring: UserListQuery, response: { 200: Type.Array(UserReply) } },
  }, async (req) => listUsers(ctx.db, req.query));

  app.get('/users/:id', {
    config: { access: ['admin'] },
    schema: { tags: ['users'], summary: '用户详情 One user', params: IdParams, response: { 200: UserReply } },
  }, async (req) => {
    const user = await findUser(ctx.db, req.params.id);
    if (!user) throw new DomainError('USER_NOT_FOUND');
    return user;
  });

  app.post('/users', {
    config: { access: ['admin'] },
    schema: { tags: ['users'], summary: '新建用户 Create a user', body: CreateUserBody, response: { 201: UserReply } },
  }, async (req, reply) => {
    void reply.status(201);
    return createUser(ctx, req.actor, req.body);
  });

  app.patch('/users/:id', {
    config: { access: ['admin'] },
    schema: { tags: ['users'], summary: '修改、停用用户或调整角色 Update a user', params: IdParams, body: UpdateUserBody, response: { 200: UserReply } },
  }, async (req) => updateUser(ctx, req.actor!, req.params.id, req.body));

  app.post('/users/:id/password', {
    config: { access: 'authenticated' },
    schema: { tags: ['users'], summary: '设置密码（管理员或本人）Set a password (admin, or oneself with the current one)', params: IdParams, body: PasswordBody, response: { 200: Ok } },
  }, async (req) => {
    await setPassword(ctx, req.actor!, req.params.id, req.body.password, req.body.currentPassword);
    return { ok: true };
  });
}
