/**
 * Confidence that means what it says: scores become probabilities by a softmax at a temperature fitted
 * on messages the model did not train on (Guo et al. 2017, "On calibration of modern neural networks").
 * A confidence of 0.9 should then be right about nine times in ten — what the auto-assign threshold
 * relies on. The expected calibration error measures how far from that the model is.
 */

export function softmax(scores: ArrayLike<number>, temperature = 1, out = new Float64Array(scores.length)): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    out[i] = Math.exp((scores[i]! - max) / temperature);
    sum += out[i]!;
  }
  for (let i = 0; i < scores.length; i++) out[i] = out[i]! / sum;
  return out;
}

/** Mean negative log-likelihood of the true classes at a temperature. */
export function logLoss(scores: readonly ArrayLike<number>[], truth: readonly number[], temperature: number): number {
  if (scores.length === 0) return 0;
  let sum = 0;
  const p = new Float64Array(scores[0]!.length);
  scores.forEach((s, i) => {
    softmax(s, temperature, p);
    sum -= Math.log(Math.max(p[truth[i]!]!, 1e-12));
  });
  return sum / scores.length;
}

/**
 * The temperature that minimises the log loss, by golden-section search on its logarithm between
 * 0.01 and 100 (the loss is unimodal in the temperature for a fixed set of scores).
 */
export function fitTemperature(scores: readonly ArrayLike<number>[], truth: readonly number[]): number {
  if (scores.length === 0) return 1;
  const f = (logT: number) => logLoss(scores, truth, Math.exp(logT));
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let i = 0; i < 60; i++) {
    if (fa < fb) { hi = b; b = a; fb = fa; a = hi - phi * (hi - lo); fa = f(a); } else { lo = a; a = b; fa = fb; b = lo + phi * (hi - lo); fb = f(b); }
  }
  return Number(Math.exp((lo + hi) / 2).toPrecision(4));
}

/**
 * Expected calibration error: predictions grouped by confidence into equal-width bins; the gap between
 * each bin's mean confidence and its accuracy, weighted by the bin's share of predictions.
 */
export function expectedCalibrationError(predictions: readonly { confidence: number; correct: boolean }[], bins = 10): number {
  if (predictions.length === 0) return 0;
  const conf = new Float64Array(bins);
  const hits = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (const p of predictions) {
    const b = Math.min(bins - 1, Math.floor(p.confidence * bins));
    conf[b]! += p.confidence;
    hits[b]! += p.correct ? 1 : 0;
    count[b]!++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]) ece += Math.abs(conf[b]! - hits[b]!);
  return ece / predictions.length;
}
