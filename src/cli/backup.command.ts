import fs from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/database/connect.js';
import { migrate } from '../platform/database/migrate.js';
import { backupDatabase, type TableCount } from '../platform/database/backup.js';
import { restoreBackup } from '../platform/database/backup.restore.js';
import { BackupError } from '../platform/database/backup.format.js';
import { withContext } from './shared.js';

const progress = ({ table, rows }: TableCount) => console.log(`  ${table.padEnd(28)} ${String(rows).padStart(9)} rows`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const total = (tables: readonly TableCount[]) => tables.reduce((n, t) => n + t.rows, 0);

/**
 * A restore replaces every table; doing it under a running platform would pull the data from under its
 * users. (A backup is fine: it reads one consistent snapshot, and attaches to the running bundled server.)
 */
async function refuseWhilePlatformRuns(): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) return;
  const pid = Number(await fs.readFile(path.join(config.dataDir, 'mashangban.pid'), 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return;
  }
  throw new BackupError('DATABASE_IN_USE', `平台服务正在运行（pid ${pid}），请先停止服务再恢复`,
    `the platform server (pid ${pid}) is running on ${config.dataDir}: stop it before restoring`);
}

export function backupCommand(): Command {
  return new Command('backup')
    .description('Back up all data to FILE, as SQL in pg_dump\'s plain format (.gz to compress) 备份数据')
    .argument('<file>', 'where to write the backup; a name ending in .gz is gzip-compressed')
    .addHelpText('after', `
备份 (backup): every table of the database, read in one consistent snapshot, written as a pg_dump-style
SQL script (data only). No PostgreSQL client tools are needed. The platform may keep running meanwhile.
The file is readable by its owner only: it holds password hashes and requesters' phone numbers.
An existing FILE is replaced only once the new backup is complete.

Restore with:  mashangban restore FILE
or by hand into an empty database migrated to the same schema version:  psql -f FILE "postgres://…"`)
    .action(async (file: string) => {
      await withContext(async (ctx) => {
        const started = Date.now();
        const target = path.resolve(file);
        console.log(`Backing up to ${target} …`);
        const s = await backupDatabase(ctx.db, target, { now: ctx.clock.now(), onTable: progress });
        console.log(`备份完成 Backup complete: ${total(s.tables)} rows in ${s.tables.length} tables, ${s.sequences} sequences, `
          + `schema version ${s.header.migrationVersion}, ${(s.bytes / 1024 / 1024).toFixed(1)} MB, ${seconds(started)}.`);
      });
    });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('Restore all data from a backup FILE (from mashangban backup) 从备份恢复数据')
    .argument('<file>', 'a backup written by mashangban backup (gzip or not)')
    .option('--force', 'replace the data of a database that already holds some: every table is emptied first')
    .addHelpText('after', `
恢复 (restore): in one transaction, so that either the whole backup is restored or nothing changes.
The database must hold no data (no units) unless --force is given. Its schema is first migrated to
the backup's version, the rows are loaded, then the remaining migrations of this program run.
A backup from a newer version of Mashangban is refused: upgrade first.
Stop the platform (mashangban serve) while restoring.`)
    .action(async (file: string, o: { force?: boolean }) => {
      await fs.access(file); // a mistyped name is told before any database is opened
      await refuseWhilePlatformRuns();
      // Not withContext: it migrates to this program's newest schema before anything else, and a
      // backup of an older schema must be loaded into the schema it was taken from.
      const database = await openDatabase(loadConfig(), (m) => console.error(m), { migrate: false });
      try {
        const started = Date.now();
        console.log(`Restoring ${path.resolve(file)} …`);
        const s = await restoreBackup(database.db, file, { force: o.force ?? false, onTable: progress });
        if (s.migrationsApplied.length) console.log(`  (schema first migrated to the backup's version: ${s.migrationsApplied.join(', ')})`);
        console.log(`恢复完成 Restore complete: ${total(s.tables)} rows in ${s.tables.length} tables, ${s.sequences} sequences, `
          + `backup of ${s.header.createdAt.toISOString()} (schema version ${s.header.migrationVersion}), ${seconds(started)}.`);
        const later = await migrate(database.db, (m) => console.log(`Applying migration ${m.version}_${m.name}`));
        if (later.length) console.log(`Database schema brought up to date (${later.length} migrations applied).`);
      } finally {
        await database.close();
      }
    });
}
