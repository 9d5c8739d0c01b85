import { describe, expect, it } from 'vitest';
import { rows } from '../platform/database/db.js';
import { TICKET_STATUSES } from '../tickets/ticket.js';
import { ROLES } from '../platform/auth/roles.js';
import { useTestApp } from '../../test/app.js';
import { readDemoState } from './demo.repository.js';
import { DEMO_PASSWORD, demoSeedingWanted, seedDemoBase, seedDemoTickets } from './demo.seed.service.js';

const count = async (q: Parameters<typeof rows>[0], sql: string) => (await rows<{ n: number }>(q, `SELECT count(*)::int AS n FROM ${sql}`))[0]!.n;

describe('seeding the demo district', () => {
  const t = useTestApp(new Date('2026-03-02T09:00:00+08:00'));
  const timings: Record<string, number> = {};

  it('seeds the base data on an empty database, then the tickets, and says so in demo.seeded', async () => {
    expect(await demoSeedingWanted(t.ctx)).toBe(true);
    let started = Date.now();
    const base = await seedDemoBase(t.ctx);
    timings.base = Date.now() - started;
    expect(base).toMatchObject({ skipped: false, services: 100 });
    expect(base.units).toBeGreaterThanOrEqual(1 + 20 + 8 + 60);
    started = Date.now();
    // Stopped after two chunks (as a server stopped mid-seeding would be), then resumed to the end.
    const abort = new AbortController();
    let chunks = 0;
    const first = await seedDemoTickets(t.ctx, { signal: abort.signal, onProgress: () => { if (++chunks === 3) abort.abort(); } });
    expect(first.done).toBe(false);
    expect(await demoSeedingWanted(t.ctx)).toBe(true);
    const partial = (await readDemoState(t.ctx.db))!.tickets!;
    expect(partial.next).toBeGreaterThan(0);
    expect(partial.next).toBeLessThan(partial.count);
    expect(await count(t.ctx.db, 'tickets')).toBe(partial.written);
    const r = await seedDemoTickets(t.ctx);
    timings.tickets = Date.now() - started;
    console.log(`demo seeding: base ${timings.base} ms, ${r.written} tickets ${timings.tickets} ms`);
    expect(r).toMatchObject({ done: true, skipped: 0 });
    expect(r.written).toBeGreaterThanOrEqual(5000);
    expect(await readDemoState(t.ctx.db)).toMatchObject({ base: 'done', tickets: { next: r.total, doneAt: expect.any(String) } });
    expect(await demoSeedingWanted(t.ctx)).toBe(false);
  }, 300_000);

  it('has users for every role, and the demo password signs in as admin', async () => {
    const roles = (await rows<{ role: string }>(t.ctx.db, 'SELECT DISTINCT unnest(roles) AS role FROM users')).map((r) => r.role);
    for (const role of ROLES) expect(roles).toContain(role);
    expect(await count(t.ctx.db, `units u WHERE NOT EXISTS (SELECT 1 FROM users x WHERE x.username = lower(u.code) AND x.unit_id = u.id AND 'handler' = ANY (x.roles))`)).toBe(0);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'test1234' } });
    expect(wrong.statusCode).not.toBe(200);
  });

  it('has at least 5,000 tickets over the past six months, in every status', async () => {
    const db = t.ctx.db;
    expect(await count(db, 'tickets')).toBeGreaterThanOrEqual(5000);
    const byStatus = new Map((await rows<{ status: string; n: number }>(db, 'SELECT status, count(*)::int AS n FROM tickets GROUP BY status')).map((r) => [r.status, r.n]));
    console.log('demo tickets by status:', Object.fromEntries(byStatus));
    for (const status of TICKET_STATUSES) expect(byStatus.get(status) ?? 0, status).toBeGreaterThan(0);
    const span = (await rows<{ first: Date; last: Date }>(db, 'SELECT min(accepted_at) AS first, max(accepted_at) AS last FROM tickets'))[0]!;
    expect(t.clock.now().getTime() - span.first.getTime()).toBeGreaterThan(170 * 86_400_000);
    expect(span.last.getTime()).toBeLessThan(t.clock.now().getTime());
    expect(await count(db, `(SELECT DISTINCT channel FROM tickets) c`)).toBeGreaterThanOrEqual(6);
  });

  it('has overdue, returned, extended, reopened, urged and merged cases', async () => {
    const db = t.ctx.db;
    expect(await count(db, `(SELECT DISTINCT work_id FROM clocks WHERE overdue_at IS NOT NULL AND kind <> 'return_window') x`)).toBeGreaterThan(100);
    expect(await count(db, `assignments WHERE returned_at IS NOT NULL AND return_decision = 'accepted'`)).toBeGreaterThan(20);
    expect(await count(db, `assignments WHERE return_decision = 'refused'`)).toBeGreaterThan(5);
    expect(await count(db, `extension_requests WHERE decision = 'approved'`)).toBeGreaterThan(20);
    expect(await count(db, `extension_requests WHERE decision = 'refused'`)).toBeGreaterThan(5);
    expect(await count(db, 'tickets WHERE reopen_count > 0')).toBeGreaterThan(20);
    expect(await count(db, 'tickets WHERE urge_count > 0')).toBeGreaterThan(20);
    expect(await count(db, 'tickets WHERE supervised')).toBeGreaterThan(5);
    expect(await count(db, `tickets t JOIN tickets m ON m.id = t.merged_into_id WHERE t.status = 'merged'`)).toBeGreaterThan(10);
    expect(await count(db, 'ticket_notes')).toBeGreaterThan(5000);
  });

  it('leaves every clock consistent: met with its instant, overdue at the deadline and never after the work ended', async () => {
    const db = t.ctx.db;
    const now = t.clock.now();
    expect(await count(db, `clocks WHERE state = 'met' AND met_at IS NULL`)).toBe(0);
    expect(await count(db, `clocks WHERE state = 'stopped' AND stopped_at IS NULL`)).toBe(0);
    expect(await count(db, `clocks WHERE state = 'met' AND met_at > deadline AND overdue_at IS NULL`)).toBe(0);
    expect(await count(db, `clocks WHERE overdue_at > coalesce(met_at, stopped_at, paused_since, now())`)).toBe(0);
    expect(await count(db, `clocks WHERE overdue_at IS NOT NULL AND overdue_at > deadline`)).toBe(0);
    // The sweep is played up to the seeding instant: what is due later is left for the live sweeper.
    expect((await rows<{ n: number }>(db, `SELECT count(*)::int AS n FROM clocks WHERE next_check_at <= $1`, [now]))[0]!.n).toBe(0);
    expect((await rows<{ n: number }>(db, `SELECT count(*)::int AS n FROM clocks WHERE next_check_at > $1 AND next_check_at < $1::timestamptz + interval '3 days'`, [now]))[0]!.n).toBeGreaterThan(0);
    expect(await count(db, `clocks c JOIN tickets t ON t.id = c.work_id WHERE c.started_at < t.accepted_at`)).toBe(0);
    expect(await count(db, `audit_events e JOIN tickets t ON t.id = e.entity_id AND e.entity_type = 'ticket' WHERE e.at > $1`.replace('$1', `'${now.toISOString()}'`))).toBe(0);
    expect(await count(db, `clocks c WHERE c.kind = 'sla' AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = c.work_id)`)).toBe(0);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await count(t.ctx.db, 'tickets');
    expect((await seedDemoBase(t.ctx)).skipped).toBe(true);
    expect(await seedDemoTickets(t.ctx)).toMatchObject({ done: true });
    expect(await count(t.ctx.db, 'tickets')).toBe(before);
  });
});
