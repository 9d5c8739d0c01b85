import { beforeAll, describe, expect, it } from 'vitest';
import { citizen, useDistrict } from '../../test/fixtures.js';

const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));
const ids: Record<'water' | 'far', number[]> = { water: [], far: [] };

async function intake(title: string, description: string, location: string) {
  const r = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, title, description, location });
  expect(r.status).toBe(201);
  return r.body.id as number;
}

beforeAll(async () => {
  // Over a fortnight, one compound's water keeps failing (the town's), and a village far away keeps losing its road lights
  // (the other town's); the rest of the district is the usual variety.
  for (let i = 0; i < 6; i++) {
    const id = await intake(`锦华苑小区${i + 1}栋停水`, `锦华苑小区${i + 1}栋又停水了，二次供水泵房故障，这个月已经第${i + 2}次。`, `城关街道锦华苑小区${i + 1}栋`);
    await d.call('dispatcher', 'POST', `/api/v1/tickets/${id}/assign`, { serviceId: d.waterService, leadUnitId: d.units.town.id });
    ids.water.push(id);
    d.t.clock.advance(2 * 86_400_000);
  }
  for (let i = 0; i < 4; i++) {
    const id = await intake('湖东村路灯不亮', `湖东村${i + 1}组的路灯坏了，晚上一片漆黑，老人出行不便。`, `东湖镇湖东村${i + 1}组`);
    await d.call('dispatcher', 'POST', `/api/v1/tickets/${id}/assign`, { serviceId: d.waterService, leadUnitId: d.units.otherTown.id });
    ids.far.push(id);
  }
  for (const [t, desc, loc] of [['占道经营', '文化路夜市摊贩占道', '城关街道文化路'], ['噪音扰民', '广场舞音响太大', '东湖镇新港社区'], ['井盖缺失', '路口井盖丢了', '城关街道建设路']]) {
    await intake(t!, desc!, loc!);
  }
});

describe('hotspots (溯源分析)', () => {
  it('shows the supervisor the same problem at the same place, named, ranked and with its tickets', async () => {
    const r = await d.call('supervisor', 'GET', '/api/v1/hotspots');
    expect(r.status).toBe(200);
    expect(r.body.tickets).toBe(13);
    const water = r.body.hotspots.find((h: { memberIds: number[] }) => h.memberIds.includes(ids.water[0]!));
    expect(water).toMatchObject({ size: 6, case: null, units: [{ unitId: d.units.town.id, name: '城关街道', count: 6 }], services: [{ name: '供水问题', count: 6 }] });
    expect(water.name).toContain('锦华苑小区');
    expect(water.tickets).toHaveLength(6);
    expect(water.trend.reduce((a: number, b: number) => a + b, 0)).toBe(6);
    expect(r.body.hotspots.find((h: { memberIds: number[] }) => h.memberIds.includes(ids.far[0]!))).toMatchObject({ size: 4 });
  });

  it('shows a town only the hotspots among its own tickets, and refuses roles without the analysis', async () => {
    const town = await d.call('town', 'GET', '/api/v1/hotspots');
    expect(town.status).toBe(200);
    const members = town.body.hotspots.flatMap((h: { memberIds: number[] }) => h.memberIds);
    expect(members).toEqual(expect.arrayContaining(ids.water));
    expect(members.some((id: number) => ids.far.includes(id))).toBe(false);
    expect((await d.call('operator', 'GET', '/api/v1/hotspots')).status).toBe(403);
    const bad = await d.call('supervisor', 'GET', '/api/v1/hotspots?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('turns a hotspot into a proactive case once, recorded with the tickets it answers for', async () => {
    const report = (await d.call('supervisor', 'GET', '/api/v1/hotspots')).body;
    const water = report.hotspots.find((h: { memberIds: number[] }) => h.memberIds.includes(ids.water[0]!));
    const body = {
      hotspotKey: water.key, name: water.name, place: water.place, keywords: water.keywords, from: report.from, to: report.to, memberIds: water.memberIds,
      title: '锦华苑小区反复停水：二次供水泵房整改', description: '半月内 6 件停水诉求，均因二次供水泵房故障，请彻底整改。', location: '城关街道锦华苑小区', serviceId: d.waterService,
    };
    const created = await d.call('supervisor', 'POST', '/api/v1/hotspots/cases', body);
    expect(created.status).toBe(201);
    const ticket = (await d.call('supervisor', 'GET', `/api/v1/tickets/${created.body.ticketId}`)).body;
    expect(ticket).toMatchObject({ channel: 'proactive', status: 'assigned', leadUnitName: '区水务局', trackingCode: created.body.trackingCode });
    expect(ticket.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['accepted', 'hotspot_case', 'assigned']));

    const behind = await d.call('supervisor', 'GET', `/api/v1/tickets/${created.body.ticketId}/hotspot`);
    expect(behind.body.case).toMatchObject({ size: 6, place: water.place });
    expect(behind.body.case.tickets.map((t: { id: number }) => t.id).sort()).toEqual([...ids.water].sort());

    const again = await d.call('dispatcher', 'POST', '/api/v1/hotspots/cases', body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('HOTSPOT_CASE_EXISTS');
    const after = (await d.call('supervisor', 'GET', '/api/v1/hotspots')).body.hotspots.find((h: { key: string }) => h.key === water.key);
    expect(after.case).toMatchObject({ ticketId: created.body.ticketId, trackingCode: created.body.trackingCode });

    const unknown = await d.call('supervisor', 'POST', '/api/v1/hotspots/cases', { ...body, memberIds: [999999] });
    expect(unknown.status).toBe(400);
    expect((await d.call('town', 'POST', '/api/v1/hotspots/cases', body)).status).toBe(403);
    // An ordinary ticket has no hotspot behind it; another town's proactive ticket is not there at all.
    expect((await d.call('supervisor', 'GET', `/api/v1/tickets/${ids.water[0]}/hotspot`)).body).toEqual({ case: null });
    expect((await d.call('otherTown', 'GET', `/api/v1/tickets/${ids.water[0]}/hotspot`)).status).toBe(404);
  });
});
