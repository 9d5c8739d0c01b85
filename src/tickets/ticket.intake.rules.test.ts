import { describe, expect, it } from 'vitest';
import { at, calendar2025to2026, shanghai } from '../calendar/calendar.testing.js';
import type { NewTicket } from './ticket.js';
import { assign } from './ticket.dispatch.rules.js';
import { planBasis, planIntake } from './ticket.intake.rules.js';
import { LIMITS, newTicketSnapshot, unit } from './ticket.testing.js';

const cal = calendar2025to2026();
const now = at('2026-03-09 09:00');
const WATER = unit(10, '/1/10/');
const operator = { actor: { userId: 7, username: 'op', displayName: '话务员', unitId: 1, unitPath: '/1/', roles: ['operator' as const] }, label: null };

const call = (limits = LIMITS): NewTicket => ({
  channel: 'hotline', serviceId: 1, serviceVersionId: 3, suggestedServiceId: null, limits, title: '小区停水', description: '幸福小区 3 栋停水两天',
  requesterName: '王女士', requesterPhone: '13800001234', requesterKind: 'citizen', enterpriseName: null, locationText: '幸福小区',
  lat: null, lng: null, acceptedAt: now, acceptedBy: 7, idempotency: null,
});

describe('a call decided whole before it is written', () => {
  it('with its service known, is dispatched to the service\'s unit at once: the same rows the assign rule makes at the desk', () => {
    const rows = planIntake(call(), { author: operator, cal, now, lead: WATER, accepted: { channel: 'hotline' } });
    // The desk's rule on the same ticket, for comparison.
    const desk = assign(newTicketSnapshot(cal, now), { lead: WATER, co: [] }, { now, cal });
    expect(rows.ticket).toMatchObject({ status: 'assigned', leadUnitId: 10, serviceVersionId: 3 });
    expect(rows.assignments).toEqual([{ unitId: 10, unitPath: '/1/10/', role: 'lead', parentId: null, round: 1, dispatchedAt: now, dispatchedBy: 7 }]);
    expect(rows.clocks.map((c) => [c.kind, c.assignmentUnitId])).toEqual([['sla', null], ...desk.newClocks.map((c) => [c.kind, 10])]);
    expect(rows.clocks.find((c) => c.kind === 'resolve')!.deadline).toEqual(desk.newClocks.find((c) => c.kind === 'resolve')!.deadline);
    expect(shanghai(rows.clocks[0]!.deadline)).toBe('2026-03-16T17:30:00+08:00');
    expect(rows.events.map((e) => [e.action, e.before, e.after])).toEqual([['accepted', undefined, { status: 'new' }], ['assigned', { status: 'new' }, { status: 'assigned' }]]);
    expect(rows.events[0]).toMatchObject({ actorId: 7, data: { channel: 'hotline' } });
    expect(rows.notifications).toEqual([{ unitId: 10, kind: 'assigned', message: '新工单（主办）' }]);
    expect(rows.live.map((e) => [e.action, e.unitPaths])).toEqual([['accepted', []], ['assigned', ['/1/10/']]]);
  });

  it('without a unit to give it to, waits for the dispatcher with only the promise to the requester', () => {
    const rows = planIntake(call(), { author: operator, cal, now, lead: null, accepted: {} });
    expect(rows.ticket).toMatchObject({ status: 'new', leadUnitId: null });
    expect(rows.assignments).toEqual([]);
    expect(rows.clocks.map((c) => c.kind)).toEqual(['sla']);
    expect(rows.events.map((e) => e.action)).toEqual(['accepted']);
    expect(rows.notifications).toEqual([]);
  });

  it('without a service, no clock runs yet; an inactive unit is not given work', () => {
    expect(planIntake({ ...call(), serviceId: null, serviceVersionId: null, limits: null }, { author: operator, cal, now, lead: WATER, accepted: {} }))
      .toMatchObject({ ticket: { status: 'new' }, clocks: [], assignments: [] });
    expect(() => planIntake(call(), { author: operator, cal, now, lead: unit(11, '/1/11/', false), accepted: {} })).toThrow();
  });
});

describe('what a batch was planned from', () => {
  it('is each version once, with its unit, until the last moment it was taken as in force', () => {
    const later = new Date(now.getTime() + 5);
    const HOUSING = unit(11, '/1/11/');
    expect(planBasis([
      { service: { versionId: 3 }, unit: WATER, at: later },
      { service: { versionId: 4 }, unit: HOUSING, at: now },
      { service: { versionId: 3 }, unit: WATER, at: now },
    ])).toEqual([{ versionId: 3, until: later, unit: WATER }, { versionId: 4, until: now, unit: HOUSING }]);
    expect(planBasis([])).toEqual([]);
  });
});
