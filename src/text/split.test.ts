import { describe, expect, it } from 'vitest';
import { holdOut, stratifiedFolds } from './split.js';

const items = Array.from({ length: 100 }, (_, i) => ({ label: i < 80 ? 'a' : 'b', text: `message ${i}` }));

describe('splits', () => {
  it('holds out the same share of every label', () => {
    const { rest, heldOut } = holdOut(items, 0.2, 1, (x) => x.text);
    expect(heldOut.filter((x) => x.label === 'a')).toHaveLength(16);
    expect(heldOut.filter((x) => x.label === 'b')).toHaveLength(4);
    expect(rest).toHaveLength(80);
  });

  it('depends on the seed and the texts, not on the order of the file', () => {
    const key = (x: { text: string }) => x.text;
    const a = holdOut(items, 0.2, 1, key).heldOut.map((x) => x.text).sort();
    const b = holdOut([...items].reverse(), 0.2, 1, key).heldOut.map((x) => x.text).sort();
    expect(b).toEqual(a);
    expect(holdOut(items, 0.2, 2, key).heldOut.map((x) => x.text).sort()).not.toEqual(a);
  });

  it('deals folds of equal size', () => {
    const folds = stratifiedFolds(items, 5, 3, (x) => x.text);
    expect([0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length)).toEqual([20, 20, 20, 20, 20]);
  });
});
