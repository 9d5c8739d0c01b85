/** The rows the similar-ticket index is built from and kept current with. */
import { rows, type Queryable } from '../platform/database/db.js';
import type { SimilarDoc } from '../text/similar.js';
import { OPEN_STATUSES } from './ticket.rules.js';

interface Row { id: number; title: string; description: string; location_text: string; lat: number | null; lng: number | null }
const toDoc = (r: Row): SimilarDoc => ({ id: Number(r.id), title: r.title, description: r.description, location: r.location_text, lat: r.lat, lng: r.lng });

/** Every open ticket with an id in (after, upTo], oldest first. */
export async function openTicketTexts(q: Queryable, after: number, upTo: number | null = null): Promise<SimilarDoc[]> {
  const list = await rows<Row>(q, `
    SELECT id, title, description, location_text, lat, lng FROM tickets
     WHERE id > $1 AND ($2::bigint IS NULL OR id <= $2) AND status = ANY($3::text[]) ORDER BY id`, [after, upTo, OPEN_STATUSES]);
  return list.map(toDoc);
}

/** The open tickets numbered after `after`: only their ids, since most are already indexed. */
export async function openTicketIdsAfter(q: Queryable, after: number): Promise<number[]> {
  const list = await rows<{ id: string }>(q, 'SELECT id FROM tickets WHERE id > $1 AND status = ANY($2::text[])', [after, OPEN_STATUSES]);
  return list.map((r) => Number(r.id));
}

export async function ticketTexts(q: Queryable, ids: readonly number[]): Promise<SimilarDoc[]> {
  return (await rows<Row>(q, 'SELECT id, title, description, location_text, lat, lng FROM tickets WHERE id = ANY($1::bigint[])', [ids])).map(toDoc);
}

export async function maxTicketId(q: Queryable): Promise<number> {
  const [r] = await rows<{ max: string | null }>(q, 'SELECT max(id) AS max FROM tickets');
  return Number(r?.max ?? 0);
}

/** Which of these tickets are still open. */
export async function stillOpen(q: Queryable, ids: readonly number[]): Promise<Set<number>> {
  const list = await rows<{ id: string }>(q, 'SELECT id FROM tickets WHERE id = ANY($1::bigint[]) AND status = ANY($2::text[])', [ids, OPEN_STATUSES]);
  return new Set(list.map((r) => Number(r.id)));
}
