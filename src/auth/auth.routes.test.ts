import { describe, expect, it } from 'vitest';
import { bearer, TEST_PASSWORD, useTestApp } from '../../test/app.js';

describe('sign-in, sessions and API tokens', () => {
  const t = useTestApp();

  it('logs in with a cookie and a bearer token, and refuses wrong passwords with a bilingual error', async () => {
    const district = await t.unit('D1', 'district', null, '示范区');
    await t.user('alice', district, ['admin']);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'alice', password: TEST_PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'msb_session');
    expect(cookie?.httpOnly).toBe(true);
    const { token } = ok.json() as { token: string };

    const viaCookie = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { msb_session: cookie!.value } });
    expect(viaCookie.json()).toMatchObject({ username: 'alice', unitName: '示范区', roles: ['admin'] });
    const viaBearer = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    expect(viaBearer.statusCode).toBe(200);

    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'alice', password: 'nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误', message_en: 'Wrong username or password' });
  });

  it('rate-limits failed logins per account', async () => {
    const unit = await t.unit('D2', 'district', null);
    await t.user('bob', unit, ['operator']);
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bob', password: 'wrong' } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bob', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_RATE_LIMITED');
    t.clock.advance(16 * 60_000);
    const later = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bob', password: TEST_PASSWORD } });
    expect(later.statusCode).toBe(200);
  });

  it('logs out, revoking the token', async () => {
    const unit = await t.unit('D3', 'district', null);
    const { token } = await t.user('carol', unit, ['leader']);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('creates, lists and revokes API tokens, which then stop working', async () => {
    const unit = await t.unit('D4', 'district', null);
    const { token } = await t.user('integrator', unit, ['operator']);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer(token), payload: { name: '12345 对接' } });
    expect(created.statusCode).toBe(201);
    const api = created.json() as { id: number; token: string };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(api.token) })).statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: bearer(token) });
    expect(list.json()).toEqual([expect.objectContaining({ id: api.id, name: '12345 对接' })]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${api.id}`, headers: bearer(token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(api.token) })).statusCode).toBe(401);
  });

  it('takes away access at once: new roles apply to the next call, and a deactivated user is signed out', async () => {
    const unit = await t.unit('D5', 'district', null);
    const admin = await t.user('root5', unit, ['admin']);
    const { id, token } = await t.user('dave', unit, ['leader']);
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    expect((await me()).json()).toMatchObject({ roles: ['leader'] });
    const user = () => t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(admin.token) }).then((r) => (r.json() as Array<{ id: number; version: number }>).find((u) => u.id === id)!);
    const patch = async (body: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: bearer(admin.token), payload: { version: (await user()).version, ...body } });
    expect((await patch({ roles: ['supervisor'] })).statusCode).toBe(200);
    expect((await me()).json()).toMatchObject({ roles: ['supervisor'] });
    expect((await patch({ active: false })).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
  });

  it('answers bad input with 400 and oversized bodies with 413, never 500', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const garbage = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{not json' });
    expect(garbage.statusCode).toBe(400);
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y'.repeat(1_100_000) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('BODY_TOO_LARGE');
  });

  it('reports health with the database kind', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});
