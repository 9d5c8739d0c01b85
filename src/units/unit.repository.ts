import type { Queryable, Tx } from '../platform/database/db.js';
import { maybeOne, one, pgErrorCode, rows, UNIQUE_VIOLATION } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { Unit, UnitKind } from './unit.js';

interface UnitRow {
  id: number; code: string; name: string; kind: UnitKind; parent_id: number | null; path: string; depth: number;
  active: boolean; phone: string | null; sort_order: number; version: number;
}

const toUnit = (r: UnitRow): Unit => ({
  id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id, path: r.path, depth: r.depth,
  active: r.active, phone: r.phone, sortOrder: r.sort_order, version: r.version,
});

export async function findUnit(q: Queryable, id: number, lock = false): Promise<Unit | undefined> {
  const r = await maybeOne<UnitRow>(q, `SELECT * FROM units WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return r && toUnit(r);
}

export async function findUnitByCode(q: Queryable, code: string): Promise<Unit | undefined> {
  const r = await maybeOne<UnitRow>(q, 'SELECT * FROM units WHERE code = $1', [code]);
  return r && toUnit(r);
}

export async function listUnits(q: Queryable, filter: { underPath?: string; includeInactive?: boolean } = {}): Promise<Unit[]> {
  const list = await rows<UnitRow>(q, `
    SELECT * FROM units
     WHERE ($1::text IS NULL OR path LIKE $1 || '%') AND ($2 OR active)
     ORDER BY depth, sort_order, code`, [filter.underPath ?? null, filter.includeInactive ?? false]);
  return list.map(toUnit);
}

export interface NewUnit { code: string; name: string; kind: UnitKind; parent: Unit | null; phone: string | null; sortOrder: number }

export async function insertUnit(tx: Tx, u: NewUnit): Promise<Unit> {
  try {
    // The path needs the new id, so the row is inserted and its path set in one statement via the sequence.
    const r = await one<UnitRow>(tx, `
      WITH next AS (SELECT nextval(pg_get_serial_sequence('units', 'id')) AS id)
      INSERT INTO units (id, code, name, kind, parent_id, path, depth, phone, sort_order)
      OVERRIDING SYSTEM VALUE
      SELECT next.id, $1, $2, $3, $4, coalesce($5, '/') || next.id || '/', $6, $7, $8 FROM next
      RETURNING *`,
    [u.code, u.name, u.kind, u.parent?.id ?? null, u.parent?.path ?? null, u.parent ? u.parent.depth + 1 : 0, u.phone, u.sortOrder]);
    return toUnit(r);
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new DomainError('UNIT_CODE_TAKEN');
    throw err;
  }
}

export interface UnitChanges { name: string; kind: UnitKind; phone: string | null; sortOrder: number; active: boolean }

export async function updateUnit(tx: Tx, id: number, expectedVersion: number, c: UnitChanges): Promise<Unit> {
  const r = await maybeOne<UnitRow>(tx, `
    UPDATE units SET name = $3, kind = $4, phone = $5, sort_order = $6, active = $7, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING *`, [id, expectedVersion, c.name, c.kind, c.phone, c.sortOrder, c.active]);
  if (!r) throw new DomainError('VERSION_CONFLICT');
  return toUnit(r);
}

/** Move a whole subtree: every descendant's path and depth follow in the same statement. */
export async function moveUnit(tx: Tx, unit: Unit, parent: Unit | null): Promise<void> {
  const newPath = `${parent ? parent.path : '/'}${unit.id}/`;
  const depthShift = (parent ? parent.depth + 1 : 0) - unit.depth;
  await tx.query(`
    UPDATE units SET path = $2 || substr(path, length($1) + 1), depth = depth + $3,
           parent_id = CASE WHEN id = $4 THEN $5 ELSE parent_id END
     WHERE path LIKE $1 || '%'`, [unit.path, newPath, depthShift, unit.id, parent?.id ?? null]);
}

export async function countActiveChildren(q: Queryable, id: number): Promise<number> {
  return (await one<{ n: number }>(q, 'SELECT count(*) AS n FROM units WHERE parent_id = $1 AND active', [id])).n;
}
