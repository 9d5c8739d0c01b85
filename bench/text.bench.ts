/**
 * The service classifier on public labelled data (the TipDM 2020 gov-messages, read from the shared
 * folder at run time, never copied here): macro-F1, top-3 accuracy, calibration, speed and training time.
 *
 * The split is fixed before any tuning: a seeded (2020), stratified 20% of train.jsonl — raw messages,
 * as intake sees them — is the test part; a message's part follows from a hash of its text. Every option
 * of DEFAULT_TRAINING was chosen by 5-fold cross-validation inside the other 80% (train + all of
 * train-segmented.jsonl); the test part is only read here, once per candidate reported.
 * Targets (issue "Text intelligence"): macro-F1 ≥ 0.93, top-3 ≥ 0.99, ≥ 5,000 classifications/s on one
 * core, training on ~8,000 messages < 60 s. Printed, never asserted.
 *
 * `npx tsx bench/text.bench.ts` runs this alone and also prints the confusion matrix.
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_TRAINING, exampleKey, trainClassifier, type Example, type TrainOptions } from '../src/text/classifier.js';
import { expectedCalibrationError } from '../src/text/calibrate.js';
import { evaluate, formatEvaluation, type Evaluation } from '../src/text/metrics.js';
import { decodeModel, encodeModel } from '../src/text/model.codec.js';
import { predict, prepare, type ReadyModel } from '../src/text/model.js';
import { holdOut } from '../src/text/split.js';
import { hasGovMessages, readExamples } from '../src/text/text.testing.js';
import { DEFAULT_THRESHOLD } from '../src/text/text.service.js';
import { printResults, type BenchResult } from './bench.js';
import { machineLoad } from './bench.db.js';

export const TEST_SEED = 2020;
export const TEST_FRACTION = 0.2;

/** The usual published baseline: TF-IDF of character 1–3-grams and a linear SVM, nothing of ours. */
const BASELINE: Partial<TrainOptions> = {
  features: { ngrams: [1, 2, 3], leadUnits: 0, leadNgrams: [], words: false }, bits: 20, balance: 0, nbAlpha: 0, svm: { c: 0.5 },
};

interface Measured { evaluation: Evaluation; calibrationError: number; confident: { share: number; accuracy: number }; trainSeconds: number; trainCpuSeconds: number; model: ReadyModel; bytes: number }

function measure(train: readonly Example[], test: readonly Example[], options: Partial<TrainOptions>): Measured {
  const cpu = process.cpuUsage();
  const trained = trainClassifier(train, options);
  const trainCpuSeconds = process.cpuUsage(cpu).user / 1e6;
  // Measured as stored: quantised, through the codec.
  const bytes = encodeModel(trained.model);
  const model = prepare(decodeModel(bytes));
  const predictions = test.map((e) => ({ e, p: predict(model, e.input) }));
  return {
    evaluation: evaluate(predictions.map(({ e, p }) => ({ truth: e.label, ranked: p.top3.map((t) => t.label) })), model.classes),
    calibrationError: expectedCalibrationError(predictions.map(({ e, p }) => ({ confidence: p.confidence, correct: p.label === e.label }))),
    confident: atThreshold(predictions.map(({ e, p }) => ({ confidence: p.confidence, correct: p.label === e.label })), DEFAULT_THRESHOLD),
    trainSeconds: trained.seconds, trainCpuSeconds, model, bytes: bytes.length,
  };
}

// Character pairs of Han text: two messages sharing most of them are the same complaint, copied.
function pairs(e: Example): Set<string> {
  const text = e.input.tokens != null ? String(e.input.tokens) : `${e.input.title ?? ''}${e.input.body ?? ''}`;
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han[i]! + han[i + 1]!);
  return out;
}

/** Training messages that are near-copies of a test message (≥ 80% of the smaller one's character pairs shared). */
function nearCopies(train: readonly Example[], test: readonly Example[]): Set<number> {
  const trainPairs = train.map(pairs);
  const index = new Map<string, number[]>();
  trainPairs.forEach((set, i) => { for (const p of set) { const list = index.get(p); if (list) list.push(i); else index.set(p, [i]); } });
  const copies = new Set<number>();
  for (const t of test) {
    const mine = pairs(t);
    const shared = new Map<number, number>();
    for (const p of mine) for (const i of index.get(p) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, n] of shared) if (n >= 0.8 * Math.min(mine.size, trainPairs[i]!.size) && n >= 10) copies.add(i);
  }
  return copies;
}

/** What intake would assign on its own at a threshold, and how often it would be right. */
function atThreshold(predictions: readonly { confidence: number; correct: boolean }[], threshold: number): { share: number; accuracy: number } {
  const sure = predictions.filter((p) => p.confidence >= threshold);
  return { share: sure.length / (predictions.length || 1), accuracy: sure.filter((p) => p.correct).length / (sure.length || 1) };
}

/** Classifications per second, one message after another on this one thread: wall clock and CPU time. */
function speed(model: ReadyModel, messages: readonly Example[], rounds: number): { wall: number; cpu: number } {
  for (const m of messages) predict(model, m.input);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const m of messages) predict(model, m.input);
  const n = rounds * messages.length;
  return { wall: n / ((performance.now() - started) / 1000), cpu: n / (process.cpuUsage(cpu).user / 1e6) };
}

export async function benchText(): Promise<BenchResult[]> {
  if (!hasGovMessages()) return [{ name: 'text: gov-messages not found', value: 0, unit: '', note: 'set MSB_GOV_MESSAGES to the shared data folder' }];
  const raw = readExamples('train.jsonl');
  const segmented = readExamples('train-segmented.jsonl');
  const { rest, heldOut: test } = holdOut(raw, TEST_FRACTION, TEST_SEED, (e) => exampleKey(e.input));
  const train = [...rest, ...segmented];
  const split = `test: ${test.length} of ${raw.length} raw messages (seed ${TEST_SEED}, stratified); train: ${rest.length} raw + ${segmented.length} segmented`;

  const baseline = measure(train, test, BASELINE);
  const chosen = measure(train, test, DEFAULT_TRAINING);
  const copies = nearCopies(train, test);
  const strict = measure(train.filter((_, i) => !copies.has(i)), test, DEFAULT_TRAINING);
  const fast = speed(chosen.model, test, 10);

  const e = chosen.evaluation;
  // Figures as percentages: the table prints two decimals, and 0.93 against 0.9301 matters here.
  const pct = (x: number) => Math.round(x * 10_000) / 100;
  const results: BenchResult[] = [
    {
      name: 'text: macro-F1 on the test part', value: pct(e.macroF1), unit: '%', baseline: pct(baseline.evaluation.macroF1), ratio: e.macroF1 / baseline.evaluation.macroF1,
      note: `target ≥ 93%; baseline: char 1–3-gram TF-IDF + SVM; ${split}`,
    },
    {
      name: 'text: macro-F1, near-copies of test messages removed from training', value: pct(strict.evaluation.macroF1), unit: '%',
      note: `${copies.size} training messages share ≥ 80% of their character pairs with a test message`,
    },
    { name: 'text: top-3 accuracy', value: pct(e.top3Accuracy), unit: '%', baseline: pct(baseline.evaluation.top3Accuracy), note: 'target ≥ 99%' },
    { name: 'text: accuracy', value: pct(e.accuracy), unit: '%', baseline: pct(baseline.evaluation.accuracy) },
    ...e.perClass.map((c) => ({ name: `text: F1 ${c.label}`, value: pct(c.f1), unit: '%', baseline: pct(baseline.evaluation.perClass.find((b) => b.label === c.label)?.f1 ?? 0), note: `precision ${c.precision}, recall ${c.recall}, ${c.support} messages` })),
    {
      name: 'text: calibration error (ECE) on the test part', value: pct(chosen.calibrationError), unit: '%', baseline: pct(baseline.calibrationError),
      note: `temperature ${chosen.model.temperature}, fitted on a held-out 15% of the training part`,
    },
    {
      name: `text: accuracy of automatic assignment (confidence ≥ ${DEFAULT_THRESHOLD})`, value: pct(chosen.confident.accuracy), unit: '%', baseline: pct(e.accuracy),
      note: `${pct(chosen.confident.share)}% of the test messages reach the default threshold; baseline: accuracy on all`,
    },
    {
      name: 'text: classifications per second (one core, CPU time)', value: fast.cpu, unit: '/s', baseline: 5000, ratio: fast.cpu / 5000,
      note: `baseline: the target; wall clock ${fast.wall.toFixed(0)}/s; ${machineLoad()}`,
    },
    {
      name: 'text: training time (~8,000 messages, fit twice: held-out figures, then all)', value: chosen.trainSeconds, unit: 's', baseline: 60, ratio: 60 / chosen.trainSeconds,
      note: `baseline: the 60 s target; CPU ${chosen.trainCpuSeconds.toFixed(1)} s; ${train.length} messages`,
    },
    { name: 'text: stored model size', value: chosen.bytes / 1024 / 1024, unit: 'MiB', baseline: baseline.bytes / 1024 / 1024, ratio: baseline.bytes / chosen.bytes, note: `${chosen.model.buckets.length} feature buckets with a non-zero int8 weight` },
  ];
  if (process.env.BENCH_TEXT_VERBOSE) console.log(formatEvaluation(e));
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.BENCH_TEXT_VERBOSE = '1';
  printResults(await benchText());
}
