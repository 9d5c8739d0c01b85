/**
 * 督查督办 and 本单位工单 end to end, on Friday 20 March 2026 at 15:00. The water bureau's desk holds work
 * in every state: two tickets nobody acknowledged on Wednesday (overdue), one past its warning, one waiting
 * for an extension, two given this afternoon; the town has one overdue too. The handler sees them coloured
 * by time left and acknowledges one; the supervisor urges the two overdue tickets at once, approves the
 * extension and spot-checks closed work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sweep } from '../../src/clocks/sweep.service.js';
import { citizen } from '../fixtures.js';
import { useE2E } from './harness.js';

const e = useE2E(new Date('2026-03-09T08:00:00+08:00'));
const TIMEOUT = 120_000;
type User = Parameters<typeof e.d.call>[0];

async function post(user: User, url: string, body: unknown = {}) {
  const r = await e.d.call(user, 'POST', url, body);
  if (r.status >= 300) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
const at = (local: string) => e.d.t.clock.set(new Date(`${local}+08:00`));
const move = (user: User, id: number, verb: string, body: unknown = {}) => post(user, `/api/v1/tickets/${id}/${verb}`, body);
const contact = (user: User, id: number) => move(user, id, 'note', { kind: 'contact', body: '已电话联系诉求人', contactMethod: 'phone' });
const water = (extra: Record<string, unknown>) => post('operator', '/api/v1/tickets', { ...citizen, serviceId: e.d.waterService, ...extra });

const T = {} as Record<'F' | 'G' | 'C' | 'D' | 'A' | 'B' | 'TOWN' | 'E' | 'H', { id: number; trackingCode: string }>;

beforeAll(async () => {
  // Closed last week: the material of the spot checks.
  at('2026-03-09T09:00:00');
  T.F = await water({ title: '自来水浑浊发黄', description: '早上放出的自来水浑浊发黄，烧开后有沉淀。' });
  at('2026-03-09T09:30:00');
  await contact('water', T.F.id);
  at('2026-03-10T10:00:00');
  await move('water', T.F.id, 'reply', { text: '经检测系管网冲洗所致，已对该片区管网排放冲洗，水质复检合格。' });
  at('2026-03-10T11:00:00');
  await move('operator', T.F.id, 'rate', { resolved: 'yes', satisfaction: 'satisfied', comment: '处理很及时' });
  T.G = await water({ title: '水表漏水', description: '楼道水表接口处一直滴水，地面积水。' });
  at('2026-03-10T11:20:00');
  await contact('water', T.G.id);
  at('2026-03-11T15:00:00');
  await move('water', T.G.id, 'reply', { text: '已更换水表接口密封圈，不再漏水。' });
  at('2026-03-12T10:00:00');
  await move('operator', T.G.id, 'close', { note: '回访确认已修复' });

  // Monday 16: acknowledged and under way; by Thursday afternoon past 75% of its five working days.
  at('2026-03-16T09:00:00');
  T.C = await water({ title: '小区二次供水水压不足', description: '高层住户水压不足，早晚高峰基本无水。', location: '城关街道锦绣花园' });
  at('2026-03-16T09:30:00');
  await contact('water', T.C.id);
  // Tuesday 17: needs a main replaced, asks for three more working days on Thursday.
  at('2026-03-17T09:00:00');
  T.D = await water({ title: '主管道破裂', description: '路口主管道破裂，周边三个小区停水。', location: '建设路与人民路交叉口' });
  at('2026-03-17T09:30:00');
  await contact('water', T.D.id);
  at('2026-03-19T10:00:00');
  await move('water', T.D.id, 'extend', { workingDays: 3, reason: '需协调供水集团更换主管道，材料周一到货' });
  // Wednesday 18: nobody acknowledges these (2 hours allowed).
  at('2026-03-18T09:00:00');
  T.A = await water({ title: '消防栓漏水', description: '小区消防栓一直漏水，已持续三天。', location: '幸福社区5栋' });
  at('2026-03-18T09:30:00');
  T.B = await water({ title: '停水未提前通知', description: '今天上午突然停水，没有任何通知。', channel: 'web', location: '东湖镇湖东村' });
  at('2026-03-18T10:00:00');
  T.TOWN = await post('operator', '/api/v1/tickets', { ...citizen, title: '楼道堆放杂物', description: '楼道长期堆放杂物，存在消防隐患。', dispatch: false, serviceId: e.d.consultService });
  await move('dispatcher', T.TOWN.id, 'assign', { leadUnitId: e.d.units.town.id });
  // Friday 20, this afternoon.
  at('2026-03-20T14:00:00');
  T.E = await water({ title: '绿化带水管爆裂', description: '绿化带喷灌水管爆裂，水流到人行道上。', location: '滨河路' });
  at('2026-03-20T14:10:00');
  await contact('water', T.E.id);
  at('2026-03-20T14:30:00');
  T.H = await water({ title: '水费账单异常', description: '本月水费是平时的三倍，怀疑水表故障。', location: '幸福社区2栋' });
  at('2026-03-20T15:00:00');
  await sweep(e.d.t.ctx);
}, 300_000);

async function as(user: string, name: string, story: (page: Page) => Promise<void>): Promise<void> {
  const page = await e.signedIn(user);
  page.setDefaultTimeout(20_000);
  try {
    await story(page);
  } catch (error) {
    await e.shot(page, `FAILED-${name}`).catch(() => undefined);
    throw error;
  } finally {
    await page.close();
  }
}

const rowOf = (page: Page, code: string) => page.locator('.ant-table-row', { hasText: code });

describe('本单位工单', () => {
  it('the handler sees the unit\'s work coloured by time left, most urgent first, and acknowledges at once', async () => as('water', 'mywork', async (page) => {
    await page.waitForURL('**/my-work');
    await rowOf(page, T.H.trackingCode).waitFor();
    // Overdue first (red), then past the warning (yellow), then on time (green).
    // By working time left on the nearest deadline: A and B ran out on Wednesday; H must be acknowledged by
    // 16:30 today; C, D and E are due next week (C already past 75% of its time, hence yellow).
    const codes = await page.locator('.ant-table-row .db-code').allTextContents();
    expect(codes).toEqual([T.A, T.B, T.H, T.C, T.D, T.E].map((t) => t.trackingCode));
    await expect.poll(() => rowOf(page, T.A.trackingCode).getAttribute('class')).toContain('db-urgency-overdue');
    expect(await rowOf(page, T.C.trackingCode).getAttribute('class')).toContain('db-urgency-warning');
    expect(await rowOf(page, T.E.trackingCode).getAttribute('class')).toContain('db-urgency-normal');
    expect(await rowOf(page, T.A.trackingCode).locator('.ant-tag', { hasText: '已超时' }).count()).toBeGreaterThan(0);
    expect(await rowOf(page, T.C.trackingCode).locator('.ant-tag', { hasText: '剩余' }).first().evaluate((el) => getComputedStyle(el).color)).toBe('rgb(212, 136, 6)');
    expect(await rowOf(page, T.E.trackingCode).locator('.ant-tag', { hasText: '剩余' }).first().evaluate((el) => getComputedStyle(el).color)).toBe('rgb(56, 158, 13)');
    expect(await page.getByTestId('mw-overdue').textContent()).toContain('2');
    await rowOf(page, T.D.trackingCode).getByText('延期审批中').waitFor();
    await e.shot(page, 'mywork');

    await rowOf(page, T.H.trackingCode).getByRole('button', { name: /签\s*收/ }).click();
    await page.getByText(`已签收 ${T.H.trackingCode}`).waitFor();
    await rowOf(page, T.H.trackingCode).getByText('办理中').waitFor();
    const h = (await e.d.call('water', 'GET', `/api/v1/tickets/${T.H.id}`)).body;
    expect(h.assignments[0].status).toBe('acknowledged');
    await page.getByTestId('mw-overdue').click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    await e.shot(page, 'mywork-overdue');
  }), TIMEOUT);
});

describe('督查督办', () => {
  it('the supervisor urges two overdue tickets in one go', async () => as('supervisor', 'urge', async (page) => {
    await page.waitForURL('**/supervision');
    await rowOf(page, T.A.trackingCode).waitFor();
    await rowOf(page, T.TOWN.trackingCode).waitFor();
    await rowOf(page, T.A.trackingCode).getByRole('checkbox').check();
    await rowOf(page, T.B.trackingCode).getByRole('checkbox').check();
    await page.getByText('已选 2 件').waitFor();
    await e.shot(page, 'supervision-late');
    await page.getByRole('button', { name: '批量催办' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('催办 2 件工单').waitFor();
    await e.shot(page, 'supervision-urge');
    await dialog.getByRole('button', { name: '批量催办' }).click();
    await page.getByText('已催办 2 件').waitFor();
    for (const t of [T.A, T.B]) {
      const detail = (await e.d.call('supervisor', 'GET', `/api/v1/tickets/${t.id}`)).body;
      expect(detail.urgeCount).toBe(1);
      expect(detail.events.at(-1)).toMatchObject({ action: 'urged', data: expect.objectContaining({ message: expect.stringContaining('请抓紧办理') }) });
    }
    expect((await e.d.call('supervisor', 'GET', `/api/v1/tickets/${T.TOWN.id}`)).body.urgeCount).toBe(0);
    const inbox = (await e.d.call('water', 'GET', '/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'urged');
    expect(inbox).toHaveLength(2);
    await rowOf(page, T.A.trackingCode).getByText('催办 1 次').waitFor();
    await e.shot(page, 'supervision-urged');
  }), TIMEOUT);

  it('the supervisor approves the extension, and the unit\'s deadline moves', async () => as('supervisor', 'extension', async (page) => {
    await page.goto('/supervision/extensions');
    const row = rowOf(page, T.D.trackingCode);
    await row.waitFor();
    await e.shot(page, 'supervision-extensions');
    await row.locator('button', { hasText: /^\s*批\s*准\s*$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审批意见').fill('同意延期，请按期完成主管道更换');
    await dialog.getByRole('button', { name: /批\s*准/ }).click();
    await page.getByText(`已批准 ${T.D.trackingCode} 的延期`).waitFor();
    await page.getByText('没有待审批的延期申请').waitFor();
    const d = (await e.d.call('supervisor', 'GET', `/api/v1/tickets/${T.D.id}`)).body;
    expect(d.extensions[0].decision).toBe('approved');
    const resolve = d.clocks.find((c: { kind: string; assignmentId: number | null }) => c.kind === 'resolve' && c.assignmentId !== null);
    expect(resolve.extendedDays).toBe(3);
  }), TIMEOUT);

  it('spot-checks closed tickets: one passes, and the sample shows the reply and the rating', async () => as('supervisor', 'spot', async (page) => {
    await page.goto('/supervision/spot-checks');
    const card = page.locator('.db-spot', { hasText: T.F.trackingCode });
    await card.waitFor();
    await card.getByText('处理很及时').waitFor();
    await page.locator('.db-spot', { hasText: T.G.trackingCode }).getByText('回访确认办结').waitFor();
    await e.shot(page, 'supervision-spot');
    await card.locator('button', { hasText: /^\s*合\s*格\s*$/ }).click();
    await card.getByText('抽查合格').waitFor();
    const f = (await e.d.call('supervisor', 'GET', `/api/v1/tickets/${T.F.id}`)).body;
    expect(f.events.at(-1).action).toBe('spot_checked');
  }), TIMEOUT);
});
