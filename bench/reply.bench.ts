/**
 * The reply check on real replies: 2,816 messages to a provincial government and the government's answer
 * (replies.jsonl of the shared gov-messages, read at run time, never copied here). There is no label saying
 * which reply is poor, so the figures are shares flagged, and the examples printed when run alone
 * (`npx tsx bench/reply.bench.ts`) are what a person reads to judge them.
 *
 * Thresholds were set by reading the tuning half (a seeded hash of the id) and are reported on the other
 * half; the tuning half's figure is the baseline column, so a gap between the halves shows over-fitting.
 * The check knows what the platform would: word frequencies over all requests and every other reply.
 */
import { pathToFileURL } from 'node:url';
import { checkReply, REPLY_FLAG_CODES, type ReplyCheck } from '../src/text/reply.rules.js';
import { corpusContext, hasReplies, readReplies, splitReplies, type RepliedMessage } from '../src/text/reply.testing.js';
import { printResults, type BenchResult } from './bench.js';
import { machineLoad } from './bench.db.js';

interface Checked { m: RepliedMessage; check: ReplyCheck }

const pct = (n: number, of: number) => Math.round((n / (of || 1)) * 10_000) / 100;
const has = (c: Checked, code?: string) => (code ? c.check.flags.some((f) => f.code === code) : c.check.flags.length > 0);

function shares(label: string, report: readonly Checked[], tuning: readonly Checked[], all: readonly Checked[]): BenchResult[] {
  return [undefined, ...REPLY_FLAG_CODES].map((code) => {
    const n = report.filter((c) => has(c, code)).length;
    return {
      name: `${label}${code ?? 'any flag'}`, value: pct(n, report.length), unit: '%', baseline: pct(tuning.filter((c) => has(c, code)).length, tuning.length),
      note: `${n} of ${report.length} on the report half; all ${all.length}: ${pct(all.filter((c) => has(c, code)).length, all.length)}%; baseline: tuning half`,
    };
  });
}

let checked: Checked[] = [];

export async function benchReplies(): Promise<BenchResult[]> {
  if (!hasReplies()) return [{ name: 'reply check: replies.jsonl not found', value: 0, unit: '', note: 'set MSB_GOV_MESSAGES to the shared data folder' }];
  const all = readReplies();
  const { report } = splitReplies(all);
  const built = performance.now();
  const context = corpusContext(all);
  const buildSeconds = (performance.now() - built) / 1000;
  const run = (list: readonly RepliedMessage[]) => list.map((m) => ({ m, check: checkReply({ title: m.title, description: m.body }, m.reply, context) }));
  run(report.slice(0, 100)); // warm the segmenter and the regular expressions
  const cpu = process.cpuUsage();
  const started = performance.now();
  checked = run(all);
  const wall = all.length / ((performance.now() - started) / 1000);
  const perCpu = all.length / (process.cpuUsage(cpu).user / 1e6);
  const inReport = new Set(report.map((m) => m.id));
  const reportChecked = checked.filter((c) => inReport.has(c.m.id));
  const tuningChecked = checked.filter((c) => !inReport.has(c.m.id));
  return [
    ...shares('reply check: flagged, ', reportChecked, tuningChecked, checked),
    { name: 'reply check: consultations (no action or date expected)', value: pct(checked.filter((c) => c.check.inquiry).length, checked.length), unit: '%', note: 'title asks to be told something (咨询, 请问…), all replies' },
    { name: 'reply check: checks per second (one core, CPU time)', value: perCpu, unit: '/s', note: `wall clock ${wall.toFixed(0)}/s; ${machineLoad()}` },
    { name: 'reply check: building what it knows (idf over requests, index of replies)', value: buildSeconds, unit: 's', note: `${all.length} requests and replies` },
  ];
}

/** A few replies of each kind from the report half, for a person to read and judge. */
function printExamples(perFlag = 2, clean = 4): void {
  const inReport = new Set(splitReplies(checked.map((c) => c.m)).report.map((m) => m.id));
  const pool = checked.filter((c) => inReport.has(c.m.id));
  const show = (c: Checked) => {
    const flags = c.check.flags.map((f) => f.code + (f.evidence ? `(${f.evidence.join('、')})` : '')).join(' ') || 'no flag';
    console.log(`\n#${c.m.id} ${c.m.title}\n  relevance ${c.check.relevance}${c.check.inquiry ? ', consultation' : ''} · ${flags}\n  reply: ${c.m.reply.replace(/\s+/g, ' ').slice(0, 220)}`);
  };
  for (const code of REPLY_FLAG_CODES) {
    console.log(`\n=== ${code} ===`);
    // Spread over the half rather than the first few, which come from one city's replies.
    const hits = pool.filter((c) => has(c, code));
    for (let i = 0; i < perFlag && hits.length; i++) show(hits[Math.floor((i * hits.length) / perFlag + hits.length / (2 * perFlag))]!);
  }
  console.log('\n=== no flag ===');
  const none = pool.filter((c) => !has(c));
  for (let i = 0; i < clean && none.length; i++) show(none[Math.floor((i * none.length) / clean + none.length / (2 * clean))]!);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchReplies());
  if (checked.length) printExamples();
}
