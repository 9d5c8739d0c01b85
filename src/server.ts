import fs from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from './app.js';
import { systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { openDatabase, type Database } from './platform/database/connect.js';
import type { App, AppContext } from './platform/http/context.js';
import { sweep } from './clocks/sweep.service.js';
import { ensureCalendarSeeded } from './calendar/calendar.service.js';

export interface RunningServer { app: App; database: Database; ctx: AppContext; address: string; stop(): Promise<void> }

/** Refuse to share a data folder with another live server: it would restart the other's database under it. */
async function claimDataDir(dir: string): Promise<() => Promise<void>> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, 'mashangban.pid');
  const other = Number(await fs.readFile(file, 'utf8').catch(() => ''));
  if (other && other !== process.pid) {
    let alive = true;
    try { process.kill(other, 0); } catch { alive = false; }
    if (alive) throw new Error(`Another Mashangban server (pid ${other}) is using ${dir}. Stop it first, or set MSB_DATA_DIR.`);
  }
  await fs.writeFile(file, String(process.pid));
  return () => fs.rm(file, { force: true });
}

export async function startServer(config: Config, log: (msg: string) => void, hooks: { beforeListen?: (ctx: AppContext) => Promise<void> } = {}): Promise<RunningServer> {
  const release = config.databaseUrl ? async () => {} : await claimDataDir(config.dataDir);
  const database = await openDatabase(config, log);
  const ctx: AppContext = { db: database.db, clock: systemClock, config, databaseKind: database.kind };
  try {
    // A district must never count deadlines on an empty calendar: load the official years the package knows.
    await ensureCalendarSeeded(ctx);
    await hooks.beforeListen?.(ctx);
    const app = await buildApp(ctx, { logger: { level: config.logLevel } });
    await app.listen({ host: config.host, port: config.port });
    const address = `http://localhost:${config.port}`;
    // The interval only wakes the sweep; what is due lives in the clocks table, so a missed tick is caught up.
    let sweeping: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      sweeping = sweep(ctx).catch((err: unknown) => app.log.error({ err }, 'deadline sweep failed'));
    }, config.sweepSeconds * 1000);
    timer.unref();
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= (async () => {
      clearInterval(timer);
      await sweeping;
      await app.close();
      await database.close();
      await release();
    })());
    return { app, database, ctx, address, stop };
  } catch (err) {
    await database.close();
    await release();
    throw err;
  }
}
