/**
 * From sums to figures: each rate with its exact definition, and for every number the ticket-list
 * filter that shows the tickets behind it (pure; the time of computing is an argument).
 *
 * Ticket-level figures of a unit count the tickets it leads (主办: the ticket's lead unit is in its
 * subtree); assignment-level figures count the unit's own parts (its clocks, its returns and the
 * extensions it was granted, including those of the units below it, for which it stays accountable).
 */
import type { AssignmentSums, Count, Figures, Rate, Scope, TicketFilter, TicketSums } from './stats.js';
import { rate } from './stats.rules.js';

export interface FigureContext { scope: Scope; from: Date; to: Date; now: Date }

const OPEN = ['new', 'assigned', 'in_progress', 'arbitration', 'replied'] as const;
const RATED = ['satisfied', 'basic', 'unsatisfied'] as const;

const ratio = (numerator: number, denominator: number, filter: TicketFilter | null, missFilter: TicketFilter | null): Rate =>
  ({ numerator, denominator, rate: rate(numerator, denominator), filter, missFilter });
const count = (value: number, filter: TicketFilter | null): Count => ({ value, filter });

export function figuresOf(t: TicketSums, a: AssignmentSums, c: FigureContext): Figures {
  const unit = c.scope.unitId;
  const base: TicketFilter = { from: c.from.toISOString(), to: c.to.toISOString() };
  const led: TicketFilter = unit === null ? base : { ...base, leadUnitId: unit };
  const worked: TicketFilter = unit === null ? base : { ...base, unitId: unit };
  const lateBy = unit === null ? {} : { lateBy: unit };
  return {
    accepted: count(t.accepted, led),
    // 响应率: acknowledge clocks met before their deadline / acknowledge clocks that reached an outcome
    // (met, or recorded overdue). A clock still inside its limit, or stopped in time by a return, is not yet judged.
    response: ratio(a.ackMet, a.ackDue, worked, { ...base, lateKind: 'acknowledge', ...lateBy }),
    // 解决率: rated "resolved" or "partly resolved" / rated.
    resolution: ratio(t.resolved, t.rated, { ...led, satisfaction: [...RATED] }, { ...led, resolved: ['no'] }),
    // 满意率: rated "satisfied" or "basically satisfied" / rated.
    satisfaction: ratio(t.satisfied, t.rated, { ...led, satisfaction: [...RATED] }, { ...led, satisfaction: ['unsatisfied'] }),
    // 闭环率: loops closed (closed after a rating, a confirmation, or directly at intake) / tickets that are
    // closed so or whose promise to the requester has run out (merged and rejected tickets are not loops).
    closedLoop: ratio(t.loopClosed, t.loopClosed + t.loopDueOpen, { ...led, closeKind: ['rated', 'confirmed', 'direct'] },
      { ...led, status: [...OPEN], dueBefore: c.now.toISOString() }),
    // 按期办结率: resolve clocks met before their deadline / resolve clocks met or recorded overdue.
    onTime: ratio(a.resolveMet, a.resolveDue, worked, { ...base, lateKind: 'resolve', ...lateBy }),
    overdue: unit === null ? count(t.overdue, { ...base, overdue: true }) : count(a.overdueTickets, { ...base, lateBy: unit }),
    returns: count(a.returnedTickets, { ...base, returnedBy: unit ?? c.scope.rootId }),
    // Tickets on which the unit was granted more time (an approved extension).
    extensions: count(a.extendedTickets, { ...base, extendedBy: unit ?? c.scope.rootId }),
    reopens: count(t.reopened, { ...led, reopened: true }),
    supervised: count(t.supervised, { ...led, supervised: true }),
    direct: unit === null ? ratio(t.direct, t.accepted, { ...base, closeKind: ['direct'] }, null) : null,
  };
}
