import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../test/app.js';
import { useDistrict } from '../../test/fixtures.js';
import { authenticate } from '../auth/auth.hook.js';
import { handleError } from '../platform/http/errors.http.js';
import type { App } from '../platform/http/context.js';
import { forgetTextModels } from './text.service.js';
import { textRoutes } from './text.routes.js';

// The text routes on the district's database, behind the same authentication as the application.
// (Mounted here on their own until src/routes.ts lists textRoutes with the other features.)
describe('text intelligence routes', () => {
  const d = useDistrict();
  let app: App;

  beforeAll(async () => {
    forgetTextModels();
    const server = Fastify({ ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } } }).withTypeProvider<TypeBoxTypeProvider>();
    server.decorateRequest('actor', null);
    server.setErrorHandler(handleError);
    await server.register(cookie);
    await server.register(async (api) => {
      const typed = api.withTypeProvider<TypeBoxTypeProvider>();
      typed.addHook('onRequest', authenticate(d.t.ctx));
      textRoutes(typed, d.t.ctx);
    }, { prefix: '/api/v1' });
    app = server as unknown as App;
    await app.ready();
  });
  afterAll(async () => { await app?.close(); });

  const call = async (user: keyof typeof d.tokens, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) => {
    const res = await app.inject({ method, url: `/api/v1${url}`, payload, headers: bearer(d.tokens[user]) });
    return { status: res.statusCode, body: res.json() };
  };

  it('lets the admin read and set the auto-assign threshold, within bounds', async () => {
    expect(await call('admin', 'GET', '/text/settings')).toMatchObject({ status: 200, body: { autoAssignThreshold: 0.9, isDefault: true } });
    expect(await call('admin', 'PUT', '/text/settings', { autoAssignThreshold: 0.95 })).toMatchObject({ status: 200, body: { autoAssignThreshold: 0.95, isDefault: false } });
    expect((await call('admin', 'PUT', '/text/settings', { autoAssignThreshold: 1.5 })).status).toBe(400);
    expect((await call('dispatcher', 'PUT', '/text/settings', { autoAssignThreshold: 0.6 })).status).toBe(403);
    expect(await call('dispatcher', 'GET', '/text/settings')).toMatchObject({ status: 200, body: { autoAssignThreshold: 0.95 } });
  });

  it('reports acceptance and the model in service (none yet)', async () => {
    const r = await call('leader', 'GET', '/text/metrics');
    expect(r).toMatchObject({ status: 200, body: { model: null, autoAssignThreshold: 0.95, acceptance: { suggested: 0, acceptanceRate: null } } });
    expect((await call('water', 'GET', '/text/metrics')).status).toBe(403);
  });

  it('suggests with reasons: before any model, the catalogue keywords', async () => {
    const r = await call('operator', 'POST', '/text/classify', { title: '停水', description: '小区停水，自来水水压低' });
    expect(r).toMatchObject({ status: 200, body: { source: 'keywords', modelVersion: null, autoAssign: true } });
    expect(r.body.suggestions[0]).toMatchObject({ serviceId: d.waterService, name: '供水问题', confidence: null, reasons: ['停水', '水压', '自来水'] });
  });
});
