/** The tickets hotspots are mined from, and the proactive cases made of them. */
import { rows, type Queryable, type Tx } from '../platform/database/db.js';
import type { TicketStatus } from '../tickets/ticket.js';

export interface PeriodTicket {
  id: number; tracking_code: string; title: string; description: string; location_text: string; status: TicketStatus;
  accepted_at: Date; service_name: string | null; lead_unit_id: number | null; lead_unit_name: string | null; reaction: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Tickets accepted in [from, to), newest first, at most `cap`; with `unitPath`, only those given to that
 * subtree. Rejected tickets are not the public's problems and stay out. The public's reaction: urging,
 * supervision, re-handling and an unsatisfied rating each say the problem weighs on people.
 */
export async function periodTickets(q: Queryable, from: Date, to: Date, unitPath: string | null, cap: number): Promise<PeriodTicket[]> {
  const list = await rows<PeriodTicket>(q, `
    SELECT t.id, t.tracking_code, t.title, t.description, t.location_text, t.status, t.accepted_at, sv.name AS service_name,
           t.lead_unit_id, u.name AS lead_unit_name,
           t.urge_count + t.reopen_count + (CASE WHEN t.supervised THEN 1 ELSE 0 END)
             + (CASE WHEN t.rating_satisfaction = 'unsatisfied' THEN 2 ELSE 0 END) AS reaction
      FROM tickets t
      LEFT JOIN service_versions sv ON sv.id = t.service_version_id
      LEFT JOIN units u ON u.id = t.lead_unit_id
     WHERE t.accepted_at >= $1 AND t.accepted_at < $2 AND t.status <> 'rejected'
       AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM assignments a WHERE a.work_type = 'ticket' AND a.work_id = t.id AND a.unit_path LIKE $3 || '%'))
     ORDER BY t.accepted_at DESC, t.id DESC
     LIMIT $4`, [from, to, unitPath === null ? null : escapeLike(unitPath), cap]);
  return list.map((r) => ({ ...r, id: Number(r.id), lead_unit_id: r.lead_unit_id === null ? null : Number(r.lead_unit_id), reaction: Number(r.reaction) }));
}

export interface CaseRow { id: number; ticket_id: number; tracking_code: string; status: TicketStatus; hotspot_key: string; member_ids: number[] }

/** The proactive cases that answer for any of these tickets. */
export async function casesCovering(q: Queryable, ticketIds: readonly number[]): Promise<CaseRow[]> {
  if (ticketIds.length === 0) return [];
  const list = await rows<CaseRow>(q, `
    SELECT c.id, c.ticket_id, t.tracking_code, t.status, c.hotspot_key, c.member_ids
      FROM hotspot_cases c JOIN tickets t ON t.id = c.ticket_id
     WHERE c.member_ids && $1::bigint[]`, [ticketIds]);
  return list.map((r) => ({ ...r, id: Number(r.id), ticket_id: Number(r.ticket_id), member_ids: r.member_ids.map(Number) }));
}

export async function countTickets(q: Queryable, ids: readonly number[]): Promise<number> {
  const [r] = await rows<{ n: string }>(q, 'SELECT count(*) AS n FROM tickets WHERE id = ANY($1::bigint[])', [ids]);
  return Number(r?.n ?? 0);
}

export interface NewCase {
  ticketId: number; hotspotKey: string; name: string; place: string | null; keywords: string[];
  from: Date; to: Date; memberIds: number[]; createdBy: number; at: Date;
}

export async function insertCase(tx: Tx, c: NewCase): Promise<number> {
  const [r] = await rows<{ id: string }>(tx, `
    INSERT INTO hotspot_cases (ticket_id, hotspot_key, name, place, keywords, period_from, period_to, member_ids, created_by, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
  [c.ticketId, c.hotspotKey, c.name, c.place, c.keywords, c.from, c.to, c.memberIds, c.createdBy, c.at]);
  return Number(r!.id);
}

/** The case a proactive ticket was opened for, with its member tickets as the ticket page lists them. */
export async function caseOfTicket(q: Queryable, ticketId: number): Promise<{ name: string; place: string | null; keywords: string[]; period_from: Date; period_to: Date; member_ids: number[] } | undefined> {
  const [r] = await rows<{ name: string; place: string | null; keywords: string[]; period_from: Date; period_to: Date; member_ids: string[] }>(q,
    'SELECT name, place, keywords, period_from, period_to, member_ids FROM hotspot_cases WHERE ticket_id = $1', [ticketId]);
  return r && { ...r, member_ids: r.member_ids.map(Number) };
}
