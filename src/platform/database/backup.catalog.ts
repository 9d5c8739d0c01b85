/** What a backup holds, read from the catalog: the tables of schema public, in an order they can be loaded in. */
import { rows, type Queryable } from './db.js';
import type { DumpTable } from './backup.format.js';

export interface CatalogTable extends DumpTable {
  /** Primary key columns (quoted): rows are written in this order, so two backups of the same data are equal. */
  primaryKey: string[];
  /** Tables (ident) this one has a foreign key to, itself excluded. */
  references: string[];
}

export async function readTables(q: Queryable): Promise<CatalogTable[]> {
  const found = await rows<{ ident: string; columns: string[]; primary_key: string[] | null; refs: string[] | null }>(q, `
    SELECT quote_ident(c.relname) AS ident,
      (SELECT array_agg(quote_ident(a.attname) ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      (SELECT array_agg(quote_ident(a.attname) ORDER BY k.ord)
        FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key,
      (SELECT array_agg(DISTINCT quote_ident(r.relname)) FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
        WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid AND r.relnamespace = n.oid) AS refs
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    ORDER BY c.relname`);
  return found.map((t) => ({ ident: t.ident, columns: t.columns, primaryKey: t.primary_key ?? [], references: t.refs ?? [] }));
}

/** Sequences of schema public (identity columns' and named ones), as quote_ident writes them. */
export async function readSequences(q: Queryable): Promise<string[]> {
  const found = await rows<{ ident: string }>(q, `
    SELECT quote_ident(c.relname) AS ident FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`);
  return found.map((s) => s.ident);
}

/**
 * Referenced tables before the tables that reference them (ties by name; schema_migrations first, as
 * the record of what the rest is). Foreign keys are NOT DEFERRABLE, but PostgreSQL checks them at
 * the end of each statement, and a table's rows are one COPY: a row may point at one later in the
 * same table (units.parent_id after a move, tickets.merged_into_id into a newer ticket), so only the
 * order of tables matters. A cycle between tables could not be loaded this way; it is refused here,
 * when the backup is taken, rather than found at restore.
 */
export function loadOrder<T extends { ident: string; references: string[] }>(tables: readonly T[]): T[] {
  const pending = new Map(tables.map((t) => [t.ident, t]));
  const ordered: T[] = [];
  const first = pending.get('schema_migrations');
  if (first) {
    ordered.push(first);
    pending.delete(first.ident);
  }
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((t) => t.references.every((r) => !pending.has(r)));
    if (ready.length === 0) throw new Error(`Tables reference each other in a cycle: ${[...pending.keys()].join(', ')}; a data-only backup cannot load them`);
    ready.sort((a, b) => (a.ident < b.ident ? -1 : 1));
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t.ident);
    }
  }
  return ordered;
}
