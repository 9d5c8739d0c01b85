import fs from 'node:fs/promises';
import { Command } from 'commander';
import { parseHotspotLines } from '../hotspots/hotspot.file.js';
import { mineHotspots } from '../hotspots/hotspot.rules.js';

const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * For anyone to check our hotspot mining on their own messages, without a database: JSON lines in
 * ({id, title, body, time, likes?, dislikes?, location?}), the ranked hotspots out.
 */
export function hotspotsCommand(): Command {
  return new Command('hotspots')
    .description('Mine hotspots (the same problem at the same place) from messages in JSONL and print them ranked 溯源分析 (no database needed)')
    .argument('<file>', 'messages: {id, title, body, time, likes?, dislikes?, location?} per line')
    .option('--top <n>', 'how many to print', '10')
    .option('--min-size <n>', 'the fewest messages a hotspot has', '3')
    .option('--json', 'one JSON line per hotspot instead of a table')
    .action(async (file: string, o: { top: string; minSize: string; json?: boolean }) => {
      const top = Number(o.top);
      const minSize = Number(o.minSize);
      if (!Number.isInteger(top) || top < 1 || !Number.isInteger(minSize) || minSize < 2) throw new Error('--top must be a whole number ≥ 1 and --min-size ≥ 2');
      let messages;
      try {
        messages = parseHotspotLines(await fs.readFile(file, 'utf8'));
      } catch (err) {
        throw new Error(`${file}: ${(err as Error).message}`);
      }
      const started = performance.now();
      const found = mineHotspots(messages, { minSize, limit: top });
      console.error(`${messages.length} messages mined in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      for (const [i, h] of found.entries()) {
        if (o.json) {
          console.log(JSON.stringify({ rank: i + 1, ...h, first: h.first.toISOString(), last: h.last.toISOString() }));
        } else {
          console.log(`${String(i + 1).padStart(2)}. ${h.name}  (${h.size} messages, ${day(h.first)}–${day(h.last)}, reaction ${h.reaction}, growth ${h.growth}, heat ${h.heat})`);
          console.log(`    key words: ${h.keywords.join(' ')}; messages: ${h.memberIds.slice(0, 8).join(', ')}${h.size > 8 ? ' …' : ''}`);
        }
      }
    });
}
