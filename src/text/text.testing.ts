/** The shared labelled data (never copied into the repository), read at test and bench time. */
import fs from 'node:fs';
import path from 'node:path';
import { parseJsonl, labelled } from './corpus.js';
import type { Example } from './classifier.js';

export const GOV_MESSAGES = process.env.MSB_GOV_MESSAGES ?? '/work/shared/data/gov-messages';

export const hasGovMessages = () => fs.existsSync(path.join(GOV_MESSAGES, 'train.jsonl'));

export function readExamples(file: 'train.jsonl' | 'train-segmented.jsonl'): Example[] {
  return labelled(parseJsonl(fs.readFileSync(path.join(GOV_MESSAGES, file), 'utf8')));
}
