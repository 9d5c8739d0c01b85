/**
 * 系统管理 end to end, in the browser as the admin: a unit, a user in it, a catalogue version, a calendar
 * override that visibly moves the deadline calculator, integration credentials, scoring weights.
 * The server clock stands in mid-November, when next year's holiday schedule is not out yet.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { writeCatalogueSheet, XLSX_MIME as XLSX } from '../../src/catalogue/catalogue.xlsx.js';
import { pickTreeNode, useE2E } from './harness.js';

const e = useE2E(new Date('2026-11-16T09:00:00+08:00'));
const TIMEOUT = 180_000;

/** A page signed in as the admin; a failure leaves a screenshot of what the browser showed. */
async function asAdmin(name: string, story: (page: Page) => Promise<void>): Promise<void> {
  const page = await e.signedIn('admin');
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

/** Set an antd DatePicker by typing, as a keyboard user does. */
async function typeDate(page: Page, input: ReturnType<Page['locator']>, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

describe('admin console', () => {
  it('units: creates a unit in the tree and shows the server refusing to deactivate a unit with active sub-units', async () => asAdmin('units', async (page) => {
    await page.goto('/admin/units');
    await page.getByRole('cell', { name: '示范区' }).first().waitFor();

    await page.getByRole('button', { name: '新建单位' }).click();
    const dialog = page.getByRole('dialog');
    await pickTreeNode(page, dialog.locator('.ant-form-item', { hasText: '上级单位' }).locator('.ant-select'), '示范区');
    await dialog.getByLabel('单位编码').fill('D-EDU');
    await dialog.getByLabel('单位名称').fill('区教育局');
    await e.shot(page, 'admin-units-new');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: '区教育局' }).waitFor();
    const created = (await e.d.call('admin', 'GET', '/api/v1/units')).body.find((u: { code: string }) => u.code === 'D-EDU');
    expect(created).toMatchObject({ name: '区教育局', kind: 'department', parentId: e.d.units.district.id });
    await e.shot(page, 'admin-units');

    // 城关街道 still has 幸福社区 under it: the server refuses, and says why.
    const row = page.locator('tr', { has: page.getByText('城关街道', { exact: true }) });
    await row.getByRole('button', { name: '停用' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /停\s*用/ }).click();
    const refusal = page.locator('.ant-modal-confirm:visible');
    await refusal.getByText('该单位下仍有启用的下级单位').waitFor();
    await e.shot(page, 'admin-units-refused');
    await refusal.getByRole('button', { name: /确\s*定/ }).click();
  }), TIMEOUT);

  it('users: creates a handler in the new unit who can then sign in', async () => asAdmin('users', async (page) => {
    await page.goto('/admin/users');
    await page.getByRole('cell', { name: '城关街道' }).first().waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('edu.li');
    await dialog.getByLabel('姓名').fill('李明');
    await pickTreeNode(page, dialog.locator('.ant-form-item', { hasText: '所属单位' }).locator('.ant-select'), '区教育局');
    await dialog.getByLabel('手机号码').fill('13900001111');
    await dialog.getByRole('checkbox', { name: '派单员' }).check();
    await dialog.getByLabel('初始密码').fill('Edu2026pass');
    await e.shot(page, 'admin-users-new');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('李明').waitFor();
    await e.shot(page, 'admin-users');

    const login = await e.d.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'edu.li', password: 'Edu2026pass' } });
    expect(login.statusCode).toBe(200);
    const users = (await e.d.call('admin', 'GET', '/api/v1/users?q=edu.li')).body;
    expect(users[0]).toMatchObject({ unitName: '区教育局', roles: expect.arrayContaining(['handler', 'dispatcher']) });

    // Reset the password: the admin sees it once to pass on, and the old one stops working.
    await page.locator('tr', { has: page.getByText('edu.li', { exact: true }) }).getByRole('button', { name: '重置密码' }).click();
    const reset = page.getByRole('dialog', { name: /重置密码/ });
    await reset.getByLabel('新密码').fill('Reset2026ok');
    await reset.getByRole('button', { name: /重\s*置/ }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '已重置 李明 的密码' }).waitFor();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    const again = await e.d.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'edu.li', password: 'Reset2026ok' } });
    expect(again.statusCode).toBe(200);

    // Filters: by role narrows the list to the dispatchers.
    await page.getByLabel('按角色筛选').click();
    await page.locator('.ant-select-dropdown:visible').getByText('派单员', { exact: true }).click();
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBe(2);
  }), TIMEOUT);

  it('catalogue: adds a version with a shorter limit and shows it in the version history', async () => asAdmin('catalogue', async (page) => {
    await page.goto('/admin/catalogue');
    await page.getByRole('button', { name: '供水问题' }).click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByText('当前生效：第 1 版').waitFor();
    await drawer.getByRole('button', { name: /新增版本/ }).click();
    const dialog = page.getByRole('dialog', { name: /新增第 2 版/ });
    await dialog.getByLabel('办结', { exact: true }).fill('3');
    await e.shot(page, 'admin-catalogue-version');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText('办结：5个工作日 → 3个工作日').waitFor();
    await drawer.getByText('当前生效：第 2 版').waitFor();
    await e.shot(page, 'admin-catalogue-history');
    const detail = (await e.d.call('admin', 'GET', `/api/v1/services/${e.d.waterService}`)).body;
    expect(detail.versions).toHaveLength(2);
    expect(detail.current.limits.resolve).toEqual({ amount: 3, unit: 'working_days' });

    // Its close button, not Escape: Escape reaches the drawer only once focus is back in it after the dialog closed,
    // which a busy machine may not have done yet (the open drawer then covered the next button).
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    // An import with one good row and two bad ones: nothing is written until the admin says so.
    const row = (code: string, name: string, unitCode: string, resolve: string) => ({
      code, name, groupName: '城市管理', description: '', keywords: '', unitCode, acknowledge: '2小时', firstContact: '1工作日', resolve, callback: '2工作日', returnWindow: '', effectiveFrom: '',
    });
    const file = await writeCatalogueSheet([row('ROAD-01', '道路破损', 'D-HOUSING', '5工作日'), row('LIGHT-01', '路灯不亮', 'NOPE', '3工作日'), row('PARK-01', '违章停车', 'D-HOUSING', '五天')]);
    await page.getByRole('button', { name: /导入 Excel/ }).click();
    const importer = page.getByRole('dialog', { name: '导入事项清单' });
    await importer.locator('input[type=file]').setInputFiles({ name: '事项清单.xlsx', mimeType: XLSX, buffer: file });
    await importer.getByRole('button', { name: /检查并导入/ }).click();
    await importer.getByText('发现 2 处问题，本次未写入任何数据').waitFor();
    await importer.getByText(/没有编码为“NOPE”的单位/).waitFor();
    await e.shot(page, 'admin-catalogue-import-report');
    await importer.getByRole('button', { name: /仅导入无误的 1 行/ }).click();
    await importer.getByText('导入完成').waitFor();
    await importer.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await page.getByRole('button', { name: '道路破损' }).waitFor();
    await e.shot(page, 'admin-catalogue');
  }), TIMEOUT);

  it('calendar: warns that next year is missing, and an override moves the deadline calculator', async () => asAdmin('calendar', async (page) => {
    await page.goto('/admin/calendar');
    const warning = page.getByRole('alert').filter({ hasText: '2027 年节假日安排尚未加载' });
    await warning.waitFor();

    const calc = page.locator('.ant-card').filter({ hasText: '时限计算器' });
    await typeDate(page, calc.getByLabel('起算时刻（北京时间）'), '2026-11-16 09:00');
    await calc.getByLabel('数量').fill('1');
    await calc.getByRole('button', { name: /计\s*算/ }).click();
    const due = calc.getByTestId('deadline');
    await expect.poll(() => due.textContent(), { timeout: 20_000 }).toBe('2026-11-17 17:30');
    await e.shot(page, 'admin-calendar');

    // The year view: a click on 17 November sets it apart as a local day off.
    await page.locator('button[data-date="2026-11-17"]').click();
    const dialog = page.getByRole('dialog', { name: /2026-11-17/ });
    await dialog.getByLabel('名称').fill('区运动会');
    await e.shot(page, 'admin-calendar-override');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => due.textContent(), { timeout: 20_000 }).toBe('2026-11-18 17:30');
    await calc.getByText('11-17 区运动会').waitFor();
    expect(await page.locator('button[data-date="2026-11-17"]').getAttribute('data-kind')).toBe('holiday');
    await page.getByRole('cell', { name: '区运动会' }).waitFor();
    await e.shot(page, 'admin-calendar-after-override');
  }), TIMEOUT);

  it('integrations and scoring: creates an API token and an Open311 key (shown once), changes the weights', async () => asAdmin('tokens', async (page) => {
    await page.goto('/admin/tokens');
    await page.getByRole('button', { name: '创建令牌' }).click();
    let dialog = page.getByRole('dialog', { name: '创建令牌' });
    await dialog.getByLabel('用途').fill('12345 热线系统对接');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const secret = await page.getByTestId('secret').textContent();
    expect(secret?.length).toBeGreaterThan(20);
    const me = await e.d.t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${secret}` } });
    expect(me.json()).toMatchObject({ username: 'admin' });
    await page.getByRole('button', { name: '我已保存' }).click();

    await page.getByRole('button', { name: '创建接入密钥' }).click();
    dialog = page.getByRole('dialog', { name: '创建接入密钥' });
    await dialog.getByLabel('接入方').fill('城市大脑');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('secret').waitFor();
    await e.shot(page, 'admin-tokens-secret');
    await page.getByRole('button', { name: '我已保存' }).click();
    await page.getByRole('cell', { name: '城市大脑' }).waitFor();
    await e.shot(page, 'admin-tokens');

    await page.goto('/admin/scoring');
    await page.getByLabel('满意率').fill('40');
    await page.getByText('· 须为 100%').waitFor();
    await page.getByLabel('响应率').fill('10');
    const weights = (await e.d.call('admin', 'GET', '/api/v1/stats/weights')).body.weights;
    const rest = 100 - 10 - 40;
    const resolution = Math.round((weights.resolution / (weights.resolution + weights.onTime)) * rest);
    await page.getByLabel('解决率').fill(String(resolution));
    await page.getByLabel('按期办结率').fill(String(rest - resolution));
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('权重已保存').waitFor();
    await e.shot(page, 'admin-scoring');
    const saved = (await e.d.call('admin', 'GET', '/api/v1/stats/weights')).body;
    expect(saved).toMatchObject({ isDefault: false, weights: { satisfaction: 0.4, response: 0.1 } });
  }), TIMEOUT);

  it('text intelligence: reads how suggestions fared, sets the auto-assign threshold and tries a text', async () => asAdmin('text', async (page) => {
    // One call whose service the dispatcher then decided as suggested.
    const call = await e.d.call('operator', 'POST', '/api/v1/tickets', {
      title: '小区停水', description: '幸福社区停水一天了', channel: 'hotline', requesterName: '王女士', requesterPhone: '13800001234', location: '幸福社区',
    });
    expect(call.status).toBe(201);
    await e.d.call('dispatcher', 'POST', `/api/v1/tickets/${call.body.id}/assign`, { serviceId: e.d.waterService, leadUnitId: e.d.units.water.id });

    await page.goto('/admin/text');
    await page.getByText('尚未训练模型').waitFor();
    await page.getByText('全部', { exact: true }).click();
    await page.getByText('采纳率').first().waitFor();
    await expect.poll(async () => page.locator('.ant-table-row', { hasText: '事项关键词' }).count()).toBe(1);

    await page.getByLabel('自动派单阈值').fill('0.95');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('阈值已保存').waitFor();
    expect((await e.d.call('admin', 'GET', '/api/v1/text/settings')).body).toMatchObject({ autoAssignThreshold: 0.95, isDefault: false });

    await page.getByLabel('诉求标题').fill('停水');
    await page.getByLabel('诉求内容').fill('自来水停水，水压很低');
    await page.getByRole('button', { name: '看看会推荐什么' }).click();
    await page.getByTestId('text-try-result').getByText('供水问题').waitFor();
    await e.shot(page, 'admin-text');
  }), TIMEOUT);
});
