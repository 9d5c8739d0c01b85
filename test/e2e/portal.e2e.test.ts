/**
 * The public portal on a 375 px phone, no sign-in: submit a request with a photo, keep the tracking code,
 * follow it with the code and the phone's last four digits, and — once staff have replied (through the
 * API here) — rate the reply and see the request closed. Then the friendly answer to rate limiting.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './harness.js';

const e = useE2E(new Date('2026-11-16T09:00:00+08:00'));
const TIMEOUT = 180_000;
const PHONE = '13812345678';

async function onPhone(name: string, story: (page: Page) => Promise<void>): Promise<void> {
  const ctx = await e.context({ phone: true });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  try {
    await story(page);
  } catch (error) {
    await e.shot(page, `FAILED-${name}`).catch(() => undefined);
    throw error;
  } finally {
    await ctx.close();
  }
}

/** Nothing may stick out sideways at 375 px. */
async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

let code = '';

describe('public portal on a phone', () => {
  it('submits a request with a photo and shows the tracking code to keep', async () => onPhone('submit', async (page) => {
    await page.goto('/portal/');
    await page.getByRole('heading', { name: '有事您说，马上就办' }).waitFor();
    await fitsThePhone(page);
    await e.shot(page, 'portal-home');

    await page.getByRole('link', { name: /我要反映/ }).click();
    await page.getByRole('heading', { name: '我要反映' }).waitFor();
    // Submitting empty: a summary that takes focus and names each missing field.
    await page.getByRole('button', { name: '提交' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '还有 5 处需要填写或修改' });
    await summary.waitFor();
    expect(await page.getByLabel('标题').getAttribute('aria-invalid')).toBe('true');
    await e.shot(page, 'portal-submit-errors');

    await page.getByRole('button', { name: /选择事项类别/ }).click();
    const sheet = page.getByRole('dialog', { name: '选择事项类别' });
    await sheet.getByRole('searchbox').fill('供水');
    await sheet.getByRole('button', { name: /供水问题/ }).waitFor();
    await e.shot(page, 'portal-service-picker');
    await sheet.getByRole('button', { name: /供水问题/ }).click();

    await page.getByLabel('标题').fill('幸福小区3栋停水两天');
    await page.getByLabel('详细描述').fill('城关街道幸福小区3栋从前天早上开始停水，至今没有恢复，家里有老人，请尽快处理。');
    await page.getByLabel('地点').fill('城关街道幸福小区3栋');
    const photo = await page.screenshot({ type: 'png' });
    await page.locator('input[type=file]').setInputFiles({ name: 'water.png', mimeType: 'image/png', buffer: photo });
    await page.getByRole('img', { name: '照片 1' }).waitFor();
    await page.getByLabel('您的称呼').fill('王女士');
    await page.getByLabel('手机号码').fill(PHONE);
    await fitsThePhone(page);
    await e.shot(page, 'portal-submit-filled');
    await page.getByRole('button', { name: '提交' }).click();

    const shown = page.getByTestId('tracking-code');
    await shown.waitFor();
    code = (await shown.textContent()) ?? '';
    expect(code).toMatch(/^MSB\d{8}-\d{6}$/);
    await page.getByText('请记下或截图保存查询码').waitFor();
    await fitsThePhone(page);
    await e.shot(page, 'portal-done');

    const stored = (await e.d.call('dispatcher', 'GET', `/api/v1/tickets?q=${code}`)).body.items[0];
    expect(stored).toMatchObject({ trackingCode: code, channel: 'web', title: '幸福小区3栋停水两天' });

    // The service the requester picked routes it straight to its unit (src/routing).
    await page.getByRole('button', { name: '查看办理进度' }).click();
    await page.getByTestId('status').filter({ hasText: '已交办承办单位' }).waitFor();
    await page.getByText('区水务局').first().waitFor();
    await page.getByRole('img', { name: '照片 1' }).waitFor();
    expect(await page.getByRole('img', { name: '照片 1' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await e.shot(page, 'portal-track-accepted');
  }), TIMEOUT);

  it('after the staff reply, the requester looks it up, rates it and sees it closed', async () => {
    expect(code).not.toBe('');
    const id = (await e.d.call('dispatcher', 'GET', `/api/v1/tickets?q=${code}`)).body.items[0].id as number;
    expect((await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${id}`)).body).toMatchObject({ status: 'assigned', leadUnitId: e.d.units.water.id });
    e.d.t.clock.advance(20 * 60_000);
    expect((await e.d.call('water', 'POST', `/api/v1/tickets/${id}/acknowledge`, {})).status).toBe(200);
    e.d.t.clock.advance(3 * 3600_000);
    const reply = '经查，系小区二次供水泵房水泵故障。我局已督促物业更换水泵，3栋已于今日14时恢复供水。';
    expect((await e.d.call('water', 'POST', `/api/v1/tickets/${id}/reply`, { text: reply })).status).toBe(200);

    await onPhone('rate', async (page) => {
      await page.goto('/portal/');
      await page.getByRole('link', { name: /查询进度/ }).click();
      await page.getByLabel('查询码').fill(code.toLowerCase());
      await page.getByLabel('手机号后四位').fill(PHONE.slice(-4));
      await e.shot(page, 'portal-track-form');
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByTestId('status').filter({ hasText: '已答复，请您评价' }).waitFor();
      await page.getByText(reply).waitFor();
      await page.getByText('区水务局').first().waitFor();
      await fitsThePhone(page);
      // Nothing internal: no staff names, no phone number.
      const text = await page.locator('main').textContent();
      for (const secret of ['water', 'dispatcher', PHONE]) expect(text).not.toContain(secret);
      await e.shot(page, 'portal-track-replied');

      await page.getByRole('button', { name: '提交评价' }).click();
      await page.getByRole('alert').filter({ hasText: '请选择' }).waitFor();
      await page.getByRole('radio', { name: '已解决' }).check();
      await page.getByRole('radio', { name: '满意', exact: true }).check();
      await page.getByLabel(/意见建议/).fill('处理很及时，谢谢！');
      await e.shot(page, 'portal-rate');
      await page.getByRole('button', { name: '提交评价' }).click();
      await page.getByTestId('status').filter({ hasText: '已办结' }).waitFor();
      await page.getByText('感谢您的评价！').waitFor();
      await e.shot(page, 'portal-closed');
    });
    const closed = (await e.d.call('dispatcher', 'GET', `/api/v1/tickets/${id}`)).body;
    expect(closed).toMatchObject({ status: 'closed', ratingResolved: 'yes', ratingSatisfaction: 'satisfied' });
  }, TIMEOUT);

  it('refuses a photo that is not an image, or too large, through the public API', async () => {
    const url = `/api/v1/public/tickets/${code}/photos?phone4=${PHONE.slice(-4)}`;
    const wrong = await e.d.t.app.inject({ method: 'POST', url, headers: { 'content-type': 'image/png' }, payload: Buffer.from('<svg onload=alert(1)>') });
    expect(wrong.json()).toMatchObject({ code: 'ATTACHMENT_TYPE_REFUSED' });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0xff);
    const tooBig = await e.d.t.app.inject({ method: 'POST', url, headers: { 'content-type': 'image/jpeg' }, payload: big });
    expect([tooBig.statusCode, tooBig.json().code]).toEqual([413, 'PHOTO_TOO_LARGE']);
    const otherPhone = await e.d.t.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${code}/photos/1?phone4=0000` });
    expect(otherPhone.json()).toMatchObject({ code: 'TRACKING_NOT_FOUND' });
  }, TIMEOUT);

  it('answers too many lookups with a friendly wait-a-minute, and a wrong code with a plain sentence', async () => onPhone('limited', async (page) => {
    await page.goto('/portal/track');
    await page.getByLabel('查询码').fill('MSB20261116-999999');
    await page.getByLabel('手机号后四位').fill('0000');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').filter({ hasText: '查询码或手机号后四位不正确' }).waitFor();
    // Use up the minute's allowance from this address, then ask once more in the browser.
    for (let i = 0; i < 40; i++) {
      const r = await fetch(`${e.base}/api/v1/public/tickets/MSB20261116-999999?phone4=0000`);
      if (r.status === 429) break;
    }
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').filter({ hasText: '操作太频繁了，请稍等约 1 分钟后再试' }).waitFor();
    await e.shot(page, 'portal-rate-limited');

    // The English switch, for visitors who read no Chinese.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: /Mashangban/ }).click();
    await page.getByRole('heading', { name: 'Tell us. We handle it now.' }).waitFor();
    await e.shot(page, 'portal-home-en');
  }), TIMEOUT);
});
