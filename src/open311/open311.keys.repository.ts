import type { Queryable, Tx } from '../platform/database/db.js';
import { maybeOne, one, rows } from '../platform/database/db.js';

export interface Open311Key { id: number; name: string; createdAt: Date; createdBy: string | null; revokedAt: Date | null }

export async function insertKey(tx: Tx, k: { name: string; hash: Buffer; at: Date; by: number | null }): Promise<number> {
  return (await one<{ id: number }>(tx, 'INSERT INTO open311_keys (name, key_hash, created_at, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
    [k.name, k.hash, k.at, k.by])).id;
}

/** Inserts unless a key with this hash exists (revoked or not): re-seeding never revives a revoked key. */
export async function insertKeyOnce(q: Queryable, k: { name: string; hash: Buffer; at: Date }): Promise<void> {
  await q.query('INSERT INTO open311_keys (name, key_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (key_hash) DO NOTHING', [k.name, k.hash, k.at]);
}

export async function listKeys(q: Queryable): Promise<Open311Key[]> {
  const list = await rows<{ id: number; name: string; created_at: Date; created_by: string | null; revoked_at: Date | null }>(q, `
    SELECT k.id, k.name, k.created_at, u.display_name AS created_by, k.revoked_at
      FROM open311_keys k LEFT JOIN users u ON u.id = k.created_by ORDER BY k.id`);
  return list.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, createdBy: r.created_by, revokedAt: r.revoked_at }));
}

/** Revoking twice keeps the first time. Undefined when there is no such key. */
export async function revokeKey(tx: Tx, id: number, at: Date): Promise<{ name: string; wasActive: boolean } | undefined> {
  return maybeOne<{ name: string; wasActive: boolean }>(tx, `
    UPDATE open311_keys k SET revoked_at = COALESCE(k.revoked_at, $2)
      FROM (SELECT id, revoked_at IS NULL AS was_active FROM open311_keys WHERE id = $1 FOR UPDATE) before
     WHERE k.id = before.id
     RETURNING k.name, before.was_active AS "wasActive"`, [id, at]);
}

export async function findActiveKey(q: Queryable, hash: Buffer): Promise<{ id: number; name: string } | undefined> {
  return maybeOne<{ id: number; name: string }>(q, 'SELECT id, name FROM open311_keys WHERE key_hash = $1 AND revoked_at IS NULL', [hash]);
}
