/**
 * Seeding the demo district: the base data (calendar, units, users, catalogue) through the real services,
 * then months of tickets simulated through the real rules and written in bulk, chunk by chunk. Progress is
 * kept in `settings` (demo.seeded), so any interrupted run resumes where it stopped.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { withTransaction, rows } from '../platform/database/db.js';
import type { AppContext } from '../platform/http/context.js';
import { hashPassword } from '../platform/auth/password.js';
import { ensureCalendarSeeded, getCalendar } from '../calendar/calendar.service.js';
import { createUnit } from '../units/unit.service.js';
import { listUnits } from '../units/unit.repository.js';
import { createUser } from '../users/user.service.js';
import { createService } from '../catalogue/service.service.js';
import { listVersionsByCodes } from '../catalogue/service.repository.js';
import { versionAt } from '../catalogue/service.rules.js';
import { effectiveLimits } from '../catalogue/service.js';
import { forgetRoutableServices } from '../routing/routing.service.js';
import { idCounter } from '../tickets/ticket.evolve.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import { describeService, limitsOf } from './demo.catalogue.js';
import { generateDistrict, type DemoDistrict } from './demo.district.js';
import { ensureDemoOpen311Access } from './demo.open311.js';
import { demoUsers } from './demo.people.js';
import { chunksFrom, planTickets } from './demo.plan.js';
import { countUnits, insertSimulated, lockDemoState, readDemoState, writeDemoState, type DemoState } from './demo.repository.js';
import { DEMO_SERVICES } from './demo.services.js';
import type { SimTicket, World, WorldUnit } from './demo.story.js';
import { simulateTickets } from './demo.simulate.js';

/** The demo password lives here and nowhere else: only demo accounts ever have it. */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_SEED = 20260301;
export const DEMO_TICKETS = 6000;

export interface SeedOptions {
  seed?: number;
  tickets?: number;
  chunkSize?: number;
  log?: (message: string) => void;
  onProgress?: (done: number, total: number) => void;
  /** Stops between chunks: everything written so far stays, and the next run resumes. */
  signal?: AbortSignal;
}

/**
 * Whether `serve --demo-if-empty` should seed: on an empty database (no units), or to finish a demo
 * seeding that was interrupted. A district with real units and no demo record is never touched.
 */
export async function demoSeedingWanted(ctx: Pick<AppContext, 'db'>): Promise<boolean> {
  const state = await readDemoState(ctx.db);
  if (state) return state.base !== 'done' || !state.tickets?.doneAt;
  return (await countUnits(ctx.db)) === 0;
}

export async function isDemoDatabase(ctx: Pick<AppContext, 'db'>): Promise<boolean> {
  return (await readDemoState(ctx.db)) !== undefined;
}

async function saveState(ctx: AppContext, state: DemoState): Promise<void> {
  await withTransaction(ctx.db, (tx) => writeDemoState(tx, state, ctx.clock.now()));
}

/** A few at a time: each create is its own small transaction, and round trips, not work, are what they cost. */
async function inParallel<T>(items: readonly T[], run: (item: T) => Promise<void>, width = 4): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

export interface BaseResult { units: number; users: number; services: number; open311: { name: string; key: string } | null; skipped: boolean }

/** Calendar, units, users and catalogue; each part skips what already exists, so a rerun completes a partial one. */
export async function seedDemoBase(ctx: AppContext, o: SeedOptions = {}): Promise<BaseResult> {
  const log = o.log ?? (() => {});
  const previous = await readDemoState(ctx.db);
  if (previous?.base === 'done') return { units: 0, users: 0, services: 0, open311: null, skipped: true };
  const seed = previous?.seed ?? o.seed ?? DEMO_SEED;
  await saveState(ctx, { seed, base: 'started' });
  await ensureCalendarSeeded(ctx);
  const d = generateDistrict(seed);

  const units = new Map((await listUnits(ctx.db, { includeInactive: true })).map((u) => [u.code, u]));
  let createdUnits = 0;
  // Level by level (district, its departments and towns, then villages): a parent exists before its children.
  for (const level of [d.units.filter((u) => !u.parentCode), d.units.filter((u) => u.parentCode === d.root.code), d.villages]) {
    await inParallel(level.filter((u) => !units.has(u.code)), async (u) => {
      const parentId = u.parentCode ? units.get(u.parentCode)!.id : null;
      units.set(u.code, await createUnit(ctx, null, { code: u.code, name: u.name, kind: u.kind, parentId, phone: u.phone, sortOrder: u.sortOrder }));
      createdUnits++;
    });
  }
  log(`Demo district: ${units.size} units (${d.departments.length} departments, ${d.towns.length} streets and towns, ${d.villages.length} communities and villages).`);

  // One real scrypt hash for every demo account: the same password, and hashing it ~130 times at the
  // production cost would take most of a minute of a two-core machine for no gain in a demo.
  const passwordHash = await hashPassword(DEMO_PASSWORD, ctx.config.scryptCost);
  const taken = new Set((await rows<{ username: string }>(ctx.db, 'SELECT username FROM users')).map((r) => r.username));
  let createdUsers = 0;
  await inParallel(demoUsers(d, seed).filter((u) => !taken.has(u.username)), async (u) => {
    await createUser(ctx, null, { username: u.username, displayName: u.displayName, unitId: units.get(u.unitCode)!.id, roles: u.roles, password: DEMO_PASSWORD, phone: u.phone }, { passwordHash });
    createdUsers++;
  });

  // In force long before the first demo ticket, so every ticket takes version 1 at its acceptance.
  const from = new Date(Date.UTC(new Date(ctx.clock.now().getTime() - 365 * 86_400_000).getUTCFullYear(), 0, 1) - 8 * 3_600_000);
  const existing = new Set((await rows<{ code: string }>(ctx.db, 'SELECT code FROM services')).map((r) => r.code));
  let createdServices = 0;
  await inParallel(DEMO_SERVICES.filter((s) => !existing.has(s.code)), async (s) => {
    const dept = d.departments.find((x) => x.key === s.dept)!;
    await createService(ctx, null, {
      code: s.code, name: s.name, groupName: s.group, description: describeService(s), keywords: s.keywords,
      unitId: units.get(dept.code)!.id, limits: limitsOf(s), effectiveFrom: from,
    });
    createdServices++;
  });
  forgetRoutableServices();
  const open311 = await ensureDemoOpen311Access(ctx);
  await saveState(ctx, { seed, base: 'done', baseDoneAt: ctx.clock.now().toISOString() });
  return { units: createdUnits, users: createdUsers, services: createdServices, open311, skipped: false };
}

/** What the simulation needs to know of the seeded district: the database ids of its units, services and staff. */
async function loadWorld(ctx: AppContext, d: DemoDistrict, cal: WorkCalendar, anchor: Date, seed: number): Promise<World> {
  const units = new Map<string, WorldUnit>();
  for (const u of await listUnits(ctx.db, { includeInactive: true })) {
    units.set(u.code, { id: u.id, code: u.code, name: u.name, path: u.path, active: u.active, kind: u.kind, phone: u.phone ?? '' });
  }
  const versions = await listVersionsByCodes(ctx.db, DEMO_SERVICES.map((s) => s.code));
  const services: World['services'] = new Map();
  for (const spec of DEMO_SERVICES) {
    const list = versions.get(spec.code) ?? [];
    const v = versionAt(list, anchor) ?? list[list.length - 1];
    if (!v) throw new Error(`demo: service ${spec.code} is missing; run the base seeding first`);
    const unit = [...units.values()].find((u) => u.id === v.unitId)!;
    services.set(spec.code, { id: v.id, versionId: v.versionId, spec, limits: effectiveLimits(v.limits), unit });
  }
  const users = new Map((await rows<{ id: number; username: string }>(ctx.db, 'SELECT id, username FROM users')).map((r) => [r.username, r.id]));
  const id = (username: string) => {
    const found = users.get(username);
    if (found === undefined) throw new Error(`demo: user ${username} is missing; run the base seeding first`);
    return found;
  };
  const handlers = new Map<number, number>();
  for (const u of demoUsers(d, seed)) if (u.roles.includes('handler')) handlers.set(units.get(u.unitCode)!.id, id(u.username));
  return {
    cal, anchor, district: d, units, services, handlers,
    staff: {
      operators: [id('operator'), id('operator2'), id('operator3')], dispatchers: [id('dispatcher'), id('dispatcher2')],
      supervisors: [id('supervisor'), id('supervisor2')], window: id('window'), enterprise: id('qiye'), integration: id('integration'),
    },
  };
}

export interface TicketsResult { written: number; skipped: number; total: number; done: boolean }

/** Months of tickets up to now (the anchor fixed by the first run), chunk by chunk, each in one transaction. */
export async function seedDemoTickets(ctx: AppContext, o: SeedOptions = {}): Promise<TicketsResult> {
  const state = await readDemoState(ctx.db);
  if (!state || state.base !== 'done') throw new Error('demo: seed the base data first');
  if (!state.tickets) {
    state.tickets = { anchor: ctx.clock.now().toISOString(), count: o.tickets ?? DEMO_TICKETS, next: 0, written: 0, skipped: 0 };
    await saveState(ctx, state);
  }
  const progress = state.tickets;
  if (progress.doneAt) return { written: progress.written, skipped: progress.skipped, total: progress.count, done: true };
  const anchor = new Date(progress.anchor);
  const cal = await getCalendar(ctx.db);
  const d = generateDistrict(state.seed);
  const world = await loadWorld(ctx, d, cal, anchor, state.seed);
  const plan = planTickets({ seed: state.seed, anchor, count: progress.count }, cal, d, DEMO_SERVICES);
  const chunks = chunksFrom(plan.tickets, progress.next, o.chunkSize);
  let written = progress.written;
  let skipped = progress.skipped;
  o.onProgress?.(progress.next, progress.count);
  // Simulate in slices, handing the event loop back between them, so a server seeding in the background
  // keeps answering requests, and so the next chunk is simulated while the database writes the last one.
  const simulate = async ({ start, end }: { start: number; end: number }) => {
    const made: SimTicket[] = [];
    const done = new Map<number, SimTicket>();
    const ids = idCounter(1);
    let chunkSkipped = 0;
    for (let i = start; i < end; i += 50) {
      const r = simulateTickets(world, plan.tickets.slice(i, Math.min(i + 50, end)), ids, done);
      made.push(...r.tickets);
      chunkSkipped += r.skipped;
      await yieldToLoop();
    }
    return { made, chunkSkipped };
  };
  const write = (chunk: { start: number; end: number }, made: SimTicket[], chunkSkipped: number) => withTransaction(ctx.db, async (tx) => {
    const current = await lockDemoState(tx);
    // Another process wrote this chunk meanwhile: skip it rather than write it twice.
    if (!current?.tickets || current.tickets.next !== chunk.start) return false;
    await insertSimulated(tx, made, anchor);
    current.tickets.next = chunk.end;
    current.tickets.written += made.length;
    current.tickets.skipped += chunkSkipped;
    if (chunk.end === plan.tickets.length) current.tickets.doneAt = ctx.clock.now().toISOString();
    await writeDemoState(tx, current, ctx.clock.now());
    return true;
  }).then((wrote) => {
    if (wrote) {
      written += made.length;
      skipped += chunkSkipped;
    }
    o.onProgress?.(chunk.end, progress.count);
  });
  // A failed write is kept and rethrown at the next await, never left as an unhandled rejection.
  let failure: unknown = null;
  let writing: Promise<void> = Promise.resolve();
  const settle = async () => {
    await writing;
    if (failure) throw failure;
  };
  for (const chunk of chunks) {
    if (o.signal?.aborted) break;
    const { made, chunkSkipped } = await simulate(chunk);
    await settle();
    writing = write(chunk, made, chunkSkipped).catch((err: unknown) => { failure = err; });
  }
  await settle();
  const finished = (await readDemoState(ctx.db))?.tickets?.doneAt !== undefined;
  return { written, skipped, total: progress.count, done: finished };
}

export { demoUsers };
