/**
 * The narrative of one demo ticket: intake, dispatch, the units' work, the reply, the callback and any
 * re-handling, each step at a realistic moment (office time for desks and units, around the clock for
 * emergencies and the public), stopping wherever the story reaches the anchor.
 */
import { addWorkingMs } from '../calendar/calendar.rules.js';
import { measure, shift } from '../clocks/clock.rules.js';
import type { TimeLimit } from '../clocks/clock.js';
import type { Assignment } from '../tickets/ticket.js';
import { clockOf, isActive } from '../tickets/ticket.rules.js';
import { arbitrate, assign, close, merge, reject, reopen } from '../tickets/ticket.dispatch.rules.js';
import { acknowledge, contact, note, pause, reply, requestExtension, resume, returnWork, subAssign } from '../tickets/ticket.handling.rules.js';
import { decideExtension, rate, supervise, urge } from '../tickets/ticket.supervision.rules.js';
import type { DepartmentKey } from './demo.district.js';
import { callbackFate, handlingFate, unitPace, type IntakeFate } from './demo.fate.js';
import type { Random } from './demo.random.js';
import { Halt, type Author, type SimTicket, type Story, type World, type WorldService, type WorldUnit } from './demo.story.js';
import * as text from './demo.texts.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

// Where a department's work is most often sent by mistake (职能交叉): the neighbour it gets confused with.
const CONFUSED_WITH: Partial<Record<DepartmentKey, DepartmentKey>> = {
  urban: 'housing', housing: 'urban', water: 'urban', eco: 'urban', market: 'commerce', hr: 'services', edu: 'civil', health: 'medical',
  medical: 'health', transport: 'police', police: 'transport', land: 'housing', industry: 'drc', drc: 'industry', finance: 'industry',
  agri: 'land', civil: 'hr', services: 'business', business: 'drc', emergency: 'urban', justice: 'civil',
};

const limitMs = (l: TimeLimit, officeDay: number) =>
  l.unit === 'minutes' ? l.amount * MIN : l.unit === 'hours' ? l.amount * HOUR : l.amount * (l.unit === 'working_days' ? officeDay : 86_400_000);

/** The walk through one ticket's story; `run` plays it until it ends or reaches the anchor. */
export class Walk {
  private readonly w: World;
  private readonly officeDay: number;
  private readonly byId: Map<number, WorldUnit>;

  constructor(
    private readonly story: Story, private readonly rng: Random, private readonly svc: WorldService, private readonly fate: IntakeFate,
    private readonly intakeAuthor: Author, private readonly mainOf: (index: number) => SimTicket | undefined,
    private readonly town: WorldUnit, private readonly village: WorldUnit, private readonly req: text.Request,
  ) {
    this.w = story.world;
    this.officeDay = this.w.cal.index.officeMsPerDay;
    this.byId = new Map([...this.w.units.values()].map((u) => [u.id, u]));
  }

  private staff(list: number[]): Author { return { actorId: this.rng.pick(list), label: null }; }
  private dispatcher(): Author { return this.staff(this.w.staff.dispatchers); }
  private operator(): Author { return this.staff(this.w.staff.operators); }
  private supervisor(): Author { return this.staff(this.w.staff.supervisors); }
  /** `hours` of office time after `at` (desks and units work office hours). */
  private office(at: Date, hours: number): Date { return addWorkingMs(this.w.cal, at, Math.max(0, hours) * HOUR); }
  private days(at: Date, workingDays: number): Date { return addWorkingMs(this.w.cal, at, workingDays * this.officeDay); }
  private get snap() { return this.story.snap; }
  private lead(): Assignment { return this.snap.assignments.find((a) => a.role === 'lead' && a.parentId === null && isActive(a))!; }

  run(): void {
    const { story, fate, rng, svc } = this;
    const t0 = story.t.plan.acceptedAt;
    const spec = svc.spec;
    if (fate.kind === 'direct') {
      const staffIntake = this.intakeAuthor.actorId !== null;
      const at = staffIntake ? new Date(t0.getTime() + rng.int(3, 15) * MIN) : this.office(t0, rng.between(0.2, 2));
      story.move(at, staffIntake ? this.intakeAuthor : this.dispatcher(), (s, env) => close(s, text.directAnswer(rng, spec), env));
      return;
    }
    const right = spec.territorial ? this.town : svc.unit;
    let first: WorldUnit;
    if (fate.classified) {
      // Intake dispatches a classified ticket at once to the service's department (ticket.intake.service.ts).
      first = svc.unit;
      story.move(t0, this.intakeAuthor, (s, env) => assign(s, { lead: first, co: [] }, env));
    } else {
      if (story.t.plan.hold === 'dispatch') throw new Halt();
      const at = this.office(t0, rng.chance(0.85) ? rng.between(0.1, 2.5) : rng.between(2.5, 7));
      if (fate.kind === 'reject') {
        story.move(at, this.dispatcher(), (s, env) => reject(s, text.rejectReason(rng), env));
        return;
      }
      if (fate.kind === 'duplicate' && this.mergeIntoMain(at)) return;
      first = fate.misdirect ? this.wrongUnit() : right;
      const co = fate.co && first.id !== this.town.id ? [this.town] : [];
      story.move(at, this.dispatcher(), (s, env) => assign(s, { lead: first, co, service: { id: svc.id, versionId: svc.versionId, limits: svc.limits } }, env));
    }
    let misdirected = fate.misdirect || first.id !== right.id;
    let unfounded = fate.unfounded;
    for (;;) {
      this.handle(misdirected ? right : null, unfounded);
      misdirected = false;
      unfounded = false;
      if (!this.callback()) return;
    }
  }

  private mergeIntoMain(at: Date): boolean {
    const main = this.mainOf(this.story.t.plan.duplicateOf!);
    if (!main || main.plan.acceptedAt > at || (main.openUntil !== null && main.openUntil <= at)) return false;
    this.story.move(at, this.dispatcher(), (s, env) => merge(s, { id: main.snap.ticket.id, open: true }, env));
    return true;
  }

  private wrongUnit(): WorldUnit {
    if (this.svc.spec.territorial) {
      const others = this.w.district.towns.filter((x) => x.code !== this.town.code);
      return this.w.units.get(this.rng.pick(others).code)!;
    }
    const key = CONFUSED_WITH[this.svc.spec.dept] ?? 'services';
    return this.w.units.get(this.w.district.departments.find((x) => x.key === key)!.code)!;
  }

  /** One round of handling by the lead unit, up to its reply. `rightUnit`: the lead is wrong and returns it there. */
  private handle(rightUnit: WorldUnit | null, unfounded: boolean): void {
    const { story, rng } = this;
    const plan = story.t.plan;
    let a = this.lead();
    if (rightUnit) {
      const returnedId = a.id;
      const territorial = this.svc.spec.territorial;
      const reason = text.misdirectedReason(rightUnit.name, territorial);
      // Most units sign for the work before finding it is not theirs.
      if (rng.chance(0.7)) story.move(this.office(a.dispatchedAt, rng.between(0.05, 1.5)), story.handler(a.unitId), (s, env) => acknowledge(s, a.id, env));
      this.returnWork(a, territorial ? 'jurisdiction' : 'overlap', reason, territorial ? null : '《事项清单》职责分工');
      if (plan.hold === 'arbitrate') throw new Halt();
      const at = this.office(story.now, rng.chance(0.85) ? rng.between(0.3, 5) : rng.between(7, 14));
      story.move(at, this.dispatcher(), (s, env) => arbitrate(s, returnedId, { decision: 'accept', lead: rightUnit, co: [] }, env));
      a = this.lead();
    }
    const limits = this.snap.ticket.limits!;
    const unit = this.byId.get(a.unitId)!;
    const h = story.handler(a.unitId);
    const f = handlingFate(rng, this.svc.spec, plan.hold, unitPace(unit.code));
    if (plan.hold === 'acknowledge') throw new Halt();
    const ack = limits.acknowledge ?? { amount: 2, unit: 'hours' };
    const ackAt = shift(this.w.cal, ack, a.dispatchedAt, limitMs(ack, this.officeDay) * (f.ackLate ? rng.between(1.2, 5) : rng.between(0.03, 0.8)));
    const village = f.subAssign && unit.id === this.town.id ? this.village : null;
    if (village && !unfounded) story.move(ackAt, h, (s, env) => subAssign(s, a.id, [village], env));
    else story.move(ackAt, h, (s, env) => acknowledge(s, a.id, env));
    if (unfounded) {
      this.returnWork(a, 'overlap', text.UNFOUNDED_RETURN, null);
      if (plan.hold === 'arbitrate') throw new Halt();
      story.move(this.office(story.now, rng.between(0.5, 6)), this.dispatcher(), (s, env) => arbitrate(s, a.id, { decision: 'refuse', reason: text.RETURN_REFUSED }, env));
      // Told to keep it, the street hands its part to the community after all.
      if (village) story.move(this.office(story.now, rng.between(0.2, 2)), h, (s, env) => subAssign(s, a.id, [village], env));
    }
    const agenda: Array<[Date, () => void]> = [];
    const fc = limits.firstContact;
    let contactAt = fc ? shift(this.w.cal, fc, a.dispatchedAt, limitMs(fc, this.officeDay) * (f.contactLate ? rng.between(1.1, 2.5) : rng.between(0.05, 0.9))) : this.office(story.now, rng.between(0.2, 3));
    if (contactAt <= story.now) contactAt = new Date(story.now.getTime() + rng.int(5, 60) * MIN);
    agenda.push([contactAt, () => {
      const body = text.contactNote(rng, story.t.snap.ticket.requesterName, this.days(contactAt, rng.between(0.5, 2)));
      if (story.tryMove(contactAt, h, (s, env) => withBody(contact(s, a.id, 'phone', env), body))) story.note(story.now, h, a.id, 'contact', body);
    }]);
    const resolveClock = clockOf(this.snap, a.id, 'resolve');
    if (f.note && resolveClock) {
      const at = this.office(contactAt, rng.between(1, 10));
      agenda.push([at, () => {
        const body = text.workNote(rng, resolveClock.deadline);
        if (story.tryMove(at, h, (s) => withBody(note(s, a.id), body))) story.note(story.now, h, a.id, 'note', body);
      }]);
    }
    this.partners(agenda, a, village, f.coContributes, f.villageReturns);
    if (f.pause) {
      const at = this.office(contactAt, rng.between(1, 7));
      const reason = text.pauseReason(rng);
      agenda.push([at, () => {
        if (!story.tryMove(at, h, (s, env) => pause(s, a.id, reason, env))) return;
        if (plan.hold === 'resume') throw new Halt();
        story.tryMove(this.days(story.now, rng.between(0.5, 3)), h, (s, env) => resume(s, a.id, env));
      }]);
    }
    if (f.extension && resolveClock && (limits.maxExtensions ?? 0) > 0) {
      const allowed = measure(this.w.cal, resolveClock.limit, resolveClock.startedAt, resolveClock.deadline);
      const at = plan.hold === 'decideExtension' ? this.office(contactAt, 0.5) : shift(this.w.cal, resolveClock.limit, resolveClock.startedAt, allowed * rng.between(0.55, 0.85));
      const wanted = Math.min(limits.maxExtensionWorkingDays, rng.pick([3, 5, 5, 7, 10]));
      agenda.push([at, () => {
        const o = story.tryMove(at, h, (s, env) => requestExtension(s, a.id, wanted, text.extensionReason(rng, wanted), env));
        if (!o) return;
        if (plan.hold === 'decideExtension') throw new Halt();
        const id = o.data.extensionId as number;
        const note = f.approve ? text.EXTENSION_APPROVED : text.EXTENSION_REFUSED;
        story.tryMove(this.office(story.now, rng.between(0.5, 7)), this.supervisor(), (s, env) => {
          const d = decideExtension(s, id, f.approve, note, env);
          d.data.note = note;
          return d;
        });
      }]);
    }
    agenda.sort((x, y) => x[0].getTime() - y[0].getTime());
    for (const [, step] of agenda) step();
    this.reply(a, f.replyShare);
  }

  private returnWork(a: Assignment, code: 'jurisdiction' | 'overlap', reason: string, evidence: string | null): void {
    const { story, rng } = this;
    const window = clockOf(this.snap, a.id, 'return_window');
    let at = this.office(story.now, rng.between(0.3, 9));
    if (window && at >= window.deadline) at = new Date(window.deadline.getTime() - 5 * MIN);
    story.move(at, story.handler(a.unitId), (s, env) => returnWork(s, a.id, { reasonCode: code, reason, evidence }, env));
    story.t.assignmentExtras.get(a.id)!.returnEvidence = evidence;
  }

  /** Co-units and the village handed the work: acknowledge, and most add their part before the lead replies. */
  private partners(agenda: Array<[Date, () => void]>, lead: Assignment, village: WorldUnit | null, contributes: boolean, villageReturns: boolean): void {
    const { story, rng } = this;
    const leadName = this.byId.get(lead.unitId)!.name;
    const helpers = this.snap.assignments.filter((x) => isActive(x) && x.id !== lead.id && (x.role === 'co' || x.parentId === lead.id));
    for (const x of helpers) {
      const h = story.handler(x.unitId);
      const ackAt = this.office(x.dispatchedAt, rng.chance(0.9) ? rng.between(0.1, 1.8) : rng.between(2, 6));
      agenda.push([ackAt, () => { story.tryMove(ackAt, h, (s, env) => acknowledge(s, x.id, env)); }]);
      // The community's grid worker or the co-unit usually calls on the requester too.
      if (rng.chance(0.8)) {
        const at = this.days(ackAt, rng.between(0.05, 0.8));
        const body = text.visitNote(rng, this.snap.ticket.requesterName);
        agenda.push([at, () => { if (story.tryMove(at, h, (s, env) => withBody(contact(s, x.id, 'visit', env), body))) story.note(story.now, h, x.id, 'contact', body, 'visit'); }]);
      }
      const resolve = clockOf(this.snap, x.id, 'resolve');
      const doneAt = resolve ? shift(this.w.cal, resolve.limit, resolve.startedAt, measure(this.w.cal, resolve.limit, resolve.startedAt, resolve.deadline) * rng.between(0.15, 0.7)) : this.office(ackAt, 4);
      if (village && x.unitId === village.id && villageReturns) {
        const reason = '经核实该问题超出本村（社区）处置能力，请上级单位协调处理。';
        agenda.push([doneAt, () => {
          if (story.tryMove(doneAt, h, (s, env) => returnWork(s, x.id, { reasonCode: 'other', reason, evidence: null }, env))) story.t.assignmentExtras.get(x.id)!.returnEvidence = null;
        }]);
      } else if (contributes) {
        const body = text.contributionText(rng, leadName);
        agenda.push([doneAt, () => {
          if (story.tryMove(doneAt, h, (s, env) => reply(s, x.id, body, env))) story.t.assignmentExtras.get(x.id)!.opinion = body;
        }]);
      }
    }
  }

  private reply(a: Assignment, share: number): void {
    const { story, rng } = this;
    const r = clockOf(this.snap, a.id, 'resolve');
    // Units aim at the nearer of their own deadline and the promise to the requester.
    const sla = this.snap.clocks.find((c) => c.kind === 'sla' && c.status.state === 'running');
    const target = r && sla && sla.deadline < r.deadline && sla.deadline > r.startedAt ? sla.deadline : r?.deadline;
    let at = r && target ? shift(this.w.cal, r.limit, r.startedAt, measure(this.w.cal, r.limit, r.startedAt, target) * share) : this.office(story.now, rng.between(1, 14));
    if (at <= story.now) at = new Date(story.now.getTime() + rng.int(10, 90) * MIN);
    if (r && r.status.state === 'running') {
      if (at > r.warnAt && rng.chance(0.45)) {
        const urgeAt = this.office(r.warnAt > story.now ? r.warnAt : story.now, rng.between(0.1, 2));
        if (urgeAt < at) story.tryMove(urgeAt, this.supervisor(), (s) => urge(s, text.urgeMessage(false), undefined));
      }
      if (at > r.deadline) {
        const urgeAt = this.office(r.deadline > story.now ? r.deadline : story.now, rng.between(0.5, 4));
        if (rng.chance(0.6) && urgeAt < at) story.tryMove(urgeAt, this.supervisor(), (s) => urge(s, text.urgeMessage(true), undefined));
        const superviseAt = this.days(r.deadline > story.now ? r.deadline : story.now, rng.between(0.5, 1.5));
        if (rng.chance(0.35) && superviseAt < at) story.tryMove(superviseAt, this.supervisor(), (s) => supervise(s, text.SUPERVISE_MESSAGE));
      }
    }
    const unitName = this.byId.get(a.unitId)!.name;
    const actionDay = new Date(Math.max(a.dispatchedAt.getTime(), at.getTime() - rng.between(0, 2) * 86_400_000));
    const body = text.replyText(rng, this.svc.spec, this.req, this.req.title, unitName, actionDay);
    story.move(at, story.handler(a.unitId), (s, env) => reply(s, a.id, body, env));
    story.t.assignmentExtras.get(a.id)!.opinion = body;
  }

  /** The callback (回访) and rating; true when the ticket goes back for another round. */
  private callback(): boolean {
    const { story, rng } = this;
    const t = this.snap.ticket;
    const repliedAt = t.repliedAt!;
    const sla = this.snap.clocks.filter((c) => c.kind === 'sla').at(-1);
    const late = sla?.overdueAt !== null && sla?.overdueAt !== undefined;
    const online = t.channel === 'web' || t.channel === 'app';
    const f = callbackFate(rng, late, online);
    const callbackClock = clockOf(this.snap, null, 'callback');
    if (f.path === 'unreachable' && !f.publicRates) {
      // Three calls over the callback window, then the operator closes it (a few only after the limit).
      const at = rng.chance(0.85) ? this.days(repliedAt, rng.between(1.2, 1.95)) : this.office(callbackClock?.deadline ?? this.days(repliedAt, 2), rng.between(0.2, 3));
      story.move(at, this.operator(), (s, env) => close(s, text.CLOSE_UNREACHABLE, env));
      return false;
    }
    const rateAt = f.publicRates ? new Date(repliedAt.getTime() + rng.between(1, 40) * HOUR) : this.days(repliedAt, f.path === 'late' ? rng.between(2.05, 4) : rng.between(0.05, 1.8));
    const resolved = f.satisfaction === 'satisfied' ? (rng.chance(0.92) ? 'yes' : 'partly') : f.satisfaction === 'basic' ? (rng.chance(0.6) ? 'partly' : 'yes') : (rng.chance(0.7) ? 'no' : 'partly');
    const comment = text.ratingComment(rng, f.satisfaction);
    story.move(rateAt, f.publicRates ? { actorId: null, label: 'public' } : this.operator(), (s, env) => rate(s, resolved, f.satisfaction, comment, env));
    const lead = this.byId.get(t.leadUnitId!)!;
    if (f.satisfaction === 'unsatisfied') {
      const at = this.office(story.now, rng.between(1, 7));
      if (f.reopenIfUnhappy && t.reopenCount < 2) {
        story.move(at, this.dispatcher(), (s, env) => reopen(s, lead, text.reopenReason(comment), env));
        return true;
      }
      story.move(at, this.operator(), (s, env) => close(s, text.CLOSE_EXPLAINED, env));
      return false;
    }
    if (f.spotCheck && t.reopenCount < 2) {
      story.move(this.days(story.now, rng.between(1, 5)), this.supervisor(), (s, env) => reopen(s, lead, text.SPOT_CHECK, env));
      return true;
    }
    return false;
  }
}

function withBody<T extends { data: Record<string, unknown> }>(o: T, body: string): T {
  o.data.body = body;
  return o;
}
