/** Runs every benchmark and prints one table: `npm run bench` (tsx bench/run.ts). */
import { printResults } from './bench.js';
import type { BenchResult } from './bench.js';
import { benchCalendar } from './calendar.bench.js';
import { benchHotspots } from './hotspot.bench.js';
import { benchIntake } from './intake.bench.js';
import { benchSimilar } from './similar.bench.js';
import { benchSweep } from './sweep.bench.js';
import { benchReplies } from './reply.bench.js';
import { benchText } from './text.bench.js';
import { benchWeb } from './web.bench.js';

const results: BenchResult[] = [
  ...(await benchCalendar()), ...(await benchIntake()), ...(await benchSweep()), ...(await benchText()), ...(await benchSimilar()),
  ...(await benchHotspots()), ...(await benchReplies()), ...(await benchWeb()),
];
printResults(results);
