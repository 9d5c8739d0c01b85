import type { Queryable } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';
import type { TicketLimits, TicketStatus } from '../tickets/ticket.js';
import { WORK_TYPE } from '../tickets/ticket.repository.js';
import { OPEN311_STATUS, UNCLASSIFIED, type RequestQuery, type RequestRecord } from './open311.js';

interface RequestRow {
  tracking_code: string; status: TicketStatus; public_reason: string | null; reply_text: string | null; merged_into_code: string | null;
  service_code: string | null; service_name: string | null; description: string; lead_unit_name: string | null; limits: TicketLimits | null;
  accepted_at: Date; updated_at: Date; closed_at: Date | null; sla_deadline: Date | null; location_text: string; lat: number | null; lng: number | null;
  requester_name: string; requester_phone: string;
}

const toRecord = (r: RequestRow): RequestRecord => ({
  trackingCode: r.tracking_code, status: r.status, publicReason: r.public_reason, replyText: r.reply_text, mergedIntoCode: r.merged_into_code,
  serviceCode: r.service_code, serviceName: r.service_name, description: r.description, leadUnitName: r.lead_unit_name, limits: r.limits,
  acceptedAt: r.accepted_at, updatedAt: r.updated_at, closedAt: r.closed_at, slaDeadline: r.sla_deadline, locationText: r.location_text,
  lat: r.lat, lng: r.lng, requester: { name: r.requester_name, phone: r.requester_phone },
});

// The service name is the one in force when the ticket was accepted (its recorded version); the SLA
// deadline is the platform's promise to the requester (the latest 'sla' clock, moved by extensions).
const SELECT_REQUEST = `
  SELECT t.tracking_code, t.status, t.public_reason, t.reply_text, m.tracking_code AS merged_into_code,
         s.code AS service_code, sv.name AS service_name, t.description, u.name AS lead_unit_name, t.limits,
         t.accepted_at, t.updated_at, t.closed_at,
         (SELECT c.deadline FROM clocks c WHERE c.work_type = '${WORK_TYPE}' AND c.work_id = t.id AND c.kind = 'sla' ORDER BY c.id DESC LIMIT 1) AS sla_deadline,
         t.location_text, t.lat, t.lng, t.requester_name, t.requester_phone
    FROM tickets t
    LEFT JOIN services s ON s.id = t.service_id
    LEFT JOIN service_versions sv ON sv.id = t.service_version_id
    LEFT JOIN units u ON u.id = t.lead_unit_id
    LEFT JOIN tickets m ON m.id = t.merged_into_id`;

const CLOSED = (Object.keys(OPEN311_STATUS) as TicketStatus[]).filter((s) => OPEN311_STATUS[s] === 'closed');

/** GET requests: by ids alone when given (the spec), else by window, service and status; newest first. */
export async function searchRequests(q: Queryable, f: RequestQuery): Promise<RequestRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (f.by === 'ids') {
    where.push(`t.tracking_code = ANY(${p(f.ids)}::text[])`);
  } else {
    where.push(`t.accepted_at >= ${p(f.from)}`, `t.accepted_at <= ${p(f.to)}`);
    if (f.serviceCodes.length) {
      const unclassified = f.serviceCodes.includes(UNCLASSIFIED) ? ' OR t.service_id IS NULL' : '';
      where.push(`(s.code = ANY(${p(f.serviceCodes)}::text[])${unclassified})`);
    }
    if (f.statuses.length === 1) where.push(`${f.statuses[0] === 'closed' ? '' : 'NOT '}(t.status = ANY(${p(CLOSED)}::text[]))`);
  }
  const list = await rows<RequestRow>(q, `${SELECT_REQUEST}
     WHERE ${where.join(' AND ')}
     ORDER BY t.accepted_at DESC, t.id DESC
     LIMIT ${p(f.limit)}`, params);
  return list.map(toRecord);
}

export async function findRequest(q: Queryable, trackingCode: string): Promise<RequestRecord | undefined> {
  const r = await rows<RequestRow>(q, `${SELECT_REQUEST} WHERE t.tracking_code = $1`, [trackingCode]);
  return r[0] && toRecord(r[0]);
}
