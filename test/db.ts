import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPool, type Db } from '../src/platform/database/db.js';
import { withDatabase } from './global-setup.js';

export interface TestDatabase { db: Db; url: string; kind: 'bundled' | 'external'; drop(): Promise<void> }

/** A fresh, migrated database of this test file's own, copied from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, template, prefix, kind } = inject('testDb');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const db = createPool(url, 10);
  return {
    db, url, kind,
    drop: async () => {
      await db.end();
      const c = new pg.Client(adminUrl);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    },
  };
}
