import { describe, expect, it } from 'vitest';
import { citizen, useDistrict } from '../../test/fixtures.js';

const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));

async function intake(title: string, description: string, location: string, extra: Record<string, unknown> = {}) {
  const r = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, title, description, location, ...extra });
  expect(r.status).toBe(201);
  return r.body as { id: number; trackingCode: string };
}

const similar = (user: Parameters<typeof d.call>[0], body: Record<string, unknown>) =>
  d.call(user, 'POST', '/api/v1/tickets/similar', { title: '', description: '', location: '', ...body });

describe('similar open tickets', () => {
  it('warns the operator of the same problem at the same place while the call is taken, and not of other problems there', async () => {
    const outage = await intake('小区停水两天', '幸福社区3栋自前天起停水，至今未恢复，家中有老人。', '城关街道幸福社区3栋', { serviceId: d.waterService });
    const rubbish = await intake('垃圾无人清运', '幸福社区5栋门口垃圾堆积一周无人清运，臭味很大。', '城关街道幸福社区5栋');
    await intake('路灯不亮', '湖东村村口路灯坏了一个月。', '东湖镇湖东村');

    const r = await similar('operator', { title: '停水', description: '幸福社区2栋也停水了，一直没来水', location: '城关街道幸福社区' });
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({ id: outage.id, trackingCode: outage.trackingCode, status: 'assigned', leadUnitName: '区水务局', similarity: { duplicate: true } });
    expect(r.body.items.find((i: { id: number }) => i.id === rubbish.id)?.similarity.duplicate ?? false).toBe(false);

    // Created after the index was built (the lookup catches up), and seen from the ticket itself.
    const second = await intake('停水', '幸福社区2栋停水一整天了', '城关街道幸福社区2栋');
    const fromTicket = await d.call('dispatcher', 'GET', `/api/v1/tickets/${second.id}/similar`);
    expect(fromTicket.status).toBe(200);
    expect(fromTicket.body.items.map((i: { id: number }) => i.id)).toContain(outage.id);
    expect(fromTicket.body.items.map((i: { id: number }) => i.id)).not.toContain(second.id);

    // Once merged, the duplicate is no longer open: it drops out.
    expect((await d.call('dispatcher', 'POST', `/api/v1/tickets/${second.id}/merge`, { mainTicketId: outage.id })).status).toBe(200);
    const after = await similar('operator', { title: '停水', description: '幸福社区2栋停水一整天了', location: '城关街道幸福社区2栋' });
    expect(after.body.items.map((i: { id: number }) => i.id)).not.toContain(second.id);
    expect(after.body.items[0].id).toBe(outage.id);
  });

  it('shows a unit only the similar tickets it may see, and hides a ticket it may not see like a missing one', async () => {
    const mine = await intake('楼道灯坏了', '城关街道文化路8号楼道灯全部不亮。', '城关街道文化路8号');
    await d.call('dispatcher', 'POST', `/api/v1/tickets/${mine.id}/assign`, { serviceId: d.waterService, leadUnitId: d.units.town.id });
    const theirs = await intake('楼道灯坏了', '东湖镇湖东村3组楼道灯全部不亮。', '东湖镇湖东村3组');
    await d.call('dispatcher', 'POST', `/api/v1/tickets/${theirs.id}/assign`, { serviceId: d.waterService, leadUnitId: d.units.otherTown.id });

    const seen = await d.call('town', 'GET', `/api/v1/tickets/${mine.id}/similar`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((i: { id: number }) => i.id)).not.toContain(theirs.id);
    const all = await d.call('supervisor', 'GET', `/api/v1/tickets/${mine.id}/similar`);
    expect(all.body.items.map((i: { id: number }) => i.id)).toContain(theirs.id);

    const refused = await d.call('town', 'GET', `/api/v1/tickets/${theirs.id}/similar`);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('TICKET_NOT_FOUND');
    expect((await similar('town', { title: '停水' })).status).toBe(403);
  });

  it('refuses bad input with a 400', async () => {
    const r = await similar('operator', { title: 'x'.repeat(101) });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
  });
});
