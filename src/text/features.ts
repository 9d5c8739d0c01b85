/**
 * What the classifier sees of a message: hashed character n-grams of its normalised text, and of its
 * first characters again (the title, or where a title would be), optionally words from the segmenter.
 *
 * Measured by 5-fold cross-validation inside the training part of bench/text.bench.ts (macro-F1):
 * characters 1–2-grams 0.932 and 1–3-grams 0.934 (a tie, at half the features); words and word pairs
 * on top 0.933 (nothing, while jieba costs more than the rest of a classification together); the
 * leading characters again +0.005 — "where the title would be" also works for messages whose title ran
 * into the body, and for text segmented by another tool (train-segmented.jsonl), which n-grams read
 * the same way as raw text. Features are 31-bit hashes, so no vocabulary is needed to read a message;
 * the strings are rebuilt only to explain a suggestion.
 */
import { normalize } from './normalize.js';
import { STOP_WORDS } from './domain.dict.js';
import { words } from './tokenize.js';

/** A message as it arrives: raw title and body, or tokens from another segmenter (space-separated). */
export interface TextInput { title?: string | null; body?: string | null; tokens?: string | readonly string[] | null }

export interface FeatureOptions {
  /** Lengths of character n-grams, e.g. [1, 2, 3]. */
  ngrams: readonly number[];
  /** How many leading units (the title, or where it would be) get n-grams of their own; 0: none. */
  leadUnits: number;
  /** Lengths of n-grams of the leading part. */
  leadNgrams: readonly number[];
  /** Also use segmented words (and word pairs): jieba for raw text, the given tokens otherwise. */
  words: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { ngrams: [1, 2], leadUnits: 32, leadNgrams: [1, 2, 3], words: false };

const FNV_PRIME = 16777619;
const NS_CHAR = 0x5bd1e995;
const NS_LEAD = 0x1b873593;
const NS_WORD = 0x68e31da4;
const NS_PAIR = 0x27d4eb2f;
// A run of Latin letters and digits is one unit ("a3", "12345"); its id sits above every code point.
const RUN_BASE = 0x110000;

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & 0x7fffffff;
}

export function hashString(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return finish(h);
}

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x2ffff);
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * The units of a normalised text: Han characters one by one, Latin/digit runs as one unit each;
 * punctuation and spaces are dropped (text segmented elsewhere comes without them).
 */
export function textUnits(text: string, out: number[] = [], labels?: string[]): number[] {
  for (let i = 0; i < text.length;) {
    const c = text.codePointAt(i)!;
    if (isAlnum(c)) {
      let j = i + 1;
      while (j < text.length && isAlnum(text.charCodeAt(j))) j++;
      const run = text.slice(i, j).toLowerCase();
      out.push(RUN_BASE + hashString(run, 0) % 0x3fffffff);
      labels?.push(run);
      i = j;
    } else {
      if (isHan(c)) { out.push(c); labels?.push(String.fromCodePoint(c)); }
      i += c > 0xffff ? 2 : 1;
    }
  }
  return out;
}

function pushNgrams(units: readonly number[], ns: number, lengths: readonly number[], out: number[], labels?: readonly string[], names?: Map<number, string>, prefix = ''): void {
  for (const n of lengths) {
    const seed = Math.imul(ns, n + 1);
    const last = units.length - n;
    for (let i = 0; i <= last; i++) {
      let h = seed;
      for (let j = i; j < i + n; j++) h = Math.imul(h ^ units[j]!, FNV_PRIME);
      const id = finish(h);
      out.push(id);
      if (names && labels && !names.has(id)) names.set(id, prefix + labels.slice(i, i + n).join(''));
    }
  }
}

function inputWords(input: TextInput, text: string): string[] {
  if (input.tokens != null) {
    const tokens = typeof input.tokens === 'string' ? input.tokens.split(/\s+/) : input.tokens;
    return tokens.map((t) => t.toLowerCase()).filter((t) => t.length > 0 && /[\p{Script=Han}a-z0-9]/u.test(t) && !STOP_WORDS.has(t));
  }
  return words(text);
}

/** The message's text, normalised: title and body (or the given tokens) with a seam between them. */
export function messageParts(input: TextInput): { lead: string | null; text: string } {
  if (input.tokens != null) {
    const tokens = typeof input.tokens === 'string' ? input.tokens : input.tokens.join(' ');
    return { lead: null, text: normalize(tokens) };
  }
  const title = input.title ? normalize(input.title) : null;
  const body = normalize(input.body ?? '');
  return { lead: title, text: title ? `${title} ${body}` : body };
}

/**
 * The hashed features of a message, repeated as often as they occur. With `names`, also the readable
 * string of each feature (for explanations; slower).
 */
export function extractFeatures(input: TextInput, opts: FeatureOptions = DEFAULT_FEATURES, names?: Map<number, string>): number[] {
  const { lead, text } = messageParts(input);
  const labels: string[] | undefined = names ? [] : undefined;
  const units = textUnits(text, [], labels);
  const out: number[] = [];
  pushNgrams(units, NS_CHAR, opts.ngrams, out, labels, names);
  if (opts.leadUnits > 0) {
    // The title when there is one; else the first characters, which is where people put it.
    const leadLabels: string[] | undefined = names ? [] : undefined;
    const leadUnits = lead !== null ? textUnits(lead, [], leadLabels) : units.slice(0, opts.leadUnits);
    pushNgrams(leadUnits.slice(0, opts.leadUnits), NS_LEAD, opts.leadNgrams, out, leadLabels ?? labels?.slice(0, opts.leadUnits), names, lead !== null ? '标题:' : '开头:');
  }
  if (opts.words) {
    const ws = inputWords(input, text);
    for (let i = 0; i < ws.length; i++) {
      const id = hashString(ws[i]!, NS_WORD);
      out.push(id);
      if (names && !names.has(id)) names.set(id, `词:${ws[i]}`);
      if (i + 1 < ws.length) {
        const pair = hashString(`${ws[i]} ${ws[i + 1]}`, NS_PAIR);
        out.push(pair);
        if (names && !names.has(pair)) names.set(pair, `词:${ws[i]} ${ws[i + 1]}`);
      }
    }
  }
  return out;
}
