import { describe, expect, it } from 'vitest';
import { citizen, useDistrict } from '../../test/fixtures.js';

// Monday 2 March 2026, 09:00 in Shanghai.
const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));

async function newTicket(extra: Record<string, unknown> = {}) {
  const r = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, ...extra });
  expect(r.status).toBe(201);
  return r.body as { id: number; trackingCode: string; status: string };
}

const move = (user: Parameters<typeof d.call>[0], id: number, verb: string, body: unknown = {}) => d.call(user, 'POST', `/api/v1/tickets/${id}/${verb}`, body);
const clockOf = (ticket: any, kind: string, unitId?: number) => ticket.clocks.find((c: any) => c.kind === kind && (unitId === undefined || ticket.assignments.find((a: any) => a.id === c.assignmentId)?.unitId === unitId)); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('intake', () => {
  it('registers a hotline ticket with a tracking code and waits for dispatch when the service is unclear', async () => {
    const t = await newTicket();
    expect(t.trackingCode).toMatch(/^MSB20260302-\d{6}$/);
    expect(t.status).toBe('new');
    const detail = await d.call('dispatcher', 'GET', `/api/v1/tickets/${t.id}`);
    expect(detail.body.events.map((e: { action: string }) => e.action)).toEqual(['accepted']);
    expect(detail.body.suggestedServiceId).toBe(d.waterService);
  });

  it('dispatches at once to the responsible unit when the operator picks the service, clocks from that instant', async () => {
    const t = await newTicket({ serviceId: d.waterService });
    expect(t.status).toBe('assigned');
    const detail = (await d.call('operator', 'GET', `/api/v1/tickets/${t.id}`)).body;
    expect(detail.leadUnitName).toBe('区水务局');
    expect(clockOf(detail, 'acknowledge').deadline).toBe('2026-03-02T03:00:00.000Z');
    expect(clockOf(detail, 'resolve').deadline).toBe('2026-03-09T09:30:00.000Z');
    expect(clockOf(detail, 'sla').deadline).toBe('2026-03-09T09:30:00.000Z');
  });

  it('never creates two tickets for one Idempotency-Key, and refuses the key for a different request', async () => {
    const headers = { 'idempotency-key': 'call-20260302-0001' };
    const first = await d.call('operator', 'POST', '/api/v1/tickets', citizen, headers);
    const again = await d.call('operator', 'POST', '/api/v1/tickets', citizen, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, title: '另一件事' }, headers);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers with the ticket exactly as stored', async () => {
    const created = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.waterService });
    const { suggestions, ...ticket } = created.body;
    expect(suggestions).toEqual([]);
    const detail = (await d.call('operator', 'GET', `/api/v1/tickets/${ticket.id}`)).body;
    expect(detail).toMatchObject(ticket);
  });

  it('writes concurrent intakes together, each whole, and a refused one fails alone', async () => {
    const key = { 'idempotency-key': 'call-20260302-burst' };
    const calls = Array.from({ length: 40 }, (_, i) => {
      if (i === 7) return d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: 999_999 });
      if (i % 10 === 3) return d.call('operator', 'POST', '/api/v1/tickets', citizen, key);
      return d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, title: `停水 ${i}`, serviceId: i % 2 ? d.waterService : undefined });
    });
    const answers = await Promise.all(calls);
    expect(answers[7]!.status).toBe(404);
    expect(answers[7]!.body.code).toBe('SERVICE_NOT_FOUND');
    const keyed = answers.filter((_, i) => i % 10 === 3);
    expect(new Set(keyed.map((r) => r.body.id)).size).toBe(1);
    expect(keyed.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const made = answers.flatMap((r, i) => (i !== 7 && i % 10 !== 3 ? [{ r, title: `停水 ${i}` }] : []));
    expect(made.every(({ r }) => r.status === 201)).toBe(true);
    expect(new Set(made.map(({ r }) => r.body.trackingCode)).size).toBe(made.length);
    for (const { r, title } of made) {
      const detail = (await d.call('dispatcher', 'GET', `/api/v1/tickets/${r.body.id}`)).body;
      expect(detail.title).toBe(title);
      const dispatched = r.body.status === 'assigned';
      expect(detail.events.map((e: { action: string }) => e.action)).toEqual(dispatched ? ['accepted', 'assigned'] : ['accepted']);
      expect(detail.clocks.length).toBe(dispatched ? 5 : 0);
      expect(detail.clocks.every((c: { assignmentId: number | null; kind: string }) => (c.kind === 'sla') === (c.assignmentId === null))).toBe(true);
    }
  });

  it('answers bad input with a bilingual 400 naming the field', async () => {
    const r = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, requesterPhone: 'abc', channel: 'fax' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(r.body.message).toContain('requesterPhone');
    expect(r.body.message_en).toContain('channel');
  });

  it('closes a consultation directly at intake (直办)', async () => {
    const t = await newTicket({ title: '咨询公积金提取', description: '咨询公积金提取需要什么材料' });
    const r = await move('operator', t.id, 'close', { note: '已告知所需材料：身份证、购房合同' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'closed', closeKind: 'direct', replyText: '已告知所需材料：身份证、购房合同' });
  });
});

describe('the whole loop through the API', () => {
  it('dispatch → acknowledge → sub-assign → contribute → pause/resume → reply → public progress → rating', async () => {
    const t = await newTicket();
    let r = await move('dispatcher', t.id, 'assign', { leadUnitId: d.units.town.id, coUnitIds: [d.units.water.id] });
    expect(r.body.code).toBe('VALIDATION_FAILED');
    r = await move('dispatcher', t.id, 'assign', { leadUnitId: d.units.town.id, coUnitIds: [d.units.water.id], serviceId: d.waterService });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('assigned');

    // Another town cannot see it, nor act on it: it answers as if the ticket did not exist.
    expect((await d.call('otherTown', 'GET', `/api/v1/tickets/${t.id}`)).status).toBe(404);
    expect((await move('otherTown', t.id, 'acknowledge')).status).toBe(404);
    // A leader reads but does not handle.
    expect((await d.call('leader', 'GET', `/api/v1/tickets/${t.id}`)).status).toBe(200);
    expect((await move('leader', t.id, 'acknowledge')).status).toBe(403);

    d.t.clock.advance(30 * 60_000);
    r = await move('town', t.id, 'acknowledge');
    expect(r.body.status).toBe('in_progress');
    expect(clockOf(r.body, 'acknowledge', d.units.town.id).status.state).toBe('met');

    r = await move('town', t.id, 'note', { kind: 'contact', body: '已电话联系王女士，约定下午上门', contactMethod: 'phone' });
    expect(clockOf(r.body, 'first_contact', d.units.town.id).status.state).toBe('met');

    r = await move('town', t.id, 'sub-assign', { unitIds: [d.units.village.id] });
    expect(r.body.assignments.map((a: { unitName: string }) => a.unitName)).toContain('幸福社区');
    expect((await d.call('village', 'GET', `/api/v1/tickets/${t.id}`)).status).toBe(200);
    r = await move('village', t.id, 'reply', { text: '社区已协助排查，系楼顶水箱阀门故障' });
    expect(r.status).toBe(200);
    r = await move('water', t.id, 'reply', { text: '供水管网压力正常' });
    expect(r.status).toBe(200);

    r = await move('town', t.id, 'pause', { reason: '等待物业公司更换阀门配件' });
    expect(clockOf(r.body, 'resolve', d.units.town.id).status.state).toBe('paused');
    expect(clockOf(r.body, 'sla').status.state).toBe('paused');
    d.t.clock.advance(24 * 3600_000);
    r = await move('town', t.id, 'resume', {});
    const resolve = clockOf(r.body, 'resolve', d.units.town.id);
    expect(resolve.status.state).toBe('running');
    expect(resolve.pausedMs).toBe(7 * 3600_000);

    r = await move('town', t.id, 'reply', { text: '已督促物业更换水箱阀门，3栋已恢复供水' });
    expect(r.body.status).toBe('replied');

    const phone4 = citizen.requesterPhone.slice(-4);
    const pub = await d.call(null, 'GET', `/api/v1/public/tickets/${t.trackingCode}?phone4=${phone4}`);
    expect(pub.status).toBe(200);
    expect(pub.body.replyText).toBe('已督促物业更换水箱阀门，3栋已恢复供水');
    expect(pub.body.events.map((e: { action: string }) => e.action)).toEqual(['accepted', 'assigned', 'acknowledged', 'replied']);
    expect(pub.body.events[1].unitName).toBe('城关街道');
    const text = JSON.stringify(pub.body);
    for (const secret of ['town', 'dispatcher', '约定下午上门', citizen.requesterPhone, '水箱阀门故障']) expect(text).not.toContain(secret);
    expect((await d.call(null, 'GET', `/api/v1/public/tickets/${t.trackingCode}?phone4=0000`)).status).toBe(404);

    const rated = await d.call(null, 'POST', `/api/v1/public/tickets/${t.trackingCode}/rating`, { phone4, resolved: 'yes', satisfaction: 'satisfied', comment: '很快' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ status: 'closed', ratingSatisfaction: 'satisfied', canRate: false });
    const final = (await d.call('supervisor', 'GET', `/api/v1/tickets/${t.id}`)).body;
    expect(final.events.map((e: { action: string }) => e.action)).toEqual([
      'accepted', 'assigned', 'acknowledged', 'contacted', 'sub_assigned', 'contributed', 'contributed', 'paused', 'resumed', 'replied', 'rated',
    ]);
    expect(final.events.find((e: { action: string }) => e.action === 'rated').actorName).toBe('public');
  });

  it('return → arbitration → re-dispatch; the requester is told which unit returned it and why', async () => {
    const t = await newTicket();
    await move('dispatcher', t.id, 'assign', { leadUnitId: d.units.otherTown.id, serviceId: d.waterService });
    let r = await move('otherTown', t.id, 'return', { reasonCode: 'jurisdiction', reason: '幸福社区属城关街道管辖', evidence: '辖区图' });
    expect(r.body.status).toBe('arbitration');
    expect((await move('dispatcher', t.id, 'arbitrate', { assignmentId: r.body.assignments[0].id, decision: 'accept', leadUnitId: d.units.otherTown.id })).body.code).toBe('TICKET_MOVE_NOT_ALLOWED');
    r = await move('dispatcher', t.id, 'arbitrate', { assignmentId: r.body.assignments[0].id, decision: 'accept', leadUnitId: d.units.town.id });
    expect(r.body).toMatchObject({ status: 'assigned', leadUnitName: '城关街道' });
    const pub = await d.call(null, 'GET', `/api/v1/public/tickets/${t.trackingCode}?phone4=1234`);
    const returned = pub.body.events.find((e: { action: string }) => e.action === 'returned');
    expect(returned).toMatchObject({ unitName: '东湖镇', detail: '属地不符：幸福社区属城关街道管辖' });
  });

  it('extension asked by the unit and decided by a supervisor; urge and supervise', async () => {
    const t = await newTicket({ serviceId: d.waterService });
    let r = await move('water', t.id, 'extend', { workingDays: 3, reason: '需更换主管道' });
    expect(r.status).toBe(200);
    const ext = r.body.extensions[0];
    expect((await move('water', t.id, 'decide-extension', { extensionId: ext.id, approve: true })).status).toBe(403);
    r = await move('supervisor', t.id, 'decide-extension', { extensionId: ext.id, approve: true, note: '同意' });
    const resolve = clockOf(r.body, 'resolve', d.units.water.id);
    expect(resolve.extendedDays).toBe(3);
    expect(resolve.deadline).not.toBe(resolve.originalDeadline);
    expect((await move('water', t.id, 'extend', { workingDays: 1, reason: '再延' })).body.code).toBe('EXTENSION_NOT_ALLOWED');
    r = await move('supervisor', t.id, 'urge', { message: '请加快进度' });
    expect(r.body.urgeCount).toBe(1);
    r = await move('supervisor', t.id, 'supervise', { message: '列入督办' });
    expect(r.body.supervised).toBe(true);
  });

  it('unsatisfied rating → reopen with a new round; merge and reject; illegal moves get 409 with a code', async () => {
    const t = await newTicket({ serviceId: d.waterService });
    await move('water', t.id, 'reply', { text: '已处理' });
    let r = await move('operator', t.id, 'rate', { resolved: 'no', satisfaction: 'unsatisfied', comment: '仍然停水' });
    expect(r.body.status).toBe('replied');
    r = await move('supervisor', t.id, 'reopen', { reason: '来电人反映仍然停水' });
    expect(r.body).toMatchObject({ status: 'assigned', reopenCount: 1 });
    expect(r.body.assignments.at(-1).round).toBe(2);

    const dup = await newTicket();
    r = await move('dispatcher', dup.id, 'merge', { mainTicketId: t.id });
    expect(r.body).toMatchObject({ status: 'merged', mergedIntoId: t.id });
    const illegal = await move('dispatcher', dup.id, 'assign', { leadUnitId: d.units.town.id });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'TICKET_MOVE_NOT_ALLOWED' });
    expect(illegal.body.message).toMatch(/[\u4e00-\u9fa5]/);

    const junk = await newTicket({ title: '投诉邻国政策' });
    r = await move('dispatcher', junk.id, 'reject', { reason: '不属于本区政府职责范围' });
    expect(r.body.status).toBe('rejected');
    const pub = await d.call(null, 'GET', `/api/v1/public/tickets/${junk.trackingCode}?phone4=1234`);
    expect(pub.body.publicReason).toBe('不属于本区政府职责范围');
  });

  it('lets only one of several concurrent moves on a ticket succeed', async () => {
    const t = await newTicket({ serviceId: d.waterService });
    const results = await Promise.all(Array.from({ length: 6 }, () => move('water', t.id, 'acknowledge')));
    expect(results.filter((x) => x.status === 200)).toHaveLength(1);
    expect(results.filter((x) => x.status === 409)).toHaveLength(5);
    const detail = (await d.call('water', 'GET', `/api/v1/tickets/${t.id}`)).body;
    expect(detail.events.filter((e: { action: string }) => e.action === 'acknowledged')).toHaveLength(1);
  });
});

describe('lists', () => {
  it('filters, searches and pages with a cursor; a unit sees only its own subtree', async () => {
    for (let i = 0; i < 5; i++) await newTicket({ title: `路灯不亮 ${i}`, description: '东湖镇湖东村路灯不亮' });
    const page1 = await d.call('dispatcher', 'GET', '/api/v1/tickets?q=路灯&limit=2');
    expect(page1.body.items).toHaveLength(2);
    const page2 = await d.call('dispatcher', 'GET', `/api/v1/tickets?q=路灯&limit=2&cursor=${page1.body.nextCursor}`);
    const page3 = await d.call('dispatcher', 'GET', `/api/v1/tickets?q=路灯&limit=2&cursor=${page2.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items, ...page3.body.items].map((x: { title: string }) => x.title)).toEqual(['路灯不亮 4', '路灯不亮 3', '路灯不亮 2', '路灯不亮 1', '路灯不亮 0']);
    expect(page3.body.nextCursor).toBeNull();

    const villageView = await d.call('village', 'GET', '/api/v1/tickets?limit=200');
    expect(villageView.body.items.length).toBeGreaterThan(0);
    const townView = await d.call('otherTown', 'GET', '/api/v1/tickets?limit=200');
    const townIds = new Set(townView.body.items.map((x: { id: number }) => x.id));
    for (const item of villageView.body.items) expect(townIds.has(item.id)).toBe(false);

    const byStatus = await d.call('dispatcher', 'GET', '/api/v1/tickets?status=merged&status=rejected');
    expect(byStatus.body.items.every((x: { status: string }) => ['merged', 'rejected'].includes(x.status))).toBe(true);
    expect((await d.call('dispatcher', 'GET', '/api/v1/tickets?cursor=garbage')).status).toBe(400);
  });
});
