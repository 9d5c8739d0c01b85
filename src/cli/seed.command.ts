import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { rows } from '../platform/database/db.js';
import { countUnits, readDemoState } from '../demo/demo.repository.js';
import { generateDistrict } from '../demo/demo.district.js';
import { loginTable } from '../demo/demo.logins.js';
import { DEMO_PASSWORD, DEMO_TICKETS, demoUsers, seedDemoBase, seedDemoTickets } from '../demo/demo.seed.service.js';
import { withContext } from './shared.js';

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export function seedCommand(): Command {
  return new Command('seed')
    .description('Fill the database with demo data (演示数据): a generated district, its catalogue, users and months of tickets')
    .option('--demo', 'seed the demo district (resumes an interrupted run; parts already seeded are skipped)')
    .option('--force', 'seed even though the database already holds units that are not demo data')
    .option('--tickets <count>', `how many tickets to generate on the first run (default ${DEMO_TICKETS})`)
    .action(async (o: { demo?: boolean; force?: boolean; tickets?: string }) => {
      if (!o.demo) throw new Error('Say what to seed: `mashangban seed --demo`.');
      const tickets = o.tickets === undefined ? undefined : Number(o.tickets);
      if (tickets !== undefined && (!Number.isInteger(tickets) || tickets < 1)) throw new Error('--tickets must be a positive whole number');
      await withContext(async (ctx) => {
        const state = await readDemoState(ctx.db);
        // Demo tickets and accounts with a known password must never land in a real district's database by accident.
        if (!state && (await countUnits(ctx.db)) > 0 && !o.force) {
          throw new Error('The database already holds units and no demo data: refusing to mix them. Use --force to seed the demo district anyway.');
        }
        let started = Date.now();
        const base = await seedDemoBase(ctx, { log: (m) => console.log(m) });
        console.log(base.skipped ? 'Base data already seeded.' : `Base data: ${base.units} units, ${base.users} users, ${base.services} services created in ${seconds(started)}.`);
        const bar = new cliProgress.SingleBar({ format: '  Tickets {bar} {value}/{total}  {duration_formatted}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
        let barStarted = false;
        started = Date.now();
        try {
          const r = await seedDemoTickets(ctx, {
            tickets,
            onProgress: (done, total) => {
              if (!barStarted) { bar.start(total, done); barStarted = true; } else bar.update(done);
            },
          });
          if (barStarted) bar.stop();
          console.log(`Tickets: ${r.written} written${r.skipped ? `, ${r.skipped} left out (deadline beyond the loaded calendar)` : ''} in ${seconds(started)}.`);
        } finally {
          if (barStarted) bar.stop();
        }
        const counts = await rows<{ status: string; n: number }>(ctx.db, 'SELECT status, count(*)::int AS n FROM tickets GROUP BY status ORDER BY status');
        console.log(`By status: ${counts.map((c) => `${c.status} ${c.n}`).join(', ')}`);
        const seeded = (await readDemoState(ctx.db))!;
        const d = generateDistrict(seeded.seed);
        console.log(`\n${loginTable(d, demoUsers(d, seeded.seed), DEMO_PASSWORD)}`);
      }, (m) => console.log(m));
    });
}
