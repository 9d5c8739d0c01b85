import type { Clock, NewClock, TimeLimit } from '../clocks/clock.js';

export const CHANNELS = ['hotline', 'web', 'app', 'api', 'open311', 'window', 'enterprise'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'arbitration', 'replied', 'closed', 'merged', 'rejected'] as const;
/**
 * new: accepted, waiting for dispatch · assigned: dispatched, the lead unit has not acknowledged ·
 * in_progress: the lead unit is handling · arbitration: the lead unit returned it, the dispatcher decides ·
 * replied: answered, waiting for the requester's rating · closed / merged / rejected: the loop ended.
 */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const RETURN_REASONS = ['jurisdiction', 'ownership', 'overlap', 'other'] as const;
/** 属地不符, 权属不清, 职能交叉, 其他. */
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const RETURN_REASON_ZH: Record<ReturnReason, string> = { jurisdiction: '属地不符', ownership: '权属不清', overlap: '职能交叉', other: '其他' };

export type Resolved = 'yes' | 'partly' | 'no';
export type Satisfaction = 'satisfied' | 'basic' | 'unsatisfied';
export type CloseKind = 'direct' | 'rated' | 'confirmed' | 'merged' | 'rejected';

/** The catalogue limits a ticket carries from acceptance (CLOCKS.md kinds of clock). */
export interface TicketLimits {
  acknowledge?: TimeLimit;
  firstContact?: TimeLimit;
  resolve?: TimeLimit;
  callback?: TimeLimit;
  returnWindow: TimeLimit;
  maxExtensions: number;
  maxExtensionWorkingDays: number;
}

export interface Ticket {
  id: number;
  trackingCode: string;
  channel: Channel;
  status: TicketStatus;
  serviceId: number | null;
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

export type AssignmentStatus = 'pending' | 'acknowledged' | 'done' | 'returned' | 'withdrawn';

export interface Assignment {
  id: number;
  unitId: number;
  unitPath: string;
  role: 'lead' | 'co';
  parentId: number | null;
  round: number;
  status: AssignmentStatus;
  dispatchedAt: Date;
  acknowledgedAt: Date | null;
  firstContactAt: Date | null;
  doneAt: Date | null;
  returnReasonCode: ReturnReason | null;
  returnReason: string | null;
  returnedAt: Date | null;
  returnDecision: 'accepted' | 'refused' | null;
  extensionCount: number;
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
export interface TicketSnapshot {
  ticket: Ticket;
  assignments: Assignment[];
  clocks: Clock[];
  extensions: ExtensionRequest[];
}

/** A unit to give work to, with what the rules need to know of it. */
export interface UnitRef { id: number; path: string; active: boolean }

/** A new assignment the rules decided on; `ref` lets new clocks and children point at it before it has an id. */
export interface NewAssignment {
  ref: string;
  unitId: number;
  unitPath: string;
  role: 'lead' | 'co';
  parentId: number | null;
  round: number;
  dispatchedAt: Date;
}

export type PlannedClock = NewClock & { assignmentRef?: string };

/** The public part of the story, shown to requesters: unit names, never staff names or notes. */
export const PUBLIC_ACTIONS = ['accepted', 'assigned', 'acknowledged', 'returned', 'return_decided', 'extension_decided', 'replied', 'rated', 'closed', 'reopened', 'merged', 'rejected'] as const;
