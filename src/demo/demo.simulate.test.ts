import { describe, expect, it } from 'vitest';
import { idCounter } from '../tickets/ticket.evolve.js';
import { isOpen } from '../tickets/ticket.rules.js';
import { planTickets } from './demo.plan.js';
import { DEMO_SERVICES } from './demo.services.js';
import type { SimTicket } from './demo.story.js';
import { testWorld } from './demo.testing.js';
import { simulateTickets } from './demo.simulate.js';

const SEED = 20260301;
const anchor = new Date('2026-03-02T09:00:00+08:00');
const world = testWorld(SEED, anchor);
const plan = planTickets({ seed: SEED, anchor, count: 1500 }, world.cal, world.district, DEMO_SERVICES);
const run = (count = plan.tickets.length) => simulateTickets(world, plan.tickets.slice(0, count), idCounter(1));
const { tickets, skipped } = run();

/** What the clock engine guarantees of every clock, whatever the story. */
function clockProblems(t: SimTicket): string[] {
  const problems: string[] = [];
  for (const c of t.snap.clocks) {
    const where = `ticket ${t.snap.ticket.id} clock ${c.id} (${c.kind})`;
    const end = c.status.state === 'met' ? c.status.metAt : c.status.state === 'stopped' ? c.status.stoppedAt : anchor;
    if (c.overdueAt && c.overdueAt > end) problems.push(`${where}: overdue after it ended`);
    if (c.status.state === 'met' && c.status.metAt > c.deadline && !c.overdueAt) problems.push(`${where}: met late without overdue`);
    if (c.status.state === 'running' && c.deadline <= anchor && !c.overdueAt) problems.push(`${where}: past its deadline, not swept`);
    if (c.status.state === 'running' && c.warnAt <= anchor && !c.warnedAt) problems.push(`${where}: past its warning, not swept`);
    if (c.startedAt < t.snap.ticket.acceptedAt) problems.push(`${where}: started before acceptance`);
  }
  return problems;
}

describe('demo ticket simulation', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(run(300).tickets.map((t) => [t.snap, t.events]))).toBe(JSON.stringify(tickets.slice(0, 300).map((t) => [t.snap, t.events])));
  });

  it('simulates every planned ticket through the rules', () => {
    expect(skipped).toBe(0);
    expect(tickets).toHaveLength(1500);
  });

  it('leaves every clock consistent with the clock rules and the sweep', () => {
    expect(tickets.flatMap(clockProblems)).toEqual([]);
  });

  it('tells each story in order, with nothing after the anchor', () => {
    for (const t of tickets) {
      const times = t.events.map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.at(-1)!).toBeLessThanOrEqual(anchor.getTime());
      expect(t.events[0]!.action).toBe('accepted');
    }
  });

  it('ends with finished tickets finished and open ones waiting at a step', () => {
    for (const { snap: { ticket: k } } of tickets) {
      if (k.status === 'closed') expect(k.closedAt).not.toBeNull();
      if (k.status === 'replied') expect(k.repliedAt).not.toBeNull();
      if (k.status === 'merged') expect(k.mergedIntoId).not.toBeNull();
      if (k.status === 'rejected') expect(k.publicReason).not.toBeNull();
      if (isOpen(k) && k.status !== 'new') expect(k.leadUnitId).not.toBeNull();
    }
    expect(new Set(tickets.map((t) => t.snap.ticket.status)).size).toBeGreaterThanOrEqual(7);
  });

  it('writes texts that name the place and answer with an action and a date', () => {
    const replied = tickets.filter((t) => t.snap.ticket.replyText && t.snap.ticket.closeKind !== 'direct');
    expect(replied.length).toBeGreaterThan(1000);
    for (const t of replied.slice(0, 200)) {
      expect(t.snap.ticket.replyText).toMatch(/已于\d{1,2}月\d{1,2}日/);
      expect(t.snap.ticket.requesterPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(t.location.length).toBeGreaterThan(4);
    }
  });
});
