import type { Tx } from '../platform/database/db.js';
import type { Actor } from '../platform/auth/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import { insertAssignments, updateAssignment } from '../assignments/assignment.repository.js';
import { insertClocks, updateClock } from '../clocks/clock.repository.js';
import type { TicketSnapshot } from './ticket.js';
import { publish } from '../events/event.bus.js';
import type { Outcome } from './ticket.rules.js';
import { insertExtension, insertNotifications, updateExtension, updateTicket, WORK_TYPE } from './ticket.repository.js';

/** Who a move is recorded against: a staff user, or a label for the public, an integration or the system. */
export interface Author { actor: Actor | null; label: string | null }

export const byActor = (actor: Actor): Author => ({ actor, label: null });
export const byLabel = (label: string): Author => ({ actor: null, label });

/**
 * Write everything one move decided, and its audit event, in the caller's transaction (STYLE.md 5).
 * Returns the ids given to new assignments by their refs.
 */
export async function saveOutcome(tx: Tx, snap: TicketSnapshot, o: Outcome, author: Author, now: Date, note: string | null = null): Promise<Map<string, number>> {
  const by = author.actor?.userId ?? null;
  await updateTicket(tx, o.ticket, now);
  for (const a of o.assignments) await updateAssignment(tx, a, by, now);
  const ids = await insertAssignments(tx, WORK_TYPE, o.ticket.id, o.newAssignments, by);
  for (const c of o.clocks) await updateClock(tx, c);
  await insertClocks(tx, WORK_TYPE, o.ticket.id, o.newClocks.map(({ assignmentRef, ...c }) => ({
    ...c, assignmentId: assignmentRef === undefined ? c.assignmentId : ids.get(assignmentRef)!,
  })));
  for (const e of o.extensions) await updateExtension(tx, e, by, now, note);
  if (o.newExtension) o.data.extensionId = await insertExtension(tx, o.ticket.id, o.newExtension, by);
  const before = snap.ticket;
  await recordAudit(tx, {
    at: now, actorId: by, actorLabel: author.label, entityType: WORK_TYPE, entityId: o.ticket.id, action: o.action,
    before: before.status === o.ticket.status ? undefined : { status: before.status },
    after: before.status === o.ticket.status ? undefined : { status: o.ticket.status },
    data: o.data,
  });
  await insertNotifications(tx, o.notify.map((n) => ({ ...n, workId: o.ticket.id })), now);
  await publish(tx, {
    type: 'ticket', id: o.ticket.id, action: o.action, status: o.ticket.status, at: now.toISOString(),
    unitPaths: [...new Set([...snap.assignments, ...o.newAssignments].map((a) => a.unitPath))],
  });
  return ids;
}
