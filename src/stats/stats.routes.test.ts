/**
 * The scores on a real database, from a known history made through the API. Every expected number is
 * worked out by hand in the comments, and every drill-down filter is checked against the ticket list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { citizen, useDistrict } from '../../test/fixtures.js';
import { sweep } from '../clocks/sweep.service.js';

const d = useDistrict(new Date('2026-02-10T09:00:00+08:00'));
type User = Parameters<typeof d.call>[0];
const at = (local: string) => d.t.clock.set(new Date(`${local}+08:00`));
const post = async (user: User, url: string, body: unknown = {}) => {
  const r = await d.call(user, 'POST', url, body);
  if (r.status >= 300) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const move = (user: User, id: number, verb: string, body: unknown = {}) => post(user, `/api/v1/tickets/${id}/${verb}`, body);
const intake = (extra: Record<string, unknown> = {}) => post('operator', '/api/v1/tickets', { ...citizen, ...extra });
const rate = (code: string, resolved: string, satisfaction: string) => post(null, `/api/v1/public/tickets/${code}/rating`, { phone4: '1234', resolved, satisfaction });

/** GET /api/v1/tickets with a figure's filter: the ids of the tickets behind it. */
async function behind(filter: Record<string, unknown> | null, user: User = 'leader'): Promise<number[]> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(filter ?? {})) for (const x of [v].flat()) qs.append(k, String(x));
  qs.set('limit', '200');
  const r = await d.call(user, 'GET', `/api/v1/tickets?${qs}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.items as Array<{ id: number }>).map((t) => t.id).sort((a, b) => a - b);
}
const ids = (...list: Array<{ id: number }>) => list.map((t) => t.id).sort((a, b) => a - b);

const T = {} as Record<'F1' | 'F2' | 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7', { id: number; trackingCode: string }>;
const MARCH = 'from=2026-03-01&to=2026-04-01';

beforeAll(async () => {
  // February: two water tickets, the previous period of the hot services. F1 acknowledged, F2 not.
  T.F1 = await intake({ serviceId: d.waterService });
  T.F2 = await intake({ serviceId: d.waterService });
  at('2026-02-10T09:30:00');
  await move('water', T.F1.id, 'acknowledge');

  // Monday 2 March.
  at('2026-03-02T09:00:00');
  T.T1 = await intake({ serviceId: d.waterService });                     // → water at 09:00
  T.T2 = await intake({ serviceId: d.waterService, channel: 'web' });     // → water
  at('2026-03-02T09:10:00');
  T.T3 = await intake();                                                  // unclassified: dispatch decides
  at('2026-03-02T09:20:00');
  await move('dispatcher', T.T3.id, 'assign', { leadUnitId: d.units.town.id, coUnitIds: [d.units.water.id], serviceId: d.waterService });
  at('2026-03-02T09:30:00');
  await move('water', T.T1.id, 'acknowledge');                            // in time (due 11:00)
  T.T5 = await intake({ serviceId: d.waterService });                     // → water, returned below
  at('2026-03-02T09:40:00');
  await move('town', T.T3.id, 'acknowledge');                             // in time; water (co) never acknowledges
  at('2026-03-02T09:50:00');
  T.T6 = await intake({ serviceId: d.waterService, channel: 'enterprise', requesterKind: 'enterprise', enterpriseName: '示范科技有限公司' });
  at('2026-03-02T10:00:00');
  await move('water', T.T6.id, 'acknowledge');
  const returned = await move('water', T.T5.id, 'return', { reasonCode: 'jurisdiction', reason: '小区供水设施属社区物业' });
  at('2026-03-02T10:10:00');
  await move('dispatcher', T.T5.id, 'arbitrate', { assignmentId: returned.assignments[0].id, decision: 'accept', leadUnitId: d.units.town.id });
  at('2026-03-02T10:20:00');
  await move('town', T.T5.id, 'acknowledge');
  at('2026-03-02T10:30:00');
  await move('town', T.T5.id, 'note', { kind: 'contact', body: '已电话联系王女士', contactMethod: 'phone' });
  at('2026-03-02T10:40:00');
  await move('town', T.T5.id, 'sub-assign', { unitIds: [d.units.village.id] });
  at('2026-03-02T10:50:00');
  T.T4 = await intake({ title: '咨询公积金提取', description: '咨询公积金提取需要什么材料' });
  expect((await d.call('operator', 'GET', `/api/v1/tickets/${T.T4.id}`)).body.status).toBe('new');
  at('2026-03-02T11:00:00');
  await move('operator', T.T4.id, 'close', { note: '已告知所需材料：身份证、购房合同' });  // 直办
  await move('village', T.T5.id, 'acknowledge');
  at('2026-03-02T14:00:00');
  await move('water', T.T2.id, 'acknowledge');                            // late: due 11:00

  // Tuesday 3 March.
  at('2026-03-03T09:30:00');
  await move('village', T.T5.id, 'reply', { text: '社区已协调物业检修水箱' });
  at('2026-03-03T10:00:00');
  await move('water', T.T1.id, 'reply', { text: '管网抢修完毕，已恢复供水' });
  await move('water', T.T2.id, 'reply', { text: '已更换减压阀' });
  await move('town', T.T5.id, 'reply', { text: '物业已修复水箱，恢复供水' });
  at('2026-03-03T11:00:00');
  await rate(T.T1.trackingCode, 'yes', 'satisfied');
  await rate(T.T2.trackingCode, 'partly', 'basic');
  await move('operator', T.T5.id, 'close', { note: '回访确认已恢复供水' });

  // Wednesday 4 March: T6 asks for time; T7 is answered, rated unsatisfied, reopened, answered again.
  at('2026-03-04T09:00:00');
  T.T7 = await intake({ serviceId: d.waterService });
  const ext = await move('water', T.T6.id, 'extend', { workingDays: 3, reason: '需更换主管道' });
  await move('supervisor', T.T6.id, 'decide-extension', { extensionId: ext.extensions[0].id, approve: true, note: '同意' });
  await move('supervisor', T.T6.id, 'supervise', { message: '企业诉求，请加快办理' });
  at('2026-03-04T09:10:00');
  await move('water', T.T7.id, 'acknowledge');
  at('2026-03-04T10:00:00');
  await move('water', T.T7.id, 'reply', { text: '已安排检修' });
  at('2026-03-04T10:30:00');
  await rate(T.T7.trackingCode, 'no', 'unsatisfied');
  at('2026-03-04T11:00:00');
  await move('dispatcher', T.T7.id, 'reopen', { reason: '来电人反映仍未恢复' });
  at('2026-03-04T11:10:00');
  await move('water', T.T7.id, 'acknowledge');
  at('2026-03-05T09:30:00');
  await move('water', T.T7.id, 'reply', { text: '已彻底修复' });
  at('2026-03-05T10:00:00');
  await rate(T.T7.trackingCode, 'yes', 'satisfied');

  // Tuesday 10 March: the town answers T3 late; the requester is not satisfied (the loop stays open).
  at('2026-03-10T10:00:00');
  await move('town', T.T3.id, 'reply', { text: '已协调供水公司处理' });
  at('2026-03-10T11:00:00');
  await rate(T.T3.trackingCode, 'no', 'unsatisfied');

  // Friday 20 March, noon: the sweep records what ran out (T6's extended deadline of 12 March, F1 and F2).
  at('2026-03-20T12:00:00');
  await sweep(d.t.ctx);
});

describe('the district figures for March', () => {
  it('counts each rate exactly, and every number lists its own tickets', async () => {
    const r = await d.call('leader', 'GET', `/api/v1/stats/overview?${MARCH}`);
    expect(r.status).toBe(200);
    const f = r.body.figures;
    expect(r.body.period).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    // February's F1 and F2 are not in March's cohort.
    expect(f.accepted.value).toBe(7);
    expect(await behind(f.accepted.filter)).toEqual(ids(T.T1, T.T2, T.T3, T.T4, T.T5, T.T6, T.T7));

    // Acknowledge clocks judged: T1 water ✓, T2 water ✗ (14:00 > 11:00), T3 town ✓, T3 water (co) ✗ (never),
    // T5 town ✓, T5 village ✓, T6 water ✓, T7 water ✓ ✓ (two rounds). T5 water returned in time: not judged.
    expect(f.response).toMatchObject({ numerator: 7, denominator: 9 });
    expect(f.response.rate).toBeCloseTo(7 / 9, 10);
    expect(await behind(f.response.missFilter)).toEqual(ids(T.T2, T.T3));

    // Rated: T1 yes/satisfied, T2 partly/basic, T3 no/unsatisfied, T7 yes/satisfied (its reopened first rating was replaced).
    expect(f.resolution).toMatchObject({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(f.satisfaction).toMatchObject({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(await behind(f.satisfaction.filter)).toEqual(ids(T.T1, T.T2, T.T3, T.T7));
    expect(await behind(f.satisfaction.missFilter)).toEqual(ids(T.T3));
    expect(await behind(f.resolution.missFilter)).toEqual(ids(T.T3));

    // Loops closed: T1, T2, T7 (rated), T5 (confirmed), T4 (direct). Due and open: T3 (unsatisfied, callback
    // promise ran out 12 March) and T6 (promise to the requester ran out 9 March).
    expect(f.closedLoop).toMatchObject({ numerator: 5, denominator: 7 });
    expect(await behind(f.closedLoop.filter)).toEqual(ids(T.T1, T.T2, T.T4, T.T5, T.T7));
    expect(await behind(f.closedLoop.missFilter)).toEqual(ids(T.T3, T.T6));

    // Resolve clocks judged: T1 ✓, T2 ✓, T3 town ✗ (replied 10 March), T3 water ✗ (stopped after its deadline),
    // T5 town ✓, T5 village ✓, T6 ✗ (extended deadline 12 March passed), T7 ✓ ✓.
    expect(f.onTime).toMatchObject({ numerator: 6, denominator: 9 });
    expect(await behind(f.onTime.missFilter)).toEqual(ids(T.T3, T.T6));

    // T2, T3, T6. T7 was reopened: its second reply met the second promise and its rating the second
    // callback clock, so nothing was left running on the closed ticket.
    expect(f.overdue.value).toBe(3);
    expect(await behind(f.overdue.filter)).toEqual(ids(T.T2, T.T3, T.T6));
    expect(f.returns.value).toBe(1);
    expect(await behind(f.returns.filter)).toEqual(ids(T.T5));
    expect(f.extensions.value).toBe(1);
    expect(await behind(f.extensions.filter)).toEqual(ids(T.T6));
    expect(f.reopens.value).toBe(1);
    expect(await behind(f.reopens.filter)).toEqual(ids(T.T7));
    expect(f.supervised.value).toBe(1);
    expect(await behind(f.supervised.filter)).toEqual(ids(T.T6));
    expect(f.direct).toMatchObject({ numerator: 1, denominator: 7 });
    expect(await behind(f.direct.filter)).toEqual(ids(T.T4));
  });

  it('splits the volume by channel and by service group, each drillable', async () => {
    const r = (await d.call('supervisor', 'GET', `/api/v1/stats/overview?${MARCH}`)).body;
    expect(r.channels.map((c: { channel: string; count: number }) => [c.channel, c.count])).toEqual([['hotline', 5], ['enterprise', 1], ['web', 1]]);
    expect(await behind(r.channels.find((c: { channel: string }) => c.channel === 'web').filter)).toEqual(ids(T.T2));
    expect(r.groups.map((g: { group: string | null; count: number }) => [g.group, g.count])).toEqual([['城市管理', 6], [null, 1]]);
    expect((await behind(r.groups[0].filter)).length).toBe(6);
  });

  it('is the same whatever the reader: the dispatcher and the admin read the district too', async () => {
    for (const user of ['dispatcher', 'admin'] as const) {
      expect((await d.call(user, 'GET', `/api/v1/stats/overview?${MARCH}`)).body.figures.accepted.value).toBe(7);
    }
  });
});

describe('a unit\'s figures', () => {
  it('water: the tickets it leads, and its own clocks wherever it worked', async () => {
    const r = await d.call('leader', 'GET', `/api/v1/stats/overview?${MARCH}&unitId=${d.units.water.id}`);
    const f = r.body.figures;
    expect(r.body.unitName).toBe('区水务局');
    // Leads T1, T2, T6, T7 (T3 and T5 are led by the town).
    expect(f.accepted.value).toBe(4);
    expect(await behind(f.accepted.filter)).toEqual(ids(T.T1, T.T2, T.T6, T.T7));
    expect(f.resolution).toMatchObject({ numerator: 3, denominator: 3, rate: 1 });
    expect(f.satisfaction).toMatchObject({ numerator: 3, denominator: 3, rate: 1 });
    expect(f.closedLoop).toMatchObject({ numerator: 3, denominator: 4 });
    // Its acknowledge clocks: T1 ✓ T2 ✗ T3(co) ✗ T6 ✓ T7 ✓ ✓; resolve: T1 ✓ T2 ✓ T3(co) ✗ T6 ✗ T7 ✓ ✓.
    expect(f.response).toMatchObject({ numerator: 4, denominator: 6 });
    expect(f.onTime).toMatchObject({ numerator: 4, denominator: 6 });
    expect(await behind(f.response.missFilter)).toEqual(ids(T.T2, T.T3));
    expect(await behind(f.onTime.missFilter)).toEqual(ids(T.T3, T.T6));
    expect(f.overdue.value).toBe(3);
    expect(await behind(f.overdue.filter)).toEqual(ids(T.T2, T.T3, T.T6));
    expect(f.returns.value).toBe(1);
    expect(f.extensions.value).toBe(1);
    expect(f.direct).toBeNull();
  });

  it('the town answers for its village: the village\'s clocks count in the town\'s subtree', async () => {
    const f = (await d.call('town', 'GET', `/api/v1/stats/overview?${MARCH}`)).body.figures;
    expect(f.accepted.value).toBe(2);                                     // T3, T5
    expect(f.response).toMatchObject({ numerator: 3, denominator: 3 });    // T3 town, T5 town, T5 village
    expect(f.onTime).toMatchObject({ numerator: 2, denominator: 3 });      // T3 town late
    expect(f.resolution).toMatchObject({ numerator: 0, denominator: 1 });
    expect(f.closedLoop).toMatchObject({ numerator: 1, denominator: 2 });
    expect(await behind(f.onTime.missFilter, 'town')).toEqual(ids(T.T3));
    expect(f.overdue.value).toBe(1);
  });

  it('a handler reads its own subtree only, and other units answer as missing; operators have no scores', async () => {
    expect((await d.call('village', 'GET', `/api/v1/stats/overview?${MARCH}`)).body.unitName).toBe('幸福社区');
    expect((await d.call('town', 'GET', `/api/v1/stats/overview?${MARCH}&unitId=${d.units.village.id}`)).status).toBe(200);
    const other = await d.call('town', 'GET', `/api/v1/stats/overview?${MARCH}&unitId=${d.units.water.id}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('UNIT_NOT_FOUND');
    expect((await d.call('operator', 'GET', `/api/v1/stats/overview?${MARCH}`)).status).toBe(403);
  });
});

describe('ranking', () => {
  it('ranks departments and towns separately by the weighted composite score', async () => {
    const deps = (await d.call('leader', 'GET', `/api/v1/stats/ranking?${MARCH}&group=departments`)).body;
    expect(deps.weights).toEqual({ response: 0.2, resolution: 0.3, satisfaction: 0.3, onTime: 0.2 });
    expect(deps.rows.map((r: { unitName: string }) => r.unitName)).toEqual(['区水务局', '区住建局']);
    // 0.2 × 4/6 + 0.3 × 1 + 0.3 × 1 + 0.2 × 4/6 = 0.8667
    expect(deps.rows[0]).toMatchObject({ rank: 1, score: 86.7 });
    expect(deps.rows[1]).toMatchObject({ rank: null, score: null });
    expect(await behind(deps.rows[0].figures.response.missFilter)).toEqual(ids(T.T2, T.T3));

    const towns = (await d.call('leader', 'GET', `/api/v1/stats/ranking?${MARCH}&group=towns`)).body;
    expect(towns.rows.map((r: { unitName: string }) => r.unitName)).toEqual(['城关街道', '东湖镇']);
    // (0.2 × 1 + 0.3 × 0 + 0.3 × 0 + 0.2 × 2/3) = 0.3333
    expect(towns.rows[0]).toMatchObject({ rank: 1, score: 33.3 });
    expect(towns.rows[0].figures.accepted.value).toBe(2);
  });

  it('uses the weights an admin sets, refuses weights that do not add up, and records the change', async () => {
    expect((await d.call('leader', 'GET', '/api/v1/stats/weights')).body).toMatchObject({ isDefault: true });
    expect((await d.call('leader', 'PUT', '/api/v1/stats/weights', { response: 0.25, resolution: 0.25, satisfaction: 0.25, onTime: 0.25 })).status).toBe(403);
    const bad = await d.call('admin', 'PUT', '/api/v1/stats/weights', { response: 0.5, resolution: 0.5, satisfaction: 0.5, onTime: 0 });
    expect(bad.status).toBe(400);
    const ok = await d.call('admin', 'PUT', '/api/v1/stats/weights', { response: 0.25, resolution: 0.25, satisfaction: 0.25, onTime: 0.25 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ isDefault: false, weights: { response: 0.25 } });
    const deps = (await d.call('leader', 'GET', `/api/v1/stats/ranking?${MARCH}&group=departments`)).body;
    expect(deps.rows[0].score).toBe(83.3);                              // (2/3 + 1 + 1 + 2/3) / 4
    const audit = await d.t.ctx.db.query(`SELECT action, before, after FROM audit_events WHERE entity_type = 'setting' AND action = 'scoring_weights_set'`);
    expect(audit.rows[0]).toMatchObject({ before: { response: 0.2 }, after: { response: 0.25 } });
    await d.call('admin', 'PUT', '/api/v1/stats/weights', { response: 0.2, resolution: 0.3, satisfaction: 0.3, onTime: 0.2 });
  });

  it('a handler ranks the units below it, not the district', async () => {
    const r = (await d.call('town', 'GET', `/api/v1/stats/ranking?${MARCH}`)).body;
    expect(r.parentName).toBe('城关街道');
    expect(r.rows).toEqual([expect.objectContaining({ unitName: '幸福社区', rank: 1, score: 100 })]);
    expect((await d.call('town', 'GET', `/api/v1/stats/ranking?${MARCH}&parentId=${d.units.district.id}`)).status).toBe(404);
  });
});

describe('trend and hot services', () => {
  it('gives each day of the month up to today its own cohort', async () => {
    const r = (await d.call('leader', 'GET', `/api/v1/stats/trend?${MARCH}&bucket=day`)).body;
    expect(r.points).toHaveLength(20);
    const byDay = Object.fromEntries(r.points.map((p: { key: string; accepted: { value: number } }) => [p.key, p.accepted.value]));
    expect(byDay['2026-03-02']).toBe(6);
    expect(byDay['2026-03-04']).toBe(1);
    expect(byDay['2026-03-03']).toBe(0);
    const mar2 = r.points.find((p: { key: string }) => p.key === '2026-03-02');
    expect(mar2.satisfaction).toMatchObject({ numerator: 2, denominator: 3 });
    expect((await behind(mar2.accepted.filter)).length).toBe(6);
    const weeks = (await d.call('leader', 'GET', `/api/v1/stats/trend?${MARCH}&bucket=week`)).body;
    expect(weeks.points.map((p: { key: string; accepted: { value: number } }) => [p.key, p.accepted.value]))
      .toEqual([['2026-02-23', 0], ['2026-03-02', 7], ['2026-03-09', 0], ['2026-03-16', 0]]);
  });

  it('lists the hot services with their growth against February', async () => {
    const r = (await d.call('leader', 'GET', `/api/v1/stats/hot?${MARCH}`)).body;
    expect(r.previous).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(r.top).toEqual([expect.objectContaining({ serviceId: d.waterService, name: '供水问题', current: 6, previous: 2, growth: 2 })]);
    expect(r.rising[0]).toMatchObject({ serviceId: d.waterService, change: 4 });
    expect((await behind(r.top[0].filter)).length).toBe(6);
  });
});

describe('a unit\'s desk', () => {
  it('lists the active work, most urgent first, with time left on each clock and the counts', async () => {
    const r = await d.call('water', 'GET', '/api/v1/stats/unit-work');
    expect(r.status).toBe(200);
    expect(r.body.counts).toEqual({ active: 3, pending: 1, warning: 0, overdue: 3, paused: 0 });
    // F2's acknowledge clock ran out first (10 Feb 11:00), then F1's first contact (11 Feb), then T6.
    expect(r.body.items.map((w: { ticketId: number }) => w.ticketId)).toEqual([T.F2.id, T.F1.id, T.T6.id]);
    const t6 = r.body.items[2];
    expect(t6).toMatchObject({ urgency: 'overdue', supervised: true, assignmentStatus: 'acknowledged', role: 'lead' });
    const resolve = t6.clocks.find((c: { kind: string }) => c.kind === 'resolve');
    // Due Thursday 12 March 17:30; now is Friday 20 March 12:00: late by 13, 16–19 March (5 working days of
    // 7 office hours) and 9:00–12:00 today.
    expect(resolve.timeLeftMs).toBe(-(5 * 7 + 3) * 3600_000);
    expect((await d.call('town', 'GET', '/api/v1/stats/unit-work')).body.items).toEqual([]);
    expect((await d.call('town', 'GET', `/api/v1/stats/unit-work?unitId=${d.units.water.id}`)).status).toBe(404);
    expect((await d.call('supervisor', 'GET', `/api/v1/stats/unit-work?unitId=${d.units.water.id}`)).body.total).toBe(3);
  });
});

describe('spot checks', () => {
  it('samples closed tickets with a reply; a pass is recorded, a failure reopens the ticket to its unit', async () => {
    const url = '/api/v1/stats/spot-checks?days=30&seed=s1';
    const first = (await d.call('supervisor', 'GET', url)).body;
    // T1, T2, T7 (rated) and T5 (confirmed); T4 was answered at intake, with no unit to reopen it to.
    expect(first.eligible).toBe(4);
    expect(first.items.map((s: { ticketId: number }) => s.ticketId).sort((a: number, b: number) => a - b)).toEqual(ids(T.T1, T.T2, T.T5, T.T7));
    expect((await d.call('supervisor', 'GET', url)).body.items).toEqual(first.items);
    expect((await d.call('leader', 'GET', url)).status).toBe(403);

    expect((await d.call('supervisor', 'POST', '/api/v1/stats/spot-checks', { ticketId: T.T1.id, passed: true, note: '答复属实' })).body).toEqual({ ticketId: T.T1.id, passed: true, reopened: false });
    expect((await d.call('supervisor', 'POST', '/api/v1/stats/spot-checks', { ticketId: T.T2.id, passed: false })).status).toBe(400);
    const failed = await d.call('supervisor', 'POST', '/api/v1/stats/spot-checks', { ticketId: T.T2.id, passed: false, note: '回访核实减压阀未更换' });
    expect(failed.body).toEqual({ ticketId: T.T2.id, passed: false, reopened: true });
    const t2 = (await d.call('supervisor', 'GET', `/api/v1/tickets/${T.T2.id}`)).body;
    expect(t2).toMatchObject({ status: 'assigned', reopenCount: 1, leadUnitName: '区水务局' });
    expect(t2.events.slice(-2).map((e: { action: string }) => e.action)).toEqual(['reopened', 'spot_checked']);
    expect((await d.call('supervisor', 'GET', url)).body.eligible).toBe(2);
    expect((await d.call('supervisor', 'POST', '/api/v1/stats/spot-checks', { ticketId: T.T2.id, passed: true })).status).toBe(409);
  });
});
