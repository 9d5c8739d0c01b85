import { describe, expect, it } from 'vitest';
import { rows } from '../platform/database/db.js';
import { citizen, useDistrict } from '../../test/fixtures.js';
import { sweep } from './sweep.service.js';

const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));

describe('the deadline sweep', () => {
  it('records each warning and overdue once, with a notification for the unit, and nothing on a second pass', async () => {
    const created = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.waterService });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    // Acknowledge limit 2 office hours from 09:00: warning at 10:30, overdue at 11:00.
    d.t.clock.set(new Date('2026-03-02T10:40:00+08:00'));
    expect(await sweep(d.t.ctx)).toMatchObject({ warnings: 1, overdue: 0 });
    d.t.clock.set(new Date('2026-03-02T11:05:00+08:00'));
    expect(await sweep(d.t.ctx)).toMatchObject({ warnings: 0, overdue: 1 });
    expect(await sweep(d.t.ctx)).toMatchObject({ checked: 0 });

    const detail = (await d.call('water', 'GET', `/api/v1/tickets/${id}`)).body;
    const ack = detail.clocks.find((c: { kind: string }) => c.kind === 'acknowledge');
    expect(ack.overdueAt).toBe('2026-03-02T03:00:00.000Z');
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['accepted', 'assigned', 'clock_warning', 'clock_overdue']);
    const notes = await rows<{ kind: string; unit_id: number }>(d.t.ctx.db, `SELECT kind, unit_id FROM notifications WHERE work_id = $1 AND clock_id IS NOT NULL ORDER BY id`, [id]);
    expect(notes).toEqual([{ kind: 'clock_warning', unit_id: d.units.water.id }, { kind: 'clock_overdue', unit_id: d.units.water.id }]);

    // Acknowledged late: the overdue stays on record.
    await d.call('water', 'POST', `/api/v1/tickets/${id}/acknowledge`, {});
    const after = (await d.call('water', 'GET', `/api/v1/tickets/${id}`)).body.clocks.find((c: { kind: string }) => c.kind === 'acknowledge');
    expect(after).toMatchObject({ status: { state: 'met' }, overdueAt: '2026-03-02T03:00:00.000Z' });
  });

  it('never double-notifies when several sweepers run at once, and catches up on everything missed', async () => {
    d.t.clock.set(new Date('2026-03-03T09:00:00+08:00'));
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push((await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, title: `停水 ${i}`, serviceId: d.waterService })).body.id);
    // A server that was down for two weeks: every clock of these tickets is past due.
    const later = new Date('2026-03-17T09:00:00+08:00');
    const results = await Promise.all([sweep(d.t.ctx, later, 7), sweep(d.t.ctx, later, 7), sweep(d.t.ctx, later, 7)]);
    const overdue = results.reduce((n, r) => n + r.overdue, 0);
    const events = await rows<{ n: number }>(d.t.ctx.db, `SELECT count(*) AS n FROM audit_events WHERE action = 'clock_overdue' AND at = $1`, [later]);
    expect(events[0]!.n).toBe(overdue);
    const mine = await rows<{ n: number }>(d.t.ctx.db, `SELECT count(*) AS n FROM audit_events WHERE action = 'clock_overdue' AND entity_id = ANY($1::bigint[])`, [ids]);
    // Acknowledge, first contact and resolve for the unit, and the promise to the requester; the return
    // window closes without being overdue.
    expect(mine[0]!.n).toBe(20 * 4);
    const dup = await rows<{ n: number }>(d.t.ctx.db, `SELECT count(*) AS n FROM (SELECT clock_id, kind FROM notifications WHERE clock_id IS NOT NULL AND work_id = ANY($1::bigint[]) GROUP BY 1, 2 HAVING count(*) > 1) x`, [ids]);
    expect(dup[0]!.n).toBe(0);
  });
});
