import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { citizen, useDistrict } from '../../../test/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { withDatabase } from '../../../test/global-setup.js';
import { intake, type IntakeInput } from '../../tickets/ticket.intake.service.js';
import { byLabel } from '../../tickets/ticket.persist.js';
import { createUnit } from '../../units/unit.service.js';
import { createPool, one, rows, type Db } from './db.js';
import { backupDatabase } from './backup.js';
import { restoreBackup } from './backup.restore.js';
import { BackupError } from './backup.format.js';

const run = promisify(execFile);
const request: IntakeInput = { ...citizen, channel: 'hotline' };
const PSQL = process.env.PSQL ?? '/usr/bin/psql';

/** Every table's row count and a digest of its rows, and every sequence's position: equal means restored. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(db, "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  const sequences = await rows<{ name: string }>(db, "SELECT quote_ident(sequencename) AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const r = await one<{ n: number; digest: string }>(db,
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM public.${name} t`);
    out[name] = `${r.n} rows ${r.digest}`;
  }
  for (const { name } of sequences) {
    const s = await one<{ v: string; c: boolean }>(db, `SELECT last_value::text AS v, is_called AS c FROM public.${name}`);
    out[name] = `${s.v} ${s.c}`;
  }
  return out;
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'restored', (err: unknown) => (err instanceof BackupError ? err.code : String(err)));

describe('backup and restore (real databases)', () => {
  const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));
  const dir = path.join(os.tmpdir(), `msb-backup-${randomBytes(4).toString('hex')}`);
  const file = path.join(dir, 'backup.sql');
  let source: Record<string, string>;
  let target: TestDatabase;
  const extra: TestDatabase[] = [];

  beforeAll(async () => {
    await fs.mkdir(dir, { recursive: true });
    const ctx = d.t.ctx;
    const first = await intake(ctx, byLabel('public'), { ...request, channel: 'web' });
    await intake(ctx, byLabel('public'), { ...request, serviceId: d.waterService });
    const newer = await intake(ctx, byLabel('public'), { ...request, title: '换行\n制表\t反斜杠\\ 与 NULL 字样 \\N' });
    // Rows pointing at later rows of their own table: a unit moved under a newer unit, a ticket merged into a newer one.
    const late = await createUnit(ctx, null, { code: 'LATE', name: '新设单位', kind: 'other', parentId: d.units.district.id });
    await ctx.db.query('UPDATE units SET parent_id = $1 WHERE id = $2', [late.id, d.units.otherVillage.id]);
    await ctx.db.query("UPDATE tickets SET merged_into_id = $1, status = 'merged' WHERE id = $2", [newer.ticket.id, first.ticket.id]);
    await ctx.db.query(`INSERT INTO attachments (ticket_id, filename, content_type, size, data, uploaded_at)
      VALUES ($1, '照片.jpg', 'image/jpeg', 256, $2, now())`, [first.ticket.id, Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
    source = await fingerprint(ctx.db);
    target = await createTestDatabase();
  });
  afterAll(async () => {
    await target?.drop();
    for (const db of extra) await db.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('backs up every table in one file and restores it into a fresh database, row for row, sequences included', async () => {
    const progress: string[] = [];
    const backup = await backupDatabase(d.t.ctx.db, file, { now: new Date('2026-03-02T02:00:00Z'), onTable: (c) => progress.push(c.table) });
    expect(progress[0]).toBe('schema_migrations');
    expect(progress.indexOf('units')).toBeLessThan(progress.indexOf('tickets'));
    expect(backup.tables.find((t) => t.table === 'tickets')?.rows).toBe(3);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const text = await fs.readFile(file, 'utf8');
    expect(text).toMatch(/^--\n-- PostgreSQL database dump\n--\n-- Mashangban \(马上办\) backup\n-- Schema migration version: \d+\n/);
    expect(text).toContain("SET standard_conforming_strings = on;\n");
    expect(text).toMatch(/SELECT pg_catalog\.setval\('public\.ticket_tracking_seq', \d+, true\);/);

    const restored = await restoreBackup(target.db, file);
    expect(restored.tables.map((t) => t.table)).toEqual(progress);
    expect(await fingerprint(target.db)).toEqual(source);

    // Identity columns and the tracking-code sequence continue after the restored rows.
    const maxId = (await one<{ m: number }>(target.db, 'SELECT max(id) AS m FROM tickets')).m;
    const next = await intake({ ...d.t.ctx, db: target.db }, byLabel('public'), request);
    expect(next.ticket.id).toBeGreaterThan(maxId);
    expect((await one<{ n: number }>(target.db, 'SELECT count(*) AS n FROM tickets WHERE tracking_code = $1', [next.ticket.trackingCode])).n).toBe(1);
  });

  it('refuses a database that holds data, and with --force replaces all of it', async () => {
    const before = await fingerprint(target.db);
    expect(await codeOf(restoreBackup(target.db, file))).toBe('DATABASE_NOT_EMPTY');
    expect(await fingerprint(target.db)).toEqual(before);
    await restoreBackup(target.db, file, { force: true });
    expect(await fingerprint(target.db)).toEqual(source);
  });

  it('restores all or nothing: a file cut short changes nothing, even with --force', async () => {
    await intake({ ...d.t.ctx, db: target.db }, byLabel('public'), request);
    const before = await fingerprint(target.db);
    const text = await fs.readFile(file, 'utf8');
    const cut = path.join(dir, 'cut.sql');
    for (const end of [text.indexOf('\\.\n', text.indexOf('COPY public.tickets')) - 10, text.indexOf('COMMIT;')]) {
      await fs.writeFile(cut, text.slice(0, end));
      expect(await codeOf(restoreBackup(target.db, cut, { force: true }))).toBe('BACKUP_INVALID');
      expect(await fingerprint(target.db)).toEqual(before);
    }
  });

  it('refuses a backup from a newer version of the program, and one older than the database schema', async () => {
    const text = await fs.readFile(file, 'utf8');
    const version = Number(/Schema migration version: (\d+)/.exec(text)![1]);
    const edited = path.join(dir, 'edited.sql');
    await fs.writeFile(edited, text.replace(`Schema migration version: ${version}`, `Schema migration version: ${version + 1}`));
    expect(await codeOf(restoreBackup(target.db, edited, { force: true }))).toBe('BACKUP_TOO_NEW');
    await fs.writeFile(edited, text.replace(`Schema migration version: ${version}`, `Schema migration version: ${version - 1}`));
    expect(await codeOf(restoreBackup(target.db, edited, { force: true }))).toBe('BACKUP_SCHEMA_MISMATCH');
  });

  it('writes gzip for a .gz name and reads it back', async () => {
    const gz = path.join(dir, 'backup.sql.gz');
    await backupDatabase(d.t.ctx.db, gz, { now: new Date() });
    const head = Buffer.alloc(2);
    const h = await fs.open(gz, 'r');
    await h.read(head, 0, 2, 0);
    await h.close();
    expect([...head]).toEqual([0x1f, 0x8b]);
    await restoreBackup(target.db, gz, { force: true });
    expect(await fingerprint(target.db)).toEqual(source);
  });

  it('restores into a database with no schema at all, migrating it to the backup\'s version in the same transaction', async () => {
    const { adminUrl, prefix } = inject('testDb');
    const name = `${prefix}_empty_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
    const db = createPool(withDatabase(adminUrl, name), 2);
    extra.push({ db, url: '', kind: 'bundled', drop: () => db.end() }); // the run's teardown drops databases of its prefix
    const restored = await restoreBackup(db, file);
    expect(restored.migrationsApplied.length).toBeGreaterThan(0);
    expect(await fingerprint(db)).toEqual(source);
  });

  it.skipIf(!existsSync(PSQL))('restores by hand with psql -f into a freshly migrated database, and psql refuses a second time', async () => {
    const fresh = await createTestDatabase();
    extra.push(fresh);
    await run(PSQL, ['-X', '-q', '-f', file, fresh.url]);
    expect(await fingerprint(fresh.db)).toEqual(source);
    const again = await run(PSQL, ['-X', '-q', '-f', file, fresh.url]).then(() => 'ran', (err: { stderr?: string }) => err.stderr ?? 'failed');
    expect(again).toContain('already holds data');
    expect(await fingerprint(fresh.db)).toEqual(source);
  });
});
