/**
 * Role × route × expected status, for every route the application registers. The table is built from the
 * routes themselves, so a new route is covered the moment it exists; its declared access is checked
 * against what the server really answers for an anonymous caller and for a user of each role.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type RouteAccess } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { systemClock } from '../src/platform/clock.js';
import { createPool } from '../src/platform/database/db.js';
import { ROLES, type Role } from '../src/platform/auth/roles.js';
import type { App } from '../src/platform/http/context.js';
import { bearer } from './app.js';
import { useDistrict } from './fixtures.js';

// Registering routes touches no database: a pool that never connects is enough to list them.
const routes: RouteAccess[] = [];
const listing = await buildApp({ db: createPool('postgres://nobody@127.0.0.1:1/none', 1), clock: systemClock, config: loadConfig({}), databaseKind: 'external' }, { onRoute: (r) => routes.push(r) });
await listing.close();
const guarded = routes.filter((r) => r.url.startsWith('/api/v1') && r.access !== 'public' && r.method !== 'HEAD');

const allowed = (r: RouteAccess, role: Role) => r.access === 'authenticated' || (Array.isArray(r.access) && r.access.includes(role));

/** A concrete URL for a route pattern: ids that exist nowhere, dates and years that parse. */
function concrete(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'date') return '2026-01-01';
    if (name === 'year') return '2026';
    if (name === 'trackingCode') return 'MSB20260101-999999';
    return '999999';
  });
}

// Signing out would end the session the rest of the table uses, and the event stream never ends by design:
// these are checked for anonymous callers here, and by their own tests for signed-in ones.
const SELF_ENDING = new Set(['POST /api/v1/auth/logout', 'GET /api/v1/events']);

const d = useDistrict();
let app: App;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  app = await buildApp(d.t.ctx);
  for (const role of ROLES) tokens[role] = (await d.t.user(`role-${role}`, d.units.town, [role])).token;
});

async function statusOf(route: RouteAccess, token: string | null): Promise<number> {
  const res = await app.inject({
    method: route.method as 'GET', url: concrete(route.url), headers: token ? bearer(token) : {},
    ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
  });
  return res.statusCode;
}

describe('every route answers anonymous callers with 401 and each role as its access says', () => {
  it('lists a meaningful surface', () => {
    expect(guarded.length).toBeGreaterThan(40);
  });

  for (const route of guarded) {
    const name = `${route.method} ${route.url}`;
    const table = ROLES.map((role) => `${role}:${allowed(route, role) ? 'ok' : 403}`).join(' ');
    it(`${name} → anonymous:401 ${table}`, async () => {
      expect(await statusOf(route, null)).toBe(401);
      if (SELF_ENDING.has(name)) return;
      for (const role of ROLES) {
        const status = await statusOf(route, tokens[role]);
        if (allowed(route, role)) expect([401, 403, 500], `${role} on ${name}`).not.toContain(status);
        else expect(status, `${role} on ${name}`).toBe(403);
      }
    });
  }
});

describe('record-level authorisation', () => {
  it('a handler of one town cannot open, list or act on another town\'s ticket', async () => {
    const created = await d.call('operator', 'POST', '/api/v1/tickets', {
      title: '路灯不亮', description: '东湖镇湖东村村口路灯不亮', channel: 'hotline', requesterName: '李先生', requesterPhone: '13900002222', location: '湖东村村口',
    });
    await d.call('dispatcher', 'POST', `/api/v1/tickets/${created.body.id}/assign`, { leadUnitId: d.units.otherTown.id, serviceId: d.consultService });
    expect((await d.call('otherTown', 'GET', `/api/v1/tickets/${created.body.id}`)).status).toBe(200);
    const other = await d.call('town', 'GET', `/api/v1/tickets/${created.body.id}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('TICKET_NOT_FOUND');
    const list = await d.call('town', 'GET', '/api/v1/tickets?limit=200');
    expect(list.body.items.map((t: { id: number }) => t.id)).not.toContain(created.body.id);
    expect((await d.call('town', 'POST', `/api/v1/tickets/${created.body.id}/note`, { body: 'x' })).status).toBe(404);
  });
});
