/**
 * The closed loop through the console: the operator registers a call with the keyboard and reads out the
 * tracking code; the dispatcher assigns it from the desk; the town acknowledges and replies; the operator
 * records the caller's rating. Another town cannot open the ticket by its address.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createService } from '../../src/catalogue/service.service.js';
import { forgetRoutableServices } from '../../src/routing/routing.service.js';
import { useE2E } from './harness.js';

const e = useE2E();
const TIMEOUT = 90_000;
/** These machines are shared and slow: the first render of a page can take seconds. */
const SLOW = { timeout: 20_000 };
/** antd puts a space between the two characters of a two-character Chinese button label. */
const cjk = (label: string) => new RegExp(label.split('').join('\\s*'));
const dialog = (page: Page) => page.getByRole('dialog');

let ticketId = 0;
let trackingCode = '';

beforeAll(async () => {
  // A service owned by the town, so that the suggestion sends the work where the story needs it.
  await createService(e.d.t.ctx, null, {
    code: 'ENV-01', name: '小区环境卫生', groupName: '城市管理', keywords: ['垃圾', '环境卫生'], unitId: e.d.units.town.id,
    limits: { acknowledge: { amount: 2, unit: 'hours' }, firstContact: { amount: 1, unit: 'working_days' }, resolve: { amount: 3, unit: 'working_days' }, callback: { amount: 2, unit: 'working_days' } },
    effectiveFrom: new Date('2025-01-01T00:00:00+08:00'),
  });
  forgetRoutableServices();
  // The first page load after the server starts is the slowest (cold caches on a busy machine).
  const warm = await (await e.context()).newPage();
  await warm.goto('/login');
  await warm.getByLabel(/用户名/).waitFor({ timeout: 90_000 });
  await warm.context().close();
  // An open ticket about the same problem at the same place, for the duplicate warning; another problem there is not one.
  const earlier = await e.d.call('operator', 'POST', '/api/v1/tickets', {
    title: '垃圾没人清运', description: '幸福社区3栋楼下垃圾桶满了好几天没人清运，气味难闻。', channel: 'web', requesterName: '李先生', requesterPhone: '13900001111', location: '幸福社区3栋',
  });
  expect(earlier.status).toBe(201);
  const other = await e.d.call('operator', 'POST', '/api/v1/tickets', {
    title: '楼道堆放杂物', description: '幸福社区3栋一楼楼道堆满杂物，影响通行。', channel: 'web', requesterName: '钱先生', requesterPhone: '13900002222', location: '幸福社区3栋',
  });
  expect(other.status).toBe(201);
});

describe('the ticket loop in the console', () => {
  it('the operator registers a call by keyboard, sees the suggestion and a duplicate warning, and gets a tracking code', async () => {
    const page = await e.signedIn('operator');
    await expect.poll(() => new URL(page.url()).pathname, SLOW).toBe('/intake');
    // The first field has focus: type, Enter, type, Enter…
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), SLOW).toBe('intake_requesterPhone');
    await page.keyboard.type('13800005678');
    await page.keyboard.press('Enter');
    await page.keyboard.type('赵先生');
    await page.keyboard.press('Enter');
    await page.keyboard.type('小区楼下垃圾堆积无人清运');
    await page.keyboard.press('Enter');
    await page.keyboard.type('城关街道幸福社区3栋楼下垃圾已堆积三天，气味很大，希望尽快清运。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('幸福社区3栋');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), SLOW).toBe('intake_channel');
    // The text suggests the town's service; the place has an open ticket already.
    await page.getByTestId('intake-suggestions').getByText('小区环境卫生').waitFor();
    const duplicates = page.getByTestId('intake-duplicates');
    await duplicates.locator('.ant-list-item', { hasText: '垃圾没人清运' }).getByText('同一地点同一问题').waitFor();
    expect(await duplicates.getByText('楼道堆放杂物').count()).toBe(0);
    expect(await page.getByText('未选事项：提交后进入派单台').count()).toBe(1);
    await e.shot(page, 'intake-filled');

    await page.keyboard.press('Control+Enter');
    const code = page.getByTestId('tracking-code');
    await code.waitFor();
    trackingCode = (await code.textContent())!.trim();
    expect(trackingCode).toMatch(/^MSB20260302-\d{6}$/);
    await page.getByText('已进入派单台，等待分类交办').waitFor();
    await e.shot(page, 'intake-done');

    const found = await e.d.call('dispatcher', 'GET', `/api/v1/tickets?q=${trackingCode}`);
    ticketId = found.body.items[0].id;
    expect(found.body.items[0]).toMatchObject({ status: 'new', suggestedServiceId: expect.any(Number), title: '小区楼下垃圾堆积无人清运' });

    // The next call starts on an empty form with the phone field focused.
    await page.getByRole('button', { name: '受理下一个来电' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), SLOW).toBe('intake_requesterPhone');
    await page.context().close();
  }, TIMEOUT);

  it('validates as the operator types and answers a consultation directly (直办)', async () => {
    const page = await e.signedIn('operator');
    await page.getByLabel(/联系电话/).fill('12');
    await page.getByText('电话号码格式不正确').waitFor();
    await page.getByLabel(/联系电话/).fill('13700002222');
    await page.getByLabel(/诉求人/).fill('孙女士');
    await page.getByLabel(/诉求标题/).fill('咨询社保卡补办');
    await page.getByLabel(/诉求内容/).fill('咨询社保卡丢失后在哪里补办、需要带什么材料。');
    await page.getByLabel(/发生地点/).fill('城关街道');
    await page.getByRole('button', { name: /直接答复办结/ }).click();
    await dialog(page).getByLabel(/答复内容/).fill('已告知可到区政务服务中心社保窗口补办，携带身份证即可。');
    await dialog(page).getByRole('button', { name: '登记并办结' }).click();
    await page.getByText('已登记并办结').waitFor();
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();
    const found = await e.d.call('operator', 'GET', `/api/v1/tickets?q=${code}`);
    expect(found.body.items[0].status).toBe('closed');
    await page.context().close();
  }, TIMEOUT);

  it('the dispatcher assigns it from the desk to the suggested unit in one click', async () => {
    const page = await e.signedIn('dispatcher');
    await expect.poll(() => new URL(page.url()).pathname, SLOW).toBe('/dispatch');
    const row = page.locator('tr', { hasText: trackingCode });
    await row.getByText('小区环境卫生').waitFor();
    await e.shot(page, 'dispatch-desk');
    await row.getByRole('button', { name: '派给 城关街道' }).click();
    await page.getByText(`${trackingCode} 已派给 城关街道`).waitFor();
    await expect.poll(async () => page.locator('tr', { hasText: trackingCode }).count()).toBe(0);
    const t = await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${ticketId}`);
    expect(t.body).toMatchObject({ status: 'assigned', leadUnitName: '城关街道', serviceName: '小区环境卫生' });
    await page.context().close();
  }, TIMEOUT);

  it('the town handler opens it, acknowledges and replies; the page follows each move', async () => {
    const page = await e.signedIn('town');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('ticket-title').getByText('小区楼下垃圾堆积无人清运').waitFor();
    const moves = page.getByTestId('ticket-moves');
    // A handler is offered the unit's moves, not the dispatcher's or the supervisor's.
    expect(await moves.getByRole('button', { name: /分类交办|督\s*办|催\s*办|录入回访评价/ }).count()).toBe(0);
    await e.shot(page, 'ticket-town-assigned');

    await moves.getByRole('button', { name: cjk('签收') }).click();
    await dialog(page).getByRole('button', { name: cjk('签收') }).click();
    await page.getByTestId('ticket-trail').getByTestId('event-acknowledged').waitFor();
    await expect.poll(() => moves.getByRole('button', { name: cjk('签收') }).count()).toBe(0);

    await moves.getByRole('button', { name: cjk('答复') }).click();
    await dialog(page).getByRole('button', { name: /确\s*定/ }).click();
    await dialog(page).getByText('请填写答复内容').waitFor(); // validated before sending
    // The reply is checked as it is typed: a template draws a warning, a specific answer clears it.
    await dialog(page).getByLabel(/答复内容/).fill('您好！您的留言已收悉，我们将转交相关部门处理，感谢您的关注与支持。');
    await dialog(page).getByTestId('reply-flag-boilerplate').getByText(/客套话/).waitFor(SLOW);
    await e.shot(page, 'ticket-reply-check');
    await dialog(page).getByLabel(/答复内容/).fill('已安排环卫人员于今日下午清运完毕，并增加该点位每日巡查。');
    await dialog(page).getByTestId('reply-check-clear').waitFor(SLOW);
    expect(await dialog(page).getByTestId('reply-flag-boilerplate').count()).toBe(0);
    await dialog(page).getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('ticket-reply').getByText('已安排环卫人员').waitFor();
    await page.getByText('已答复待评价').first().waitFor();
    expect(await moves.count()).toBe(0); // nothing left for the town to do
    await e.shot(page, 'ticket-town-replied');
    await page.context().close();
  }, TIMEOUT);

  it('the operator records the rating during the callback, and the loop closes', async () => {
    const page = await e.signedIn('operator');
    await page.goto(`/tickets/${ticketId}`);
    const moves = page.getByTestId('ticket-moves');
    await moves.getByRole('button', { name: '录入回访评价' }).click();
    await dialog(page).getByText('已解决', { exact: true }).click();
    await dialog(page).getByText('满意', { exact: true }).click();
    await dialog(page).getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('ticket-trail').getByTestId('event-rated').waitFor();
    await page.getByText('已办结').first().waitFor();
    await e.shot(page, 'ticket-closed');
    const t = await e.d.call('operator', 'GET', `/api/v1/tickets/${ticketId}`);
    expect(t.body).toMatchObject({ status: 'closed', closeKind: 'rated', ratingSatisfaction: 'satisfied' });
    await page.context().close();
  }, TIMEOUT);

  it('another town cannot open the ticket by its address: the page shows nothing of it', async () => {
    const page = await e.signedIn('othertown');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByText('工单不存在或无权查看').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('小区楼下垃圾堆积');
    expect(body).not.toContain(trackingCode);
    expect(body).not.toContain('赵先生');
    await e.shot(page, 'ticket-forbidden');
    await page.context().close();
  }, TIMEOUT);

  it('the list filters server-side, pages with the cursor and opens a ticket', async () => {
    await Promise.all(Array.from({ length: 55 }, (_, i) => e.d.call('operator', 'POST', '/api/v1/tickets', {
      title: `路灯不亮 ${i + 1}`, description: '夜间路灯不亮，存在安全隐患。', channel: i % 3 ? 'hotline' : 'web', requesterName: '市民', requesterPhone: '13600000000', location: `城关街道文化路${i + 1}号`,
    })));
    const page = await e.signedIn('dispatcher');
    await page.goto('/tickets');
    await page.getByText('已加载 50 条，还有更多').waitFor();
    await e.shot(page, 'tickets-list');
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.getByText(/共 \d+ 条/).waitFor();
    await page.getByPlaceholder('标题、内容、地点或查询码').fill('垃圾堆积');
    await page.getByPlaceholder('标题、内容、地点或查询码').press('Enter');
    await page.getByText('共 1 条').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('垃圾堆积');
    await page.getByRole('link', { name: '小区楼下垃圾堆积无人清运' }).click();
    await page.getByTestId('ticket-title').getByText('小区楼下垃圾堆积无人清运').waitFor();
    await page.context().close();
  }, TIMEOUT);
});
