/** Runs every benchmark and prints one table: `npm run bench` (tsx bench/run.ts). */
import { printResults } from './bench.js';
import type { BenchResult } from './bench.js';
import { benchCalendar } from './calendar.bench.js';

const results: BenchResult[] = [...(await benchCalendar())];
printResults(results);
