import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.js';
import { fixedClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import type { App, AppContext } from '../src/platform/http/context.js';
import type { Role } from '../src/platform/auth/roles.js';
import { createUnit } from '../src/units/unit.service.js';
import { createUser } from '../src/users/user.service.js';
import type { Unit, UnitKind } from '../src/units/unit.js';
import { hashPassword } from '../src/platform/auth/password.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TEST_PASSWORD = 'test1234';

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: ReturnType<typeof fixedClock>;
  database: TestDatabase;
  unit(code: string, kind: UnitKind, parent: Unit | null, name?: string): Promise<Unit>;
  user(username: string, unit: Unit, roles: Role[]): Promise<{ id: number; token: string }>;
}

/**
 * The real application on a fresh database of the file's own, with a clock the test moves.
 * Call at the top of a describe block; it registers its own setup and teardown.
 */
export function useTestApp(start = new Date('2026-03-02T09:00:00+08:00')): TestApp {
  const t = {} as TestApp;
  let passwordHash = '';
  beforeAll(async () => {
    t.database = await createTestDatabase();
    t.clock = fixedClock(start);
    // A low scrypt cost keeps the suite fast (production: MSB_SCRYPT_COST, default 15); sessions outlast the
    // test clock's jumps of days.
    const config = { ...loadConfig({}), scryptCost: 10, sessionHours: 24 * 365 };
    t.ctx = { db: t.database.db, clock: t.clock, config, databaseKind: t.database.kind };
    t.app = await buildApp(t.ctx);
    passwordHash = await hashPassword(TEST_PASSWORD, 10);
  });
  afterAll(async () => {
    await t.app?.close();
    await t.database?.drop();
  });
  t.unit = (code, kind, parent, name) => createUnit(t.ctx, null, { code, name: name ?? code, kind, parentId: parent?.id ?? null });
  t.user = async (username, unit, roles) => {
    const user = await createUser(t.ctx, null, { username, displayName: username, unitId: unit.id, roles, password: TEST_PASSWORD }, { passwordHash });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.body}`);
    return { id: user.id, token: (res.json() as { token: string }).token };
  };
  return t;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
