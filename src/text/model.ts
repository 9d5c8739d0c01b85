/**
 * A trained text classifier as used at intake: per hashed feature bucket, its idf and one weight per
 * class, a bias per class, and the calibration temperature. Suggests a label with a calibrated
 * confidence and the runners-up, and explains itself by the features that weighed most.
 */
import { softmax } from './calibrate.js';
import { extractFeatures, type FeatureOptions, type TextInput } from './features.js';

export interface TextModel {
  classes: string[];
  features: FeatureOptions;
  bits: number;
  /** The buckets the model knows; row r of `idf` and `weights` belongs to buckets[r]. */
  buckets: Int32Array;
  idf: Float32Array;
  /** weights[row * k + class]. */
  weights: Float32Array;
  bias: Float32Array;
  temperature: number;
}

export interface LabelScore { label: string; confidence: number }
export interface Prediction { label: string; confidence: number; top3: LabelScore[] }
export interface Contribution { feature: string; weight: number }

/**
 * A model made ready to score: bucket → row (or -1), and per row its idf followed by its k weights, side
 * by side so that a feature costs one memory read beyond the row lookup (the reads, not the
 * arithmetic, are what a classification spends its time on).
 */
export interface ReadyModel extends TextModel { rowOf: Int32Array; rowData: Float32Array }

export function prepare(model: TextModel): ReadyModel {
  const k = model.classes.length;
  const rowOf = new Int32Array(1 << model.bits).fill(-1);
  const rowData = new Float32Array(model.buckets.length * (k + 1));
  model.buckets.forEach((b, r) => {
    rowOf[b] = r;
    rowData[r * (k + 1)] = model.idf[r]!;
    rowData.set(model.weights.subarray(r * k, r * k + k), r * (k + 1) + 1);
  });
  return { ...model, rowOf, rowData };
}

// Scratch space reused by every classification, so that no typed array is allocated per message.
const scratch = { values: new Float64Array(1 << 12), gathered: new Int32Array(1 << 12), slots: new Int32Array(1 << 13), tally: new Int32Array(1 << 13), rows: new Int32Array(1 << 12), counts: new Int32Array(1 << 12) };

function ensureScratch(ids: number): void {
  if (ids * 2 <= scratch.slots.length) return;
  let size = scratch.slots.length;
  while (ids * 2 > size) size <<= 1;
  Object.assign(scratch, {
    values: new Float64Array(size >> 1), gathered: new Int32Array(size >> 1), slots: new Int32Array(size), tally: new Int32Array(size),
    rows: new Int32Array(size >> 1), counts: new Int32Array(size >> 1),
  });
}

/**
 * The rows of a message's features and how often each occurs, into scratch.rows / scratch.counts;
 * returns how many. Shared by scoring and explaining, so the two can never disagree.
 *
 * Measured choices (bench/text.bench.ts): first every row lookup in one tight loop (the model's table
 * is megabytes, so these are cache misses, and a tight loop lets the processor wait for many at
 * once), then the counting in a small hash table that stays in the fastest cache; sorting instead
 * cost three times as much.
 */
function rowsOf(model: ReadyModel, ids: readonly number[]): number {
  ensureScratch(ids.length);
  // Locals inside the loops: V8 then keeps the arrays' bases in registers.
  const { gathered, slots, tally, rows, counts } = scratch;
  const { rowOf } = model;
  const bucketMask = (1 << model.bits) - 1;
  const length = ids.length;
  for (let i = 0; i < length; i++) gathered[i] = rowOf[ids[i]! & bucketMask]!;
  const mask = slots.length - 1;
  let n = 0;
  slots.fill(-1);
  for (let i = 0; i < length; i++) {
    const r = gathered[i]!;
    if (r < 0) continue;
    let s = (Math.imul(r, 0x9e3779b1) >>> 19) & mask;
    while (slots[s] !== -1 && slots[s] !== r) s = (s + 1) & mask;
    if (slots[s] === -1) {
      slots[s] = r;
      tally[s] = 0;
      rows[n++] = s;
    }
    tally[s]!++;
  }
  // rows held slots so far: turn them into rows and counts.
  for (let i = 0; i < n; i++) {
    const slot = rows[i]!;
    counts[i] = tally[slot]!;
    rows[i] = slots[slot]!;
  }
  return n;
}

/** Scores of every class: the linear model on the message's L2-normalised TF-IDF vector. */
export function scoreIds(model: ReadyModel, ids: readonly number[], out = new Float64Array(model.classes.length)): Float64Array {
  const k = model.classes.length;
  const stride = k + 1;
  const { rowData, bias } = model;
  const n = rowsOf(model, ids);
  const { rows, counts, values } = scratch;
  let norm = 0;
  // First the idf of every row (the cache misses, in one tight loop), then class by class with a
  // scalar sum over rows now in cache: V8 keeps a scalar in a register, not an element of `out`.
  for (let i = 0; i < n; i++) {
    const count = counts[i]!;
    const v = (count === 1 ? 1 : 1 + Math.log(count)) * rowData[rows[i]! * stride]!;
    values[i] = v;
    norm += v * v;
  }
  for (let c = 0; c < k; c++) {
    let sum = 0;
    const offset = 1 + c;
    for (let i = 0; i < n; i++) sum += rowData[rows[i]! * stride + offset]! * values[i]!;
    out[c] = sum;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let c = 0; c < k; c++) out[c] = out[c]! * scale + bias[c]!;
  return out;
}

/** Calibrated probabilities of every class, ranked. */
export function rank(model: ReadyModel, input: TextInput): LabelScore[] {
  const p = softmax(scoreIds(model, extractFeatures(input, model.features)), model.temperature);
  return model.classes.map((label, c) => ({ label, confidence: p[c]! })).sort((a, b) => b.confidence - a.confidence || (a.label < b.label ? -1 : 1));
}

export function predict(model: ReadyModel, input: TextInput): Prediction {
  const ranked = rank(model, input);
  const top3 = ranked.slice(0, 3).map((s) => ({ label: s.label, confidence: round4(s.confidence) }));
  return { label: ranked[0]!.label, confidence: top3[0]!.confidence, top3 };
}

// Four decimals: enough for any threshold; rounding down keeps the three shown confidences' sum ≤ 1.
const round4 = (x: number) => Math.floor(x * 10_000) / 10_000;

/**
 * Why the model leans to `label` (default: its choice): the message's features with the largest
 * contributions to that class's score (TF-IDF value × weight), strongest first.
 */
export function explain(model: ReadyModel, input: TextInput, label?: string, limit = 8): Contribution[] {
  const names = new Map<number, string>();
  const ids = extractFeatures(input, model.features, names);
  const c = label === undefined ? model.classes.indexOf(rank(model, input)[0]!.label) : model.classes.indexOf(label);
  if (c < 0) return [];
  const k = model.classes.length;
  const mask = (1 << model.bits) - 1;
  const nameOfRow = new Map<number, string>();
  for (const [id, name] of names) {
    const r = model.rowOf[id & mask]!;
    if (r >= 0 && !nameOfRow.has(r)) nameOfRow.set(r, name);
  }
  const n = rowsOf(model, ids);
  const rows = scratch.rows.slice(0, n);
  const counts = scratch.counts.slice(0, n);
  let norm = 0;
  const values = Array.from(rows, (r, i) => {
    const v = (1 + Math.log(counts[i]!)) * model.idf[r]!;
    norm += v * v;
    return v;
  });
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Array.from(rows, (r, i) => ({ feature: nameOfRow.get(r) ?? `#${model.buckets[r]}`, weight: values[i]! * scale * model.weights[r * k + c]! }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map((x) => ({ feature: x.feature, weight: Math.round(x.weight * 10_000) / 10_000 }));
}
