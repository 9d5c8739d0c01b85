/**
 * `mashangban backup FILE`: every row of the database as one SQL script in pg_dump's plain format,
 * data only (backup.format.ts). Written by us rather than by pg_dump: the bundled server ships no
 * pg_dump, and an installed one refuses a server newer than itself. Restore with backup.restore.ts,
 * or with psql.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { one, type Db } from './db.js';
import { loadOrder, readSequences, readTables, type CatalogTable } from './backup.catalog.js';
import {
  BackupError, COPY_END, closing, guard, preamble, sequencesSection, setvalLine, tableSection, type BackupHeader,
} from './backup.format.js';

export interface TableCount { table: string; rows: number }

export interface BackupSummary { header: BackupHeader; tables: TableCount[]; sequences: number; bytes: number }

export interface BackupOptions {
  /** Written into the header as the time of the backup. */
  now: Date;
  /** Called as each table is written, for progress. */
  onTable?: (count: TableCount) => void;
}

/**
 * Write the backup to `file` (gzip when it ends in .gz). One REPEATABLE READ READ ONLY transaction
 * gives one snapshot: the server keeps working, and the file holds the database as it was at one
 * instant. The file appears under its name only when complete, readable by its owner only (it holds
 * password hashes and requesters' phone numbers); an older file of that name stays until then.
 */
export async function backupDatabase(db: Db, file: string, options: BackupOptions): Promise<BackupSummary> {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  const client = await db.connect();
  let broken = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Text that reads back the same on any server: ISO dates, floats with every digit (as pg_dump sets them).
    await client.query("SET LOCAL DateStyle = 'ISO'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3");
    const tables = loadOrder(await readTables(client));
    if (!tables.some((t) => t.ident === 'schema_migrations')) {
      throw new BackupError('BACKUP_INVALID', '数据库中没有马上办的数据表', 'the database holds no Mashangban schema');
    }
    // As pg_dump does: no migration may drop or change a table while it is being read.
    await client.query(`LOCK TABLE ${tables.map((t) => `public.${t.ident}`).join(', ')} IN ACCESS SHARE MODE`);
    const header: BackupHeader = {
      migrationVersion: (await one<{ v: number }>(client, 'SELECT max(version) AS v FROM public.schema_migrations')).v,
      createdAt: options.now,
      serverVersion: (await one<{ server_version: string }>(client, 'SHOW server_version')).server_version,
    };
    const sequences = await readSequences(client);
    const summary: BackupSummary = { header, tables: [], sequences: sequences.length, bytes: 0 };
    const text = Readable.from(dumpText(client, header, tables, sequences, (c) => {
      summary.tables.push(c);
      options.onTable?.(c);
    }));
    const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    broken = true; // until the COPY streams have run to their end, the connection is in no state to reuse
    await (file.endsWith('.gz') ? pipeline(text, createGzip(), out) : pipeline(text, out));
    broken = false;
    await client.query('COMMIT');
    const handle = await fs.open(partial, 'r+');
    try {
      await handle.sync();
      summary.bytes = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    await fs.rename(partial, file);
    return summary;
  } catch (err) {
    if (!broken) await client.query('ROLLBACK').catch(() => {});
    await fs.rm(partial, { force: true });
    throw err;
  } finally {
    client.release(broken);
  }
}

async function* dumpText(
  client: pg.PoolClient, header: BackupHeader, tables: CatalogTable[], sequences: string[], onTable: (c: TableCount) => void,
): AsyncGenerator<string | Buffer> {
  yield preamble(header);
  yield guard(header.migrationVersion, tables);
  for (const t of tables) {
    yield tableSection(t);
    // Rows in key order: two backups of the same data are the same file, less the header.
    const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.join(', ')}` : '';
    const copy = client.query(copyTo(`COPY (SELECT ${t.columns.join(', ')} FROM public.${t.ident}${order}) TO STDOUT`));
    let rows = 0;
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      // In COPY text format a newline inside a value is written \n, so each '\n' ends one row.
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
      yield chunk;
    }
    yield `${COPY_END}\n\n`;
    onTable({ table: t.ident, rows });
  }
  // Sequences stand outside transactions: read after the rows, each is at least where the rows need it.
  yield sequencesSection;
  for (const s of sequences) {
    const seq = await one<{ last_value: string; is_called: boolean }>(client, `SELECT last_value::text, is_called FROM public.${s}`);
    yield setvalLine(s, seq.last_value, seq.is_called);
  }
  yield closing;
}
