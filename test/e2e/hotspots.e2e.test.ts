/**
 * 溯源分析 end to end: a fortnight in which one compound's water fails again and again. The supervisor finds it
 * at the top of the hotspots, opens a proactive case (未诉先办) for the water bureau, and the case's page lists
 * the tickets it answers for; the leader reads the same analysis without the button; a town sees only its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { citizen } from '../fixtures.js';
import { useE2E } from './harness.js';

const e = useE2E(new Date('2026-03-02T09:00:00+08:00'));
const TIMEOUT = 120_000;
const water: number[] = [];

beforeAll(async () => {
  for (let i = 0; i < 6; i++) {
    const r = await e.d.call('operator', 'POST', '/api/v1/tickets', {
      ...citizen, title: `锦华苑小区${i + 1}栋停水`, description: `锦华苑小区${i + 1}栋又停水了，二次供水泵房故障，这个月已经第${i + 2}次。`,
      location: `城关街道锦华苑小区${i + 1}栋`, serviceId: e.d.waterService,
    });
    expect(r.status).toBe(201);
    water.push(r.body.id);
    e.d.t.clock.advance(2 * 86_400_000);
  }
  for (const [title, description, location] of [['占道经营', '文化路夜市摊贩占道', '城关街道文化路'], ['井盖缺失', '路口井盖丢了', '东湖镇建设路']]) {
    expect((await e.d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, title, description, location })).status).toBe(201);
  }
  const warm = await (await e.context()).newPage();
  await warm.goto('/login');
  await warm.getByLabel(/用户名/).waitFor({ timeout: 90_000 });
  await warm.context().close();
});

describe('hotspots in the console', () => {
  it('the supervisor finds the compound whose water keeps failing and opens a proactive case for it', async () => {
    const page = await e.signedIn('supervisor');
    await page.goto('/hotspots');
    const first = page.getByTestId('hotspot-1');
    await first.getByText(/锦华苑小区/).first().waitFor();
    await page.getByTestId('hotspots-summary').getByText(/分析工单 8 件，发现热点 1 个/).waitFor();
    // The first three are open: the tickets behind it are listed.
    await first.getByRole('link', { name: '锦华苑小区6栋停水' }).waitFor();
    await e.shot(page, 'hotspots');

    await first.getByRole('button', { name: '转为未诉先办' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('工单标题').waitFor();
    expect(await dialog.getByLabel('情况说明与要求').inputValue()).toContain('6 件');
    await dialog.getByLabel('诉求事项').click();
    await page.locator('.ant-select-item-option:visible', { hasText: '供水问题' }).click();
    await e.shot(page, 'hotspots-case');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const opened = first.getByText(/已转 MSB/);
    await opened.waitFor();

    await opened.click();
    await page.getByTestId('ticket-hotspot').getByRole('link', { name: '锦华苑小区1栋停水' }).waitFor();
    await page.getByText('主动发现（未诉先办）').first().waitFor();
    await e.shot(page, 'hotspots-case-ticket');
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const ticket = (await e.d.call('supervisor', 'GET', `/api/v1/tickets/${id}`)).body;
    expect(ticket).toMatchObject({ channel: 'proactive', leadUnitName: '区水务局' });
    await page.context().close();
  }, TIMEOUT);

  it('the leader reads the analysis without the button; a town sees only the hotspots among its own tickets', async () => {
    const leader = await e.signedIn('leader');
    await leader.goto('/hotspots');
    await leader.getByTestId('hotspot-1').getByText(/已转 MSB/).waitFor();
    expect(await leader.getByRole('button', { name: '转为未诉先办' }).count()).toBe(0);
    await leader.context().close();

    const town = await e.signedIn('othertown');
    await town.goto('/hotspots');
    await town.getByText('该区间没有发现同一地点反复出现的问题').waitFor();
    await town.context().close();
  }, TIMEOUT);
});
