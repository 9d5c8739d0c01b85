/**
 * Which moves the signed-in person can make on a ticket as it stands: the same conditions the server's
 * rules check (src/tickets/*.rules.ts), so the page offers exactly the buttons that will work. The server
 * still decides; a refusal is shown in the move's form.
 */
import type { Role } from '../../auth';
import type { Assignment, TicketDetail, Unit } from '../../components/TicketTypes';

export type MoveKey =
  | 'acknowledge' | 'contact' | 'note' | 'pause' | 'resume' | 'subAssign' | 'reply' | 'return' | 'extend'
  | 'assign' | 'reject' | 'arbitrate' | 'merge' | 'close' | 'reopen' | 'rate'
  | 'decideExtension' | 'urge' | 'supervise';

export interface Viewer { roles: readonly Role[]; unit: Unit | undefined }

const OPEN = ['new', 'assigned', 'in_progress', 'arbitration', 'replied'];
const HANDLING = ['assigned', 'in_progress', 'arbitration'];
const isActive = (a: Assignment) => a.status === 'pending' || a.status === 'acknowledged';

/** The assignment a handler acts on, as the server picks it: the own unit's active one, else the nearest below. */
export function myAssignment(t: TicketDetail, viewer: Viewer): Assignment | undefined {
  const unit = viewer.unit;
  if (!unit || !viewer.roles.includes('handler')) return undefined;
  const mine = t.assignments.filter((a) => isActive(a) && a.unitPath.startsWith(unit.path));
  return mine.find((a) => a.unitId === unit.id) ?? [...mine].sort((a, b) => a.unitPath.length - b.unitPath.length)[0];
}

function descendantsActive(t: TicketDetail, id: number): boolean {
  const children = t.assignments.filter((a) => a.parentId === id);
  return children.some((c) => isActive(c) || descendantsActive(t, c.id));
}

export function availableMoves(t: TicketDetail, viewer: Viewer, units: readonly Unit[] = []): Set<MoveKey> {
  const moves = new Set<MoveKey>();
  const has = (...roles: Role[]) => roles.some((r) => viewer.roles.includes(r));
  const open = OPEN.includes(t.status);
  const mine = HANDLING.includes(t.status) ? myAssignment(t, viewer) : undefined;

  if (mine) {
    const clocks = t.clocks.filter((c) => c.assignmentId === mine.id);
    if (mine.status === 'pending') moves.add('acknowledge');
    moves.add('contact');
    moves.add('note');
    if (clocks.some((c) => c.status.state === 'running' && c.kind !== 'return_window')) moves.add('pause');
    if (clocks.some((c) => c.status.state === 'paused')) moves.add('resume');
    if (units.some((u) => u.path.startsWith(mine.unitPath) && u.id !== mine.unitId)) moves.add('subAssign');
    moves.add('reply');
    const window = clocks.find((c) => c.kind === 'return_window');
    const windowOpen = !window || (window.status.state === 'running' && (window.timeLeftMs ?? 0) >= 0);
    if (windowOpen && !descendantsActive(t, mine.id)) moves.add('return');
    const resolve = clocks.find((c) => c.kind === 'resolve');
    const pending = t.extensions.some((e) => e.assignmentId === mine.id && e.decision === null);
    if (resolve && (resolve.status.state === 'running' || resolve.status.state === 'paused') && (resolve.timeLeftMs ?? 0) >= 0 && !pending) moves.add('extend');
  }
  if (has('operator', 'dispatcher', 'supervisor')) moves.add('note');
  if (has('dispatcher')) {
    if (t.status === 'new') { moves.add('assign'); moves.add('reject'); }
    if (t.assignments.some((a) => a.status === 'returned' && a.returnDecision === null)) moves.add('arbitrate');
    if (open) moves.add('merge');
  }
  if (has('operator', 'dispatcher', 'supervisor') && (t.status === 'new' || t.status === 'replied')) moves.add('close');
  if (has('operator', 'dispatcher') && t.status === 'replied' && !t.ratedAt) moves.add('rate');
  if (has('dispatcher', 'supervisor') && (t.status === 'replied' || (t.status === 'closed' && t.closeKind !== 'merged' && t.closeKind !== 'rejected'))) moves.add('reopen');
  if (has('supervisor')) {
    if (t.extensions.some((e) => e.decision === null && t.assignments.some((a) => a.id === e.assignmentId && isActive(a)))) moves.add('decideExtension');
    if (open && t.assignments.some(isActive)) moves.add('urge');
    if (open && !t.supervised) moves.add('supervise');
  }
  return moves;
}
