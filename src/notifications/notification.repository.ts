import type { Queryable } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';
import type { Actor } from '../platform/auth/roles.js';

export interface NotificationView {
  id: number; kind: string; workType: string; workId: number; message: string; createdAt: Date; readAt: Date | null;
  unitName: string | null; trackingCode: string | null;
}

/** What concerns the actor: notices to the actor's own unit, and to the actor personally. */
export async function listNotifications(q: Queryable, actor: Actor, unreadOnly: boolean, limit: number): Promise<NotificationView[]> {
  const list = await rows<{ id: number; kind: string; work_type: string; work_id: number; message: string; created_at: Date; read_at: Date | null; unit_name: string | null; tracking_code: string | null }>(q, `
    SELECT n.id, n.kind, n.work_type, n.work_id, n.message, n.created_at, n.read_at, u.name AS unit_name,
           CASE WHEN n.work_type = 'ticket' THEN (SELECT t.tracking_code FROM tickets t WHERE t.id = n.work_id) END AS tracking_code
      FROM notifications n LEFT JOIN units u ON u.id = n.unit_id
     WHERE (n.unit_id = $1 OR n.user_id = $2) AND (NOT $3 OR n.read_at IS NULL)
     ORDER BY n.created_at DESC, n.id DESC LIMIT $4`, [actor.unitId, actor.userId, unreadOnly, limit]);
  return list.map((n) => ({
    id: n.id, kind: n.kind, workType: n.work_type, workId: n.work_id, message: n.message, createdAt: n.created_at,
    readAt: n.read_at, unitName: n.unit_name, trackingCode: n.tracking_code,
  }));
}

export async function countUnread(q: Queryable, actor: Actor): Promise<number> {
  const r = await rows<{ n: number }>(q, 'SELECT count(*) AS n FROM notifications WHERE (unit_id = $1 OR user_id = $2) AND read_at IS NULL', [actor.unitId, actor.userId]);
  return r[0]?.n ?? 0;
}

/** Marks read only what the actor could list: another unit's notices are left alone. */
export async function markRead(q: Queryable, actor: Actor, ids: number[] | 'all', at: Date): Promise<number> {
  const r = await q.query(`UPDATE notifications SET read_at = $3 WHERE (unit_id = $1 OR user_id = $2) AND read_at IS NULL
      AND ($4::bigint[] IS NULL OR id = ANY($4::bigint[]))`, [actor.unitId, actor.userId, at, ids === 'all' ? null : ids]);
  return r.rowCount ?? 0;
}
