import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, useTestApp } from '../../test/app.js';
import { listAuditEvents } from '../audit/audit.repository.js';
import type { Unit } from '../units/unit.js';
import { findServiceAt, findServiceVersion, readVersionsWithUnit } from './service.repository.js';
import { versionsInForce } from './service.js';

const HOUR = 3_600_000;

describe('the service catalogue (事项清单) over HTTP', () => {
  const t = useTestApp();
  let admin: string;
  let operator: string;
  let cgj: Unit;
  let zjj: Unit;

  beforeAll(async () => {
    const district = await t.unit('D', 'district', null, '示范区');
    cgj = await t.unit('CGJ', 'department', district, '城管局');
    zjj = await t.unit('ZJJ', 'department', district, '住建局');
    // API tokens rather than sessions: the tests move the clock past a session's 12 hours.
    const apiToken = async (session: string) => (await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer(session), payload: { name: 'test' } })).json().token as string;
    admin = await apiToken((await t.user('admin', district, ['admin'])).token);
    operator = await apiToken((await t.user('op', district, ['operator'])).token);
  });

  const post = (url: string, payload: object, token = admin) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), payload });
  const get = (url: string, token = operator) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
  const noise = (code: string, over: object = {}) => ({
    code, name: '噪音扰民', groupName: '城市管理', keywords: ['噪音', '扰民'], unitId: cgj.id,
    limits: { acknowledge: { amount: 2, unit: 'hours' }, resolve: { amount: 5, unit: 'working_days' } }, ...over,
  });

  it('creates a service as version 1 in force from now, which any signed-in user finds', async () => {
    const created = await post('/services', noise('CG-001', { description: '夜间施工、商业噪音' }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'CG-001', version: 1, effectiveFrom: t.clock.now().toISOString(), effectiveTo: null, unitName: '城管局', active: true,
      limits: { acknowledge: { amount: 2, unit: 'hours' }, resolve: { amount: 5, unit: 'working_days' } },
    });
    await post('/services', noise('ZJ-001', { name: '物业服务', groupName: '住房保障', keywords: ['物业'], unitId: zjj.id }));

    const all = await get('/services');
    expect(all.statusCode).toBe(200);
    expect(all.json().map((s: { code: string }) => s.code).sort()).toEqual(['CG-001', 'ZJ-001']);
    expect((await get('/services?q=扰民')).json().map((s: { code: string }) => s.code)).toEqual(['CG-001']);
    expect((await get('/services?q=zj-')).json().map((s: { code: string }) => s.code)).toEqual(['ZJ-001']);
    expect((await get('/services?q=%25')).json()).toEqual([]);
    expect((await get(`/services?unitId=${zjj.id}`)).json()).toHaveLength(1);
    expect((await get(`/services?group=${encodeURIComponent('城市管理')}`)).json()).toHaveLength(1);
    expect((await get('/services/groups')).json()).toEqual(expect.arrayContaining([{ name: '城市管理', count: 1 }, { name: '住房保障', count: 1 }]));
  });

  it('keeps the old limits for work accepted before a version change (动态管理)', async () => {
    const v1 = (await post('/services', noise('CG-002'))).json() as { id: number; effectiveFrom: string };
    const acceptedBefore = new Date(t.clock.now().getTime() + HOUR);
    t.clock.advance(2 * HOUR);
    // Scheduled for tomorrow: not in force yet.
    const from = new Date(t.clock.now().getTime() + 24 * HOUR);
    const added = await post(`/services/${v1.id}/versions`, { version: 1, limits: { resolve: { amount: 3, unit: 'working_days' } }, effectiveFrom: from.toISOString() });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ version: 2, effectiveFrom: from.toISOString(), effectiveTo: null, name: '噪音扰民', limits: { resolve: { amount: 3, unit: 'working_days' } } });

    const before = await findServiceAt(t.ctx.db, v1.id, acceptedBefore);
    expect(before).toMatchObject({ version: 1, effectiveTo: from, limits: { acknowledge: { amount: 2, unit: 'hours' }, resolve: { amount: 5, unit: 'working_days' } } });
    expect(await findServiceAt(t.ctx.db, 'CG-002', t.clock.now())).toMatchObject({ version: 1 });
    expect(await findServiceAt(t.ctx.db, 'CG-002', new Date(from.getTime() - 1))).toMatchObject({ version: 1 });
    const after = await findServiceAt(t.ctx.db, 'CG-002', from);
    expect(after).toMatchObject({ version: 2, limits: { resolve: { amount: 3, unit: 'working_days' } } });
    expect(after!.limits.acknowledge).toBeUndefined();
    expect(await findServiceAt(t.ctx.db, v1.id, new Date(new Date(v1.effectiveFrom).getTime() - 1))).toBeUndefined();
    expect(await findServiceAt(t.ctx.db, 'NO-SUCH', from)).toBeUndefined();
    // A batch of intakes reads the versions of its span at once; each moment still takes its own.
    const wanted = [
      { serviceId: v1.id, at: new Date(from.getTime() - 1) }, { serviceId: v1.id, at: from }, { serviceId: v1.id, at: acceptedBefore },
      { serviceId: v1.id, at: new Date(new Date(v1.effectiveFrom).getTime() - 1) }, { serviceId: 999_999, at: from },
    ];
    const read = await readVersionsWithUnit(t.ctx.db, wanted);
    expect([...read.keys()]).toEqual([v1.id, 999_999]);
    expect(read.get(999_999)).toEqual([]);
    const batch = versionsInForce(read, wanted);
    expect(batch.map((f) => f?.service.version)).toEqual([1, 2, 1, undefined, undefined]);
    expect(batch[1]).toMatchObject({ unit: { id: cgj.id, path: cgj.path, active: true } });
    // The exact version a ticket recorded stays readable whatever comes later.
    expect(await findServiceVersion(t.ctx.db, before!.versionId)).toEqual(before);

    const detail = (await get(`/services/${v1.id}`)).json();
    expect(detail.current).toMatchObject({ version: 1 });
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await get('/services?q=CG-002')).json()[0]).toMatchObject({ version: 1 });

    t.clock.set(from);
    expect((await get(`/services/${v1.id}`)).json().current).toMatchObject({ version: 2 });
    expect((await get('/services?q=CG-002')).json()[0]).toMatchObject({ version: 2 });
    expect((await get(`/services?q=CG-002&at=${encodeURIComponent(acceptedBefore.toISOString())}`)).json()[0]).toMatchObject({ version: 1 });
  });

  it('refuses a version starting before the latest one, a stale base version and a change that changes nothing', async () => {
    const s = (await post('/services', noise('CG-003'))).json() as { id: number; effectiveFrom: string };
    const early = await post(`/services/${s.id}/versions`, { version: 1, name: '新名称', effectiveFrom: s.effectiveFrom });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'SERVICE_VERSION_INVALID', message: expect.stringContaining('须晚于第 1 版的生效时间') });
    // Admins may backdate, but only to after the latest version's start.
    const backdated = await post(`/services/${s.id}/versions`, { version: 1, name: '新名称', effectiveFrom: new Date(new Date(s.effectiveFrom).getTime() - 1).toISOString() });
    expect(backdated.json().code).toBe('SERVICE_VERSION_INVALID');
    t.clock.advance(HOUR);
    const v2 = await post(`/services/${s.id}/versions`, { version: 1, name: '新名称', effectiveFrom: new Date(t.clock.now().getTime() - HOUR / 2).toISOString() });
    expect(v2.statusCode).toBe(201);
    const stale = await post(`/services/${s.id}/versions`, { version: 1, name: '又一个名称' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const same = await post(`/services/${s.id}/versions`, { version: 2, name: '新名称' });
    expect(same.statusCode).toBe(422);
    expect(same.json().code).toBe('SERVICE_VERSION_UNCHANGED');
    expect((await post('/services/999999/versions', { version: 1, name: 'x' })).json().code).toBe('SERVICE_NOT_FOUND');
  });

  it('answers bad input with 400 for its shape and 422 for its rules', async () => {
    const zero = await post('/services', noise('CG-010', { limits: { resolve: { amount: 0, unit: 'hours' } } }));
    expect(zero.statusCode).toBe(400);
    expect(zero.json().code).toBe('VALIDATION_FAILED');
    expect((await post('/services', noise('CG-010', { limits: { resolve: { amount: 2, unit: 'weeks' } } }))).statusCode).toBe(400);
    expect((await post('/services', noise('CG 010'))).statusCode).toBe(400);
    expect((await post('/services', noise('CG-010', { extra: 1 }))).statusCode).toBe(400);

    const long = await post('/services', noise('CG-010', { limits: { resolve: { amount: 400, unit: 'working_days' } } }));
    expect(long.statusCode).toBe(422);
    expect(long.json()).toMatchObject({ code: 'SERVICE_LIMITS_INVALID', message: expect.stringContaining('办结时限须为 1 至 365 之间的整数'), details: [{ field: 'limits.resolve' }] });
    const naturalDays = await post('/services', noise('CG-010', { limits: { resolve: { amount: 2, unit: 'working_days', natural: true } } }));
    expect(naturalDays.json().code).toBe('SERVICE_LIMITS_INVALID');

    expect((await post('/services', noise('CG-010', { unitId: 999999 }))).json().code).toBe('UNIT_NOT_FOUND');
    expect((await post('/services', noise('CG-010'))).statusCode).toBe(201);
    const taken = await post('/services', noise('CG-010'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('SERVICE_CODE_TAKEN');
    const missing = await get('/services/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('SERVICE_NOT_FOUND');
  });

  it('lets only admins change the catalogue, and only signed-in users read it', async () => {
    const s = (await post('/services', noise('CG-020'))).json() as { id: number };
    const forbidden = [
      await post('/services', noise('CG-021'), operator),
      await post(`/services/${s.id}/versions`, { version: 1, name: 'x' }, operator),
      await post(`/services/${s.id}/deactivate`, { version: 1 }, operator),
      await get('/catalogue/export.xlsx', operator),
      await t.app.inject({ method: 'POST', url: '/api/v1/catalogue/import', headers: { ...bearer(operator), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: Buffer.from('x') }),
    ];
    expect(forbidden.map((r) => [r.statusCode, r.json().code])).toEqual(Array(5).fill([403, 'FORBIDDEN']));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/services' })).statusCode).toBe(401);
  });

  it('withdraws a service with an inactive version, audited, which new work can see and refuse', async () => {
    const s = (await post('/services', noise('CG-030'))).json() as { id: number };
    t.clock.advance(HOUR);
    const off = await post(`/services/${s.id}/deactivate`, { version: 1 });
    expect(off.statusCode).toBe(201);
    expect(off.json()).toMatchObject({ version: 2, active: false, name: '噪音扰民' });
    expect((await get('/services?q=CG-030')).json()).toEqual([]);
    expect((await get('/services?q=CG-030&includeInactive=true')).json()).toMatchObject([{ active: false }]);
    expect(await findServiceAt(t.ctx.db, s.id, t.clock.now())).toMatchObject({ active: false });
    expect((await post(`/services/${s.id}/deactivate`, { version: 2 })).json().code).toBe('SERVICE_VERSION_UNCHANGED');
    t.clock.advance(HOUR);
    expect((await post(`/services/${s.id}/versions`, { version: 2, active: true })).statusCode).toBe(201);
    const events = await listAuditEvents(t.ctx.db, 'service', s.id);
    expect(events.map((e) => e.action)).toEqual(['service_created', 'service_deactivated', 'service_version_added']);
    expect(events[1]).toMatchObject({ actor_name: 'admin', before: { version: 1, active: true }, after: { version: 2, active: false } });
  });

  it('publishes its routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/v1/services', '/api/v1/services/{id}', '/api/v1/services/{id}/versions', '/api/v1/services/groups',
      '/api/v1/catalogue/export.xlsx', '/api/v1/catalogue/import',
    ]));
  });
});
