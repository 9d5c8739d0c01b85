import pg from 'pg';

/**
 * Anything that runs SQL: the pool (reads outside a transaction) or a transaction.
 * Writes take `Tx` so the caller owns the transaction (STYLE.md 5).
 */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>>;
}

declare const txBrand: unique symbol;
/** A connection inside an open transaction. Only `withTransaction` makes one. */
export type Tx = Queryable & { readonly [txBrand]: true };

export type Db = pg.Pool;

// Types parsed once per pool, not by patching pg's global parsers (STYLE.md 12).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // Identifiers and counts stay far below 2^53; numbers are friendlier to the API than strings.
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    // A calendar date is a day in Asia/Shanghai, not an instant: keep 'YYYY-MM-DD'.
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function createPool(url: string, max = 20): Db {
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: 'mashangban' });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

export async function rows<R extends pg.QueryResultRow>(q: Queryable, text: string, values: unknown[] = []): Promise<R[]> {
  return (await q.query<R>(text, values)).rows;
}

/**
 * A statement the hot paths run thousands of times: prepared once per connection under `name`, so the
 * server parses and plans it once rather than on every call. Only for fixed SQL text.
 */
export async function preparedRows<R extends pg.QueryResultRow>(q: Queryable, name: string, text: string, values: unknown[]): Promise<R[]> {
  return (await q.query<R>({ name, text, values })).rows;
}

export async function maybeOne<R extends pg.QueryResultRow>(q: Queryable, text: string, values: unknown[] = []): Promise<R | undefined> {
  return (await q.query<R>(text, values)).rows[0];
}

export async function one<R extends pg.QueryResultRow>(q: Queryable, text: string, values: unknown[] = []): Promise<R> {
  const row = await maybeOne<R>(q, text, values);
  if (!row) throw new Error(`Expected one row from: ${text.slice(0, 80)}`);
  return row;
}

export const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';

/**
 * Run `fn` in one transaction: commit if it resolves, roll back if it throws.
 * Serialization failures and deadlocks are retried, since the whole unit of work is in `fn`.
 */
export async function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client as unknown as Tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      const code = (err as { code?: string }).code;
      if (attempt < attempts && (code === SERIALIZATION_FAILURE || code === DEADLOCK)) continue;
      throw err;
    } finally {
      client.release();
    }
  }
}

export function pgErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const UNIQUE_VIOLATION = '23505';

/** The server refused the statement (it wrote nothing), as opposed to a connection lost with the outcome unknown. */
export const refusedByServer = (err: unknown): boolean => err instanceof pg.DatabaseError;
