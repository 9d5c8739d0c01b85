/**
 * 溯源分析 for the console: the hotspots of a period among the tickets the person may see, and turning one
 * into a proactive case (未诉先办) — a ticket the district opens itself, recorded with the tickets it answers for.
 */
import type { Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { TicketStatus } from '../tickets/ticket.js';
import { seesAllTickets } from '../tickets/ticket.policy.js';
import { intake } from '../tickets/ticket.intake.service.js';
import { byActor } from '../tickets/ticket.persist.js';
import { WORK_TYPE } from '../tickets/ticket.repository.js';
import { mineHotspots, type Hotspot } from './hotspot.rules.js';
import * as repo from './hotspot.repository.js';

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
/** The most tickets a period is mined from (the newest); a district's busiest month fits several times over. */
const PERIOD_CAP = 20_000;
const MAX_SPAN_DAYS = 366;
const CACHE_MS = 5 * 60_000;
const TREND_BUCKETS = 8;

export interface HotspotView extends Hotspot {
  units: Array<{ unitId: number; name: string; count: number }>;
  services: Array<{ name: string; count: number }>;
  tickets: Array<{ id: number; trackingCode: string; title: string; status: TicketStatus; acceptedAt: Date; locationText: string }>;
  trend: number[];
  case: { ticketId: number; trackingCode: string; status: TicketStatus } | null;
}

export interface HotspotReport { from: Date; to: Date; tickets: number; truncated: boolean; hotspots: HotspotView[] }

/** The last `days` days up to the end of today (Beijing time), so that a day's repeated views share one mining. */
export function recentDays(now: Date, days = 30): { from: Date; to: Date } {
  const to = new Date(Math.floor((now.getTime() + SHANGHAI) / DAY) * DAY + DAY - SHANGHAI);
  return { from: new Date(to.getTime() - days * DAY), to };
}

type Mined = Omit<HotspotReport, 'hotspots'> & { hotspots: Array<Omit<HotspotView, 'case'>> };
const cache = new WeakMap<Db, Map<string, { at: number; report: Mined }>>();

async function mine(db: Db, scope: string | null, from: Date, to: Date): Promise<Mined> {
  const key = `${scope ?? '*'}|${from.toISOString()}|${to.toISOString()}`;
  let entries = cache.get(db);
  if (!entries) cache.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.report;

  const tickets = await repo.periodTickets(db, from, to, scope, PERIOD_CAP);
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const found = mineHotspots(tickets.map((t) => ({
    id: t.id, title: t.title, body: t.description, location: t.location_text, category: t.service_name, at: t.accepted_at, reaction: t.reaction,
  })), { from, to, limit: 50 });
  const span = to.getTime() - from.getTime();
  const report: Mined = {
    from, to, tickets: tickets.length, truncated: tickets.length >= PERIOD_CAP,
    hotspots: found.map((h) => {
      const members = h.memberIds.map((id) => byId.get(id)!);
      const tally = <K>(keyOf: (t: repo.PeriodTicket) => K | null) => {
        const m = new Map<K, number>();
        for (const t of members) { const k = keyOf(t); if (k !== null) m.set(k, (m.get(k) ?? 0) + 1); }
        return [...m].sort((a, b) => b[1] - a[1]);
      };
      const trend = new Array<number>(TREND_BUCKETS).fill(0);
      for (const t of members) trend[Math.min(TREND_BUCKETS - 1, Math.floor(((t.accepted_at.getTime() - from.getTime()) / span) * TREND_BUCKETS))]! += 1;
      const unitNames = new Map(members.map((t) => [t.lead_unit_id, t.lead_unit_name]));
      return {
        ...h,
        units: tally((t) => t.lead_unit_id).map(([unitId, count]) => ({ unitId, name: unitNames.get(unitId) ?? '', count })),
        services: tally((t) => t.service_name).map(([name, count]) => ({ name, count })),
        tickets: [...members].reverse().slice(0, 10).map((t) => ({
          id: t.id, trackingCode: t.tracking_code, title: t.title, status: t.status, acceptedAt: t.accepted_at, locationText: t.location_text,
        })),
        trend,
      };
    }),
  };
  entries.set(key, { at: Date.now(), report });
  if (entries.size > 20) entries.delete(entries.keys().next().value!);
  return report;
}

function period(now: Date, days?: number, from?: Date, to?: Date): { from: Date; to: Date } {
  const d = recentDays(now, days);
  const p = { from: from ?? (to ? new Date(to.getTime() - 30 * DAY) : d.from), to: to ?? d.to };
  if (p.from >= p.to || p.to.getTime() - p.from.getTime() > MAX_SPAN_DAYS * DAY) {
    throw new DomainError('VALIDATION_FAILED', { from: p.from, to: p.to }, `统计区间须在 1 秒至 ${MAX_SPAN_DAYS} 天之间`, `the period must be longer than nothing and at most ${MAX_SPAN_DAYS} days`);
  }
  return p;
}

/** A case answers for a hotspot when it covers at least half of its tickets. */
const covers = (c: repo.CaseRow, memberIds: readonly number[]) => memberIds.filter((id) => c.member_ids.includes(id)).length * 2 >= memberIds.length;

export async function listHotspots(ctx: AppContext, actor: Actor, q: { days?: number; from?: Date; to?: Date; limit?: number }): Promise<HotspotReport> {
  const { from, to } = period(ctx.clock.now(), q.days, q.from, q.to);
  const mined = await mine(ctx.db, seesAllTickets(actor) ? null : actor.unitPath, from, to);
  const shown = mined.hotspots.slice(0, q.limit ?? 20);
  const cases = await repo.casesCovering(ctx.db, shown.flatMap((h) => h.memberIds));
  return {
    ...mined,
    hotspots: shown.map((h) => {
      const c = cases.find((x) => covers(x, h.memberIds));
      return { ...h, case: c ? { ticketId: c.ticket_id, trackingCode: c.tracking_code, status: c.status } : null };
    }),
  };
}

export interface CaseInput {
  hotspotKey: string; name: string; place: string | null; keywords: string[]; from: Date; to: Date; memberIds: number[];
  title: string; description: string; location: string; serviceId?: number | null;
}

const CASE_LOCK = 0x4d534201;

/** 未诉先办: a ticket of the 'proactive' channel for a hotspot, dispatched like any other, with the hotspot recorded. */
export async function createProactiveCase(ctx: AppContext, actor: Actor, input: CaseInput): Promise<{ ticketId: number; trackingCode: string }> {
  const members = [...new Set(input.memberIds)];
  if ((await repo.countTickets(ctx.db, members)) !== members.length) {
    throw new DomainError('VALIDATION_FAILED', { memberIds: 'unknown ticket' }, '热点包含不存在的工单', 'the hotspot lists a ticket that does not exist');
  }
  const now = ctx.clock.now();
  const result = await intake(ctx, byActor(actor), {
    channel: 'proactive', title: input.title, description: input.description, location: input.location, serviceId: input.serviceId ?? null,
    // The district itself is the requester of a case it opens: the hotline's number stands for it.
    requesterName: '主动发现（溯源分析）', requesterPhone: '12345',
  }, undefined, async (tx, ticketId) => {
    // One case per hotspot: concurrent requests are put in line, and the second finds the first.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CASE_LOCK]);
    if ((await repo.casesCovering(tx, members)).some((c) => covers(c, members))) throw new DomainError('HOTSPOT_CASE_EXISTS');
    const caseId = await repo.insertCase(tx, {
      ticketId, hotspotKey: input.hotspotKey, name: input.name, place: input.place, keywords: input.keywords,
      from: input.from, to: input.to, memberIds: members, createdBy: actor.userId, at: now,
    });
    await recordAudit(tx, {
      at: now, actorId: actor.userId, entityType: WORK_TYPE, entityId: ticketId, action: 'hotspot_case',
      data: { caseId, hotspotKey: input.hotspotKey, name: input.name, place: input.place, tickets: members.length },
    });
  });
  return { ticketId: result.ticket.id, trackingCode: result.ticket.trackingCode };
}
