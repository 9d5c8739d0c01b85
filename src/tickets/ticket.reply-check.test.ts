import { describe, expect, it } from 'vitest';
import { citizen, useDistrict } from '../../test/fixtures.js';

const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));

const TEMPLATE = '您好！您的留言已收悉，我们将转交相关部门处理，感谢您的关注与支持。';
const SPECIFIC = '经现场核查，幸福社区3栋停水系二次供水泵房水泵故障。我局已督促物业更换水泵，3栋已于3月2日14时恢复供水。';

async function waterTicket(): Promise<number> {
  const r = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.waterService });
  expect(r.status).toBe(201);
  return r.body.id;
}

const check = (user: Parameters<typeof d.call>[0], id: number, reply: unknown) => d.call(user, 'POST', `/api/v1/tickets/${id}/reply-check`, { reply });

describe('POST /tickets/{id}/reply-check', () => {
  it('given a template reply, the handling unit is told it is boilerplate; given a specific one, nothing', async () => {
    const id = await waterTicket();
    const template = await check('water', id, TEMPLATE);
    expect(template.status).toBe(200);
    expect(template.body.flags).toEqual([expect.objectContaining({ code: 'boilerplate', message: expect.stringMatching(/客套话/), messageEn: expect.any(String) })]);
    const specific = await check('water', id, SPECIFIC);
    expect(specific.body).toMatchObject({ flags: [], inquiry: false });
    expect(specific.body.relevance).toBeGreaterThan(0.3);
  });

  it('answers another unit\'s handler as if the ticket did not exist, and refuses an empty draft', async () => {
    const id = await waterTicket();
    const other = await check('town', id, SPECIFIC);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('TICKET_NOT_FOUND');
    expect((await check('water', 999999, SPECIFIC)).body.code).toBe('TICKET_NOT_FOUND');
    const empty = await check('water', id, '');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
  });

  it('never blocks the reply: a template goes out, and its flags are kept in the reply\'s audit event', async () => {
    const id = await waterTicket();
    expect((await d.call('water', 'POST', `/api/v1/tickets/${id}/reply`, { text: TEMPLATE })).status).toBe(200);
    const detail = await d.call('supervisor', 'GET', `/api/v1/tickets/${id}`);
    expect(detail.body.status).toBe('replied');
    const replied = detail.body.events.find((e: { action: string }) => e.action === 'replied');
    expect(replied.data.replyCheck).toEqual({ flags: ['boilerplate'], relevance: expect.any(Number) });
  });
});
