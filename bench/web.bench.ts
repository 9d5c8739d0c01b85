/**
 * The web in Chromium (issue "The web"): what a browser downloads for the first page of the console
 * (the sign-in page at /) and of the public portal (/portal/), gzip-compressed, against the targets
 * (portal < 200 KB, console < 600 KB: ratio = target / size, > 1 is within); and the time to a usable
 * ticket list with 100,000 tickets against the same page on an empty ticket table (target < 1 s),
 * with the list API alone (first page, next page by cursor, a page 50,000 tickets deep, status
 * filters, text search). Printed, never asserted.
 *
 * Sizes are measured, not read off disk: the built app (scripts/build-web.mjs, which rebuilds only when
 * web/ changed) is served by the real server, Chromium loads the page until it is usable and the network
 * is idle, and every HTML/JS/CSS/other static response it fetched (API calls excluded) is gzipped (level 9).
 *
 * The 100,000 tickets are the demo district's, simulated through the real rules by the demo seeding
 * (src/demo: every status, assignments to departments, towns and villages, all clocks, notes, audit
 * events), so the list's subqueries over clocks have realistic work. The baseline database has the same
 * district, users and catalogue and no tickets. Both apps listen on loopback ports; Chromium (Debian's,
 * never downloaded) has the district-wide dispatcher's session cookie and opens /tickets three ways: a page
 * load in a fresh context (cold HTTP cache), again in the same context (warm cache), and a click on 工单查询
 * in the menu of the start page (the everyday way in: no page load). "Usable" is: the first 50 rows (or
 * the empty state) rendered, no spinner, and the next animation frame reached (the main thread is free for
 * input); the time is performance.now() then, from navigation start or from the click. Rounds alternate
 * between the two databases, after one discarded warm-up each, so that other load falls on both alike.
 * Parts: web.site.ts (the two sites), web.list.ts (the list in Chromium), web.api.ts (the list API).
 *
 * `npx tsx bench/web.bench.ts` runs this alone and also prints EXPLAIN ANALYZE of the list queries.
 */
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { rows } from '../src/platform/database/db.js';
import { printResults, type BenchResult } from './bench.js';
import { bundledServer, machineLoad } from './bench.db.js';
import { benchApi } from './web.api.js';
import { listResult, listRound, WAYS, type ListRounds } from './web.list.js';
import { CHROMIUM_ARGS, chromiumPath, ensureWebBuilt, PAGE, startSite, TARGET, TICKETS, type Site } from './web.site.js';

const ROUNDS = Number(process.env.BENCH_WEB_ROUNDS || 7);
const kb = (bytes: number) => bytes / 1024;

// ---- first load: what the browser downloads -------------------------------------------------------

interface Fetched { path: string; raw: number; gzip: number; encoding: string | undefined }

async function fetched(res: Response): Promise<Fetched | null> {
  const url = new URL(res.url());
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/open311/') || res.status() >= 300) return null;
  const body = await res.body();
  return { path: url.pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, encoding: res.headers()['content-encoding'] };
}

interface FirstLoad { files: Fetched[]; apiCalls: number; usableMs: number }

async function firstLoad(browser: Browser, base: string, url: string, phone: boolean, ready: (page: Page) => Promise<unknown>): Promise<FirstLoad> {
  const context = await browser.newContext({
    baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    ...(phone ? { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1440, height: 900 } }),
  });
  try {
    const page = await context.newPage();
    const pending: Promise<Fetched | null>[] = [];
    let apiCalls = 0;
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/')) apiCalls++;
      pending.push(fetched(res).catch(() => null));
    });
    await page.goto(url);
    await ready(page);
    const usableMs = await page.evaluate(() => performance.now());
    // Whatever the page fetches on its own after it is shown (prefetches, late imports) is part of its weight.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    const files = (await Promise.all(pending)).filter((f): f is Fetched => f !== null);
    return { files, apiCalls, usableMs };
  } finally {
    await context.close();
  }
}

function sizeResult(name: string, load: FirstLoad, targetKb: number): BenchResult {
  const gzip = kb(load.files.reduce((s, f) => s + f.gzip, 0));
  const raw = kb(load.files.reduce((s, f) => s + f.raw, 0));
  const encodings = [...new Set(load.files.map((f) => f.encoding ?? 'none'))].join('/');
  const list = load.files.map((f) => `${f.path} ${kb(f.gzip).toFixed(1)}`).join(', ');
  return {
    name, value: gzip, unit: 'KB gzip', baseline: targetKb, ratio: targetKb / gzip,
    note: `baseline: the target; ${gzip < targetKb ? 'within' : 'MISSES'} target < ${targetKb} KB; ${load.files.length} requests (${list} KB gzip) + ${load.apiCalls} API calls; `
      + `${raw.toFixed(0)} KB uncompressed, served with content-encoding ${encodings}; usable after ${load.usableMs.toFixed(0)} ms (one cold load)`,
  };
}

// ---- the whole bench -----------------------------------------------------------------------------------

export async function benchWeb(): Promise<BenchResult[]> {
  const verbose = process.env.BENCH_WEB_VERBOSE === '1';
  ensureWebBuilt();
  const server = await bundledServer();
  const sites: Site[] = [];
  let browser: Browser | undefined;
  try {
    const empty = await startSite(server, 'empty', 0);
    sites.push(empty);
    const full = await startSite(server, `${TICKETS.toLocaleString('en')} tickets`, TICKETS);
    sites.push(full);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const load = machineLoad();

    // First loads on the empty site (the bundle does not depend on the data). One untimed load first:
    // the server's first answers are the slowest.
    await firstLoad(browser, empty.base, '/', false, (page) => page.getByLabel(/用户名/).waitFor({ timeout: 120_000 }));
    const consoleLoad = await firstLoad(browser, empty.base, '/', false, (page) => page.getByLabel(/用户名/).waitFor({ timeout: 120_000 }));
    const portalLoad = await firstLoad(browser, empty.base, '/portal/', true, (page) => page.getByRole('heading', { name: '有事您说，马上就办' }).waitFor({ timeout: 120_000 }));

    const lists: Record<'full' | 'empty', ListRounds> = { full: { cold: [], warm: [], click: [] }, empty: { cold: [], warm: [], click: [] } };
    await listRound(browser, full, PAGE, null);
    await listRound(browser, empty, 0, null);
    for (let i = 0; i < ROUNDS; i++) {
      await listRound(browser, full, PAGE, lists.full);
      await listRound(browser, empty, 0, lists.empty);
    }
    const api = await benchApi(full, empty, verbose);
    const { rows: [size] } = await full.ctx.db.query<{ clocks: number; assignments: number; events: number; size: string }>(`
      SELECT (SELECT count(*) FROM clocks) AS clocks, (SELECT count(*) FROM assignments) AS assignments,
             (SELECT count(*) FROM audit_events) AS events, pg_size_pretty(pg_database_size(current_database())) AS size`);
    const statuses = await rows<{ status: string; n: number }>(full.ctx.db, 'SELECT status, count(*) AS n FROM tickets GROUP BY 1 ORDER BY 2 DESC');
    const data = `${TICKETS.toLocaleString('en')} demo tickets (${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}), ${size!.assignments.toLocaleString('en')} assignments, `
      + `${size!.clocks.toLocaleString('en')} clocks, ${size!.events.toLocaleString('en')} audit events, ${size!.size}`;
    return [
      sizeResult('web: console first page (sign-in at /), HTML+JS+CSS', consoleLoad, TARGET.consoleKb),
      sizeResult('web: public portal first page (/portal/, 375 px)', portalLoad, TARGET.portalKb),
      ...WAYS.map((way, i) => {
        const r = listResult(way, lists.full[way], lists.empty[way]);
        return i === 0 ? { ...r, note: `${r.note}; data: ${data}` } : r;
      }),
      ...api.map((r, i) => (i === api.length - 1 ? { ...r, note: `${r.note}; ${load} before the rounds, ${machineLoad()} after` } : r)),
    ];
  } finally {
    await browser?.close();
    for (const site of sites.reverse()) await site.close().catch(() => {});
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.BENCH_WEB_VERBOSE = '1';
  printResults(await benchWeb());
}
