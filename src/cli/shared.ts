import { loadConfig } from '../platform/config.js';
import { systemClock } from '../platform/clock.js';
import { openDatabase } from '../platform/database/connect.js';
import type { AppContext } from '../platform/http/context.js';
import { DomainError, ERRORS } from '../platform/errors.js';

/** Open the configured database, run `fn` with a context, and always close (stopping the bundled server). */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>, log: (m: string) => void = (m) => console.error(m)): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, log);
  try {
    return await fn({ db: database.db, clock: systemClock, config, databaseKind: database.kind });
  } finally {
    await database.close();
  }
}

/** A domain refusal printed for a person at a terminal, in both languages. */
export function explain(err: unknown): string {
  if (err instanceof DomainError) return `${err.code}: ${ERRORS[err.code].zh} / ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
