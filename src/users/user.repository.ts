import type { Queryable, Tx } from '../platform/database/db.js';
import { maybeOne, pgErrorCode, rows, UNIQUE_VIOLATION } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { Role } from '../platform/auth/roles.js';
import type { User } from './user.js';

interface UserRow { id: number; username: string; display_name: string; unit_id: number; unit_name: string; roles: Role[]; phone: string | null; active: boolean; version: number }

const toUser = (r: UserRow): User => ({
  id: r.id, username: r.username, displayName: r.display_name, unitId: r.unit_id, unitName: r.unit_name,
  roles: r.roles, phone: r.phone, active: r.active, version: r.version,
});

const SELECT = `SELECT u.id, u.username, u.display_name, u.unit_id, un.name AS unit_name, u.roles, u.phone, u.active, u.version
  FROM users u JOIN units un ON un.id = u.unit_id`;

export async function findUser(q: Queryable, id: number): Promise<User | undefined> {
  const r = await maybeOne<UserRow>(q, `${SELECT} WHERE u.id = $1`, [id]);
  return r && toUser(r);
}

export interface UserFilter { unitId?: number; role?: Role; q?: string; includeInactive?: boolean }

export async function listUsers(q: Queryable, f: UserFilter): Promise<User[]> {
  const list = await rows<UserRow>(q, `${SELECT}
    WHERE ($1::bigint IS NULL OR u.unit_id = $1) AND ($2::text IS NULL OR $2 = ANY (u.roles))
      AND ($3::text IS NULL OR u.username ILIKE '%' || $3 || '%' OR u.display_name ILIKE '%' || $3 || '%')
      AND ($4 OR u.active)
    ORDER BY un.path, u.username LIMIT 2000`, [f.unitId ?? null, f.role ?? null, f.q ?? null, f.includeInactive ?? false]);
  return list.map(toUser);
}

export interface NewUser { username: string; displayName: string; unitId: number; roles: Role[]; passwordHash: string; phone: string | null }

export async function insertUser(tx: Tx, u: NewUser): Promise<number> {
  try {
    const r = await tx.query<{ id: number }>(
      `INSERT INTO users (username, display_name, unit_id, roles, password_hash, phone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [u.username, u.displayName, u.unitId, u.roles, u.passwordHash, u.phone]);
    return r.rows[0]!.id;
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new DomainError('USERNAME_TAKEN');
    throw err;
  }
}

export interface UserChanges { displayName: string; unitId: number; roles: Role[]; phone: string | null; active: boolean }

export async function updateUser(tx: Tx, id: number, expectedVersion: number, c: UserChanges): Promise<boolean> {
  const r = await tx.query(`UPDATE users SET display_name = $3, unit_id = $4, roles = $5, phone = $6, active = $7,
      version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
  [id, expectedVersion, c.displayName, c.unitId, c.roles, c.phone, c.active]);
  return (r.rowCount ?? 0) > 0;
}

export async function setPasswordHash(tx: Tx, id: number, hash: string): Promise<void> {
  await tx.query('UPDATE users SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, hash]);
}

export async function findPasswordHash(q: Queryable, id: number): Promise<string | undefined> {
  return (await maybeOne<{ password_hash: string }>(q, 'SELECT password_hash FROM users WHERE id = $1', [id]))?.password_hash;
}
