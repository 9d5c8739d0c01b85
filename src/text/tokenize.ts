/** Word segmentation with jieba, our domain dictionary and stop words; the input is normalised first. */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalize } from './normalize.js';
import { DOMAIN_DICT, STOP_WORDS } from './domain.dict.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_DICT, 'utf8'));
  }
  return jieba;
}

const MEANINGFUL = /[\p{Script=Han}A-Za-z0-9]/u;

/** Words of an already normalised text, stop words and punctuation removed. */
export function words(normalised: string): string[] {
  return segmenter().cut(normalised, true).filter((w) => MEANINGFUL.test(w) && !STOP_WORDS.has(w)).map((w) => w.toLowerCase());
}

export function tokenize(text: string): string[] {
  return words(normalize(text));
}

export interface TaggedWord { word: string; tag: string }

/** Words of an already normalised text with jieba's part-of-speech tags (ns place, nt organisation, x unknown…). */
export function taggedWords(normalised: string): TaggedWord[] {
  return segmenter().tag(normalised, true)
    .filter((t) => MEANINGFUL.test(t.word) && !STOP_WORDS.has(t.word))
    .map((t) => ({ word: t.word.toLowerCase(), tag: t.tag }));
}
