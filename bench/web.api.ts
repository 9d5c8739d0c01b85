/**
 * The ticket list API alone (web.bench.ts): GET /api/v1/tickets on 100,000 tickets and on none, alternating,
 * for the first page, pages by cursor, status filters and text search; with EXPLAIN ANALYZE of the list
 * query that listTickets runs for each (printed whole when the bench runs alone).
 */
import { one, type Queryable } from '../src/platform/database/db.js';
import type { Actor, Role } from '../src/platform/auth/roles.js';
import type { TicketStatus } from '../src/tickets/ticket.js';
import { listTickets, type TicketFilter } from '../src/tickets/ticket.query.js';
import type { BenchResult } from './bench.js';
import { median } from './bench.db.js';
import { PAGE, TICKETS, USER, type Site } from './web.site.js';

const API_ROUNDS = Number(process.env.BENCH_WEB_API_ROUNDS || 15);

interface ApiCase { name: string; query: Record<string, string | string[]>; note?: string }

function queryString(q: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const x of [v].flat()) p.append(k, x);
  return p.toString();
}

async function getPage(site: Site, q: Record<string, string | string[]>): Promise<{ ms: number; items: number; nextCursor: string | null }> {
  const started = performance.now();
  const res = await fetch(`${site.base}/api/v1/tickets?${queryString(q)}`, { headers: { authorization: `Bearer ${site.token}` } });
  const body = await res.json() as { items: unknown[]; nextCursor: string | null };
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET /api/v1/tickets?${queryString(q)}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, items: body.items.length, nextCursor: body.nextCursor };
}

/** The actor behind the site's token, for running listTickets directly under EXPLAIN. */
async function actorOf(q: Queryable, username: string): Promise<Actor> {
  const r = await one<{ id: number; username: string; display_name: string; unit_id: number; path: string; roles: Role[] }>(q, `
    SELECT u.id, u.username, u.display_name, u.unit_id, un.path, u.roles FROM users u JOIN units un ON un.id = u.unit_id WHERE u.username = $1`, [username]);
  return { userId: r.id, username: r.username, displayName: r.display_name, unitId: r.unit_id, unitPath: r.path, roles: r.roles };
}

function filterOf(q: Record<string, string | string[]>): TicketFilter {
  const single = (k: string) => (typeof q[k] === 'string' ? q[k] : undefined);
  return {
    status: q.status === undefined ? undefined : [q.status].flat() as TicketStatus[],
    q: single('q'), cursor: single('cursor'), limit: single('limit') === undefined ? undefined : Number(single('limit')),
  };
}

/** EXPLAIN ANALYZE of the list query listTickets runs for this case (its first statement). */
async function explain(site: Site, actor: Actor, c: ApiCase): Promise<{ ms: number; plan: string }> {
  let plan = '';
  let ms = NaN;
  const recording: Queryable = {
    query: (async (text: string, values?: unknown[]) => {
      if (!plan) {
        const r = await site.ctx.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
        plan = r.rows.map((x) => x['QUERY PLAN']).join('\n');
        ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]);
      }
      return site.ctx.db.query(text, values);
    }) as Queryable['query'],
  };
  await listTickets(recording, actor, filterOf(c.query));
  return { ms, plan };
}

/** Walk the list with the largest pages until `depth` tickets are behind: the cursor of a page that deep. */
async function deepCursor(site: Site, depth: number): Promise<string | null> {
  let cursor: string | null = null;
  for (let seen = 0; seen < depth;) {
    const page = await getPage(site, { limit: '200', ...(cursor ? { cursor } : {}) });
    seen += page.items;
    cursor = page.nextCursor;
    if (!cursor) return null;
  }
  return cursor;
}

async function apiCases(full: Site): Promise<ApiCase[]> {
  const limit = String(PAGE);
  const first = await getPage(full, { limit });
  const depth = Math.min(50_000, Math.floor(TICKETS / 2));
  const deep = await deepCursor(full, depth);
  const { rows: [code] } = await full.ctx.db.query<{ tracking_code: string }>(`SELECT tracking_code FROM tickets ORDER BY accepted_at LIMIT 1 OFFSET $1`, [Math.floor(TICKETS / 3)]);
  const count = async (where: string, values: unknown[]) => Number((await one<{ n: number }>(full.ctx.db, `SELECT count(*) AS n FROM tickets t WHERE ${where}`, values)).n);
  const text = '(t.title ILIKE $1 OR t.description ILIKE $1 OR t.location_text ILIKE $1 OR t.tracking_code ILIKE $1)';
  const common = '停水';
  const open: TicketStatus[] = ['new', 'assigned', 'in_progress', 'arbitration', 'replied'];
  const cases: ApiCase[] = [
    { name: 'first page', query: { limit } },
    { name: 'next page (cursor)', query: { limit, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) } },
    { name: `page ${depth / PAGE + 1} (cursor ${depth.toLocaleString('en')} deep)`, query: { limit, ...(deep ? { cursor: deep } : {}) } },
    { name: 'status=in_progress', query: { limit, status: 'in_progress' }, note: `${await count(`t.status = 'in_progress'`, [])} match` },
    { name: 'status: the 5 open ones', query: { limit, status: open }, note: `${await count('t.status = ANY($1)', [open])} match` },
    { name: `q=${common} (common word)`, query: { limit, q: common }, note: `${await count(text, [`%${common}%`])} match` },
    { name: 'q=a tracking code', query: { limit, q: code!.tracking_code }, note: '1 match' },
    { name: 'q=no match (scans all)', query: { limit, q: '不存在的词语' }, note: '0 match' },
  ];
  return cases;
}

export async function benchApi(full: Site, empty: Site, verbose: boolean): Promise<BenchResult[]> {
  const cases = await apiCases(full);
  const actor = await actorOf(full.ctx.db, USER);
  const results: BenchResult[] = [];
  for (const c of cases) {
    const fullMs: number[] = [];
    const emptyMs: number[] = [];
    let items = 0;
    await getPage(full, c.query);
    await getPage(empty, c.query);
    for (let i = 0; i < API_ROUNDS; i++) {
      const page = await getPage(full, c.query);
      items = page.items;
      fullMs.push(page.ms);
      emptyMs.push((await getPage(empty, c.query)).ms);
    }
    const value = median(fullMs);
    const baseline = median(emptyMs);
    const sql = await explain(full, actor, c);
    if (verbose) console.log(`\n--- ${c.name}: EXPLAIN ANALYZE on ${TICKETS.toLocaleString('en')} tickets\n${sql.plan}`);
    results.push({
      name: `web: GET /api/v1/tickets ${c.name}, ${TICKETS.toLocaleString('en')} tickets`, value, unit: 'ms', baseline, ratio: baseline / value,
      note: `baseline: the same call with no tickets; median of ${API_ROUNDS}; ${items} rows${c.note ? ` (${c.note})` : ''}; list query alone ${sql.ms.toFixed(1)} ms (EXPLAIN ANALYZE)`,
    });
  }
  return results;
}

