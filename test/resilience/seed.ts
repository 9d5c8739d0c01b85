/**
 * One-off set-up for the kill test, run before the first server start with the same MSB_DATA_DIR:
 * creates (or reuses) the bundled database and puts in it a unit, a service with keywords and an
 * operator. Prints the service id and the operator's username as JSON on stdout. Password: MSB_PASSWORD.
 *
 *   MSB_DATA_DIR=… MSB_PASSWORD=… node --import tsx test/resilience/seed.ts
 */
import { ensureCalendarSeeded } from '../../src/calendar/calendar.service.js';
import { createService } from '../../src/catalogue/service.service.js';
import { systemClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/database/connect.js';
import type { AppContext } from '../../src/platform/http/context.js';
import { createUnit } from '../../src/units/unit.service.js';
import { createUser } from '../../src/users/user.service.js';

const OPERATOR = 'kill-operator';

const password = process.env.MSB_PASSWORD;
if (!password) throw new Error('MSB_PASSWORD must be set');
const config = loadConfig();
if (config.databaseUrl) throw new Error('The kill test seeds the bundled database: unset DATABASE_URL');
const database = await openDatabase(config, (m) => process.stderr.write(`${m}\n`));
try {
  const ctx: AppContext = { db: database.db, clock: systemClock, config, databaseKind: database.kind };
  await ensureCalendarSeeded(ctx);
  const district = await createUnit(ctx, null, { code: 'K', name: '示范区', kind: 'district', parentId: null });
  const water = await createUnit(ctx, null, { code: 'K-WATER', name: '区水务局', kind: 'department', parentId: district.id });
  const service = await createService(ctx, null, {
    code: 'WATER-K', name: '供水问题', groupName: '城市管理', keywords: ['停水', '水压', '自来水'], unitId: water.id,
    limits: {
      acknowledge: { amount: 2, unit: 'hours' }, firstContact: { amount: 1, unit: 'working_days' },
      resolve: { amount: 5, unit: 'working_days' }, callback: { amount: 2, unit: 'working_days' },
    },
    effectiveFrom: new Date('2025-01-01T00:00:00+08:00'),
  });
  await createUser(ctx, null, { username: OPERATOR, displayName: '话务员', unitId: district.id, roles: ['operator'], password });
  process.stdout.write(`${JSON.stringify({ serviceId: service.id, username: OPERATOR })}\n`);
} finally {
  await database.close();
}
