/**
 * Simulating demo tickets: set up each ticket as intake would (texts, requester, the promise to them),
 * walk its story (demo.walk.ts), and play the sweep up to the anchor.
 */
import { CalendarYearMissingError } from '../calendar/calendar.js';
import type { NextId } from '../tickets/ticket.evolve.js';
import type { Ticket } from '../tickets/ticket.js';
import { slaClock } from '../tickets/ticket.rules.js';
import { intakeFate } from './demo.fate.js';
import { firmName, mobile, requesterName } from './demo.people.js';
import type { TicketPlan } from './demo.plan.js';
import { createRandom } from './demo.random.js';
import { channelAuthor, Halt, Story, type SimTicket, type World } from './demo.story.js';
import * as text from './demo.texts.js';
import { Walk } from './demo.walk.js';

export function simulateTicket(world: World, plan: TicketPlan, ids: NextId, mainOf: (index: number) => SimTicket | undefined): SimTicket {
  const rng = createRandom(plan.seed);
  const svc = world.services.get(plan.serviceCode)!;
  const s = svc.spec;
  const town = world.district.towns.find((x) => x.code === plan.townCode)!;
  const village = town.villages.find((x) => x.code === plan.villageCode)!;
  const firm = s.enterprise ? firmName(rng, world.district.name) : null;
  const where = text.address(rng, world.district, town, village, s, firm);
  const req = text.request(rng, s, where, plan.channel, firm);
  const fate = intakeFate(rng, plan, s);
  const intakeAuthor = channelAuthor(world, plan.channel, (list) => rng.pick(list));
  const t0 = plan.acceptedAt;
  const limits = fate.classified ? svc.limits : null;
  const ticket: Ticket = {
    id: plan.index + 1, trackingCode: '', channel: plan.channel, status: 'new', serviceId: fate.classified ? svc.id : null,
    serviceVersionId: fate.classified ? svc.versionId : null, limits, title: req.title, description: req.description,
    requesterName: requesterName(rng), requesterPhone: mobile(rng), acceptedAt: t0, leadUnitId: null, replyText: null, repliedAt: null,
    ratingResolved: null, ratingSatisfaction: null, ratingComment: null, ratedAt: null, closedAt: null, closeKind: null, supervised: false,
    urgeCount: 0, reopenCount: 0, mergedIntoId: null, publicReason: null, version: 1,
  };
  const sla = slaClock(world.cal, limits, t0);
  // An operator who picks the service sends no suggestions; the portal's keyword routing does.
  const suggestions = fate.classified && intakeAuthor.actorId !== null ? [] : [svc.id];
  const t: SimTicket = {
    plan, snap: { ticket, assignments: [], clocks: sla ? [{ ...sla, id: ids('clock') }] : [], extensions: [] },
    location: where.location, requesterKind: s.enterprise ? 'enterprise' : 'citizen', enterpriseName: firm, acceptedBy: intakeAuthor.actorId,
    suggestedServiceId: suggestions[0] ?? null, events: [], notes: [], notices: [], assignmentExtras: new Map(), extensionExtras: new Map(),
    version: 1, updatedAt: t0, openUntil: null,
  };
  const story = new Story(world, t, ids);
  story.record(t0, intakeAuthor, 'accepted', { channel: plan.channel, serviceId: ticket.serviceId, suggestions }, undefined, { status: 'new' });
  try {
    new Walk(story, rng, svc, fate, intakeAuthor, mainOf, world.units.get(town.code)!, world.units.get(village.code)!, req).run();
  } catch (err) {
    if (!(err instanceof Halt)) throw err;
  }
  story.sweep(world.anchor);
  return t;
}

/**
 * Simulate a run of plans (one chunk): a duplicate finds its main ticket among those before it. A ticket
 * whose deadlines fall in a year the calendar has not loaded is left out rather than guessed at.
 */
export function simulateTickets(world: World, plans: readonly TicketPlan[], ids: NextId, done = new Map<number, SimTicket>()): { tickets: SimTicket[]; skipped: number } {
  const before = done.size;
  let skipped = 0;
  for (const plan of plans) {
    try {
      done.set(plan.index, simulateTicket(world, plan, ids, (i) => done.get(i)));
    } catch (err) {
      if (!(err instanceof CalendarYearMissingError)) throw err;
      skipped++;
    }
  }
  return { tickets: [...done.values()].slice(before), skipped };
}
