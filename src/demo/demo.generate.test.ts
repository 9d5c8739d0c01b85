import { describe, expect, it } from 'vitest';
import { ROLES } from '../platform/auth/roles.js';
import { contentProblems } from '../catalogue/service.rules.js';
import { SERVICE_CODE_PATTERN } from '../catalogue/service.rules.js';
import { describeService, limitsOf } from './demo.catalogue.js';
import { generateDistrict } from './demo.district.js';
import { demoUsers } from './demo.people.js';
import { chunksFrom, planTickets } from './demo.plan.js';
import { DEMO_SERVICES } from './demo.services.js';
import { testCalendar } from './demo.testing.js';

const SEED = 20260301;

describe('demo district', () => {
  const d = generateDistrict(SEED);

  it('is the same district for the same seed, and another for another seed', () => {
    expect(generateDistrict(SEED)).toEqual(d);
    expect(generateDistrict(SEED + 1).villages.map((v) => v.name)).not.toEqual(d.villages.map((v) => v.name));
  });

  it('has at least 20 departments, 8 streets and towns and 60 communities and villages, with unique codes and names', () => {
    expect(d.departments.length).toBeGreaterThanOrEqual(20);
    expect(d.towns.length).toBeGreaterThanOrEqual(8);
    expect(d.villages.length).toBeGreaterThanOrEqual(60);
    expect(new Set(d.units.map((u) => u.code)).size).toBe(d.units.length);
    expect(new Set(d.units.map((u) => u.name)).size).toBe(d.units.length);
    expect(d.departments.map((x) => x.name)).toContain('区住房和城乡建设局');
    expect(d.villages.every((v) => v.code.startsWith(`${v.townCode}-V`) && (v.kind === 'village' ? v.name.endsWith('村') : v.name.endsWith('社区')))).toBe(true);
  });

  it('lists parents before children', () => {
    const seen = new Set<string>();
    for (const u of d.units) {
      if (u.parentCode) expect(seen.has(u.parentCode)).toBe(true);
      seen.add(u.code);
    }
  });
});

describe('demo catalogue', () => {
  it('has 100 services in groups, each valid for the catalogue and answered by a department of the district', () => {
    const d = generateDistrict(SEED);
    expect(DEMO_SERVICES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(DEMO_SERVICES.map((s) => s.code)).size).toBe(DEMO_SERVICES.length);
    expect(new Set(DEMO_SERVICES.map((s) => s.group)).size).toBeGreaterThanOrEqual(10);
    for (const s of DEMO_SERVICES) {
      expect(SERVICE_CODE_PATTERN.test(s.code)).toBe(true);
      expect(contentProblems({ name: s.name, groupName: s.group, description: describeService(s), keywords: s.keywords, limits: limitsOf(s) })).toEqual([]);
      expect(d.departments.some((x) => x.key === s.dept)).toBe(true);
      expect(s.problems.length).toBeGreaterThan(0);
      expect(s.actions.length).toBeGreaterThan(0);
    }
  });

  it('uses the usual limits: acknowledge in 2 hours, resolve in 3/5/10/15 working days, emergencies in 2 hours around the clock', () => {
    const resolves = new Set(DEMO_SERVICES.map((s) => JSON.stringify(limitsOf(s).resolve)));
    for (const days of [3, 5, 10, 15]) expect(resolves).toContain(JSON.stringify({ amount: days, unit: 'working_days' }));
    expect(resolves).toContain(JSON.stringify({ amount: 2, unit: 'hours', natural: true }));
    expect(DEMO_SERVICES.filter((s) => s.limit !== 'emergency').every((s) => limitsOf(s).acknowledge?.amount === 2 && limitsOf(s).acknowledge?.unit === 'hours')).toBe(true);
  });
});

describe('demo users', () => {
  it('covers every role, and gives each unit a handler named after its code', () => {
    const d = generateDistrict(SEED);
    const users = demoUsers(d, SEED);
    expect(users).toEqual(demoUsers(d, SEED));
    for (const role of ROLES) expect(users.some((u) => u.roles.includes(role))).toBe(true);
    for (const name of ['admin', 'operator', 'dispatcher', 'supervisor', 'leader']) expect(users.some((u) => u.username === name)).toBe(true);
    for (const u of d.units) expect(users.find((x) => x.username === u.code.toLowerCase())).toMatchObject({ unitCode: u.code, roles: ['handler'] });
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
  });
});

describe('demo ticket plan', () => {
  const anchor = new Date('2026-03-02T09:00:00+08:00');
  const cal = testCalendar();
  const d = generateDistrict(SEED);

  it('plans exactly the asked number, over the past months, in order, deterministically', () => {
    const plan = planTickets({ seed: SEED, anchor, count: 2000 }, cal, d, DEMO_SERVICES);
    expect(plan.tickets).toHaveLength(2000);
    expect(planTickets({ seed: SEED, anchor, count: 2000 }, cal, d, DEMO_SERVICES)).toEqual(plan);
    const times = plan.tickets.map((t) => t.acceptedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]!).toBeGreaterThanOrEqual(anchor.getTime() - 184 * 86_400_000);
    expect(times.at(-1)!).toBeLessThan(anchor.getTime());
    expect(new Set(plan.tickets.map((t) => t.channel)).size).toBeGreaterThanOrEqual(5);
  });

  it('cuts chunks that cover every ticket once and keep each duplicate with the ticket it repeats', () => {
    const plan = planTickets({ seed: SEED, anchor, count: 3000, chunkSize: 400 }, cal, d, DEMO_SERVICES);
    expect(plan.chunks[0]!.start).toBe(0);
    expect(plan.chunks.at(-1)!.end).toBe(3000);
    plan.chunks.forEach((c, i) => { if (i > 0) expect(c.start).toBe(plan.chunks[i - 1]!.end); });
    const chunkOf = (index: number) => plan.chunks.findIndex((c) => index >= c.start && index < c.end);
    const dups = plan.tickets.filter((t) => t.duplicateOf !== null);
    expect(dups.length).toBeGreaterThan(0);
    for (const t of dups) expect(chunkOf(t.duplicateOf!)).toBe(chunkOf(t.index));
    for (const c of plan.chunks) expect(c.end - c.start).toBeLessThanOrEqual(400 + 31);
    // A resumed run cuts the rest the same way from any clean cut.
    expect(chunksFrom(plan.tickets, plan.chunks[2]!.start, 400)).toEqual(plan.chunks.slice(2));
  });
});
