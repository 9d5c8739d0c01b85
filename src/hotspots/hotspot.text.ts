/**
 * How the hotspot miner reads a message: its content words, weighted (the title twice), which of them name
 * a place, and the place names it mentions as they were written (runs of place words: 丽发 + 新城 → 丽发新城),
 * a ticket's recorded location first.
 *
 * A place word is what jieba tags as a place, organisation or other proper name (ns, nt, nz, nr…), an
 * unknown word it had to guess (x: mostly the names of compounds and firms), or a word ending in a place
 * suffix (…小区, …路, …村). Measured on hot.jsonl (bench/hotspot.bench.ts): requiring two messages to
 * share such a word keeps apart the same complaint about different places, which text similarity alone
 * joins.
 */
import { normalize } from '../text/normalize.js';
import { taggedWords } from '../text/tokenize.js';
import { ADMIN_CODE, PLACE_SUFFIX, placeOfLocation } from './hotspot.place.js';

const PLACE_TAGS = new Set(['ns', 'nt', 'nz', 'nr', 'nrfg', 'nrt', 'x', 'j']);
/** Single characters that end a place name when jieba cuts them off (伊景园滨河 + 苑). */
const TRAILING = new Set(['苑', '城', '园', '村', '府', '湾', '庄', '里', '路', '街', '巷', '组', '栋']);

export interface MessageText {
  /** Content word → weight in this message (title words count twice). */
  terms: Map<string, number>;
  /** The content words that name a place. */
  placeWords: Set<string>;
  /** Place names as written: the recorded location first, then as the text mentions them. */
  places: string[];
  /** The recorded location down to the compound (no door numbers), when the message has one. */
  placeKey: string | null;
}

/** A proper name, or a name with a place suffix; the suffix alone (小区, 社区, 医院) names no place in particular. */
function isPlace(word: string, tag: string): boolean {
  if (word.length < 2) return false;
  if (PLACE_TAGS.has(tag)) return true;
  const suffix = PLACE_SUFFIX.exec(word);
  return suffix !== null && suffix[0].length < word.length;
}

function read(text: string, weight: number, into: Pick<MessageText, 'terms' | 'placeWords' | 'places'>): void {
  const words = taggedWords(normalize(text).replace(ADMIN_CODE, ' '));
  let run: string[] = [];
  const flush = () => {
    const name = run.join('');
    if (run.length && name.length >= 3 && !into.places.includes(name)) into.places.push(name);
    run = [];
  };
  for (const { word, tag } of words) {
    const place = isPlace(word, tag);
    if (place || (run.length > 0 && TRAILING.has(word))) run.push(word);
    else flush();
    if (word.length < 2) continue;
    into.terms.set(word, (into.terms.get(word) ?? 0) + weight);
    if (place) into.placeWords.add(word);
  }
  flush();
}

/**
 * A message's words. When it records a location (a ticket's place field), only the location names its place:
 * the text's unknown words are then mostly the problem's own (异响, 抖动), not names of places.
 */
export function readMessage(title: string, body: string, location?: string | null, category?: string | null): MessageText {
  const out: MessageText = { terms: new Map(), placeWords: new Set(), places: [], placeKey: null };
  if (location) {
    // What is wrong is compared apart from where: the location's words leave the text (two problems in one
    // compound both name it), and the place is matched on the recorded location itself.
    const where = { terms: new Map<string, number>(), placeWords: new Set<string>(), places: [] as string[] };
    read(location, 1, where);
    read(title, 2, out);
    read(body, 1, out);
    const written = normalize(location).toLowerCase();
    for (const w of [...out.terms.keys()]) if (where.terms.has(w) || written.includes(w)) out.terms.delete(w);
    out.placeWords = new Set(where.terms.keys());
    const key = placeOfLocation(location);
    if (key.length >= 2) {
      out.places.unshift(key);
      out.placeKey = key;
    }
  } else {
    read(title, 2, out);
    read(body, 1, out);
  }
  // The service a dispatcher chose is a strong hint of "the same problem": a word of its own.
  if (category) out.terms.set(`#${category}`, 2);
  return out;
}
