/** The work queues of the dispatch desk and of supervision: returns to decide, extensions to approve, late work. */
import type { Queryable } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';
import type { Actor } from '../platform/auth/roles.js';
import type { ReturnReason } from '../assignments/assignment.js';
import type { ClockKind } from '../clocks/clock.js';
import { seesAllTickets } from './ticket.policy.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Returned assignments waiting for the dispatcher (退单仲裁), oldest first: they block the ticket. */
export async function arbitrationQueue(q: Queryable) {
  const list = await rows<{
    assignment_id: number; ticket_id: number; tracking_code: string; title: string; unit_id: number; unit_name: string; role: 'lead' | 'co';
    return_reason_code: ReturnReason; return_reason: string; return_evidence: string | null; returned_at: Date;
  }>(q, `
    SELECT a.id AS assignment_id, t.id AS ticket_id, t.tracking_code, t.title, a.unit_id, u.name AS unit_name, a.role,
           a.return_reason_code, a.return_reason, a.return_evidence, a.returned_at
      FROM assignments a JOIN tickets t ON t.id = a.work_id JOIN units u ON u.id = a.unit_id
     WHERE a.work_type = 'ticket' AND a.status = 'returned' AND a.return_decision IS NULL
     ORDER BY a.returned_at LIMIT 500`);
  return list.map((r) => ({
    assignmentId: r.assignment_id, ticketId: r.ticket_id, trackingCode: r.tracking_code, title: r.title, unitId: r.unit_id,
    unitName: r.unit_name, role: r.role, reasonCode: r.return_reason_code, reason: r.return_reason, evidence: r.return_evidence,
    returnedAt: r.returned_at,
  }));
}

/** Extension requests waiting for a supervisor, with the deadline they would move. */
export async function extensionQueue(q: Queryable) {
  const list = await rows<{
    id: number; ticket_id: number; tracking_code: string; title: string; unit_name: string; working_days: number; reason: string;
    requested_at: Date; deadline: Date | null; assignment_id: number;
  }>(q, `
    SELECT e.id, t.id AS ticket_id, t.tracking_code, t.title, u.name AS unit_name, e.working_days, e.reason, e.requested_at, e.assignment_id,
           (SELECT c.deadline FROM clocks c WHERE c.assignment_id = e.assignment_id AND c.kind = 'resolve') AS deadline
      FROM extension_requests e JOIN tickets t ON t.id = e.work_id JOIN assignments a ON a.id = e.assignment_id JOIN units u ON u.id = a.unit_id
     WHERE e.work_type = 'ticket' AND e.decision IS NULL
     ORDER BY e.requested_at LIMIT 500`);
  return list.map((r) => ({
    extensionId: r.id, ticketId: r.ticket_id, trackingCode: r.tracking_code, title: r.title, unitName: r.unit_name,
    workingDays: r.working_days, reason: r.reason, requestedAt: r.requested_at, deadline: r.deadline, assignmentId: r.assignment_id,
  }));
}

/**
 * Running clocks that have crossed their warning or their deadline, most urgent first. A unit-bound
 * actor sees its own subtree's; supervision sees the district.
 */
export async function lateWork(q: Queryable, actor: Actor, state: 'warning' | 'overdue', limit = 200) {
  const scoped = !seesAllTickets(actor);
  const params: unknown[] = scoped ? [`${escapeLike(actor.unitPath)}%`] : [];
  const list = await rows<{
    clock_id: number; kind: ClockKind; deadline: Date; overdue_at: Date | null; ticket_id: number; tracking_code: string; title: string;
    unit_id: number | null; unit_name: string | null; supervised: boolean; urge_count: number; status: string;
  }>(q, `
    SELECT c.id AS clock_id, c.kind, c.deadline, c.overdue_at, t.id AS ticket_id, t.tracking_code, t.title, t.supervised, t.urge_count, t.status,
           coalesce(a.unit_id, t.lead_unit_id) AS unit_id, u.name AS unit_name
      FROM clocks c JOIN tickets t ON t.id = c.work_id
      LEFT JOIN assignments a ON a.id = c.assignment_id
      LEFT JOIN units u ON u.id = coalesce(a.unit_id, t.lead_unit_id)
     WHERE c.work_type = 'ticket' AND c.state IN ('running', 'paused') AND c.kind <> 'return_window'
       AND ${state === 'overdue' ? 'c.overdue_at IS NOT NULL' : 'c.warned_at IS NOT NULL AND c.overdue_at IS NULL'}
       ${scoped ? 'AND coalesce(a.unit_path, u.path) LIKE $1' : ''}
     ORDER BY c.deadline LIMIT ${Math.min(Math.max(limit, 1), 1000)}`, params);
  return list.map((r) => ({
    clockId: r.clock_id, kind: r.kind, deadline: r.deadline, overdueAt: r.overdue_at, ticketId: r.ticket_id, trackingCode: r.tracking_code,
    title: r.title, unitId: r.unit_id, unitName: r.unit_name, supervised: r.supervised, urgeCount: r.urge_count, status: r.status,
  }));
}
