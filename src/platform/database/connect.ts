import { startBundledServer, type BundledServer } from './bundled.js';
import { createPool, type Db } from './db.js';
import { migrate } from './migrate.js';
import type { Config } from '../config.js';

export interface Database {
  db: Db;
  kind: 'bundled' | 'external';
  url: string;
  /** Where the server's client tools live when bundled (pg_ctl, postgres). */
  bundled: BundledServer | null;
  close(): Promise<void>;
}

/** Open the configured database (starting the bundled server if no DATABASE_URL) and bring its schema up to date. */
export async function openDatabase(config: Config, log: (msg: string) => void = () => {}, options: { migrate?: boolean } = {}): Promise<Database> {
  const bundled = config.databaseUrl ? null : await startBundledServer(config.dataDir, log);
  const url = config.databaseUrl ?? bundled!.url;
  const db = createPool(url);
  try {
    if (options.migrate !== false) {
      const applied = await migrate(db, (m) => log(`Applying migration ${m.version}_${m.name}`));
      if (applied.length) log(`Database schema up to date (${applied.length} migrations applied).`);
    }
  } catch (err) {
    await db.end().catch(() => {});
    await bundled?.stop();
    throw err;
  }
  return {
    db, kind: bundled ? 'bundled' : 'external', url, bundled,
    close: async () => {
      await db.end().catch(() => {});
      await bundled?.stop();
    },
  };
}
