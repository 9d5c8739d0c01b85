/**
 * The dispatch desk and the returns queue through the console, and the ticket page of a ticket with a
 * long story: co-units, a village below the town, a pause, an extension, urging, seen live by the town.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sweep } from '../../src/clocks/sweep.service.js';
import { SCREENSHOTS, pickTreeNode, useE2E } from './harness.js';

const e = useE2E();
const TIMEOUT = 90_000;
const SLOW = { timeout: 20_000 };
const cjk = (label: string) => new RegExp(label.split('').join('\\s*'));
const dialog = (page: Page) => page.getByRole('dialog');
/** The visible part only: long pages are also shot whole by e.shot. */
const view = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

type Ids = Record<'suggested' | 'adjusted' | 'unclassified' | 'rejected' | 'returnedLead' | 'returnedCo' | 'story', { id: number; trackingCode: string }>;
const t = {} as Ids;

async function intake(title: string, description: string, location = '城关街道幸福社区') {
  const r = await e.d.call('operator', 'POST', '/api/v1/tickets', { title, description, channel: 'hotline', requesterName: '王女士', requesterPhone: '13800001234', location });
  expect(r.status).toBe(201);
  return { id: r.body.id as number, trackingCode: r.body.trackingCode as string };
}
const move = async (user: Parameters<typeof e.d.call>[0], id: number, verb: string, body: unknown = {}) => {
  const r = await e.d.call(user, 'POST', `/api/v1/tickets/${id}/${verb}`, body);
  expect(r.status, `${user} ${verb}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
};

beforeAll(async () => {
  // The first page load after the server starts is the slowest (cold caches on a busy machine).
  const warm = await (await e.context()).newPage();
  await warm.goto('/login');
  await warm.getByLabel(/用户名/).waitFor({ timeout: 90_000 });
  await warm.context().close();
  t.suggested = await intake('小区停水两天', '幸福社区3栋自前天起停水，至今未恢复，家中有老人。');
  t.adjusted = await intake('楼上水压太低', '城关街道文化路8号高层住户反映水压低，热水器无法启动。', '城关街道文化路8号');
  t.unclassified = await intake('夜间施工噪音扰民', '文化路工地每晚施工到凌晨，严重影响休息。', '城关街道文化路工地');
  t.rejected = await intake('询问彩票中奖号码', '来电人询问昨晚彩票中奖号码。', '—');
  t.returnedLead = await intake('路面塌陷', '东湖镇湖东村村口路面塌陷，车辆无法通行。', '湖东村村口');
  t.returnedCo = await intake('小区自来水发黄', '幸福社区自来水发黄有异味。', '幸福社区');
  t.story = await intake('老旧小区自来水管爆裂', '幸福社区5栋地下自来水管爆裂，路面积水，多户无水可用。', '幸福社区5栋');
  const { water, housing, town, village } = e.d.units;
  await move('dispatcher', t.returnedLead.id, 'assign', { leadUnitId: water.id, serviceId: e.d.waterService });
  await move('water', t.returnedLead.id, 'return', { reasonCode: 'jurisdiction', reason: '路面塌陷属道路养护，不属供水职责', evidence: '《区水务局职责清单》第3条' });
  await move('dispatcher', t.returnedCo.id, 'assign', { leadUnitId: water.id, coUnitIds: [housing.id], serviceId: e.d.waterService });
  await move('housing', t.returnedCo.id, 'return', { reasonCode: 'overlap', reason: '水质问题由供水单位负责' });
  // The long story: the town leads, the water bureau helps, the town hands part to its community.
  const s = t.story.id;
  await move('dispatcher', s, 'assign', { leadUnitId: town.id, coUnitIds: [water.id], serviceId: e.d.waterService });
  await move('town', s, 'note', { kind: 'contact', contactMethod: 'phone', body: '已电话联系王女士，约定下午到现场查看。' });
  await move('town', s, 'sub-assign', { unitIds: [village.id] });
  await move('water', s, 'acknowledge');
  e.d.t.clock.advance(60 * 60_000);
  await move('town', s, 'pause', { reason: '等待燃气公司排查管线交叉情况' });
  e.d.t.clock.advance(2 * 60 * 60_000);
  await move('town', s, 'resume');
  await move('village', s, 'note', { kind: 'note', body: '社区已组织人员设置警示标志，协助疏导积水。' });
  await move('town', s, 'extend', { workingDays: 3, reason: '需更换约 40 米主管道，材料采购需 3 个工作日。' });
  await move('supervisor', s, 'urge', { message: '请加快抢修进度，当日反馈。' });
});

describe('the dispatch desk', () => {
  it('assigns to the suggested unit in one click, with a co-unit picked in the row', async () => {
    const page = await e.signedIn('dispatcher');
    await expect.poll(() => new URL(page.url()).pathname, SLOW).toBe('/dispatch');
    const row = page.locator('tr', { hasText: t.suggested.trackingCode });
    await row.getByText('供水问题').waitFor();
    await view(page, 'dispatch-desk-queue');
    await pickTreeNode(page, row.locator('.ant-select'), '城关街道');
    await page.keyboard.press('Escape');
    await row.getByRole('button', { name: '派给 区水务局' }).click();
    await page.getByText(`${t.suggested.trackingCode} 已派给 区水务局`).waitFor();
    const d = (await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${t.suggested.id}`)).body;
    expect(d.assignments.map((a: { unitName: string; role: string }) => `${a.unitName}:${a.role}`).sort()).toEqual(['区水务局:lead', '城关街道:co']);
    await page.context().close();
  }, TIMEOUT);

  it('adjusts the lead unit, classifies a ticket without a suggestion (validated first) and rejects one', async () => {
    const page = await e.signedIn('dispatcher');
    const adjusted = page.locator('tr', { hasText: t.adjusted.trackingCode });
    await adjusted.getByRole('button', { name: cjk('调整') }).click();
    const form = dialog(page);
    await form.getByText('楼上水压太低').waitFor();
    await pickTreeNode(page, form.locator('.ant-form-item', { hasText: '主办单位' }).locator('.ant-select'), '城关街道');
    await view(page, 'dispatch-adjust');
    await form.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('操作成功').waitFor();
    expect((await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${t.adjusted.id}`)).body.leadUnitName).toBe('城关街道');

    const unclassified = page.locator('tr', { hasText: t.unclassified.trackingCode });
    await unclassified.getByText('无推荐，请人工分类').waitFor();
    await unclassified.getByRole('button', { name: '分类交办' }).click();
    await dialog(page).getByRole('button', { name: /确\s*定/ }).click();
    await dialog(page).getByText('请选择诉求事项（分类）').waitFor();
    await dialog(page).locator('.ant-form-item', { hasText: '诉求事项' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option:visible', { hasText: '政策咨询' }).click();
    // The service's own unit is filled in as the lead.
    await dialog(page).locator('.ant-form-item', { hasText: '主办单位' }).getByText('示范区').waitFor();
    await dialog(page).getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(async () => (await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${t.unclassified.id}`)).body.status, SLOW).toBe('assigned');

    const rejected = page.locator('tr', { hasText: t.rejected.trackingCode });
    await rejected.getByRole('button', { name: '不予受理' }).click();
    await dialog(page).getByLabel('不予受理理由').fill('彩票开奖信息不属于政务服务范围，已告知查询渠道。');
    await dialog(page).getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(async () => (await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${t.rejected.id}`)).body.status, SLOW).toBe('rejected');
    await expect.poll(() => page.locator('tr', { hasText: t.rejected.trackingCode }).count(), SLOW).toBe(0);
    await page.context().close();
  }, TIMEOUT);

  it('decides returns: a lead\'s is accepted and re-assigned, a co-unit\'s is refused with a reason', async () => {
    const page = await e.signedIn('dispatcher');
    await page.goto('/arbitration');
    const lead = page.locator('tr', { hasText: t.returnedLead.trackingCode });
    await lead.getByText('路面塌陷属道路养护').waitFor();
    await e.shot(page, 'arbitration-queue');
    await lead.getByRole('button', { name: cjk('裁定') }).click();
    const form = dialog(page);
    await form.getByText('《区水务局职责清单》第3条').waitFor();
    await form.getByRole('button', { name: /确\s*定/ }).click();
    await form.getByText('请选择主办单位').waitFor(); // a returned lead needs a new one
    await pickTreeNode(page, form.locator('.ant-form-item', { hasText: '新主办单位' }).locator('.ant-select'), '东湖镇');
    await view(page, 'arbitration-accept');
    await form.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.locator('tr', { hasText: t.returnedLead.trackingCode }).count(), SLOW).toBe(0);
    expect((await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${t.returnedLead.id}`)).body).toMatchObject({ status: 'assigned', leadUnitName: '东湖镇' });

    const co = page.locator('tr', { hasText: t.returnedCo.trackingCode });
    await co.getByRole('button', { name: cjk('裁定') }).click();
    await dialog(page).getByText('驳回退单').click();
    await dialog(page).getByLabel('驳回理由').fill('水质发黄涉及小区二次供水设施，住建局负责物业监管，请协同处理。');
    await dialog(page).getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('暂无待裁定的退单').waitFor();
    const d = (await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${t.returnedCo.id}`)).body;
    expect(d.assignments.find((a: { unitName: string }) => a.unitName === '区住建局')).toMatchObject({ status: 'pending', returnDecision: 'refused' });
    await page.context().close();
  }, TIMEOUT);
});

describe('a ticket with a long story', () => {
  it('shows the supervisor every clock, unit and event, and the supervisor approves the extension', async () => {
    const page = await e.signedIn('supervisor');
    await page.goto(`/tickets/${t.story.id}`);
    await page.getByTestId('ticket-title').getByText('老旧小区自来水管爆裂').waitFor();
    const moves = page.getByTestId('ticket-moves');
    for (const name of ['延期审批', '催办', '督办', '办理记录']) await moves.getByRole('button', { name: cjk(name) }).waitFor();
    expect(await moves.getByRole('button', { name: /签\s*收|答\s*复|退\s*单|分类交办/ }).count()).toBe(0);
    const trail = page.getByTestId('ticket-trail');
    for (const label of ['分类交办', '联系诉求人', '交办下级单位', '挂起计时', '恢复计时', '申请延期', '催办']) await trail.getByText(label, { exact: true }).first().waitFor();
    await page.getByTestId('ticket-assignments').getByText('幸福社区').waitFor();
    await e.shot(page, 'ticket-story-supervisor');

    await moves.getByRole('button', { name: '延期审批' }).click();
    await dialog(page).getByText('需更换约 40 米主管道').first().waitFor();
    await dialog(page).getByRole('button', { name: /确\s*定/ }).click();
    await trail.getByTestId('event-extension_decided').waitFor();
    await page.getByText('已批准').first().waitFor();
    await expect.poll(() => moves.getByRole('button', { name: '延期审批' }).count()).toBe(0);
    await page.context().close();
  }, TIMEOUT);

  it('offers the town only its own sub-units, and updates live when the supervisor urges', async () => {
    const page = await e.signedIn('town');
    await page.goto(`/tickets/${t.story.id}`);
    const moves = page.getByTestId('ticket-moves');
    await moves.getByRole('button', { name: '交办下级' }).click();
    await dialog(page).locator('.ant-select').click();
    const options = page.locator('.ant-select-tree-node-content-wrapper:visible');
    await options.first().waitFor();
    // The community already has the work; the other town's village is not offered at all.
    expect(await options.allTextContents()).toEqual(['幸福社区']);
    expect(await page.locator('.ant-select-tree-treenode-disabled:visible').count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog(page).getByRole('button', { name: /取\s*消/ }).click();

    await page.getByText('催办 1 次').waitFor();
    await move('supervisor', t.story.id, 'urge', { message: '群众再次来电，请今日内完成抢修。' });
    await page.getByText('催办 2 次').waitFor();
    await page.getByText(/工单刚由他人更新（催办）/).waitFor();
    await e.shot(page, 'ticket-story-town');

    // A handler's refusal from the server is shown in the form: a second extension is over the cap.
    await moves.getByRole('button', { name: '申请延期' }).click();
    await dialog(page).getByLabel('延期理由').fill('管材到货延迟。');
    await dialog(page).getByRole('button', { name: /确\s*定/ }).click();
    await dialog(page).getByText(/最多可延期 1 次/).waitFor();
    await view(page, 'ticket-move-refused');
    await page.context().close();
  }, TIMEOUT);

  it('lists overdue and supervised work with its countdown', async () => {
    // Seven working days later, the sweep has marked what is late.
    e.d.t.clock.advance(9 * 24 * 60 * 60_000);
    await sweep(e.d.t.ctx);
    await move('supervisor', t.adjusted.id, 'supervise', { message: '水压问题反复投诉，列入督办。' });
    const page = await e.signedIn('supervisor');
    await page.goto('/tickets');
    await page.getByText(/共 \d+ 条/).waitFor();
    await view(page, 'tickets-list-all');
    await page.getByText('仅超时').click();
    await page.locator('tr', { hasText: t.story.trackingCode }).getByText(/已超时/).waitFor();
    expect(new URL(page.url()).searchParams.get('overdue')).toBe('true');
    await page.getByText('仅督办').click();
    await page.locator('tr', { hasText: t.adjusted.trackingCode }).waitFor();
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count(), SLOW).toBe(1);
    await view(page, 'tickets-list-filtered');
    await page.context().close();
  }, TIMEOUT);

  it('merges a repeat call into the ticket already open for the same problem, from the ticket page', async () => {
    const first = await intake('湖东村路灯不亮', '东湖镇湖东村村口那排路灯一个多月不亮了，晚上很黑。', '东湖镇湖东村村口');
    const repeat = await intake('村口路灯坏了', '湖东村村口路灯晚上不亮，已经很久了，老人出行不方便。', '东湖镇湖东村');
    const page = await e.signedIn('dispatcher');
    await page.goto(`/tickets/${repeat.id}`);
    const card = page.getByTestId('ticket-similar');
    const row = card.locator('.ant-list-item', { hasText: first.trackingCode });
    await row.getByText('同一地点同一问题').waitFor();
    await view(page, 'ticket-similar');
    await row.getByRole('button', { name: '并入此单' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '并入此单' }).click();
    await page.getByText('已合并').first().waitFor();
    expect((await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${repeat.id}`)).body).toMatchObject({ status: 'merged', mergedIntoId: first.id });
    await page.context().close();
  }, TIMEOUT);
});
