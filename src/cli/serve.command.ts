import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { startServer } from '../server.js';
import { readDemoState } from '../demo/demo.repository.js';
import { generateDistrict } from '../demo/demo.district.js';
import { loginTable } from '../demo/demo.logins.js';
import { warmSimilarIndex } from '../tickets/ticket.similar.service.js';
import { DEMO_PASSWORD, demoSeedingWanted, demoUsers, seedDemoBase, seedDemoTickets } from '../demo/demo.seed.service.js';

/**
 * The demo district's classifier, trained from its dispatchers' history as `mashangban train` does, in a
 * process of its own: training takes the better part of a minute of CPU, which the server must not spend.
 */
function trainDemoClassifier(): ChildProcess {
  const child = spawn(process.execPath, [...process.execArgv, path.resolve(import.meta.dirname, '../../bin/mashangban.js'), 'train'], {
    env: process.env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => { out += b.toString(); });
  child.stderr?.on('data', (b: Buffer) => { out += b.toString(); });
  child.on('exit', (code) => {
    const summary = out.split('\n').find((l) => l.startsWith('Model version'));
    if (code === 0 && summary) console.log(`Demo classifier trained. ${summary}`);
    else if (code !== null) console.error(`Demo classifier training failed (run \`npx mashangban train\`): ${out.trim().split('\n').slice(-3).join(' ')}`);
  });
  return child;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the platform over HTTP (starts the bundled PostgreSQL unless DATABASE_URL is set) 启动服务')
    .option('-p, --port <port>', 'HTTP port (default: PORT or 3000)')
    .option('--demo-if-empty', 'on an empty database, seed the demo district first (and its tickets in the background) 空库时生成演示数据')
    .action(async (opts: { port?: string; demoIfEmpty?: boolean }) => {
      const config = loadConfig();
      if (opts.port) config.port = Number(opts.port);
      let seedTickets = false;
      const server = await startServer(config, (m) => console.log(m), {
        // The base data goes in before the port opens, so the first page a visitor sees can sign in; the
        // months of tickets follow in the background while the API already answers.
        beforeListen: opts.demoIfEmpty ? async (ctx) => {
          if (!(await demoSeedingWanted(ctx))) return;
          const started = Date.now();
          const base = await seedDemoBase(ctx, { log: (m) => console.log(m) });
          if (!base.skipped) console.log(`Demo base data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${base.units} units, ${base.users} users, ${base.services} services).`);
          seedTickets = true;
        } : undefined,
      });
      console.log(`\n马上办 Mashangban is running at ${server.address}  (database: ${server.database.kind})`);
      console.log(`API documentation: ${server.address}/api/docs`);
      const demo = await readDemoState(server.ctx.db);
      if (demo) {
        const d = generateDistrict(demo.seed);
        console.log(`\n${loginTable(d, demoUsers(d, demo.seed), DEMO_PASSWORD)}\n`);
      }
      const abort = new AbortController();
      let trainer: ChildProcess | null = null;
      let background: Promise<unknown> = Promise.resolve();
      if (seedTickets) {
        const started = Date.now();
        let lastShown = -1;
        background = seedDemoTickets(server.ctx, {
          signal: abort.signal,
          onProgress: (done, total) => {
            const pct = Math.floor((done / total) * 100);
            if (pct >= lastShown + 10 || done === total) {
              lastShown = pct;
              console.log(`Demo tickets: ${done}/${total} (${pct}%)`);
            }
          },
        }).then((r) => {
          if (!r.done) return;
          console.log(`Demo tickets ready: ${r.written} written in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
          trainer = trainDemoClassifier();
        }, (err: unknown) => console.error('Demo ticket seeding failed (it resumes at the next start):', err));
      }
      // The similar-ticket index is built in memory from the open tickets: now, rather than on the first call of the day.
      background = background.then(() => warmSimilarIndex(server.ctx.db)).catch((err: unknown) => console.error('Could not build the similar-ticket index (it is built at the first lookup):', err));
      const shutdown = (signal: string) => {
        console.log(`\n${signal}: stopping…`);
        // Seeding stops between chunks; what was written stays and the next start resumes it.
        abort.abort();
        trainer?.kill('SIGTERM');
        background.then(() => server.stop()).then(() => process.exit(0), (err: unknown) => { console.error(err); process.exit(1); });
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
