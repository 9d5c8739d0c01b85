/**
 * How a demo ticket's story will go, drawn from its own generator: the shares of returns, extensions,
 * late work and unhappy requesters are set here, in one place, so the district's figures can be tuned.
 */
import type { DemoService } from './demo.catalogue.js';
import type { Hold, TicketPlan } from './demo.plan.js';
import { mixSeed, type Random } from './demo.random.js';
import type { Satisfaction } from '../tickets/ticket.js';

export interface IntakeFate {
  kind: 'normal' | 'direct' | 'reject' | 'duplicate';
  /** The service was chosen at intake, so the ticket went at once to the service's department. */
  classified: boolean;
  /** The first unit given the work is the wrong one: it returns it and the dispatcher re-assigns. */
  misdirect: boolean;
  /** The right unit returns it anyway; the dispatcher refuses the return. */
  unfounded: boolean;
  /** A department leads and the street or town of the address co-handles. */
  co: boolean;
}

export interface HandlingFate {
  ackLate: boolean;
  contactLate: boolean;
  subAssign: boolean;
  villageReturns: boolean;
  coContributes: boolean;
  note: boolean;
  pause: boolean;
  extension: boolean;
  approve: boolean;
  /** When the reply comes, as a share of the resolve clock's allowed time (above 1: late). */
  replyShare: number;
}

export interface CallbackFate {
  path: 'rated' | 'late' | 'unreachable';
  publicRates: boolean;
  satisfaction: Satisfaction;
  reopenIfUnhappy: boolean;
  spotCheck: boolean;
}

const PERSONAL = new Set(['home', 'enterprise', 'hospital', 'school']);

export function intakeFate(rng: Random, plan: TicketPlan, s: DemoService): IntakeFate {
  const hold = plan.hold;
  let kind: IntakeFate['kind'] = 'normal';
  if (plan.duplicateOf !== null) kind = 'duplicate';
  else if (hold === null && rng.chance(s.limit === 'consult' ? 0.45 : s.place === 'home' ? 0.06 : 0)) kind = 'direct';
  else if (hold === null && rng.chance(0.025)) kind = 'reject';
  // Operators choose the service for most calls; a street's business (属地) is left to the dispatcher, who
  // assigns by address. When the operator does classify such a call it goes to the department, which returns it.
  const classifyShare = s.territorial ? 0.1 : plan.channel === 'web' || plan.channel === 'app' ? 0.55 : 0.8;
  // A question answered on the phone (直办) is classified at intake but not dispatched, then closed.
  const classified = kind === 'direct' || (kind === 'normal' && hold !== 'dispatch' && (hold === 'arbitrate' ? s.territorial : rng.chance(classifyShare)));
  const misdirect = kind === 'normal' && (hold === 'arbitrate' || (classified ? s.territorial : rng.chance(0.04)));
  return {
    kind, classified, misdirect,
    unfounded: kind === 'normal' && !misdirect && rng.chance(0.025),
    co: !s.territorial && !PERSONAL.has(s.place) && rng.chance(0.12),
  };
}

const EXTENSION_SHARE: Record<DemoService['limit'], number> = { emergency: 0, consult: 0, fast: 0.03, standard: 0.06, long: 0.12, complex: 0.2 };

/** Some units are quicker than others, and stay so: that is what the rankings should show. */
export function unitPace(code: string): number {
  const h = mixSeed(...[...code].map((c) => c.charCodeAt(0)));
  return 0.4 + 1.8 * (h / 4294967296);
}

export function handlingFate(rng: Random, s: DemoService, hold: Hold | null, pace: number): HandlingFate {
  const late = 0.06 * pace;
  const emergency = s.limit === 'emergency';
  const replyShare = rng.chance(emergency ? late * 1.5 : late) ? rng.between(1.05, 1.9) : rng.chance(0.12) ? rng.between(0.85, 0.99) : rng.between(0.08, 0.8);
  return {
    ackLate: rng.chance(0.07 * pace),
    contactLate: rng.chance(0.06 * pace),
    subAssign: s.territorial && rng.chance(0.65),
    villageReturns: rng.chance(0.05),
    coContributes: rng.chance(0.85),
    note: rng.chance(0.3),
    pause: hold === 'resume' || (!emergency && rng.chance(0.03)),
    extension: hold === 'decideExtension' || rng.chance(EXTENSION_SHARE[s.limit]),
    approve: rng.chance(0.8),
    replyShare,
  };
}

export function callbackFate(rng: Random, lateReply: boolean, online: boolean): CallbackFate {
  const satisfaction = rng.weighted<Satisfaction>(lateReply
    ? [['satisfied', 0.55], ['basic', 0.25], ['unsatisfied', 0.2]]
    : [['satisfied', 0.76], ['basic', 0.16], ['unsatisfied', 0.08]]);
  return {
    path: rng.weighted([['rated', 0.84], ['late', 0.06], ['unreachable', 0.1]]),
    publicRates: online && rng.chance(0.5),
    satisfaction,
    reopenIfUnhappy: rng.chance(0.6),
    spotCheck: rng.chance(0.012),
  };
}
