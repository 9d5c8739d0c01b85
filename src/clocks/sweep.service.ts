/**
 * The deadline sweep: clocks whose next check is due get their warning or overdue recorded, once, with an
 * audit event and a notification for the unit concerned. Claimed with SKIP LOCKED, so several servers can
 * sweep together; a server that was down catches up on its next sweep because due rows wait in the table.
 */
import { withTransaction, rows, type Tx } from '../platform/database/db.js';
import { publish } from '../events/event.bus.js';
import type { AppContext } from '../platform/http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { claimDueClocks, updateClock } from './clock.repository.js';
import { sweepClock } from './clock.rules.js';
import type { ClockKind } from './clock.js';

export interface SweepResult { checked: number; warnings: number; overdue: number }

const KIND_ZH: Record<ClockKind, string> = {
  sla: '办理时限', acknowledge: '签收时限', first_contact: '首次联系时限', resolve: '办结时限', callback: '回访时限', return_window: '退单时限',
};

/** The unit to tell: the assignment's, or for a whole-work clock the lead unit of the ticket. */
async function ownerUnits(tx: Tx, clockIds: number[]): Promise<Map<number, { unitId: number; path: string } | null>> {
  const list = await rows<{ id: number; unit_id: number | null; path: string | null }>(tx, `
    SELECT o.id, o.unit_id, u.path FROM (
      SELECT c.id, coalesce(a.unit_id, CASE WHEN c.work_type = 'ticket' THEN (SELECT t.lead_unit_id FROM tickets t WHERE t.id = c.work_id) END) AS unit_id
        FROM clocks c LEFT JOIN assignments a ON a.id = c.assignment_id WHERE c.id = ANY($1::bigint[])) o
      LEFT JOIN units u ON u.id = o.unit_id`, [clockIds]);
  return new Map(list.map((r) => [r.id, r.unit_id && r.path ? { unitId: r.unit_id, path: r.path } : null]));
}

/** One batch in one transaction. */
export async function sweepBatch(ctx: AppContext, now: Date, batch: number): Promise<SweepResult> {
  return withTransaction(ctx.db, async (tx) => {
    const due = await claimDueClocks(tx, now, batch);
    const result: SweepResult = { checked: due.length, warnings: 0, overdue: 0 };
    if (due.length === 0) return result;
    const owners = await ownerUnits(tx, due.map((d) => d.clock.id));
    for (const { clock, workType, workId } of due) {
      const { clock: next, events } = sweepClock(clock, now);
      await updateClock(tx, next);
      for (const event of events) {
        if (event === 'clock_warning') result.warnings++; else result.overdue++;
        await recordAudit(tx, {
          at: now, actorId: null, actorLabel: 'system', entityType: workType, entityId: workId, action: event,
          data: { clockId: clock.id, kind: clock.kind, assignmentId: clock.assignmentId, deadline: clock.deadline.toISOString() },
        });
        const owner = owners.get(clock.id);
        if (owner) {
          const message = event === 'clock_warning' ? `${KIND_ZH[clock.kind]}即将到期` : `${KIND_ZH[clock.kind]}已超时`;
          await tx.query(`INSERT INTO notifications (unit_id, kind, work_type, work_id, clock_id, message, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, [owner.unitId, event, workType, workId, clock.id, message, now]);
        }
        if (workType === 'ticket') await publish(tx, { type: 'ticket', id: workId, action: event, status: '', unitPaths: owner ? [owner.path] : [], at: now.toISOString() });
      }
    }
    return result;
  });
}

/** Sweep until nothing is due at `now`. */
export async function sweep(ctx: AppContext, now: Date = ctx.clock.now(), batch = 500): Promise<SweepResult> {
  const total: SweepResult = { checked: 0, warnings: 0, overdue: 0 };
  for (;;) {
    const r = await sweepBatch(ctx, now, batch);
    total.checked += r.checked;
    total.warnings += r.warnings;
    total.overdue += r.overdue;
    if (r.checked < batch) return total;
  }
}
