/** The SQL of the reply check: what the platform's own tickets say about words and about replies given. */
import { rows, type Queryable } from '../platform/database/db.js';

export interface RequestText { title: string; description: string }
export interface GivenReply extends RequestText { id: number; replyText: string }

/** The latest requests, for word frequencies (idf). */
export function recentRequests(q: Queryable, limit: number): Promise<RequestText[]> {
  return rows<RequestText>(q, 'SELECT title, description FROM tickets ORDER BY id DESC LIMIT $1', [limit]);
}

/** The latest replies given to requesters, with their requests, for pasted templates. */
export function recentReplies(q: Queryable, limit: number): Promise<GivenReply[]> {
  return rows<GivenReply>(q, `
    SELECT id, title, description, reply_text AS "replyText" FROM tickets
     WHERE reply_text IS NOT NULL AND replied_at IS NOT NULL ORDER BY replied_at DESC, id DESC LIMIT $1`, [limit]);
}
