/**
 * One ticket's life, played through the real pure rules in memory: each move is decided by the same
 * `decide` functions the service calls, applied with `evolve`, and recorded the way `saveOutcome` would
 * record it (audit event, notices, the extra columns the service sets). The deadline sweep is played too,
 * at the instants the server's sweeper would have recorded each warning and overdue.
 */
import type { WorkCalendar } from '../calendar/calendar.js';
import { nextCheckAt, sweepClock } from '../clocks/clock.rules.js';
import type { Clock } from '../clocks/clock.js';
import { DomainError } from '../platform/errors.js';
import { evolve, type NextId } from '../tickets/ticket.evolve.js';
import type { Channel, TicketLimits, TicketSnapshot } from '../tickets/ticket.js';
import { isOpen, type Outcome, type RuleEnv } from '../tickets/ticket.rules.js';
import type { DemoService } from './demo.catalogue.js';
import type { DemoDistrict } from './demo.district.js';
import type { TicketPlan } from './demo.plan.js';
import { DEMO_OPEN311 } from './demo.open311.js';

export interface WorldUnit { id: number; code: string; name: string; path: string; active: boolean; kind: string; phone: string }
export interface WorldService { id: number; versionId: number; spec: DemoService; limits: TicketLimits; unit: WorldUnit }

/** What the simulation knows of the seeded district: database ids of units, services and staff. */
export interface World {
  cal: WorkCalendar;
  anchor: Date;
  district: DemoDistrict;
  units: Map<string, WorldUnit>;
  services: Map<string, WorldService>;
  staff: { operators: number[]; dispatchers: number[]; supervisors: number[]; window: number; enterprise: number; integration: number };
  /** The handler account of each unit, by unit id. */
  handlers: Map<number, number>;
}

export interface Author { actorId: number | null; label: string | null }

export interface DemoEvent { at: Date; seq: number; actorId: number | null; actorLabel: string | null; action: string; before: unknown; after: unknown; data: Record<string, unknown> }
export interface DemoNote { assignmentId: number | null; authorId: number | null; kind: 'note' | 'contact'; body: string; contactMethod: string | null; at: Date }
export interface DemoNotice { unitId: number; kind: string; message: string; at: Date; clockId: number | null }
export interface AssignmentExtra { dispatchedBy: number | null; opinion: string | null; returnEvidence: string | null; returnDecidedAt: Date | null; returnDecidedBy: number | null }
export interface ExtensionExtra { requestedBy: number | null; decidedAt: Date | null; decidedBy: number | null; note: string | null }

/** Everything written for one ticket; ids of assignments, clocks and extensions are the simulation's own. */
export interface SimTicket {
  plan: TicketPlan;
  snap: TicketSnapshot;
  location: string;
  requesterKind: 'citizen' | 'enterprise';
  enterpriseName: string | null;
  acceptedBy: number | null;
  suggestedServiceId: number | null;
  events: DemoEvent[];
  notes: DemoNote[];
  notices: DemoNotice[];
  assignmentExtras: Map<number, AssignmentExtra>;
  extensionExtras: Map<number, ExtensionExtra>;
  version: number;
  updatedAt: Date;
  /** When the ticket first left the open statuses (closed, merged, rejected); null while open. */
  openUntil: Date | null;
}

/** Thrown when the story reaches the anchor: what would happen next has not happened yet. */
export class Halt extends Error {}

const KIND_ZH: Record<Clock['kind'], string> = {
  sla: '办理时限', acknowledge: '签收时限', first_contact: '首次联系时限', resolve: '办结时限', callback: '回访时限', return_window: '退单时限',
};

// Notifications are written for the last week only: older ones would long have been read and cleared.
const NOTICE_WINDOW_MS = 7 * 86_400_000;

export class Story {
  private seq = 0;
  private lastAt: Date;

  constructor(readonly world: World, readonly t: SimTicket, private readonly ids: NextId) {
    this.lastAt = t.plan.acceptedAt;
  }

  get snap(): TicketSnapshot { return this.t.snap; }
  get now(): Date { return this.lastAt; }
  get cal(): WorkCalendar { return this.world.cal; }

  record(at: Date, author: Author, action: string, data: Record<string, unknown>, before?: unknown, after?: unknown): void {
    this.t.events.push({ at, seq: this.seq++, actorId: author.actorId, actorLabel: author.label, action, before: before ?? null, after: after ?? null, data });
  }

  /**
   * Play one move at `at` (never before the previous one). Throws Halt past the anchor, and the rule's
   * own refusal if the move is not allowed.
   */
  move(at: Date, author: Author, decide: (snap: TicketSnapshot, env: RuleEnv) => Outcome): Outcome {
    if (at > this.world.anchor) throw new Halt();
    const now = at < this.lastAt ? this.lastAt : at;
    const saved = { snap: this.t.snap, events: this.t.events.length, notices: this.t.notices.length };
    this.sweep(now);
    const before = this.t.snap;
    let o: Outcome;
    try {
      o = decide(before, { now, cal: this.world.cal });
    } catch (err) {
      // A refused move changes nothing, not even the sweep played up to it: a later move may come earlier.
      this.t.snap = saved.snap;
      this.t.events.length = saved.events;
      this.t.notices.length = saved.notices;
      throw err;
    }
    const next = evolve(before, o, this.ids);
    for (const a of next.assignments) {
      const old = before.assignments.find((b) => b.id === a.id);
      if (!old) this.t.assignmentExtras.set(a.id, { dispatchedBy: author.actorId, opinion: null, returnEvidence: null, returnDecidedAt: null, returnDecidedBy: null });
      else if (old.returnDecision === null && a.returnDecision !== null) Object.assign(this.t.assignmentExtras.get(a.id)!, { returnDecidedAt: now, returnDecidedBy: author.actorId });
    }
    if (o.newExtension) {
      const ext = next.extensions[next.extensions.length - 1]!;
      o.data.extensionId = ext.id;
      this.t.extensionExtras.set(ext.id, { requestedBy: author.actorId, decidedAt: null, decidedBy: null, note: null });
    }
    for (const e of o.extensions) {
      Object.assign(this.t.extensionExtras.get(e.id)!, { decidedAt: now, decidedBy: author.actorId, note: typeof o.data.note === 'string' ? o.data.note : null });
    }
    const changed = before.ticket.status !== next.ticket.status;
    this.record(now, author, o.action, o.data, changed ? { status: before.ticket.status } : undefined, changed ? { status: next.ticket.status } : undefined);
    for (const n of o.notify) this.notice(now, n.unitId, n.kind, n.message, null);
    this.t.snap = { ...next, ticket: { ...next.ticket, version: next.ticket.version + 1 } };
    this.t.version = this.t.snap.ticket.version;
    this.t.updatedAt = now;
    this.lastAt = now;
    if (this.t.openUntil === null && !isOpen(next.ticket)) this.t.openUntil = now;
    return o;
  }

  /** A move the unit or desk may or may not be allowed to make at that moment: a refusal just skips it. */
  tryMove(at: Date, author: Author, decide: (snap: TicketSnapshot, env: RuleEnv) => Outcome): Outcome | null {
    try {
      return this.move(at, author, decide);
    } catch (err) {
      if (err instanceof DomainError) return null;
      throw err;
    }
  }

  /** The sweeper's work up to `until`: each warning and overdue once, at the instant it fell due. */
  sweep(until: Date): void {
    const found: Array<{ at: Date; clock: Clock; event: string }> = [];
    const clocks = this.t.snap.clocks.map((c) => {
      let clock = c;
      for (let i = 0; i < 2 && clock.status.state === 'running'; i++) {
        const threshold = nextCheckAt(clock);
        if (!threshold) break;
        const at = threshold < this.lastAt ? this.lastAt : threshold;
        if (at > until) break;
        const { clock: next, events } = sweepClock(clock, at);
        for (const event of events) found.push({ at, clock, event });
        clock = next;
      }
      return clock;
    });
    // In the order the sweeper would have met them, across clocks.
    found.sort((x, y) => x.at.getTime() - y.at.getTime());
    for (const { at, clock, event } of found) {
      this.record(at, { actorId: null, label: 'system' }, event, { clockId: clock.id, kind: clock.kind, assignmentId: clock.assignmentId, deadline: clock.deadline.toISOString() });
      const unitId = clock.assignmentId === null ? this.t.snap.ticket.leadUnitId : this.t.snap.assignments.find((a) => a.id === clock.assignmentId)?.unitId;
      if (unitId) this.notice(at, unitId, event, event === 'clock_warning' ? `${KIND_ZH[clock.kind]}即将到期` : `${KIND_ZH[clock.kind]}已超时`, clock.id);
    }
    this.t.snap = { ...this.t.snap, clocks };
  }

  private notice(at: Date, unitId: number, kind: string, message: string, clockId: number | null): void {
    if (this.world.anchor.getTime() - at.getTime() <= NOTICE_WINDOW_MS) this.t.notices.push({ unitId, kind, message, at, clockId });
  }

  handler(unitId: number): Author {
    return { actorId: this.world.handlers.get(unitId) ?? null, label: null };
  }

  note(at: Date, author: Author, assignmentId: number | null, kind: 'note' | 'contact', body: string, method = 'phone'): void {
    this.t.notes.push({ assignmentId, authorId: author.actorId, kind, body, contactMethod: kind === 'contact' ? method : null, at });
  }
}

export const channelAuthor = (w: World, channel: Channel, pick: (list: number[]) => number): Author => {
  switch (channel) {
    case 'hotline': return { actorId: pick(w.staff.operators), label: null };
    case 'window': return { actorId: w.staff.window, label: null };
    case 'enterprise': return { actorId: w.staff.enterprise, label: null };
    case 'api': return { actorId: w.staff.integration, label: null };
    case 'proactive': return { actorId: pick(w.staff.supervisors), label: null };
    case 'open311': return { actorId: null, label: `open311:${DEMO_OPEN311.name}` };
    case 'web':
    case 'app': return { actorId: null, label: 'public' };
  }
};
