import type { Queryable, Tx } from '../platform/database/db.js';
import { maybeOne, preparedRows, rows } from '../platform/database/db.js';
import type { Actor, Role } from '../platform/auth/roles.js';

interface ActorRow {
  user_id: number; username: string; display_name: string; unit_id: number; unit_path: string; roles: Role[];
  token_id: number; last_used_at: Date | null; expires_at: Date | null;
}

export interface TokenActor { actor: Actor; tokenId: number; lastUsedAt: Date | null }

export async function findActorByTokenHash(q: Queryable, hash: Buffer, now: Date): Promise<(TokenActor & { expiresAt: Date | null }) | undefined> {
  const [row] = await preparedRows<ActorRow>(q, 'msb_token_actor', `
    SELECT u.id AS user_id, u.username, u.display_name, u.unit_id, un.path AS unit_path, u.roles,
           t.id AS token_id, t.last_used_at, t.expires_at
      FROM auth_tokens t JOIN users u ON u.id = t.user_id JOIN units un ON un.id = u.unit_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
       AND u.active`, [hash, now]);
  if (!row) return undefined;
  return {
    actor: { userId: row.user_id, username: row.username, displayName: row.display_name, unitId: row.unit_id, unitPath: row.unit_path, roles: row.roles },
    tokenId: row.token_id,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  };
}

export async function touchToken(q: Queryable, tokenId: number, now: Date): Promise<void> {
  await q.query('UPDATE auth_tokens SET last_used_at = $2 WHERE id = $1', [tokenId, now]);
}

export interface LoginUserRow { id: number; password_hash: string; active: boolean }

export async function findLoginUser(q: Queryable, username: string): Promise<LoginUserRow | undefined> {
  return maybeOne<LoginUserRow>(q, 'SELECT id, password_hash, active FROM users WHERE username = $1', [username]);
}

export async function insertToken(tx: Tx, t: { userId: number; kind: 'session' | 'api'; hash: Buffer; name: string | null; expiresAt: Date | null; now: Date }): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO auth_tokens (user_id, kind, token_hash, name, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [t.userId, t.kind, t.hash, t.name, t.expiresAt, t.now]);
  return r.rows[0]!.id;
}

export async function revokeToken(q: Queryable, where: { hash?: Buffer; id?: number; userId?: number }, now: Date): Promise<number> {
  const r = await q.query(
    `UPDATE auth_tokens SET revoked_at = $1
      WHERE revoked_at IS NULL AND ($2::bytea IS NULL OR token_hash = $2) AND ($3::bigint IS NULL OR id = $3)
        AND ($4::bigint IS NULL OR user_id = $4)`,
    [now, where.hash ?? null, where.id ?? null, where.userId ?? null]);
  return r.rowCount ?? 0;
}

export interface ApiTokenRow { id: number; name: string | null; created_at: Date; expires_at: Date | null; last_used_at: Date | null }

export async function listApiTokens(q: Queryable, userId: number): Promise<ApiTokenRow[]> {
  return rows<ApiTokenRow>(q, `SELECT id, name, created_at, expires_at, last_used_at FROM auth_tokens
     WHERE user_id = $1 AND kind = 'api' AND revoked_at IS NULL ORDER BY id`, [userId]);
}

export async function countRecentFailures(q: Queryable, username: string, ip: string, since: Date): Promise<{ byUser: number; byIp: number }> {
  const row = await maybeOne<{ by_user: number; by_ip: number }>(q, `
    SELECT count(*) FILTER (WHERE username = $1) AS by_user, count(*) FILTER (WHERE ip = $2) AS by_ip
      FROM login_failures WHERE at > $3 AND (username = $1 OR ip = $2)`, [username, ip, since]);
  return { byUser: row?.by_user ?? 0, byIp: row?.by_ip ?? 0 };
}

export async function recordFailure(q: Queryable, username: string, ip: string, now: Date): Promise<void> {
  await q.query('INSERT INTO login_failures (username, ip, at) VALUES ($1, $2, $3)', [username, ip, now]);
  // Keep the table small: failures older than a day no longer count for anything.
  await q.query(`DELETE FROM login_failures WHERE username = $1 AND at < $2::timestamptz - interval '1 day'`, [username, now]);
}

export async function clearFailures(q: Queryable, username: string): Promise<void> {
  await q.query('DELETE FROM login_failures WHERE username = $1', [username]);
}
