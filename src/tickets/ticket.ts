import type { Clock, NewClock } from '../clocks/clock.js';
import type { EffectiveLimits } from '../catalogue/service.js';
import type { Assignment } from '../assignments/assignment.js';

export type { Assignment, NewAssignment, ReturnReason, UnitRef } from '../assignments/assignment.js';

// proactive: 未诉先办, a case the platform opened itself from a hotspot before anyone else called.
export const CHANNELS = ['hotline', 'web', 'app', 'api', 'open311', 'window', 'enterprise', 'proactive'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'arbitration', 'replied', 'closed', 'merged', 'rejected'] as const;
/**
 * new: accepted, waiting for dispatch · assigned: dispatched, the lead unit has not acknowledged ·
 * in_progress: the lead unit is handling · arbitration: the lead unit returned it, the dispatcher decides ·
 * replied: answered, waiting for the requester's rating · closed / merged / rejected: the loop ended.
 */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type Resolved = 'yes' | 'partly' | 'no';
export type Satisfaction = 'satisfied' | 'basic' | 'unsatisfied';
export type CloseKind = 'direct' | 'rated' | 'confirmed' | 'merged' | 'rejected';

/** The catalogue limits a ticket carries from acceptance, defaults filled in (CLOCKS.md kinds of clock). */
export type TicketLimits = EffectiveLimits;

export interface Ticket {
  id: number;
  trackingCode: string;
  channel: Channel;
  status: TicketStatus;
  serviceId: number | null;
  /** The catalogue version in force at acceptance: the limits never change under the ticket. */
  serviceVersionId: number | null;
  limits: TicketLimits | null;
  title: string;
  description: string;
  requesterName: string;
  requesterPhone: string;
  acceptedAt: Date;
  leadUnitId: number | null;
  replyText: string | null;
  repliedAt: Date | null;
  ratingResolved: Resolved | null;
  ratingSatisfaction: Satisfaction | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  closedAt: Date | null;
  closeKind: CloseKind | null;
  supervised: boolean;
  urgeCount: number;
  reopenCount: number;
  mergedIntoId: number | null;
  publicReason: string | null;
  version: number;
}

export interface ExtensionRequest {
  id: number;
  assignmentId: number;
  workingDays: number;
  reason: string;
  requestedAt: Date;
  decision: 'approved' | 'refused' | null;
}

/** Everything a move on a ticket may read: loaded and locked together by the service. */
/** A ticket as intake registers it, before the database gives it an id and a tracking code. */
export interface NewTicket {
  channel: Channel; serviceId: number | null; serviceVersionId: number | null; suggestedServiceId: number | null; limits: TicketLimits | null;
  title: string; description: string; requesterName: string; requesterPhone: string; requesterKind: 'citizen' | 'enterprise';
  enterpriseName: string | null; locationText: string; lat: number | null; lng: number | null; acceptedAt: Date; acceptedBy: number | null;
  idempotency: { scope: string; key: string; hash: string } | null;
}

export interface TicketSnapshot {
  ticket: Ticket;
  assignments: Assignment[];
  clocks: Clock[];
  extensions: ExtensionRequest[];
}

export type PlannedClock = NewClock & { assignmentRef?: string };

/** The public part of the story, shown to requesters: unit names, never staff names or notes. */
export const PUBLIC_ACTIONS = ['accepted', 'assigned', 'acknowledged', 'returned', 'return_decided', 'extension_decided', 'replied', 'rated', 'closed', 'reopened', 'merged', 'rejected'] as const;
