/**
 * The two sites of the web bench (web.bench.ts): the demo district with its tickets on a scratch database,
 * served by the real app on a loopback port, with a session of the district-wide dispatcher; and what
 * every part needs to agree on (sizes, targets, Chromium).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { DEMO_PASSWORD, seedDemoBase, seedDemoTickets } from '../src/demo/demo.seed.service.js';
import { fixedClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import type { App, AppContext } from '../src/platform/http/context.js';
import { scratchDatabase, type BenchServer, type ScratchDatabase } from './bench.db.js';

export const TICKETS = Number(process.env.BENCH_WEB_TICKETS || 100_000);
export const TARGET = { portalKb: 200, consoleKb: 600, listMs: 1000 };
/** The rows the list asks for (web/src/console/pages/tickets/ticketFilters.ts, toQuery). */
export const PAGE = 50;
/** District-wide (ticket.policy.ts DISTRICT_WIDE): sees every ticket, so the list has 100,000 to choose from. */
export const USER = 'dispatcher';
/** A working Wednesday morning in Shanghai: the demo's months of tickets end here. */
const NOW = new Date('2026-03-04T10:00:00+08:00');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** The build takes minutes: say what is happening (stderr, so the results table stays clean). */
export const progress = (line: string) => process.stderr.write(`[web bench] ${line}\n`);

export function chromiumPath(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    return '/usr/bin/chromium';
  }
}

/** The production build, as `npm start` gets it: rebuilt only when the sources changed since the last build. */
export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-web.mjs')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`web build failed (exit ${r.status})`);
}

export interface Site { name: string; database: ScratchDatabase; ctx: AppContext; app: App; base: string; token: string; close(): Promise<void> }

export async function startSite(server: BenchServer, name: string, tickets: number): Promise<Site> {
  const database = await scratchDatabase(server);
  let app: App | undefined;
  try {
    // The demo accounts' password is hashed at a low cost, as the tests do: signing in is not measured.
    const ctx: AppContext = { db: database.db, clock: fixedClock(NOW), config: { ...loadConfig({}), scryptCost: 10 }, databaseKind: server.kind };
    const started = Date.now();
    await seedDemoBase(ctx);
    if (tickets > 0) {
      let shown = 0;
      await seedDemoTickets(ctx, {
        tickets,
        onProgress: (done, total) => {
          if (done - shown < total / 10 && done < total) return;
          shown = done;
          progress(`${name}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} tickets, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        },
      });
    }
    await database.db.query('VACUUM ANALYZE');
    app = await buildApp(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login as ${USER}: ${login.status} ${await login.text()}`);
    const { token } = await login.json() as { token: string };
    progress(`${name}: ready in ${((Date.now() - started) / 1000).toFixed(0)} s at ${base}`);
    const listening = app;
    return { name, database, ctx, app, base, token, close: async () => { await listening.close(); await database.drop(); } };
  } catch (err) {
    await app?.close();
    await database.drop();
    throw err;
  }
}

