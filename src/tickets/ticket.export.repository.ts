import type { Queryable } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';
import type { Resolved, Satisfaction } from './ticket.js';
import { IMPORT_SCOPE } from './ticket.import.rules.js';

/** What an export row shows beyond the list item: the request in full, the codes to import it back, the result. */
export interface ExportDetail {
  externalId: string | null; description: string; requesterName: string; requesterPhone: string; serviceCode: string | null;
  leadUnitCode: string | null; replyText: string | null; repliedAt: Date | null; closedAt: Date | null;
  ratingSatisfaction: Satisfaction | null; ratingResolved: Resolved | null;
}

export async function exportDetails(q: Queryable, ids: readonly number[]): Promise<Map<number, ExportDetail>> {
  const list = await rows<{
    id: number; external_id: string | null; description: string; requester_name: string; requester_phone: string; service_code: string | null;
    unit_code: string | null; reply_text: string | null; replied_at: Date | null; closed_at: Date | null;
    rating_satisfaction: Satisfaction | null; rating_resolved: Resolved | null;
  }>(q, `
    SELECT t.id, CASE WHEN t.idempotency_scope = $2 THEN t.idempotency_key END AS external_id, t.description, t.requester_name, t.requester_phone,
           s.code AS service_code, u.code AS unit_code, t.reply_text, t.replied_at, t.closed_at, t.rating_satisfaction, t.rating_resolved
      FROM tickets t
      LEFT JOIN services s ON s.id = t.service_id
      LEFT JOIN units u ON u.id = t.lead_unit_id
     WHERE t.id = ANY($1::bigint[])`, [ids, IMPORT_SCOPE]);
  return new Map(list.map((r) => [r.id, {
    externalId: r.external_id, description: r.description, requesterName: r.requester_name, requesterPhone: r.requester_phone,
    serviceCode: r.service_code, leadUnitCode: r.unit_code, replyText: r.reply_text, repliedAt: r.replied_at, closedAt: r.closed_at,
    ratingSatisfaction: r.rating_satisfaction, ratingResolved: r.rating_resolved,
  }]));
}
