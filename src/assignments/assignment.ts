/**
 * The shared assignment model (ARCHITECTURE.md): one unit's part of a piece of work, lead or co-handling,
 * possibly handed down the tree (区镇村三级联办). Tickets, tasks, project steps and topics all use it.
 */

export const RETURN_REASONS = ['jurisdiction', 'ownership', 'overlap', 'other'] as const;
/** 属地不符, 权属不清, 职能交叉, 其他. */
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const RETURN_REASON_ZH: Record<ReturnReason, string> = { jurisdiction: '属地不符', ownership: '权属不清', overlap: '职能交叉', other: '其他' };

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

