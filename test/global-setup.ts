import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startBundledServer } from '../src/platform/database/bundled.js';
import { createPool } from '../src/platform/database/db.js';
import { migrate } from '../src/platform/database/migrate.js';

export interface TestDbInfo { adminUrl: string; template: string; prefix: string; kind: 'bundled' | 'external' }

declare module 'vitest' {
  export interface ProvidedContext { testDb: TestDbInfo }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client(url);
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

/**
 * One database server per test run (the bundled one, or TEST_DATABASE_URL with MSB_TEST_TARGET=external),
 * one migrated template database, and from it a fresh database per test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.MSB_TEST_TARGET === 'external';
  const prefix = `msb_t${randomBytes(4).toString('hex')}`;
  let dir: string | undefined;
  let stop: (() => Promise<void>) | undefined;
  let adminUrl: string;
  if (external) {
    if (!process.env.TEST_DATABASE_URL) throw new Error('MSB_TEST_TARGET=external needs TEST_DATABASE_URL');
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msb-test-'));
    await fs.chmod(dir, 0o755);
    const server = await startBundledServer(dir);
    adminUrl = server.url;
    stop = server.stop;
  }
  const template = `${prefix}_template`;
  await admin(adminUrl, `CREATE DATABASE ${template}`);
  const pool = createPool(withDatabase(adminUrl, template), 2);
  await migrate(pool);
  await pool.end();
  project.provide('testDb', { adminUrl, template, prefix, kind: external ? 'external' : 'bundled' });

  return async () => {
    const c = new pg.Client(adminUrl);
    await c.connect();
    const dbs = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of dbs.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await c.end();
    await stop?.();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  };
}

export { withDatabase };
