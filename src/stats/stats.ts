/**
 * The scores every unit is measured on (DOMAIN.md §3), computed from the shared rows — tickets,
 * assignments, clocks, extension requests — so that each number can be recomputed and explained.
 *
 * Every figure is about one cohort: the tickets accepted in the period [from, to) (Asia/Shanghai days),
 * and everything that has happened to them up to the moment of computing. The ticket list can show
 * exactly that cohort (`from`/`to` filter on acceptance), so every number drills down to its tickets.
 */
import type { ClockKind } from '../clocks/clock.js';
import type { Channel, CloseKind, Resolved, Satisfaction, TicketStatus } from '../tickets/ticket.js';

/** Local dates 'YYYY-MM-DD'; `to` is exclusive (a month is [03-01, 04-01)). */
export interface Period { from: string; to: string }

export const PRESETS = ['this_month', 'last_month', 'this_week', 'last_week', 'last_30_days', 'this_year'] as const;
export type Preset = (typeof PRESETS)[number];

export const BUCKETS = ['day', 'week', 'month'] as const;
export type BucketSize = (typeof BUCKETS)[number];

/** How much each rate weighs in a unit's composite score (settings key `scoring.weights`). */
export interface Weights { response: number; resolution: number; satisfaction: number; onTime: number }
export type RateKey = keyof Weights;
export const RATE_KEYS: readonly RateKey[] = ['response', 'resolution', 'satisfaction', 'onTime'];

/**
 * Query parameters of GET /api/v1/tickets that list the tickets behind a figure. Same names, same
 * meanings: the console navigates to /tickets?<these> and the list page passes them on.
 */
export interface TicketFilter {
  from?: string;
  to?: string;
  status?: TicketStatus[];
  unitId?: number;
  leadUnitId?: number;
  serviceId?: number;
  serviceGroup?: string;
  channel?: Channel;
  overdue?: boolean;
  supervised?: boolean;
  resolved?: Resolved[];
  satisfaction?: Satisfaction[];
  closeKind?: CloseKind[];
  reopened?: boolean;
  lateKind?: ClockKind;
  lateBy?: number;
  returnedBy?: number;
  extendedBy?: number;
  dueBefore?: string;
}

/** A count, and the tickets it counts. */
export interface Count { value: number; filter: TicketFilter | null }

/**
 * A rate: numerator over denominator (null when nothing was measured). `filter` lists the tickets the
 * rate is computed over as closely as the list can express it; `missFilter` lists exactly the misses.
 */
export interface Rate { numerator: number; denominator: number; rate: number | null; filter: TicketFilter | null; missFilter: TicketFilter | null }

/** Ticket-level sums for one group of the cohort (attributed to the lead unit when scoped). */
export interface TicketSums {
  accepted: number; rated: number; resolved: number; satisfied: number; loopClosed: number; loopDueOpen: number;
  direct: number; reopened: number; supervised: number; overdue: number;
}

/** Assignment-level sums for one group: the units' own clocks, returns and extensions granted. */
export interface AssignmentSums {
  ackDue: number; ackMet: number; resolveDue: number; resolveMet: number; overdueTickets: number; returnedTickets: number; extendedTickets: number;
}

export const ZERO_TICKET_SUMS: TicketSums = { accepted: 0, rated: 0, resolved: 0, satisfied: 0, loopClosed: 0, loopDueOpen: 0, direct: 0, reopened: 0, supervised: 0, overdue: 0 };
export const ZERO_ASSIGNMENT_SUMS: AssignmentSums = { ackDue: 0, ackMet: 0, resolveDue: 0, resolveMet: 0, overdueTickets: 0, returnedTickets: 0, extendedTickets: 0 };

/** Whose figures: the whole district, or one unit and everything below it. */
export interface Scope { unitId: number | null; path: string | null; rootId: number }

/** The figures of one scope (the whole district, a unit, a bucket of a trend, a row of the ranking). */
export interface Figures {
  accepted: Count;
  response: Rate;
  resolution: Rate;
  satisfaction: Rate;
  closedLoop: Rate;
  onTime: Rate;
  overdue: Count;
  returns: Count;
  extensions: Count;
  reopens: Count;
  supervised: Count;
  /** 直办: closed at intake by the hotline. Only meaningful for the whole district (a unit never leads these). */
  direct: Rate | null;
}

export const RANK_GROUPS = ['departments', 'towns', 'all'] as const;
export type RankGroup = (typeof RANK_GROUPS)[number];
