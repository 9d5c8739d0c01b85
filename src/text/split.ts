/**
 * Deterministic, stratified splits of labelled data: the same data and seed always give the same parts,
 * whatever the order of the file, because a message's part follows from a hash of its text.
 */
import { hashString } from './features.js';

export interface Keyed { label: string }

/**
 * Every label's items ordered by a seeded hash of their key, then dealt into `folds` parts in turn:
 * each part holds about 1/folds of every label.
 */
export function stratifiedFolds<T extends Keyed>(items: readonly T[], folds: number, seed: number, key: (item: T) => string): number[] {
  const byLabel = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = byLabel.get(item.label) ?? [];
    list.push(i);
    byLabel.set(item.label, list);
  });
  const fold = new Array<number>(items.length).fill(0);
  const hashes = items.map((item) => hashString(key(item), seed));
  for (const label of [...byLabel.keys()].sort()) {
    const list = byLabel.get(label)!.sort((a, b) => hashes[a]! - hashes[b]! || a - b);
    list.forEach((index, rank) => { fold[index] = rank % folds; });
  }
  return fold;
}

/** A held-out part of about `fraction` of every label, and the rest. */
export function holdOut<T extends Keyed>(items: readonly T[], fraction: number, seed: number, key: (item: T) => string): { rest: T[]; heldOut: T[] } {
  const folds = Math.max(2, Math.round(1 / fraction));
  const fold = stratifiedFolds(items, folds, seed, key);
  return { rest: items.filter((_, i) => fold[i] !== 0), heldOut: items.filter((_, i) => fold[i] === 0) };
}
