import { describe, expect, it } from 'vitest';
import { exampleKey, trainClassifier } from './classifier.js';
import { evaluate } from './metrics.js';
import { predict, prepare } from './model.js';
import { holdOut, stratifiedFolds } from './split.js';
import { hasGovMessages, readExamples } from './text.testing.js';

// A small deterministic slice of the shared data: a sane floor, not the target (bench/text.bench.ts).
describe.skipIf(!hasGovMessages())('training on a slice of the public messages', () => {
  it('classifies its held-out raw messages with macro-F1 above 0.8', () => {
    const slice = <T extends { label: string; input: Parameters<typeof exampleKey>[0] }>(all: T[], n: number) => {
      const fold = stratifiedFolds(all, Math.ceil(all.length / n), 11, (e) => exampleKey(e.input));
      return all.filter((_, i) => fold[i] === 0);
    };
    const raw = slice(readExamples('train.jsonl'), 900);
    const segmented = slice(readExamples('train-segmented.jsonl'), 900);
    const { rest, heldOut } = holdOut(raw, 0.2, 5, (e) => exampleKey(e.input));
    const trained = trainClassifier([...rest, ...segmented]);
    expect(trained.heldOut).not.toBeNull();
    expect(trained.model.classes).toHaveLength(7);
    const model = prepare(trained.model);
    const e = evaluate(heldOut.map((x) => ({ truth: x.label, ranked: predict(model, x.input).top3.map((t) => t.label) })), trained.model.classes);
    expect(e.count).toBeGreaterThan(150);
    expect(e.macroF1).toBeGreaterThan(0.8);
    expect(e.top3Accuracy).toBeGreaterThan(0.95);
  });
});
