/**
 * What to call a hotspot: the place and the problem, in the words its messages use. Both are phrases that
 * many members' titles (or recorded locations) share and few other messages do — found as substrings,
 * because the names of compounds and firms (伊景园滨河苑, 丽发新城) are exactly what a segmenter cuts
 * wrongly. A phrase ending like a place name (…苑, …小区, …路) is the place; the best other one says what
 * is wrong.
 */
import { normalize } from '../text/normalize.js';
import { ADMIN_CODE, DOOR } from './hotspot.place.js';

const MAX_LEN = 12;
// Characters that glue a phrase to its sentence ("坚决反对在…"): never the first or last of a name.
// (对 only at the start: at the end it is usually 反对.)
const GLUE = /^[在的了对和与及等于是请把被给向将就都也还又之]+|[在的了和与及等于是请把被给向将就都也还又之]+$/g;

/** The runs of Han letters and digits in a title, administrative codes removed. */
export function titleRuns(title: string): string[] {
  // Door numbers ("3栋", "12号") differ between neighbours and would cut a shared phrase in two.
  return normalize(title).replace(ADMIN_CODE, ' ').replace(DOOR, ' ').split(/[^\p{Script=Han}A-Za-z0-9]+/u).filter((r) => r.length >= 2);
}

export interface Phrase { text: string; members: number; specificity: number }

/**
 * Substrings (2–12 characters) in at least `minShare` of the members' titles, kept only when no longer
 * one is in nearly as many; `corpus` tells how often each appears in every title of the period.
 */
export function sharedPhrases(memberRuns: readonly string[][], corpusCount: (phrase: string) => number, minShare = 0.4): Phrase[] {
  const counts = new Map<string, number>();
  for (const runs of memberRuns) {
    const mine = new Set<string>();
    for (const run of runs) {
      for (let i = 0; i < run.length; i++) for (let len = 2; len <= MAX_LEN && i + len <= run.length; len++) mine.add(run.slice(i, i + len));
    }
    for (const p of mine) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const need = Math.max(2, Math.ceil(memberRuns.length * minShare));
  const trimmed = new Map<string, number>();
  for (const [p, c] of counts) {
    const t = p.replace(GLUE, '');
    if (c >= need && t.length >= 2) trimmed.set(t, Math.max(trimmed.get(t) ?? 0, c));
  }
  const kept = [...trimmed].sort((a, b) => b[0].length - a[0].length);
  const maximal: Array<[string, number]> = [];
  for (const [p, c] of kept) {
    if (!maximal.some(([q, qc]) => q.includes(p) && qc >= c * 0.8)) maximal.push([p, c]);
  }
  return maximal
    .map(([text, members]) => ({ text, members, specificity: members / Math.max(members, corpusCount(text)) }))
    .filter((p) => p.specificity >= 0.2)
    .sort((a, b) => score(b) - score(a) || a.text.localeCompare(b.text));
}

const score = (p: Phrase) => p.members * p.specificity * Math.log(1 + p.text.length);
