import { describe, expect, it } from 'vitest';
import { trainOvrSvm } from './svm.js';

const vec = (pairs: [number, number][]) => ({ indices: Int32Array.from(pairs.map((p) => p[0])), values: Float32Array.from(pairs.map((p) => p[1])) });
const score = (w: ReturnType<typeof trainOvrSvm>, x: ReturnType<typeof vec>, c: number) =>
  w.bias[c]! + Array.from(x.indices).reduce((s, j, p) => s + w.weights[j * w.k + c]! * x.values[p]!, 0);

// Three classes, each with a feature of its own and a shared, uninformative one.
const xs = [vec([[0, 1], [3, 0.5]]), vec([[0, 0.8]]), vec([[1, 1], [3, 0.5]]), vec([[1, 0.9]]), vec([[2, 1], [3, 0.5]]), vec([[2, 0.7]])];
const ys = [0, 0, 1, 1, 2, 2];

describe('one-vs-rest linear SVMs by dual coordinate descent', () => {
  it('separates what is separable, each class by its own feature', () => {
    const w = trainOvrSvm(xs, ys, 3, 4, { c: 10 });
    xs.forEach((x, i) => {
      const best = [0, 1, 2].sort((a, b) => score(w, x, b) - score(w, x, a))[0];
      expect(best).toBe(ys[i]);
    });
    expect(w.weights[0 * 3 + 0]).toBeGreaterThan(0.5);
    expect(Math.abs(w.weights[3 * 3 + 0]!)).toBeLessThan(w.weights[0]!);
  });

  it('is deterministic for a seed, and folds a per-class feature scaling into its weights', () => {
    expect(trainOvrSvm(xs, ys, 3, 4, { seed: 3 }).weights).toEqual(trainOvrSvm(xs, ys, 3, 4, { seed: 3 }).weights);
    const scaled = trainOvrSvm(xs, ys, 3, 4, { c: 10 }, () => Float32Array.from([2, 2, 2, 0]));
    // The shared feature scaled to 0 gets no weight; scores are still read on the unscaled features.
    for (let c = 0; c < 3; c++) expect(scaled.weights[3 * 3 + c]).toBe(0);
    xs.forEach((x, i) => expect([0, 1, 2].sort((a, b) => score(scaled, x, b) - score(scaled, x, a))[0]).toBe(ys[i]));
  });
});
