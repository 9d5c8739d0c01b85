/**
 * Databases and a small district for the benchmarks that need PostgreSQL: the bundled server in a
 * temporary folder, and an external one when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. Each
 * benchmark works in a fresh database of its own, migrated like production, and drops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureCalendarSeeded } from '../src/calendar/calendar.service.js';
import { createService } from '../src/catalogue/service.service.js';
import type { ServiceLimits } from '../src/catalogue/service.js';
import { startBundledServer } from '../src/platform/database/bundled.js';
import { createPool, type Db } from '../src/platform/database/db.js';
import { migrate } from '../src/platform/database/migrate.js';
import type { AppContext } from '../src/platform/http/context.js';
import { createUnit } from '../src/units/unit.service.js';
import { createUser } from '../src/users/user.service.js';

export type DatabaseKind = 'bundled' | 'external';

/** A PostgreSQL server to create scratch databases on. */
export interface BenchServer { kind: DatabaseKind; adminUrl: string; close(): Promise<void> }

export interface ScratchDatabase { name: string; url: string; db: Db; drop(): Promise<void> }

export function externalAdminUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

/** The bundled server, started exactly as the platform starts it, with its data in a temporary folder. */
export async function bundledServer(): Promise<BenchServer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msb-bench-'));
  // As root the server runs as the `postgres` user, which must be able to reach its data folder.
  await fs.chmod(dir, 0o755);
  const server = await startBundledServer(dir);
  return {
    kind: 'bundled',
    adminUrl: server.url,
    close: async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A server that has run a while writes its WAL into old segments it recycles; a new one (the bundled server,
 * started empty for each run) first writes each new 16 MB segment full of zeros while every commit waits. At
 * intake's rate that is a new segment every second and a half, and each put a stall of 60–90 ms into the
 * intake bench's p99. Writing ~320 MB of WAL and checkpointing leaves segments to recycle, so that both
 * servers are measured as they run day to day.
 */
async function warmWal(server: BenchServer): Promise<void> {
  const scratch = await scratchDatabase(server);
  try {
    await scratch.db.query(`CREATE TABLE wal_warm AS SELECT g, repeat('x', 2000) AS pad FROM generate_series(1, 160000) g; DROP TABLE wal_warm; CHECKPOINT`);
  } finally {
    await scratch.drop();
  }
}

/** Every server to measure on: always the bundled one, plus the external one when configured; each with its WAL warm. */
export async function* benchServers(): AsyncGenerator<BenchServer> {
  const bundled = await bundledServer();
  try {
    await warmWal(bundled);
    yield bundled;
  } finally {
    await bundled.close();
  }
  const url = externalAdminUrl();
  if (!url) return;
  const external: BenchServer = { kind: 'external', adminUrl: url, close: async () => {} };
  await warmWal(external);
  yield external;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client(url);
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

/** A fresh database with the platform's migrations applied; `poolMax` as the platform's pool (default 20). */
export async function scratchDatabase(server: BenchServer, poolMax?: number): Promise<ScratchDatabase> {
  const name = `msb_bench_${randomBytes(4).toString('hex')}`;
  await admin(server.adminUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(server.adminUrl, name);
  const db = createPool(url, poolMax);
  await migrate(db);
  return {
    name, url, db,
    drop: async () => {
      await db.end();
      await admin(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export const OPERATOR = { username: 'operator', password: 'bench-pass-1234' };

export const WATER_LIMITS: ServiceLimits = {
  acknowledge: { amount: 2, unit: 'hours' }, firstContact: { amount: 1, unit: 'working_days' },
  resolve: { amount: 5, unit: 'working_days' }, callback: { amount: 2, unit: 'working_days' },
};

export interface BenchDistrict {
  districtId: number;
  waterUnitId: number;
  housingUnitId: number;
  waterService: number;
  housingService: number;
  operatorId: number;
}

/**
 * A small district through the platform's own services (as test/fixtures.ts builds it): the calendar,
 * three units, two services with keywords, and an operator who can register tickets.
 */
export async function seedDistrict(ctx: AppContext): Promise<BenchDistrict> {
  await ensureCalendarSeeded(ctx);
  const district = await createUnit(ctx, null, { code: 'D', name: '示范区', kind: 'district', parentId: null });
  const water = await createUnit(ctx, null, { code: 'D-WATER', name: '区水务局', kind: 'department', parentId: district.id });
  const housing = await createUnit(ctx, null, { code: 'D-HOUSING', name: '区住建局', kind: 'department', parentId: district.id });
  const from = new Date('2025-01-01T00:00:00+08:00');
  const waterService = await createService(ctx, null, {
    code: 'WATER-01', name: '供水问题', groupName: '城市管理', keywords: ['停水', '水压', '自来水'], unitId: water.id,
    limits: WATER_LIMITS, effectiveFrom: from,
  });
  const housingService = await createService(ctx, null, {
    code: 'HOUSING-01', name: '物业管理', groupName: '城市管理', keywords: ['物业', '电梯', '漏水'], unitId: housing.id,
    limits: { acknowledge: { amount: 4, unit: 'hours' }, firstContact: { amount: 2, unit: 'working_days' }, resolve: { amount: 10, unit: 'working_days' } },
    effectiveFrom: from,
  });
  const operator = await createUser(ctx, null, {
    username: OPERATOR.username, displayName: '话务员', unitId: district.id, roles: ['operator'], password: OPERATOR.password,
  });
  return {
    districtId: district.id, waterUnitId: water.id, housingUnitId: housing.id,
    waterService: waterService.id, housingService: housingService.id, operatorId: operator.id,
  };
}

/** Value at quantile q (0..1) of ascending-sorted numbers: the smallest value with at least q of the samples at or below it. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

/** What else the machine was doing: the figures of a shared machine mean little without it. */
export function machineLoad(): string {
  return `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}
