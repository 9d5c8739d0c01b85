/**
 * The ticket list in Chromium (web.bench.ts): the time from navigation start (or from a click on the menu)
 * until the first page of rows is usable, with where the time went.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../src/auth/auth.hook.js';
import type { BenchResult } from './bench.js';
import { median } from './bench.db.js';
import { TARGET, TICKETS, type Site } from './web.site.js';

interface ListLoad { usableMs: number; rows: number; bootMs: number; meEndMs: number; apiStartMs: number; apiEndMs: number; cpuMs: number }

/**
 * CPU time of the page's main thread so far (Chromium's ThreadTime, CDP Performance.getMetrics): unlike
 * the wall-clock times, it barely moves when other work shares the cores, so it shows what the page
 * itself costs. (It includes the little the benchmark's own polling adds.)
 */
async function mainThreadCpu(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

async function signedInContext(browser: Browser, site: Site): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: site.base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  // The session cookie the sign-in page would have set (without an expiry: the app's clock is fixed).
  await context.addCookies([{ name: SESSION_COOKIE, value: site.token, url: site.base, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/**
 * Wait until the list shows its first page (`n` rows, or the empty state when n = 0) with no spinner, on
 * an animation frame (so the main thread is free for input); performance.now() then, minus `since`.
 */
async function waitUsable(page: Page, n: number, since: string): Promise<{ at: number; shown: number }> {
  const usable = await page.waitForFunction(({ n, since }) => {
    // The list page itself (its heading), not the page it replaces: the router changes the address first.
    const list = Array.from(document.querySelectorAll('.tk-page')).find((e) => e.querySelector('h3')?.textContent === '工单查询');
    if (location.pathname !== '/tickets' || !list) return null;
    const shown = list.querySelectorAll('.ant-table-tbody tr.ant-table-row').length;
    const empty = list.querySelector('.ant-table-tbody tr.ant-table-placeholder') !== null;
    const busy = document.querySelector('.ant-spin-spinning') !== null;
    const t0 = since ? (window as unknown as Record<string, number>)[since] ?? 0 : 0;
    return (n > 0 ? shown >= n : empty) && !busy ? { at: performance.now() - t0, shown } : null;
  }, { n, since }, { polling: 'raf', timeout: 120_000 });
  return await usable.jsonValue() as { at: number; shown: number };
}

/** Where the time went, from the page's own timings (ms from navigation start, or from `since`). */
async function timings(page: Page, since: string): Promise<Omit<ListLoad, 'usableMs' | 'rows' | 'cpuMs'>> {
  return page.evaluate((since) => {
    const t0 = since ? (window as unknown as Record<string, number>)[since] ?? 0 : 0;
    // No named helper functions in here: the bundler would wrap them in a helper the page does not have.
    const entries = performance.getEntriesByType('resource').filter((e) => e.startTime >= t0) as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const me = entries.filter((e) => new URL(e.name).pathname === '/api/v1/auth/me').pop();
    const list = entries.filter((e) => new URL(e.name).pathname === '/api/v1/tickets').pop();
    return {
      bootMs: since ? 0 : nav?.domContentLoadedEventEnd ?? NaN,
      meEndMs: me ? me.responseEnd - t0 : NaN,
      apiStartMs: list ? list.startTime - t0 : NaN,
      apiEndMs: list ? list.responseEnd - t0 : NaN,
    };
  }, since);
}

/** Open /tickets in a new tab of `context`: a full page load, as from a bookmark or a reload. */
async function openList(context: BrowserContext, expectRows: number): Promise<ListLoad> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto('/tickets', { waitUntil: 'commit' });
    const { at, shown } = await waitUsable(page, expectRows, '');
    return { usableMs: at, rows: shown, cpuMs: await mainThreadCpu(cdp), ...await timings(page, '') };
  } finally {
    await page.close();
  }
}

/** From the user's start page (the dispatch desk), a click on 工单查询 in the menu: the everyday way in. */
async function clickToList(context: BrowserContext, expectRows: number): Promise<ListLoad> {
  const page = await context.newPage();
  try {
    await page.goto('/');
    await page.waitForFunction(() => location.pathname !== '/' && document.querySelector('.ant-menu-item') !== null
      && document.querySelector('.ant-spin-spinning') === null, null, { polling: 'raf', timeout: 120_000 });
    // Let the start page finish its own requests and renders first.
    await page.waitForTimeout(1_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await mainThreadCpu(cdp);
    await page.evaluate(() => {
      const item = Array.from(document.querySelectorAll<HTMLElement>('.ant-menu-item')).find((e) => e.textContent?.includes('工单查询'));
      if (!item) throw new Error('no 工单查询 in the menu');
      (window as unknown as Record<string, number>).__benchClick = performance.now();
      item.click();
    });
    const { at, shown } = await waitUsable(page, expectRows, '__benchClick');
    const cpuMs = await mainThreadCpu(cdp) - before;
    return { usableMs: at, rows: shown, cpuMs, ...await timings(page, '__benchClick') };
  } finally {
    await page.close();
  }
}

export type Way = 'cold' | 'warm' | 'click';
export type ListRounds = Record<Way, ListLoad[]>;
export const WAYS: Way[] = ['cold', 'warm', 'click'];

export async function listRound(browser: Browser, site: Site, expectRows: number, into: ListRounds | null): Promise<void> {
  const context = await signedInContext(browser, site);
  try {
    const cold = await openList(context, expectRows);
    const warm = await openList(context, expectRows);
    const click = await clickToList(context, expectRows);
    into?.cold.push(cold);
    into?.warm.push(warm);
    into?.click.push(click);
  } finally {
    await context.close();
  }
}

const med = (list: ListLoad[], key: keyof ListLoad) => median(list.map((x) => x[key]));
function parts(list: ListLoad[], way: Way): string {
  const boot = way === 'click' ? '' : `scripts run by ${med(list, 'bootMs').toFixed(0)} ms (DOMContentLoaded), /auth/me answered at ${med(list, 'meEndMs').toFixed(0)}, `;
  return `${boot}list request sent at ${med(list, 'apiStartMs').toFixed(0)} and answered at ${med(list, 'apiEndMs').toFixed(0)}, rows usable at ${med(list, 'usableMs').toFixed(0)}; `
    + `page main-thread CPU ${med(list, 'cpuMs').toFixed(0)} ms`;
}

const WAY_NAMES: Record<Way, string> = {
  cold: 'page load, cold cache', warm: 'page load, warm cache', click: 'menu click from the start page',
};

export function listResult(way: Way, full: ListLoad[], empty: ListLoad[]): BenchResult {
  const value = med(full, 'usableMs');
  const baseline = med(empty, 'usableMs');
  return {
    name: `web: ticket list usable in Chromium (${WAY_NAMES[way]}), ${TICKETS.toLocaleString('en')} tickets`, value, unit: 'ms', baseline, ratio: baseline / value,
    note: `baseline: the same with no tickets; ${value < TARGET.listMs ? 'within' : 'MISSES'} target < ${TARGET.listMs} ms; medians of ${full.length}`
      + `${way === 'click' ? ', from the click' : ', from navigation start'}; ${TICKETS.toLocaleString('en')} tickets: ${full.map((x) => x.usableMs.toFixed(0)).join('/')} ms, `
      + `${full[0]?.rows ?? 0} rows; ${parts(full, way)}; empty: ${empty.map((x) => x.usableMs.toFixed(0)).join('/')} ms, ${parts(empty, way)}`,
  };
}

