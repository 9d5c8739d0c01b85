import { describe, expect, it } from 'vitest';
import { evaluate, formatEvaluation } from './metrics.js';

describe('evaluation figures', () => {
  // Given 6 messages: a,a,a,b,b,c; predicted a,a,b,b,b,a.
  const results = [
    { truth: 'a', ranked: ['a', 'b', 'c'] },
    { truth: 'a', ranked: ['a', 'c', 'b'] },
    { truth: 'a', ranked: ['b', 'a', 'c'] },
    { truth: 'b', ranked: ['b', 'a', 'c'] },
    { truth: 'b', ranked: ['b', 'c', 'a'] },
    { truth: 'c', ranked: ['a', 'b', 'd'] },
  ];

  it('computes accuracy, per-class F1, their mean and the confusion matrix', () => {
    const e = evaluate(results, ['a', 'b', 'c']);
    expect(e.accuracy).toBe(0.6667);
    // a: P 2/3, R 2/3 → F1 0.6667; b: P 2/3, R 1 → 0.8; c: P 0, R 0 → 0.
    expect(e.perClass.map((c) => c.f1)).toEqual([0.6667, 0.8, 0]);
    expect(e.macroF1).toBe(0.4889);
    expect(e.confusion).toEqual([[2, 1, 0], [0, 2, 0], [1, 0, 0]]);
    expect(e.perClass.map((c) => c.support)).toEqual([3, 2, 1]);
  });

  it('counts a message in the top 3 when its label is among the first three', () => {
    expect(evaluate(results, ['a', 'b', 'c']).top3Accuracy).toBe(0.8333);
  });

  it('leaves out of the mean a label neither true nor predicted', () => {
    expect(evaluate([{ truth: 'a', ranked: ['a'] }], ['a', 'z']).macroF1).toBe(1);
  });

  it('prints a table with the confusion matrix', () => {
    const text = formatEvaluation(evaluate(results, ['a', 'b', 'c']));
    expect(text).toContain('macro-F1   0.4889');
    expect(text.split('\n').at(-1)).toMatch(/^c\s+1\s+0\s+0$/);
  });
});
