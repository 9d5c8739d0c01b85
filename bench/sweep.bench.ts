/**
 * The deadline sweep should cost what is due, not what is open (the partial index clocks_due_idx).
 * One sweep of 1,000 due clocks with 1,000 open tickets, then the same with 1,000,000 open tickets:
 * target (issue) ratio under 3. Printed, never asserted.
 *
 * The open tickets are copies of real ones: two tickets go through intake (service, assignment, the
 * SLA and four unit clocks, audit events), and set-based SQL (INSERT … SELECT generate_series) copies
 * their tickets, assignments and clocks rows, with every timestamp moved back by up to an hour so that
 * next_check_at is spread out and still in the future. (Their audit events and notifications are not
 * copied: the sweep only appends to those tables.) Each case has a database of its own; each round
 * makes one clock kind of 1,000 tickets cross its warning threshold, spread evenly over the open
 * tickets (the worst case for the page cache), then VACUUM ANALYZE, then times `sweep(ctx, now)`.
 * Rounds alternate between the two cases, so that other load on the machine falls on both alike.
 */
import pg from 'pg';
import { fixedClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import type { AppContext } from '../src/platform/http/context.js';
import { sweep, type SweepResult } from '../src/clocks/sweep.service.js';
import { intake } from '../src/tickets/ticket.intake.service.js';
import { byLabel } from '../src/tickets/ticket.persist.js';
import type { BenchResult } from './bench.js';
import { bundledServer, machineLoad, median, scratchDatabase, seedDistrict, type BenchServer } from './bench.db.js';

const LARGE = Number(process.env.BENCH_SWEEP_OPEN || 1_000_000);
const SMALL = 1_000;
const DUE = 1_000;
/** Clock kinds every template ticket has and that warn (a return window only closes); one round each. */
const ROUNDS = ['acknowledge', 'first_contact', 'resolve', 'sla'] as const;
/** A working Wednesday, 10:00 in Shanghai: the template tickets are accepted then, the sweeps run a minute later. */
const ACCEPTED = new Date('2026-03-04T10:00:00+08:00');
const NOW = new Date(ACCEPTED.getTime() + 60_000);
const DUE_AT = new Date(NOW.getTime() - 60_000 + 1);
/** Copies are accepted up to this long before the templates. */
const SPREAD_MS = 3_600_000;

/** The build takes minutes: say what is happening (stderr, so the results table stays clean). */
const progress = (line: string) => process.stderr.write(`[sweep bench] ${line}\n`);

interface Column { name: string; type: string }

async function columnsOf(c: pg.Client, table: string): Promise<Column[]> {
  const r = await c.query<{ column_name: string; data_type: string }>(`
    SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, [table]);
  return r.rows.map((x) => ({ name: x.column_name, type: x.data_type }));
}

/**
 * Copy a table's rows of the template tickets for copies g in [from, to]: copy g takes the rows of
 * template (g mod k), with ticket id T+g and assignment id A+g, and every timestamp moved back.
 * Columns not named in `set` are copied; `omit` are left to their defaults (identity ids).
 */
async function copyRows(c: pg.Client, table: string, join: string, set: Record<string, string>, omit: string[], overriding: boolean, range: [number, number]): Promise<number> {
  const cols = (await columnsOf(c, table)).filter((col) => !omit.includes(col.name));
  const list = cols.map((col) => set[col.name] ?? (col.type === 'timestamp with time zone' ? `t.${col.name} - s.shift` : `t.${col.name}`));
  const started = Date.now();
  const r = await c.query(`
    INSERT INTO ${table} (${cols.map((col) => col.name).join(', ')})${overriding ? ' OVERRIDING SYSTEM VALUE' : ''}
    SELECT ${list.join(', ')}
      FROM generate_series($1::bigint, $2::bigint) g
           CROSS JOIN LATERAL (SELECT interval '1 millisecond' * (${SPREAD_MS}::bigint * g / ${LARGE}) AS shift) s
           JOIN bench_templates tpl ON tpl.k = g % (SELECT count(*) FROM bench_templates)
      ${join}`, range);
  progress(`  ${table}: ${(r.rowCount ?? 0).toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.rowCount ?? 0;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    // Rows are consistent by construction; skipping the per-row foreign-key triggers only makes the load faster.
    await c.query(`SET session_replication_role = replica; SET synchronous_commit = off; SET maintenance_work_mem = '256MB'`);
    return await fn(c);
  } finally {
    await c.end();
  }
}

const LOADED = ['tickets', 'assignments', 'clocks'];

/**
 * Bring the open tickets to `total` by copying the templates (ids continue after the highest), on two
 * connections at once (two cores). Secondary indexes are dropped first and rebuilt after (one sort each
 * instead of millions of random inserts); the definitions are read from the catalog, so they are exactly
 * the migrations'.
 */
async function growTo(c: pg.Client, url: string, total: number): Promise<void> {
  const count = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
  const templates = await count('SELECT count(*) AS n FROM bench_templates');
  const from = (await count('SELECT count(*) AS n FROM tickets')) - templates + 1;
  const to = total - templates;
  if (to < from) return;
  const range: [number, number] = [from, to];
  const { rows: indexes } = await c.query<{ name: string; table: string; def: string }>(`
    SELECT i.indexname AS name, i.tablename AS table, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`, [LOADED]);
  for (const index of indexes) await c.query(`DROP INDEX ${index.name}`);
  await Promise.all([
    withClient(url, async (w) => {
      await copyRows(w, 'tickets', 'JOIN bench_tpl_tickets t ON t.id = tpl.ticket_id', {
        id: '(SELECT t0 FROM bench_base) + g',
        // Fixed width, so that the unique index takes them in order.
        tracking_code: `'MSB' || to_char(t.accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-B' || lpad(g::text, 8, '0')`,
        idempotency_scope: 'NULL', idempotency_key: 'NULL', idempotency_hash: 'NULL',
      }, [], true, range);
      await copyRows(w, 'assignments', 'JOIN bench_tpl_assignments t ON t.work_id = tpl.ticket_id', {
        id: '(SELECT a0 FROM bench_base) + g', work_id: '(SELECT t0 FROM bench_base) + g',
      }, [], true, range);
    }),
    withClient(url, (w) => copyRows(w, 'clocks', 'JOIN bench_tpl_clocks t ON t.work_id = tpl.ticket_id', {
      work_id: '(SELECT t0 FROM bench_base) + g',
      assignment_id: 'CASE WHEN t.assignment_id IS NULL THEN NULL ELSE (SELECT a0 FROM bench_base) + g END',
    }, ['id'], false, range)),
  ]);
  const indexStarted = Date.now();
  const clockIndexes = indexes.filter((i) => i.table === 'clocks');
  const otherIndexes = indexes.filter((i) => i.table !== 'clocks');
  await Promise.all([clockIndexes, otherIndexes].map((list) => withClient(url, async (w) => {
    for (const index of list) await w.query(index.def);
  })));
  progress(`  ${indexes.length} secondary indexes rebuilt in ${((Date.now() - indexStarted) / 1000).toFixed(1)} s`);
  for (const table of ['tickets', 'assignments']) {
    await c.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
}

/** Make clock `kind` of 1,000 tickets, spread evenly over the open ones, cross its warning threshold. */
async function makeDue(c: pg.Client, kind: string, open: number): Promise<number> {
  const stride = Math.max(1, Math.floor(open / DUE));
  const r = await c.query(`
    UPDATE clocks SET warn_at = $1, next_check_at = $1
     WHERE work_type = 'ticket' AND kind = $2 AND next_check_at > $3
       AND work_id IN (SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM tickets) x
                        WHERE n % $4 = 0 ORDER BY id LIMIT $5)`, [DUE_AT, kind, NOW, stride, DUE]);
  await c.query('VACUUM ANALYZE clocks');
  return r.rowCount ?? 0;
}

interface Round { kind: string; ms: number; due: number; result: SweepResult }

/** A database of its own with `open` open tickets, ready for rounds. */
interface Case { open: number; ctx: AppContext; client: pg.Client; close(): Promise<void>; built: string }

async function buildCase(server: BenchServer, open: number): Promise<Case> {
  const database = await scratchDatabase(server);
  const c = new pg.Client(database.url);
  await c.connect();
  const close = async () => {
    await c.end();
    await database.drop();
  };
  try {
    const ctx: AppContext = { db: database.db, clock: fixedClock(ACCEPTED), config: { ...loadConfig({}), scryptCost: 10 }, databaseKind: server.kind };
    const district = await seedDistrict(ctx);
    const templates: number[] = [];
    for (const serviceId of [district.waterService, district.housingService]) {
      const r = await intake(ctx, byLabel('bench'), {
        channel: 'hotline', title: '小区停水两天', description: '幸福社区3栋自前天起停水，至今未恢复。', requesterName: '王女士',
        requesterPhone: '13800001234', location: '城关街道幸福社区', serviceId,
      });
      templates.push(r.ticket.id);
    }
    await c.query(`CREATE TABLE bench_templates AS SELECT (row_number() OVER (ORDER BY id)) - 1 AS k, id AS ticket_id FROM tickets WHERE id = ANY($1::bigint[])`, [templates]);
    // The templates as intake left them: sweeps change the live rows, and copies must not inherit that.
    for (const [table, where] of [['tickets', 'id'], ['assignments', "work_type = 'ticket' AND work_id"], ['clocks', "work_type = 'ticket' AND work_id"]] as const) {
      await c.query(`CREATE TABLE bench_tpl_${table} AS SELECT * FROM ${table} WHERE ${where} = ANY($1::bigint[])`, [templates]);
    }
    // Copies get ticket ids after the templates' and one assignment each (the templates have exactly one).
    await c.query(`CREATE TABLE bench_base AS SELECT (SELECT max(id) FROM tickets) AS t0, (SELECT max(id) FROM assignments) AS a0`);
    const loadStarted = Date.now();
    await growTo(c, database.url, open);
    const loadMs = Date.now() - loadStarted;
    const vacuumStarted = Date.now();
    await c.query('VACUUM ANALYZE');
    const vacuumMs = Date.now() - vacuumStarted;
    const { rows: [size] } = await c.query<{ tickets: string; clocks: string; due_index: string }>(`
      SELECT (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM clocks) AS clocks,
             pg_size_pretty(pg_relation_size('clocks_due_idx')) AS due_index`);
    const built = `${Number(size!.tickets).toLocaleString('en')} tickets, ${Number(size!.clocks).toLocaleString('en')} clocks, clocks_due_idx ${size!.due_index}, `
      + `built in ${(loadMs / 1000).toFixed(0)} s + VACUUM ANALYZE ${(vacuumMs / 1000).toFixed(0)} s`;
    progress(`${open.toLocaleString('en')} open: ${built}`);
    return { open, ctx, client: c, close, built };
  } catch (err) {
    await close();
    throw err;
  }
}

async function round(k: Case, kind: string): Promise<Round> {
  const due = await makeDue(k.client, kind, k.open);
  const started = process.hrtime.bigint();
  const result = await sweep(k.ctx, NOW);
  return { kind, due, result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

const describe = (list: Round[]) => list.map((r) => `${r.kind} ${r.ms.toFixed(0)} ms${r.due === DUE && r.result.warnings === DUE ? '' : ` (${r.due} due, ${r.result.warnings} warned!)`}`).join(', ');

export async function benchSweep(): Promise<BenchResult[]> {
  const server = await bundledServer();
  const cases: Case[] = [];
  try {
    for (const open of [SMALL, LARGE]) cases.push(await buildCase(server, open));
    const [small, large] = cases as [Case, Case];
    // Rounds alternate between the two databases, so that whatever else the machine does falls on both alike.
    const load = machineLoad();
    const smallRounds: Round[] = [];
    const largeRounds: Round[] = [];
    for (const kind of ROUNDS) {
      smallRounds.push(await round(small, kind));
      largeRounds.push(await round(large, kind));
    }
    const smallMs = median(smallRounds.map((r) => r.ms));
    const largeMs = median(largeRounds.map((r) => r.ms));
    return [
      {
        name: `sweep: ${DUE} due among ${LARGE.toLocaleString('en')} open tickets`, value: largeMs, unit: 'ms',
        baseline: smallMs, ratio: smallMs / largeMs,
        note: `baseline: ${DUE} due among ${SMALL.toLocaleString('en')} open; time ${LARGE.toLocaleString('en')} open / ${SMALL.toLocaleString('en')} open = ${(largeMs / smallMs).toFixed(2)} (target < 3); `
          + `medians of ${ROUNDS.length} rounds; ${SMALL.toLocaleString('en')} open: ${describe(smallRounds)}; ${LARGE.toLocaleString('en')} open: ${describe(largeRounds)}; ${large.built}; ${load} before the rounds, ${machineLoad()} after`,
      },
    ];
  } finally {
    for (const k of cases) await k.close();
    await server.close();
  }
}
