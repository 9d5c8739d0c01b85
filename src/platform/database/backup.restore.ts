/**
 * `mashangban restore FILE`: a backup (backup.ts) loaded in one transaction, so that either all of
 * it is restored or nothing is. The same file also restores by hand (psql -f FILE) into an empty
 * database migrated to the backup's schema version; this reader understands only the lines a backup
 * is made of (backup.format.ts) and runs none of its text as SQL but the settings pg_dump writes.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { maybeOne, rows, type Db } from './db.js';
import { loadMigrations, type Migration } from './migrate.js';
import { readSequences, readTables } from './backup.catalog.js';
import { BackupError, COPY_END, GUARD_END, classify, readHeaderLine, type BackupHeader } from './backup.format.js';
import { openLines, type LineReader } from './backup.lines.js';
import type { TableCount } from './backup.js';

export interface RestoreOptions {
  /** Replace the data of a database that already has some (units). */
  force?: boolean;
  onTable?: (count: TableCount) => void;
}

export interface RestoreSummary { header: BackupHeader; tables: TableCount[]; sequences: number; migrationsApplied: string[] }

// migrate.ts's lock: a server starting meanwhile must not migrate the schema under the restore.
const MIGRATION_LOCK = 724_0601;
const BATCH_CHARS = 1 << 16;

const invalid = (zh: string, en: string) => new BackupError('BACKUP_INVALID', zh, en);

export async function restoreBackup(db: Db, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const lines = await openLines(file);
  try {
    const { header, first } = await readHeader(lines);
    const migrations = await loadMigrations();
    const known = migrations[migrations.length - 1]?.version ?? 0;
    if (header.migrationVersion > known) {
      throw new BackupError('BACKUP_TOO_NEW', `备份来自更新的版本（数据库结构版本 ${header.migrationVersion}，本程序只到 ${known}），请先升级马上办`,
        `the backup is of schema version ${header.migrationVersion}, newer than this program's ${known}: upgrade Mashangban first`);
    }
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const summary = await restoreInto(client, header, first, lines, migrations, options);
      await client.query('COMMIT');
      return summary;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      // Never back to the pool: the file's session settings (an empty search_path) must not reach other work.
      client.release(true);
    }
  } finally {
    lines.close();
  }
}

async function readHeader(lines: LineReader): Promise<{ header: BackupHeader; first: string | undefined }> {
  const found: Partial<BackupHeader> & { marked?: boolean } = {};
  let line = await lines.next();
  while (line !== undefined && (line === '' || line.startsWith('--'))) {
    readHeaderLine(line, found);
    line = await lines.next();
  }
  const { migrationVersion, createdAt, serverVersion } = found;
  if (!found.marked || migrationVersion === undefined || !createdAt || serverVersion === undefined) {
    throw invalid('不是马上办的备份文件（缺少文件头）', 'not a Mashangban backup (no header)');
  }
  return { header: { migrationVersion, createdAt, serverVersion }, first: line };
}

async function restoreInto(
  client: pg.PoolClient, header: BackupHeader, first: string | undefined, lines: LineReader, migrations: Migration[], options: RestoreOptions,
): Promise<RestoreSummary> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  const migrationsApplied = await prepareSchema(client, header.migrationVersion, migrations, options.force ?? false);
  const summary: RestoreSummary = { header, tables: [], sequences: 0, migrationsApplied };
  let complete = false;
  for (let line = first; line !== undefined; line = await lines.next()) {
    const c = classify(line);
    if (!c || (complete && c.kind !== 'skip')) {
      throw invalid(`第 ${lines.lineNo} 行不是备份文件应有的内容`, `line ${lines.lineNo} is not part of a Mashangban backup`);
    }
    switch (c.kind) {
      case 'skip': break;
      case 'end': complete = true; break;
      case 'guard': await skipGuard(lines); break;
      case 'set':
      case 'clear_migrations': await client.query(c.sql); break;
      case 'copy': {
        const count = { table: c.table, rows: await copyIn(client, c.sql, lines) };
        summary.tables.push(count);
        options.onTable?.(count);
        break;
      }
      case 'setval':
        await client.query('SELECT pg_catalog.setval($1::regclass, $2::bigint, $3)', [c.sequence, c.value, c.isCalled]);
        summary.sequences++;
        break;
    }
  }
  if (!complete) throw invalid('备份文件不完整（缺少结尾标记），可能在写入时中断', 'the backup file is incomplete (no end mark): it was cut short');
  const restored = await maybeOne<{ v: number | null }>(client, 'SELECT max(version) AS v FROM public.schema_migrations');
  if (restored?.v !== header.migrationVersion) {
    throw invalid(`备份中的迁移记录（${restored?.v ?? '无'}）与文件头（${header.migrationVersion}）不符`,
      `the backup's migration rows (${restored?.v ?? 'none'}) disagree with its header (${header.migrationVersion})`);
  }
  return summary;
}

/**
 * Empty the database and bring its schema to the backup's version. Without units no one's work is
 * lost: what a start writes by itself (the calendar from the package, settings) gives way to the
 * backup's. A schema newer than the backup is refused: migrations only go forward.
 */
async function prepareSchema(client: pg.PoolClient, version: number, migrations: Migration[], force: boolean): Promise<string[]> {
  const tables = await readTables(client);
  const hasMigrations = tables.some((t) => t.ident === 'schema_migrations');
  const applied = new Set(hasMigrations ? (await rows<{ version: number }>(client, 'SELECT version FROM public.schema_migrations')).map((r) => r.version) : []);
  const newest = Math.max(0, ...applied);
  if (newest > version) {
    throw new BackupError('BACKUP_SCHEMA_MISMATCH', `数据库结构（版本 ${newest}）比备份（版本 ${version}）新，请恢复到一个新的空数据库`,
      `the database's schema (version ${newest}) is newer than the backup's (${version}): restore into a new, empty database`);
  }
  if (tables.some((t) => t.ident === 'units') && (await maybeOne(client, 'SELECT 1 FROM public.units LIMIT 1')) && !force) {
    throw new BackupError('DATABASE_NOT_EMPTY', '目标数据库已有数据；如确需用备份替换全部数据，请加 --force',
      'the database already holds data; to replace all of it with the backup, add --force');
  }
  const toEmpty = tables.filter((t) => t.ident !== 'schema_migrations').map((t) => `public.${t.ident}`);
  if (toEmpty.length > 0) await client.query(`TRUNCATE TABLE ${toEmpty.join(', ')}`);
  if (!hasMigrations) {
    await client.query(`CREATE TABLE schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  }
  const done: string[] = [];
  for (const m of migrations) {
    if (m.version > version || applied.has(m.version)) continue;
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    done.push(`${m.version}_${m.name}`);
  }
  // setval is never rolled back, but a sequence restarted in this transaction is new storage that is:
  // a restore that fails after its setval lines leaves every sequence where it was, not at the backup's
  // values below rows that are still there.
  for (const s of await readSequences(client)) await client.query(`ALTER SEQUENCE public.${s} RESTART`);
  return done;
}

async function skipGuard(lines: LineReader): Promise<void> {
  for (let line = await lines.next(); line !== GUARD_END; line = await lines.next()) {
    if (line === undefined) throw invalid('备份文件在检查段中结束', 'the backup ends inside its guard block');
  }
}

/** One table's rows, streamed from the file into COPY … FROM STDIN in batches. Returns the row count. */
async function copyIn(client: pg.PoolClient, sql: string, lines: LineReader): Promise<number> {
  async function* data(): AsyncGenerator<Buffer> {
    let batch: string[] = [];
    let size = 0;
    for (let line = await lines.next(); line !== COPY_END; line = await lines.next()) {
      if (line === undefined) throw invalid('备份文件在数据中途结束，可能在写入时中断', 'the backup ends in the middle of a table: it was cut short');
      batch.push(line, '\n');
      size += line.length + 1;
      if (size >= BATCH_CHARS) {
        yield Buffer.from(batch.join(''));
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) yield Buffer.from(batch.join(''));
  }
  const copy = client.query(copyFrom(sql));
  await pipeline(Readable.from(data()), copy);
  return copy.rowCount;
}
