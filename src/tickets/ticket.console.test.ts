import { describe, expect, it } from 'vitest';
import { citizen, useDistrict } from '../../test/fixtures.js';

// What the console's intake and lists rely on. Monday 2 March 2026, 09:00 in Shanghai.
const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));

describe('suggesting a service while the operator types', () => {
  it('answers with the keyword routing intake would apply, and whether it would dispatch on its own', async () => {
    const weak = await d.call('operator', 'POST', '/api/v1/tickets/suggest', { title: '小区停水两天', description: '' });
    expect(weak.status).toBe(200);
    expect(weak.body).toEqual({ suggestions: [{ serviceId: d.waterService, name: '供水问题', score: 2, matched: ['停水'] }], confident: false });
    const strong = await d.call('dispatcher', 'POST', '/api/v1/tickets/suggest', { title: '停水', description: '自来水停了，水压也低' });
    expect(strong.body.confident).toBe(true);
    expect((await d.call('operator', 'POST', '/api/v1/tickets/suggest', { title: '', description: '' })).body).toEqual({ suggestions: [], confident: false });
  });

  it('is for the hotline and the dispatch desk only', async () => {
    expect((await d.call('town', 'POST', '/api/v1/tickets/suggest', { title: '停水', description: '' })).status).toBe(403);
  });
});

describe('answering a consultation at intake (直办)', () => {
  it('classifies without dispatching, so the operator can close it at once', async () => {
    const created = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.consultService, dispatch: false });
    expect(created.body).toMatchObject({ status: 'new', serviceId: d.consultService, leadUnitId: null });
    const closed = await d.call('operator', 'POST', `/api/v1/tickets/${created.body.id}/close`, { note: '已当场答复' });
    expect(closed.body).toMatchObject({ status: 'closed', closeKind: 'direct', replyText: '已当场答复' });
  });
});

describe('the ticket list', () => {
  it('carries the suggestion and the nearest deadline with its time left in working time', async () => {
    const waiting = await d.call('operator', 'POST', '/api/v1/tickets', citizen);
    const dispatched = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.waterService });
    const list = (await d.call('dispatcher', 'GET', '/api/v1/tickets?limit=10')).body.items as Array<Record<string, unknown>>;
    expect(list.find((i) => i.id === waiting.body.id)).toMatchObject({ suggestedServiceId: d.waterService, deadline: null, deadlineKind: null, timeLeftMs: null, warning: false });
    // 5 working days from Monday 09:00: due the next Monday 17:30, so the rest of today and five office days of 7 h.
    expect(list.find((i) => i.id === dispatched.body.id)).toMatchObject({
      deadline: '2026-03-09T09:30:00.000Z', deadlineKind: 'sla', warning: false, timeLeftMs: 6 * 7 * 3_600_000,
    });
  });
});
