/**
 * One-vs-rest linear support vector machines, trained by dual coordinate descent (Hsieh et al. 2008,
 * the method of LIBLINEAR): each step moves one message's dual variable to its optimum, so it converges
 * to the exact solution in a few passes instead of wandering like stochastic gradient descent.
 */
import type { SparseVector } from './tfidf.js';

export interface SvmOptions {
  /** Inverse regularisation: larger fits the training data more closely. */
  c: number;
  /** Squared hinge (L2-loss) or hinge (L1-loss). */
  loss: 'squared-hinge' | 'hinge';
  /** Weight of a message by its true class (e.g. inverse frequency, for macro-F1); default all 1. */
  classWeights?: readonly number[];
  maxEpochs: number;
  /** Stop when every class's projected gradients span less than this (LIBLINEAR's eps). */
  tolerance: number;
  seed: number;
}

export const DEFAULT_SVM: SvmOptions = { c: 0.5, loss: 'squared-hinge', maxEpochs: 100, tolerance: 0.1, seed: 7 };

/** Scores: weights[column * k + class], and a bias per class. */
export interface LinearWeights { k: number; dims: number; weights: Float32Array; bias: Float32Array }

/** A deterministic shuffle (a linear congruential generator: the same seed, the same order). */
function shuffleInPlace(order: Int32Array, seed: number): void {
  let s = seed >>> 0 || 1;
  for (let i = order.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

// The bias is learnt as the weight of a constant feature of this value (regularised like the others).
const BIAS_FEATURE = 1;

/**
 * `scale(c)`, when given, multiplies every feature for class c's problem (NB-SVM, Wang & Manning 2012:
 * each feature scaled by how much more often it occurs in the class than outside it). The scaling is
 * folded into the returned weights, so scoring stays one dot product per class.
 */
export function trainOvrSvm(xs: readonly SparseVector[], ys: readonly number[], k: number, dims: number, options: Partial<SvmOptions> = {}, scale?: (c: number) => Float32Array): LinearWeights {
  const opts = { ...DEFAULT_SVM, ...options };
  const weights = new Float32Array(dims * k);
  const bias = new Float32Array(k);
  const cost = ys.map((y) => opts.c * (opts.classWeights?.[y] ?? 1));
  const w = new Float32Array(dims);
  for (let c = 0; c < k; c++) {
    w.fill(0);
    const r = scale?.(c);
    const scaled = r ? xs.map((x) => ({ indices: x.indices, values: x.values.map((v, p) => v * r[x.indices[p]!]!) })) : xs;
    bias[c] = trainBinary(scaled, ys.map((y) => (y === c ? 1 : -1)), cost, w, opts, c);
    for (let j = 0; j < dims; j++) weights[j * k + c] = r ? w[j]! * r[j]! : w[j]!;
  }
  return { k, dims, weights, bias };
}

/**
 * One class against the rest, into `w`; returns the bias. Weights are class-major while training (one
 * dense array per class: the inner loops stay simple enough for the JIT to keep everything in
 * registers, which measured several times faster than updating all classes of a feature together).
 */
function trainBinary(xs: readonly SparseVector[], y: readonly number[], cost: readonly number[], w: Float32Array, opts: SvmOptions, salt: number): number {
  const n = xs.length;
  let b = 0;
  const alpha = new Float64Array(n);
  const l2 = opts.loss === 'squared-hinge';
  const diag = new Float64Array(n);
  const upper = new Float64Array(n);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = l2 ? 0.5 / cost[i]! : 0;
    upper[i] = l2 ? Infinity : cost[i]!;
    let sq = BIAS_FEATURE * BIAS_FEATURE;
    for (const v of xs[i]!.values) sq += v * v;
    qii[i] = sq + diag[i]!;
  }
  // Shrinking (as LIBLINEAR): a message whose constraint stays inactive leaves the active set until
  // the optimum is near, so later passes touch only the messages near the margin.
  const index = Int32Array.from({ length: n }, (_, i) => i);
  let active = n;
  let pgMaxOld = Infinity;
  let pgMinOld = -Infinity;
  for (let epoch = 0; epoch < opts.maxEpochs; epoch++) {
    shuffleInPlace(index.subarray(0, active), opts.seed * 7919 + salt * 104729 + epoch);
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < active; s++) {
      const i = index[s]!;
      // Typed arrays read into locals: V8 then keeps their bases in registers.
      const { indices, values } = xs[i]!;
      const nnz = indices.length;
      const yi = y[i]!;
      let dot = b * BIAS_FEATURE;
      for (let p = 0; p < nnz; p++) dot += w[indices[p]!]! * values[p]!;
      const a = alpha[i]!;
      const g = yi * dot - 1 + diag[i]! * a;
      let pg = 0;
      if (a === 0) {
        if (g > pgMaxOld) { active--; index[s] = index[active]!; index[active] = i; s--; continue; }
        if (g < 0) pg = g;
      } else if (a === upper[i]) {
        if (g < pgMinOld) { active--; index[s] = index[active]!; index[active] = i; s--; continue; }
        if (g > 0) pg = g;
      } else pg = g;
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) < 1e-12) continue;
      const next = Math.min(Math.max(a - g / qii[i]!, 0), upper[i]!);
      const d = (next - a) * yi;
      alpha[i] = next;
      for (let p = 0; p < nnz; p++) {
        const j = indices[p]!;
        w[j] = w[j]! + d * values[p]!;
      }
      b += d * BIAS_FEATURE;
    }
    if (pgMax - pgMin <= opts.tolerance) {
      if (active === n) break;
      // Converged on the active set: check once more over every message.
      active = n;
      pgMaxOld = Infinity;
      pgMinOld = -Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
    pgMinOld = pgMin >= 0 ? -Infinity : pgMin;
  }
  return b * BIAS_FEATURE;
}
