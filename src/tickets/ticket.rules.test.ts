import { describe, expect, it } from 'vitest';
import { at, calendar2025to2026, shanghai } from '../calendar/calendar.testing.js';
import { arbitrate, assign, close, merge, reject, reopen } from './ticket.dispatch.rules.js';
import { acknowledge, contact, note, pause, reply, requestExtension, resume, returnWork, subAssign } from './ticket.handling.rules.js';
import { decideExtension, rate, supervise, urge } from './ticket.supervision.rules.js';
import { clock, evolve, leadOf, newTicketSnapshot, unit } from './ticket.testing.js';
import type { TicketSnapshot } from './ticket.js';

const cal = calendar2025to2026();
const env = (time: string) => ({ now: at(time), cal });
const WATER = unit(10, '/1/10/');
const HOUSING = unit(11, '/1/11/');
const TOWN = unit(20, '/1/20/');
const VILLAGE = unit(21, '/1/20/21/');
const OTHER_VILLAGE = unit(31, '/1/30/31/');

const refused = (code: string) => expect.objectContaining({ code });
const accepted = () => newTicketSnapshot(cal, at('2026-03-09 09:00'));
const assigned = (lead = TOWN, co = [WATER]) => evolve(accepted(), assign(accepted(), { lead, co }, env('2026-03-09 09:30')));
const acknowledged = () => { const s = assigned(); return evolve(s, acknowledge(s, leadOf(s).id, env('2026-03-09 10:00'))); };
const replied = () => { const s = acknowledged(); return evolve(s, reply(s, leadOf(s).id, '已协调供水公司恢复供水', env('2026-03-10 10:00'))); };

describe('accept and assign', () => {
  it('a new ticket carries the promise to the requester from acceptance', () => {
    const s = accepted();
    expect(s.ticket.status).toBe('new');
    expect(shanghai(clock(s, null, 'sla')!.deadline)).toBe('2026-03-16T17:30:00+08:00');
  });

  it('assigning starts each unit\'s clocks at dispatch, not at acknowledgement', () => {
    const s = assigned();
    expect(s.ticket.status).toBe('assigned');
    expect(s.ticket.leadUnitId).toBe(TOWN.id);
    expect(s.assignments.map((a) => [a.unitId, a.role, a.status])).toEqual([[TOWN.id, 'lead', 'pending'], [WATER.id, 'co', 'pending']]);
    const lead = leadOf(s);
    expect(shanghai(clock(s, lead.id, 'acknowledge')!.deadline)).toBe('2026-03-09T11:30:00+08:00');
    expect(shanghai(clock(s, lead.id, 'resolve')!.deadline)).toBe('2026-03-16T17:30:00+08:00');
    expect(shanghai(clock(s, lead.id, 'return_window')!.deadline)).toBe('2026-03-11T17:30:00+08:00');
  });

  it('refuses assigning twice, to the same unit twice, or to an inactive unit', () => {
    expect(() => assign(assigned(), { lead: WATER, co: [] }, env('2026-03-09 10:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
    expect(() => assign(accepted(), { lead: WATER, co: [WATER] }, env('2026-03-09 10:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
    expect(() => assign(accepted(), { lead: unit(99, '/1/99/', false), co: [] }, env('2026-03-09 10:00'))).toThrowError(refused('UNIT_NOT_FOUND'));
  });

  it('rejects (不予受理) only a new ticket, telling the requester why', () => {
    const s = evolve(accepted(), reject(accepted(), '属于司法程序事项，请通过法院办理', env('2026-03-09 10:00')));
    expect(s.ticket).toMatchObject({ status: 'rejected', publicReason: '属于司法程序事项，请通过法院办理', closeKind: 'rejected' });
    expect(clock(s, null, 'sla')!.status.state).toBe('stopped');
    expect(() => reject(assigned(), 'x', env('2026-03-09 10:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });
});

describe('handling by the unit', () => {
  it('acknowledging meets the acknowledge clock and moves the ticket to in progress', () => {
    const s = acknowledged();
    expect(s.ticket.status).toBe('in_progress');
    expect(clock(s, leadOf(s).id, 'acknowledge')!.status).toEqual({ state: 'met', metAt: at('2026-03-09 10:00') });
    expect(() => acknowledge(s, leadOf(s).id, env('2026-03-09 10:05'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('late acknowledgement is recorded as overdue', () => {
    const s = assigned();
    const late = evolve(s, acknowledge(s, leadOf(s).id, env('2026-03-09 15:00')));
    expect(clock(late, leadOf(s).id, 'acknowledge')!.overdueAt).toEqual(at('2026-03-09 11:30'));
  });

  it('first contact meets its clock once and implies acknowledgement', () => {
    const s = assigned();
    const c = evolve(s, contact(s, leadOf(s).id, 'phone', env('2026-03-09 11:00')));
    expect(leadOf(c).status).toBe('acknowledged');
    expect(clock(c, leadOf(c).id, 'first_contact')!.status.state).toBe('met');
  });

  it('notes need an active assignment', () => {
    const s = replied();
    const a = acknowledged();
    expect(note(a, leadOf(a).id).action).toBe('noted');
    expect(() => note(s, s.assignments[0]!.id)).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('pausing stops the unit\'s clocks and the requester\'s promise; resuming moves the deadlines by the paused time', () => {
    const s = acknowledged();
    const lead = leadOf(s);
    const p = evolve(s, pause(s, lead.id, '等待来电人提供房屋产权证明', env('2026-03-10 09:00')));
    expect(clock(p, lead.id, 'resolve')!.status.state).toBe('paused');
    expect(clock(p, null, 'sla')!.status.state).toBe('paused');
    expect(clock(p, lead.id, 'return_window')!.status.state).toBe('running');
    expect(() => pause(p, lead.id, 'again', env('2026-03-10 10:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
    const r = evolve(p, resume(p, lead.id, env('2026-03-11 09:00')));
    expect(shanghai(clock(r, lead.id, 'resolve')!.deadline)).toBe('2026-03-17T17:30:00+08:00');
    expect(shanghai(clock(r, null, 'sla')!.deadline)).toBe('2026-03-17T17:30:00+08:00');
    expect(() => resume(r, lead.id, env('2026-03-11 10:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('sub-assigns down the tree only, with deadlines no later than the parent\'s', () => {
    const s = acknowledged();
    const lead = leadOf(s);
    const sub = evolve(s, subAssign(s, lead.id, [VILLAGE], env('2026-03-13 09:00')));
    const village = sub.assignments.find((a) => a.unitId === VILLAGE.id)!;
    expect(village.parentId).toBe(lead.id);
    expect(clock(sub, village.id, 'resolve')!.deadline).toEqual(clock(sub, lead.id, 'resolve')!.deadline);
    expect(() => subAssign(s, lead.id, [OTHER_VILLAGE], env('2026-03-13 09:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
    expect(() => subAssign(sub, lead.id, [VILLAGE], env('2026-03-13 09:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('the lead\'s reply answers the requester, ends the other parts and starts the callback clock', () => {
    const s = replied();
    expect(s.ticket).toMatchObject({ status: 'replied', replyText: '已协调供水公司恢复供水' });
    expect(s.assignments.map((a) => a.status)).toEqual(['done', 'withdrawn']);
    expect(clock(s, null, 'sla')!.status.state).toBe('met');
    expect(shanghai(clock(s, null, 'callback')!.deadline)).toBe('2026-03-12T17:30:00+08:00');
    expect(() => reply(s, s.assignments[0]!.id, 'again', env('2026-03-10 11:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('a co-unit\'s reply is its contribution and ends only its part', () => {
    const s = acknowledged();
    const co = s.assignments.find((a) => a.role === 'co')!;
    const c = evolve(s, reply(s, co.id, '供水管网已排查', env('2026-03-10 09:00')));
    expect(c.ticket.status).toBe('in_progress');
    expect(c.assignments.find((a) => a.id === co.id)!.status).toBe('done');
    expect(leadOf(c).status).toBe('acknowledged');
  });
});

describe('returns and arbitration', () => {
  const returned = () => {
    const s = acknowledged();
    return evolve(s, returnWork(s, leadOf(s).id, { reasonCode: 'jurisdiction', reason: '该小区属于邻镇管辖', evidence: null }, env('2026-03-10 10:00')));
  };

  it('a lead\'s return within the window stops its clocks and goes to arbitration', () => {
    const s = returned();
    const a = s.assignments.find((x) => x.unitId === TOWN.id)!;
    expect(s.ticket.status).toBe('arbitration');
    expect(a).toMatchObject({ status: 'returned', returnReasonCode: 'jurisdiction', returnDecision: null });
    expect(clock(s, a.id, 'resolve')!.status.state).toBe('stopped');
    expect(clock(s, null, 'sla')!.status.state).toBe('running');
  });

  it('refuses a return after the window', () => {
    const s = acknowledged();
    expect(() => returnWork(s, leadOf(s).id, { reasonCode: 'other', reason: 'x', evidence: null }, env('2026-03-12 09:00'))).toThrowError(refused('RETURN_WINDOW_CLOSED'));
  });

  it('an accepted return re-dispatches to a new lead with new clocks; the requester\'s promise keeps running', () => {
    const s = returned();
    const a = s.assignments.find((x) => x.unitId === TOWN.id)!;
    const r = evolve(s, arbitrate(s, a.id, { decision: 'accept', lead: HOUSING, co: [] }, env('2026-03-11 09:00')));
    expect(r.ticket).toMatchObject({ status: 'assigned', leadUnitId: HOUSING.id });
    expect(r.assignments.find((x) => x.id === a.id)!.returnDecision).toBe('accepted');
    const lead = leadOf(r);
    expect(lead.unitId).toBe(HOUSING.id);
    expect(shanghai(clock(r, lead.id, 'resolve')!.deadline)).toBe('2026-03-18T17:30:00+08:00');
    expect(shanghai(clock(r, null, 'sla')!.deadline)).toBe('2026-03-16T17:30:00+08:00');
    expect(() => arbitrate(r, a.id, { decision: 'refuse', reason: 'x' }, env('2026-03-11 10:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('refuses re-dispatch to the returning unit, or without a new lead', () => {
    const s = returned();
    const a = s.assignments.find((x) => x.unitId === TOWN.id)!;
    expect(() => arbitrate(s, a.id, { decision: 'accept', lead: TOWN, co: [] }, env('2026-03-11 09:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
    expect(() => arbitrate(s, a.id, { decision: 'accept', lead: null, co: [] }, env('2026-03-11 09:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('a refused return gives the work back with the original deadlines', () => {
    const s = returned();
    const a = s.assignments.find((x) => x.unitId === TOWN.id)!;
    const r = evolve(s, arbitrate(s, a.id, { decision: 'refuse', reason: '经核实属本镇辖区' }, env('2026-03-11 09:00')));
    expect(r.ticket.status).toBe('in_progress');
    expect(leadOf(r).id).toBe(a.id);
    expect(clock(r, a.id, 'resolve')!).toMatchObject({ status: { state: 'running' }, deadline: at('2026-03-16 17:30') });
  });
});

describe('extensions', () => {
  const requested = () => {
    const s = acknowledged();
    return evolve(s, requestExtension(s, leadOf(s).id, 3, '需协调产权单位', env('2026-03-12 09:00')));
  };

  it('an approved extension moves the resolve deadline and keeps the original', () => {
    const s = requested();
    const ext = s.extensions[0]!;
    const d = evolve(s, decideExtension(s, ext.id, true, '同意', env('2026-03-12 10:00')));
    const resolve = clock(d, leadOf(d).id, 'resolve')!;
    expect(shanghai(resolve.deadline)).toBe('2026-03-19T17:30:00+08:00');
    expect(shanghai(resolve.originalDeadline)).toBe('2026-03-16T17:30:00+08:00');
    expect(leadOf(d).extensionCount).toBe(1);
    expect(() => decideExtension(d, ext.id, true, 'again', env('2026-03-12 11:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('is capped: one pending at a time, at most once, at most 10 working days, before the deadline', () => {
    const s = requested();
    const lead = leadOf(s).id;
    expect(() => requestExtension(s, lead, 2, 'x', env('2026-03-12 09:30'))).toThrowError(refused('EXTENSION_NOT_ALLOWED'));
    const approved = evolve(s, decideExtension(s, s.extensions[0]!.id, true, 'ok', env('2026-03-12 10:00')));
    expect(() => requestExtension(approved, lead, 2, 'x', env('2026-03-13 09:00'))).toThrowError(refused('EXTENSION_NOT_ALLOWED'));
    const fresh = acknowledged();
    expect(() => requestExtension(fresh, leadOf(fresh).id, 11, 'x', env('2026-03-12 09:00'))).toThrowError(refused('EXTENSION_NOT_ALLOWED'));
    expect(() => requestExtension(fresh, leadOf(fresh).id, 2, 'x', env('2026-03-17 09:00'))).toThrowError(refused('EXTENSION_NOT_ALLOWED'));
  });

  it('a refused extension leaves the deadline', () => {
    const s = requested();
    const d = evolve(s, decideExtension(s, s.extensions[0]!.id, false, '理由不充分', env('2026-03-12 10:00')));
    expect(shanghai(clock(d, leadOf(d).id, 'resolve')!.deadline)).toBe('2026-03-16T17:30:00+08:00');
    expect(d.extensions[0]!.decision).toBe('refused');
  });
});

describe('supervision', () => {
  it('urges the units still at work and counts it', () => {
    const s = acknowledged();
    const o = urge(s, '请于今日内联系来电人', undefined);
    expect(o.ticket.urgeCount).toBe(1);
    expect(o.notify.map((n) => n.unitId).sort()).toEqual([WATER.id, TOWN.id]);
    expect(() => urge(accepted(), 'x', undefined)).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('flags formal supervision until close; not on finished tickets', () => {
    expect(supervise(acknowledged(), '逾期督办').ticket.supervised).toBe(true);
    const closed = evolve(replied(), rate(replied(), 'yes', 'satisfied', null, env('2026-03-11 09:00')));
    expect(() => supervise(closed, 'x')).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });
});

describe('rating, closing, reopening, merging', () => {
  it('a satisfied rating closes the loop and meets the callback clock', () => {
    const s = replied();
    const r = evolve(s, rate(s, 'yes', 'satisfied', '很及时', env('2026-03-11 09:00')));
    expect(r.ticket).toMatchObject({ status: 'closed', closeKind: 'rated', ratingResolved: 'yes', ratingSatisfaction: 'satisfied' });
    expect(clock(r, null, 'callback')!.status.state).toBe('met');
    expect(() => rate(r, 'yes', 'satisfied', null, env('2026-03-11 10:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('an unsatisfied rating keeps the ticket open; reopening starts a new round and a new promise', () => {
    const s = replied();
    const r = evolve(s, rate(s, 'no', 'unsatisfied', '水压仍然很低', env('2026-03-11 09:00')));
    expect(r.ticket.status).toBe('replied');
    expect(() => rate(r, 'no', 'unsatisfied', null, env('2026-03-11 09:30'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
    const re = evolve(r, reopen(r, TOWN, '来电人不满意：水压仍低', env('2026-03-11 10:00')));
    expect(re.ticket).toMatchObject({ status: 'assigned', reopenCount: 1, ratingSatisfaction: null, replyText: null });
    const lead = leadOf(re);
    expect(lead.round).toBe(2);
    expect(re.clocks.filter((c) => c.kind === 'sla').map((c) => c.status.state)).toEqual(['met', 'running']);
  });

  it('closes directly at intake (直办) or after a reply; never from handling', () => {
    const direct = evolve(accepted(), close(accepted(), '已向来电人解释政策', env('2026-03-09 09:05')));
    expect(direct.ticket).toMatchObject({ status: 'closed', closeKind: 'direct', replyText: '已向来电人解释政策' });
    expect(clock(direct, null, 'sla')!.status.state).toBe('met');
    const confirmed = evolve(replied(), close(replied(), '电话回访无人接听，三次未果', env('2026-03-12 16:00')));
    expect(confirmed.ticket.closeKind).toBe('confirmed');
    expect(() => close(acknowledged(), 'x', env('2026-03-10 09:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('reopens a closed ticket after a failed spot check, but not a merged one', () => {
    const closed = evolve(replied(), rate(replied(), 'yes', 'basic', null, env('2026-03-11 09:00')));
    expect(reopen(closed, TOWN, '抽查发现未实际整改', env('2026-03-12 09:00')).ticket.status).toBe('assigned');
    expect(() => reopen(acknowledged(), TOWN, 'x', env('2026-03-12 09:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });

  it('merges an open duplicate into an open main ticket, ending its work', () => {
    const s = acknowledged();
    const m = evolve(s, merge(s, { id: 2, open: true }, env('2026-03-10 09:00')));
    expect(m.ticket).toMatchObject({ status: 'merged', mergedIntoId: 2 });
    expect(m.clocks.every((c) => c.status.state === 'stopped' || c.status.state === 'met')).toBe(true);
    expect(() => merge(s, { id: 1, open: true }, env('2026-03-10 09:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
    expect(() => merge(s, { id: 2, open: false }, env('2026-03-10 09:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
    expect(() => merge(m, { id: 3, open: true }, env('2026-03-10 09:00'))).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
  });
});

describe('every move is refused on a finished ticket', () => {
  const finished: Array<[string, () => TicketSnapshot]> = [
    ['closed', () => evolve(replied(), rate(replied(), 'yes', 'satisfied', null, env('2026-03-11 09:00')))],
    ['rejected', () => evolve(accepted(), reject(accepted(), 'x', env('2026-03-09 10:00')))],
  ];
  for (const [name, make] of finished) {
    it(`${name}: assign, urge, supervise, merge, close are refused`, () => {
      const s = make();
      const e = env('2026-03-13 09:00');
      expect(() => assign(s, { lead: WATER, co: [] }, e)).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
      expect(() => urge(s, 'x', undefined)).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
      expect(() => supervise(s, 'x')).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
      expect(() => merge(s, { id: 2, open: true }, e)).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
      expect(() => close(s, 'x', e)).toThrowError(refused('TICKET_MOVE_NOT_ALLOWED'));
    });
  }
});
