import type { Queryable, Tx } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';
import type { Assignment, AssignmentStatus, NewAssignment, ReturnReason } from './assignment.js';

interface AssignmentRow {
  id: number; unit_id: number; unit_path: string; role: 'lead' | 'co'; parent_id: number | null; round: number; status: AssignmentStatus;
  dispatched_at: Date; acknowledged_at: Date | null; first_contact_at: Date | null; done_at: Date | null;
  return_reason_code: ReturnReason | null; return_reason: string | null; returned_at: Date | null;
  return_decision: 'accepted' | 'refused' | null; extension_count: number;
}

const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id, unitId: r.unit_id, unitPath: r.unit_path, role: r.role, parentId: r.parent_id, round: r.round, status: r.status,
  dispatchedAt: r.dispatched_at, acknowledgedAt: r.acknowledged_at, firstContactAt: r.first_contact_at, doneAt: r.done_at,
  returnReasonCode: r.return_reason_code, returnReason: r.return_reason, returnedAt: r.returned_at,
  returnDecision: r.return_decision, extensionCount: r.extension_count,
});

export async function listAssignments(q: Queryable, workType: string, workId: number): Promise<Assignment[]> {
  return (await rows<AssignmentRow>(q, 'SELECT * FROM assignments WHERE work_type = $1 AND work_id = $2 ORDER BY id', [workType, workId])).map(toAssignment);
}

/** Insert new assignments in order; returns their ids by the ref the rules gave them. */
export async function insertAssignments(tx: Tx, workType: string, workId: number, list: NewAssignment[], dispatchedBy: number | null): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const a of list) {
    const r = await tx.query<{ id: number }>(`
      INSERT INTO assignments (work_type, work_id, unit_id, unit_path, role, parent_id, round, status, dispatched_at, dispatched_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9) RETURNING id`,
    [workType, workId, a.unitId, a.unitPath, a.role, a.parentId, a.round, a.dispatchedAt, dispatchedBy]);
    ids.set(a.ref, r.rows[0]!.id);
  }
  return ids;
}

/** `actor` and `at` are recorded as the return decision's when this update is the one that decides it. */
export async function updateAssignment(tx: Tx, a: Assignment, actor: number | null, at: Date): Promise<void> {
  await tx.query(`
    UPDATE assignments SET status = $2, acknowledged_at = $3, first_contact_at = $4, done_at = $5, return_reason_code = $6,
      return_reason = $7, returned_at = $8, return_decision = $9, extension_count = $10,
      return_decided_at = CASE WHEN return_decision IS NULL AND $9::text IS NOT NULL THEN $12 ELSE return_decided_at END,
      return_decided_by = CASE WHEN return_decision IS NULL AND $9::text IS NOT NULL THEN $11 ELSE return_decided_by END
     WHERE id = $1`,
  [a.id, a.status, a.acknowledgedAt, a.firstContactAt, a.doneAt, a.returnReasonCode, a.returnReason, a.returnedAt, a.returnDecision, a.extensionCount, actor, at]);
}

export async function setReturnEvidence(tx: Tx, id: number, evidence: string | null): Promise<void> {
  await tx.query('UPDATE assignments SET return_evidence = $2 WHERE id = $1', [id, evidence]);
}

export async function setOpinion(tx: Tx, id: number, opinion: string): Promise<void> {
  await tx.query('UPDATE assignments SET opinion = $2 WHERE id = $1', [id, opinion]);
}
