import fs from 'node:fs/promises';
import { Command } from 'commander';
import { labelled, parseJsonl } from '../text/corpus.js';
import { trainClassifier } from '../text/classifier.js';
import { evaluate, formatEvaluation } from '../text/metrics.js';
import { explain, predict, prepare } from '../text/model.js';

const collect = (value: string, previous: string[]) => [...previous, value];

async function readCorpus(file: string) {
  try {
    return parseJsonl(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

/**
 * For anyone to check our classifier on their own data, without a database: train on labelled JSONL,
 * then classify (one JSON line per input line, in order) or evaluate.
 */
export function classifyCommand(): Command {
  return new Command('classify')
    .description('Train the text classifier on labelled JSONL ({title, body, label} or {tokens, label}) and classify or evaluate (no database needed)')
    .requiredOption('--train <file>', 'labelled training data (repeat for several files)', collect, [])
    .option('--input <file>', 'messages to classify: writes {label, confidence, top3} per line, in input order')
    .option('--eval <file>', 'labelled messages to evaluate on: prints accuracy, macro-F1, per-class F1 and the confusion matrix')
    .option('--output <file>', 'write the classifications here instead of standard output')
    .option('--explain', 'add the features that weighed most for the chosen label')
    .action(async (o: { train: string[]; input?: string; eval?: string; output?: string; explain?: boolean }) => {
      if (!o.input === !o.eval) throw new Error('Give exactly one of --input and --eval.');
      const examples = (await Promise.all(o.train.map(readCorpus))).flatMap((records) => labelled(records));
      const result = trainClassifier(examples);
      const model = prepare(result.model);
      const h = result.heldOut;
      console.error(`Trained on ${result.trainedOn} messages, ${model.classes.length} labels, in ${result.seconds.toFixed(1)} s`
        + (h ? ` (held-out ${h.count}: macro-F1 ${h.macroF1}, accuracy ${h.accuracy}, calibration error ${h.calibrationError})` : ''));
      if (o.eval) {
        const records = labelled(await readCorpus(o.eval));
        const scored = records.map((r) => ({ truth: r.label, ranked: [...predict(model, r.input).top3.map((t) => t.label)] }));
        console.log(formatEvaluation(evaluate(scored, [...new Set([...model.classes, ...records.map((r) => r.label)])].sort())));
        return;
      }
      const records = await readCorpus(o.input!);
      const lines = records.map((r) => {
        const p = predict(model, r.input);
        return JSON.stringify(o.explain ? { ...p, explanation: explain(model, r.input, p.label) } : p);
      });
      const text = lines.length ? `${lines.join('\n')}\n` : '';
      if (o.output) await fs.writeFile(o.output, text);
      else process.stdout.write(text);
    });
}
