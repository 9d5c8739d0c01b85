/**
 * Duplicate lookup while a call is taken: the similar-ticket index (src/text/similar.ts) against 100,000 open
 * tickets written by the demo district's own text generator (every service, town and village), the way
 * intake asks it — a new caller's words and place. Also measured in the same run: a plain scan that compares
 * the caller's words with every open ticket's, which is what a lookup without the index would cost.
 * Target (issue "Text intelligence"): under 20 ms per lookup against 100,000 open tickets. Printed, never asserted.
 */
import { pathToFileURL } from 'node:url';
import { generateDistrict } from '../src/demo/demo.district.js';
import { createRandom } from '../src/demo/demo.random.js';
import { DEMO_SERVICES } from '../src/demo/demo.services.js';
import { address, request } from '../src/demo/demo.texts.js';
import { SimilarityIndex, termCounts, type SimilarDoc } from '../src/text/similar.js';
import { printResults, type BenchResult } from './bench.js';

const OPEN = Number(process.env.BENCH_SIMILAR_OPEN || 100_000);
const LOOKUPS = 300;

function demoTickets(count: number, seed: number): SimilarDoc[] {
  const d = generateDistrict(20260301);
  const rng = createRandom(seed);
  const out: SimilarDoc[] = [];
  for (let i = 0; i < count; i++) {
    const s = rng.pick(DEMO_SERVICES);
    const town = rng.pick(d.towns);
    const village = rng.pick(town.villages);
    const where = address(rng, d, town, village, s, null);
    const req = request(rng, s, where, 'hotline', null);
    out.push({ id: i + 1, title: req.title, description: req.description, location: where.location });
  }
  return out;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export async function benchSimilar(): Promise<BenchResult[]> {
  const tickets = demoTickets(OPEN, 1);
  const calls = demoTickets(LOOKUPS, 2);
  const index = new SimilarityIndex();
  const built = performance.now();
  for (const t of tickets) index.add(t);
  const buildMs = performance.now() - built;
  const heap = process.memoryUsage().heapUsed / 1024 / 1024;

  for (const c of calls.slice(0, 20)) index.query(c);
  const times: number[] = [];
  let duplicates = 0;
  for (const c of calls) {
    const started = performance.now();
    const hits = index.query(c, { limit: 5 });
    times.push(performance.now() - started);
    if (hits.some((h) => h.duplicate)) duplicates++;
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, x) => s + x, 0) / times.length;

  // Without the index: the caller's pairs against every open ticket's, one ticket after another (cosine on counts).
  const slice = tickets.slice(0, 10_000).map((t) => termCounts(`${t.title} ${t.description}`));
  const scanCalls = calls.slice(0, 20);
  const scanStarted = performance.now();
  let sink = 0;
  for (const c of scanCalls) {
    const q = termCounts(`${c.title} ${c.description}`);
    for (const d of slice) {
      let dot = 0;
      for (const [term, n] of q) dot += n * (d.get(term) ?? 0);
      sink += dot;
    }
  }
  const scanMs = ((performance.now() - scanStarted) / scanCalls.length) * (OPEN / slice.length);
  if (sink < 0) console.log(sink);

  return [
    {
      name: `similar tickets: lookup against ${OPEN.toLocaleString('en')} open tickets (mean)`, value: mean, unit: 'ms', baseline: 20, ratio: 20 / mean,
      note: `baseline: the 20 ms target; p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms; ${duplicates} of ${LOOKUPS} new calls had a duplicate`,
    },
    { name: 'similar tickets: lookup p99', value: percentile(times, 0.99), unit: 'ms', baseline: 20, ratio: 20 / percentile(times, 0.99) },
    { name: `similar tickets: building the index of ${OPEN.toLocaleString('en')} tickets`, value: buildMs / 1000, unit: 's', note: `heap after build ${heap.toFixed(0)} MiB` },
    { name: 'similar tickets: a scan of every open ticket instead (projected)', value: scanMs, unit: 'ms', baseline: mean, ratio: scanMs / mean, note: 'dot products with each ticket in turn, measured on 10,000 and scaled; ratio: how much the index saves' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchSimilar());
}
