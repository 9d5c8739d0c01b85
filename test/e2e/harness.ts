/**
 * End-to-end harness: the real server listening on a loopback port with a small district, and Debian's
 * Chromium driven by playwright-core. Screenshots go to test-output/screenshots (git ignores it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { TEST_PASSWORD } from '../app.js';
import { useDistrict, type District } from '../fixtures.js';

export const SCREENSHOTS = path.resolve('test-output', 'screenshots');

function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is not installed: apt-get install -y chromium (.ci/run does this)');
  }
}

export interface E2E {
  d: District;
  base: string;
  browser: Browser;
  /** A fresh browser context (own cookies), optionally with a phone-sized viewport. */
  context(options?: { phone?: boolean }): Promise<BrowserContext>;
  /** A page signed in as the given test user (password test1234). */
  signedIn(username: string): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
}

export function useE2E(start?: Date): E2E {
  const d = useDistrict(start);
  const e = { d } as E2E;
  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const address = await d.t.app.listen({ host: '127.0.0.1', port: 0 });
    e.base = address;
    e.browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await e.browser?.close();
  });
  e.context = async (options = {}) => e.browser.newContext({
    baseURL: e.base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    ...(options.phone ? { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1440, height: 900 } }),
  });
  e.signedIn = async (username) => {
    const ctx = await e.context();
    const page = await ctx.newPage();
    await page.goto('/login');
    await page.getByLabel(/用户名/).fill(username);
    await page.getByLabel(/密码/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  };
  e.shot = async (page, name) => {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  };
  return e;
}

/**
 * Choose a node of an antd TreeSelect by its title, until the picker shows it. On a busy machine a click
 * can land while the dropdown is still animating in and select nothing; the dropdown is then closed
 * (a click on the dialog's title, outside it) so it never covers the next thing the test clicks.
 */
export async function pickTreeNode(page: Page, picker: Locator, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const dropdown = page.locator('.ant-select-dropdown:visible');
    if (!(await dropdown.count())) await picker.click();
    const node = page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${title}"]`).first();
    await node.waitFor();
    await node.click();
    if (await dropdown.count()) {
      const heading = page.locator('.ant-modal-title:visible');
      if (await heading.count()) await heading.first().click();
      else await page.keyboard.press('Escape');
      await dropdown.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
    const shown = await picker.locator(`[title="${title}"], .ant-select-selection-item`, { hasText: title }).first()
      .waitFor({ timeout: 3_000 }).then(() => true, () => false);
    if (shown || attempt === 3) return;
  }
}
