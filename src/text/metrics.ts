/**
 * How good a classifier is on labelled messages it did not learn from: accuracy, F1 per class, their
 * unweighted mean (macro-F1: the competition's measure, where a small class counts as much as a big
 * one), top-k accuracy, and the confusion matrix (rows: true label, columns: predicted).
 */
export interface ClassFigures { label: string; precision: number; recall: number; f1: number; support: number }

export interface Evaluation {
  count: number;
  accuracy: number;
  macroF1: number;
  top3Accuracy: number;
  perClass: ClassFigures[];
  labels: string[];
  confusion: number[][];
}

export interface Scored { truth: string; ranked: readonly string[] }

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function evaluate(results: readonly Scored[], labels?: readonly string[]): Evaluation {
  const all = labels ? [...labels] : [...new Set(results.flatMap((r) => [r.truth, r.ranked[0] ?? '']).filter(Boolean))].sort();
  const at = new Map(all.map((l, i) => [l, i]));
  const confusion = all.map(() => all.map(() => 0));
  let correct = 0;
  let top3 = 0;
  for (const r of results) {
    const t = at.get(r.truth);
    const p = at.get(r.ranked[0] ?? '');
    if (t !== undefined && p !== undefined) confusion[t]![p]!++;
    if (r.ranked[0] === r.truth) correct++;
    if (r.ranked.slice(0, 3).includes(r.truth)) top3++;
  }
  const perClass = all.map((label, i) => {
    const tp = confusion[i]![i]!;
    const support = confusion[i]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + row[i]!, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision: round4(precision), recall: round4(recall), f1: round4(f1), support };
  });
  const n = results.length || 1;
  // Classes absent from both truth and predictions would count as F1 0: leave them out of the mean.
  const present = perClass.filter((c, i) => c.support > 0 || confusion.some((row) => row[i]! > 0));
  return {
    count: results.length,
    accuracy: round4(correct / n),
    macroF1: round4(present.reduce((a, c) => a + c.f1, 0) / (present.length || 1)),
    top3Accuracy: round4(top3 / n),
    perClass,
    labels: all,
    confusion,
  };
}

/** The confusion matrix and per-class figures as a plain-text table for a terminal. */
export function formatEvaluation(e: Evaluation): string {
  const lines = [
    `messages   ${e.count}`,
    `accuracy   ${e.accuracy.toFixed(4)}`,
    `macro-F1   ${e.macroF1.toFixed(4)}`,
    `top-3      ${e.top3Accuracy.toFixed(4)}`,
    '',
    'class                precision  recall  F1      support',
    ...e.perClass.map((c) => `${pad(c.label, 20)} ${c.precision.toFixed(4)}     ${c.recall.toFixed(4)}  ${c.f1.toFixed(4)}  ${c.support}`),
    '',
    'confusion (rows: true label, columns: predicted, in the order above)',
    ...e.confusion.map((row, i) => `${pad(e.labels[i]!, 20)} ${row.map((v) => String(v).padStart(5)).join('')}`),
  ];
  return lines.join('\n');
}

/** Pads by display width: a Chinese character takes two columns. */
function pad(s: string, width: number): string {
  const w = [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(1, width - w));
}
