/**
 * 溯源分析 on public data: the hotspots mined from hot.jsonl (4,326 messages to a provincial government, read
 * from the shared folder at run time), the top ten printed with their size, span and public reaction,
 * and the time it takes on one core. Nothing is asserted: the list is there to be read.
 *
 * `npx tsx bench/hotspot.bench.ts` runs this alone and prints the first titles of each hotspot too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHotspotLines } from '../src/hotspots/hotspot.file.js';
import { mineHotspots, type Hotspot } from '../src/hotspots/hotspot.rules.js';
import { GOV_MESSAGES, hasGovMessages } from '../src/text/text.testing.js';
import { printResults, type BenchResult } from './bench.js';

const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function benchHotspots(verbose = false): Promise<BenchResult[]> {
  if (!hasGovMessages()) return [{ name: 'hotspots: gov-messages not found', value: 0, unit: '', note: 'set MSB_GOV_MESSAGES to the shared data folder' }];
  const messages = parseHotspotLines(fs.readFileSync(path.join(GOV_MESSAGES, 'hot.jsonl'), 'utf8'));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const hotspots = mineHotspots(messages);
  const ms = performance.now() - started;
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  const byId = new Map(messages.map((m) => [m.id, m]));
  const top = hotspots.slice(0, 10);
  const inHotspots = hotspots.reduce((s, h) => s + h.size, 0);
  const results: BenchResult[] = [
    {
      name: `hotspots: mining ${messages.length} messages (hot.jsonl)`, value: ms, unit: 'ms',
      note: `CPU ${cpuMs.toFixed(0)} ms; ${hotspots.length} hotspots of 3 or more holding ${inHotspots} messages (${Math.round((inHotspots / messages.length) * 100)}%)`,
    },
    ...top.map((h: Hotspot, i) => ({
      name: `hotspot #${i + 1}: ${h.name}`, value: h.size, unit: 'msgs',
      note: `heat ${h.heat}; ${day(h.first)}–${day(h.last)}; reaction ${h.reaction}; growth ${h.growth}; key words ${h.keywords.join(' ')}`,
    })),
  ];
  if (verbose) {
    for (const [i, h] of top.entries()) {
      console.log(`#${i + 1} ${h.name} (${h.size})`);
      for (const id of h.memberIds.slice(0, 4)) console.log(`    ${byId.get(id)?.title}`);
    }
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchHotspots(true));
}
