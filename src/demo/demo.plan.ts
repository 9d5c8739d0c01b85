/**
 * When the demo tickets arrive, through which channel, about what and where: drawn once from the seed
 * and the instant the simulation treats as "now" (the anchor), so a resumed run plans the same tickets.
 * The plan is cut into chunks that are simulated and written one transaction each.
 */
import type { WorkCalendar } from '../calendar/calendar.js';
import { isWorkingDay } from '../calendar/calendar.rules.js';
import { formatLocalDate, instantOf, localDayOf, MS_PER_DAY } from '../calendar/calendar.dates.js';
import type { Channel } from '../tickets/ticket.js';
import type { DemoService } from './demo.catalogue.js';
import type { DemoDistrict } from './demo.district.js';
import { createRandom, mixSeed, type Random } from './demo.random.js';

/** A step a few recent tickets wait at, so every queue of the console has work in it (see pickHolds). */
export type Hold = 'dispatch' | 'acknowledge' | 'arbitrate' | 'decideExtension' | 'resume';

export interface TicketPlan {
  index: number;
  seed: number;
  acceptedAt: Date;
  channel: Channel;
  serviceCode: string;
  townCode: string;
  villageCode: string;
  /** The plan index of the earlier ticket this one repeats (merged if that one is still open). */
  duplicateOf: number | null;
  hold: Hold | null;
}

export interface DemoPlan { anchor: Date; from: Date; tickets: TicketPlan[]; chunks: Array<{ start: number; end: number }> }

export interface PlanOptions { seed: number; anchor: Date; count: number; days?: number; chunkSize?: number }

// Calls by hour of day (Asia/Shanghai): the hotline answers around the clock, the portal peaks in the evening.
const HOTLINE_HOURS = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 3.5, 3.6, 3.0, 2.2, 2.4, 3.0, 3.1, 2.8, 2.4, 1.8, 1.6, 1.5, 1.2, 0.8, 0.5];
const ONLINE_HOURS = [0.4, 0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.5, 2, 2, 1.8, 1.8, 1.8, 1.8, 1.8, 1.6, 1.5, 1.8, 2.2, 2.5, 2.4, 1.6, 0.8];
const DESK_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 2, 0, 0, 2, 3, 3, 1, 0, 0, 0, 0, 0, 0];
const PATROL_HOURS = [0, 0, 0, 0, 0, 0, 0, 0.5, 2, 3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 0, 0, 0, 0, 0];

const HOURS: Record<Channel, number[]> = {
  hotline: HOTLINE_HOURS, web: ONLINE_HOURS, app: ONLINE_HOURS, open311: ONLINE_HOURS, window: DESK_HOURS, enterprise: DESK_HOURS, api: PATROL_HOURS, proactive: DESK_HOURS,
};

function channelFor(rng: Random, s: DemoService, workingDay: boolean): Channel {
  const c: Channel = s.enterprise
    ? rng.weighted([['enterprise', 0.5], ['hotline', 0.35], ['web', 0.15]])
    : s.group === '政务服务'
      ? rng.weighted([['window', 0.35], ['hotline', 0.45], ['web', 0.1], ['app', 0.1]])
      : (s.group === '城市管理' || s.group === '环境保护') && s.limit !== 'emergency'
        ? rng.weighted([['api', 0.1], ['open311', 0.04], ['hotline', 0.58], ['web', 0.12], ['app', 0.16]])
        : rng.weighted([['hotline', 0.7], ['web', 0.13], ['app', 0.17]]);
  // The desks and the grid patrols work office days only; on other days such a request comes by phone.
  return !workingDay && (c === 'window' || c === 'enterprise' || c === 'api') ? 'hotline' : c;
}

export function planTickets(o: PlanOptions, cal: WorkCalendar, d: DemoDistrict, services: readonly DemoService[]): DemoPlan {
  const rng = createRandom(mixSeed(o.seed, 0x9a11));
  const days = o.days ?? 183;
  const lastDay = localDayOf(o.anchor.getTime());
  const firstDay = lastDay - days;
  // Working days carry the load; weekends and holidays about half. Use of the platform grows over the months.
  const dayWeights: Array<[number, number]> = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const working = isWorkingDay(cal, formatLocalDate(day));
    const growth = 0.8 + 0.4 * ((day - firstDay) / days);
    const share = day === lastDay ? (o.anchor.getTime() - instantOf(day, 0)) / MS_PER_DAY : 1;
    dayWeights.push([day, (working ? 1 : 0.55) * growth * share]);
  }
  const serviceWeights = services.map((s) => [s, s.weight] as const);
  const townWeights = d.towns.map((t) => [t, t.weight] as const);
  const ruralWeights = townWeights.filter(([t]) => t.kind === 'town');
  const urbanWeights = townWeights.filter(([t]) => t.kind === 'street');
  const drafts: Array<Omit<TicketPlan, 'index' | 'seed'>> = [];
  while (drafts.length < o.count) {
    const day = rng.weighted(dayWeights);
    const service = rng.weighted(serviceWeights);
    const channel = channelFor(rng, service, isWorkingDay(cal, formatLocalDate(day)));
    const hourWeights = HOURS[channel].map((w, h) => [h, w] as const);
    const at = new Date(instantOf(day, rng.weighted(hourWeights) * 3_600_000 + rng.int(0, 3_599_999)));
    if (at >= o.anchor || at.getTime() < instantOf(firstDay, 0)) continue;
    // Farmland, village roads and burning stubble are the towns' business, not the streets'; residential buildings with lifts and property companies are the streets' (most of them).
    const urban = service.group === '物业管理' || service.place === 'building';
    const town = rng.weighted(service.place === 'village' ? ruralWeights : urban && rng.chance(0.9) ? urbanWeights : townWeights);
    const village = rng.pick(town.villages);
    drafts.push({ acceptedAt: at, channel, serviceCode: service.code, townCode: town.code, villageCode: village.code, duplicateOf: null, hold: null });
  }
  drafts.sort((a, b) => a.acceptedAt.getTime() - b.acceptedAt.getTime());
  const tickets: TicketPlan[] = drafts.map((p, index) => ({ ...p, index, seed: mixSeed(o.seed, index) }));
  markDuplicates(rng, tickets, services);
  pickHolds(rng, tickets, o.anchor, services);
  return { anchor: o.anchor, from: new Date(instantOf(firstDay, 0)), tickets, chunks: chunksFrom(tickets, 0, o.chunkSize) };
}

/** About one request in forty repeats one made in the hours before, about the same thing at the same place. */
function markDuplicates(rng: Random, tickets: TicketPlan[], services: readonly DemoService[]): void {
  const byCode = new Map(services.map((s) => [s.code, s]));
  for (const t of tickets) {
    if (!rng.chance(0.025)) continue;
    const earlier = tickets.slice(Math.max(0, t.index - 30), t.index)
      .filter((m) => m.duplicateOf === null && t.acceptedAt.getTime() - m.acceptedAt.getTime() < 20 * 3_600_000 && byCode.get(m.serviceCode)?.place !== 'home');
    if (earlier.length === 0) continue;
    const main = rng.pick(earlier);
    Object.assign(t, { duplicateOf: main.index, serviceCode: main.serviceCode, townCode: main.townCode, villageCode: main.villageCode, channel: t.channel === 'window' ? 'hotline' : t.channel });
  }
}

/**
 * A live console has work waiting at every step. Left to chance, a queue that empties within hours (a
 * return waiting for the dispatcher's decision) is often empty at the instant seeding runs, so a few recent
 * tickets are told to wait there: a realistic backlog, and one a tester can always find.
 */
function pickHolds(rng: Random, tickets: TicketPlan[], anchor: Date, services: readonly DemoService[]): void {
  const byCode = new Map(services.map((s) => [s.code, s]));
  const ageHours = (t: TicketPlan) => (anchor.getTime() - t.acceptedAt.getTime()) / 3_600_000;
  const repeated = new Set(tickets.map((t) => t.duplicateOf));
  const wants: Array<[Hold, number, number, number]> = [
    ['dispatch', 3, 1, 30], ['acknowledge', 3, 1, 30], ['arbitrate', 3, 30, 120], ['decideExtension', 2, 30, 160], ['resume', 2, 30, 120],
  ];
  for (const [hold, count, minAge, maxAge] of wants) {
    const candidates = tickets.filter((t) => {
      const s = byCode.get(t.serviceCode);
      const age = ageHours(t);
      return t.hold === null && t.duplicateOf === null && !repeated.has(t.index) && age >= minAge && age <= maxAge
        && s !== undefined && s.limit !== 'emergency' && s.limit !== 'consult' && (hold !== 'decideExtension' || s.limit === 'long' || s.limit === 'complex');
    });
    for (const t of rng.sample(candidates, count)) t.hold = hold;
  }
}

/**
 * Chunks of about `size` from plan index `from` on, never splitting a duplicate from the ticket it repeats
 * (both are written together). A resumed run chunks from where the last one stopped, always a clean cut.
 */
export function chunksFrom(tickets: readonly TicketPlan[], from: number, size = 500): Array<{ start: number; end: number }> {
  // A duplicate follows its main ticket within 30 plans (markDuplicates), so a cut only needs to look that far.
  const crossed = (cut: number) => tickets.slice(cut, cut + 31).some((t) => t.duplicateOf !== null && t.duplicateOf < cut);
  const chunks: Array<{ start: number; end: number }> = [];
  let start = from;
  while (start < tickets.length) {
    let end = Math.min(start + size, tickets.length);
    while (end < tickets.length && crossed(end)) end++;
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}
