import { describe, expect, it } from 'vitest';
import { citizen, useDistrict } from '../../test/fixtures.js';
import { sweep } from '../clocks/sweep.service.js';

const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));
const post = (user: Parameters<typeof d.call>[0], url: string, body: unknown = {}) => d.call(user, 'POST', url, body);

describe('work queues and notifications', () => {
  it('shows returns to arbitrate, extensions to decide and late work; notifies the units concerned', async () => {
    const returned = (await post('operator', '/api/v1/tickets', { ...citizen, serviceId: d.waterService })).body;
    await post('water', `/api/v1/tickets/${returned.id}/return`, { reasonCode: 'ownership', reason: '小区供水设施属物业管理' });
    const extended = (await post('operator', '/api/v1/tickets', { ...citizen, serviceId: d.waterService })).body;
    await post('water', `/api/v1/tickets/${extended.id}/extend`, { workingDays: 2, reason: '等待配件' });

    const arbitration = await d.call('dispatcher', 'GET', '/api/v1/queues/arbitration');
    expect(arbitration.body).toEqual([expect.objectContaining({ ticketId: returned.id, unitName: '区水务局', reasonCode: 'ownership' })]);
    const extensions = await d.call('supervisor', 'GET', '/api/v1/queues/extensions');
    expect(extensions.body).toEqual([expect.objectContaining({ ticketId: extended.id, workingDays: 2 })]);
    expect((await d.call('water', 'GET', '/api/v1/queues/extensions')).status).toBe(403);

    // Nobody acknowledged the second ticket: past its 2-hour limit it is late work.
    d.t.clock.set(new Date('2026-03-02T14:00:00+08:00'));
    await sweep(d.t.ctx);
    const late = await d.call('supervisor', 'GET', '/api/v1/queues/late?state=overdue');
    expect(late.body.map((x: { ticketId: number; kind: string }) => [x.ticketId, x.kind])).toContainEqual([extended.id, 'acknowledge']);
    expect((await d.call('town', 'GET', '/api/v1/queues/late?state=overdue')).body).toEqual([]);
    expect((await d.call('water', 'GET', '/api/v1/queues/late?state=overdue')).body.length).toBeGreaterThan(0);

    const inbox = await d.call('water', 'GET', '/api/v1/notifications?unread=true');
    expect(inbox.body.unread).toBeGreaterThanOrEqual(3);
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['assigned', 'clock_overdue']));
    expect((await d.call('town', 'GET', '/api/v1/notifications')).body.items).toEqual([]);
    const marked = await post('water', '/api/v1/notifications/read', {});
    expect(marked.body.marked).toBe(inbox.body.unread);
    expect((await d.call('water', 'GET', '/api/v1/notifications?unread=true')).body.unread).toBe(0);
  });
});
