/**
 * Near-duplicate lookup: which open tickets are about the same problem at the same place as a text being
 * typed. An inverted index of character pairs held in memory, scored with idf weights taken from the
 * index itself, so a pair that every complaint shares (小区, 反映) counts for little and a compound's
 * name for much. Pure: the caller feeds it tickets and asks; nothing here reads a clock or a database.
 *
 * Why pairs of characters and not jieba words: a lookup must cost well under 20 ms against 100,000 open
 * tickets and loading those tickets must take seconds, not the minute jieba would need; pairs also
 * survive the segmenter's disagreements over place names (幸福/社区 vs 幸福社区).
 */
import { hashString, textUnits } from './features.js';
import { normalize } from './normalize.js';

export interface SimilarInput { title: string; description: string; location: string; lat?: number | null; lng?: number | null }
export interface SimilarDoc extends SimilarInput { id: number }

export interface SimilarHit {
  id: number;
  /** What ranks the hits: text and place together, 0–1. */
  score: number;
  /** How much of the problem's wording they share, 0–1. */
  text: number;
  /** How sure we are that it is the same place, 0–1 (the location texts, or the coordinates when both have them). */
  place: number;
  /** Metres between the two, when both have coordinates. */
  distanceM: number | null;
  /** The same problem at the same place: a ticket to merge rather than a new one. */
  duplicate: boolean;
}

// Thresholds read off hand-made pairs (similar.test.ts) and the demo district: the same outage told by
// two neighbours in their own words scores about 0.25; two different problems in one compound share the
// compound's name and little else (under 0.05), other tickets of the district under 0.1.
const DUPLICATE_TEXT = 0.15;
const DUPLICATE_PLACE = 0.5;
const RELATED_TEXT = 0.35;
const MIN_TEXT = 0.12;
/** Within this many metres two requests are at the same place, whatever their location texts say. */
const NEAR_M = 150;
/** Pairs in more than this share of the index are too common to find candidates by (their weight is low anyway). */
const COMMON_SHARE = 0.05;
const RESCORE = 200;
/** Postings read per lookup at most: ~1 ms of work, whatever the text. */
const POSTINGS_BUDGET = 40_000;

interface Entry {
  id: number;
  terms: Int32Array;
  counts: Uint16Array;
  place: Int32Array;
  lat: number | null;
  lng: number | null;
}

/** The pairs of a text's units (characters, Latin/digit runs) as hashed ids, with how often each occurs. */
export function termCounts(text: string): Map<number, number> {
  const out = new Map<number, number>();
  // Pairs never span punctuation: "了，一直" is no pair of anything anyone said.
  for (const clause of normalize(text).split(/[^\p{Script=Han}A-Za-z0-9]+/u)) {
    const units = textUnits(clause);
    for (let i = 0; i + 1 < units.length; i++) {
      const id = hashString(`${units[i]}:${units[i + 1]}`, 0x2545f491);
      out.set(id, (out.get(id) ?? 0) + 1);
    }
    // A one-character clause still means something ("水"): its single unit stands in.
    if (units.length === 1) out.set(hashString(String(units[0]), 0x2545f491), 1);
  }
  return out;
}

/**
 * What a ticket says is wrong, apart from where: its text's pairs without those of its location, so that
 * two different problems told with the same address ("湖东村村口路面塌陷", "湖东村村口路灯不亮") do not
 * look alike. The place is weighed on its own.
 */
function problemTerms(input: SimilarInput): { text: Map<number, number>; place: Map<number, number> } {
  const place = termCounts(input.location);
  const text = termCounts(`${input.title} ${input.description}`);
  for (const p of place.keys()) text.delete(p);
  return { text, place };
}

function distanceM(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const x = (bLng - aLng) * rad * Math.cos(((aLat + bLat) / 2) * rad);
  const y = (bLat - aLat) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

export class SimilarityIndex {
  private readonly entries: (Entry | null)[] = [];
  private readonly slotOf = new Map<number, number>();
  private readonly postings = new Map<number, number[]>();
  private readonly df = new Map<number, number>();
  private readonly placeDf = new Map<number, number>();
  private live = 0;
  private scores = new Float64Array(1024);

  has(id: number): boolean { return this.slotOf.has(id); }

  add(doc: SimilarDoc): void {
    if (this.slotOf.has(doc.id)) this.remove(doc.id);
    const { text: counts, place: placeCounts } = problemTerms(doc);
    const place = [...placeCounts.keys()];
    const slot = this.entries.length;
    this.entries.push({
      id: doc.id, terms: Int32Array.from(counts.keys()), counts: Uint16Array.from(counts.values(), (c) => Math.min(c, 65535)),
      place: Int32Array.from(place), lat: doc.lat ?? null, lng: doc.lng ?? null,
    });
    this.slotOf.set(doc.id, slot);
    for (const term of counts.keys()) {
      const list = this.postings.get(term);
      if (list) list.push(slot); else this.postings.set(term, [slot]);
      this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
    for (const p of place) this.placeDf.set(p, (this.placeDf.get(p) ?? 0) + 1);
    this.live++;
    if (this.scores.length < this.entries.length) {
      const grown = new Float64Array(this.scores.length * 2);
      grown.set(this.scores);
      this.scores = grown;
    }
  }

  /** Forget a ticket (closed, merged). Its postings stay as tombstones until the index is rebuilt. */
  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const entry = this.entries[slot]!;
    for (const term of entry.terms) this.df.set(term, (this.df.get(term) ?? 1) - 1);
    for (const p of entry.place) this.placeDf.set(p, (this.placeDf.get(p) ?? 1) - 1);
    this.entries[slot] = null;
    this.slotOf.delete(id);
    this.live--;
  }

  /** Tombstones as a share of all slots: the owner rebuilds the index when it grows large. */
  get waste(): number {
    return this.entries.length ? 1 - this.live / this.entries.length : 0;
  }

  private idf(df: number): number {
    return Math.log(1 + (this.live + 1) / (df + 1));
  }

  query(input: SimilarInput, opts: { limit?: number; excludeIds?: readonly number[] } = {}): SimilarHit[] {
    const { text: counts, place: queryPlace } = problemTerms(input);
    if (counts.size === 0 || this.live === 0) return [];
    const weights = new Map<number, number>();
    let queryNorm = 0;
    for (const [term, c] of counts) {
      const w = c * this.idf(this.df.get(term) ?? 0);
      weights.set(term, w);
      queryNorm += w * w;
    }
    queryNorm = Math.sqrt(queryNorm);

    // Candidates: a partial dot product over the query's rarest pairs, within a budget of postings read, so that
    // a lookup costs the same however common its words are; the best few are then scored in full.
    const common = Math.max(50, this.live * COMMON_SHARE);
    const scores = this.scores;
    const touched: number[] = [];
    const terms = [...weights.keys()].filter((t) => (this.df.get(t) ?? 0) > 0 && this.df.get(t)! <= common)
      .sort((a, b) => this.df.get(a)! - this.df.get(b)!);
    let read = 0;
    for (const term of terms) {
      const postings = this.postings.get(term)!;
      if (read > 0 && read + postings.length > POSTINGS_BUDGET) break;
      read += postings.length;
      const add = weights.get(term)! * this.idf(this.df.get(term)!);
      for (const slot of postings) {
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = scores[slot]! + add;
      }
    }
    const excluded = new Set(opts.excludeIds ?? []);
    const candidates = touched
      .filter((slot) => this.entries[slot] !== null && !excluded.has(this.entries[slot]!.id))
      .sort((a, b) => scores[b]! - scores[a]!)
      .slice(0, RESCORE);
    for (const slot of touched) scores[slot] = 0;

    const hits: SimilarHit[] = [];
    for (const slot of candidates) {
      const hit = this.score(this.entries[slot]!, weights, queryNorm, queryPlace, input);
      if (hit) hits.push(hit);
    }
    return hits.sort((a, b) => b.score - a.score || b.id - a.id).slice(0, opts.limit ?? 10);
  }

  private score(entry: Entry, weights: Map<number, number>, queryNorm: number, queryPlace: Map<number, number>, input: SimilarInput): SimilarHit | null {
    let dot = 0;
    let shared = 0;
    let norm = 0;
    for (let i = 0; i < entry.terms.length; i++) {
      const term = entry.terms[i]!;
      const idf = this.idf(this.df.get(term) ?? 0);
      const w = entry.counts[i]! * idf;
      norm += w * w;
      const q = weights.get(term);
      if (q !== undefined) {
        dot += q * w;
        shared += q * q;
      }
    }
    const cosine = norm > 0 ? dot / (queryNorm * Math.sqrt(norm)) : 0;
    // A caller still typing has written a short text: how much of it the ticket covers also counts.
    const coverage = shared / (queryNorm * queryNorm);
    const text = Math.min(1, Math.max(cosine, 0.85 * coverage * Math.min(1, Math.sqrt(norm) / queryNorm)));
    if (text < MIN_TEXT) return null;

    const distance = input.lat != null && input.lng != null && entry.lat !== null && entry.lng !== null
      ? distanceM(input.lat, input.lng, entry.lat, entry.lng) : null;
    const place = distance !== null ? Math.max(0, Math.min(1, 1.5 - distance / (2 * NEAR_M))) : this.placeOverlap(entry.place, queryPlace);
    const duplicate = text >= DUPLICATE_TEXT && place >= DUPLICATE_PLACE;
    if (!duplicate && text < RELATED_TEXT) return null;
    return {
      id: entry.id, score: Math.round((0.65 * text + 0.35 * place) * 1000) / 1000, text: Math.round(text * 1000) / 1000,
      place: Math.round(place * 1000) / 1000, distanceM: distance === null ? null : Math.round(distance), duplicate,
    };
  }

  /** The share of the shorter location's weight that the other one has too: 城关街道幸福社区 holds 幸福社区. */
  private placeOverlap(place: Int32Array, query: Map<number, number>): number {
    if (place.length === 0 || query.size === 0) return 0;
    const weight = (p: number) => this.idf(this.placeDf.get(p) ?? 0);
    let mine = 0;
    let shared = 0;
    for (const p of place) {
      const w = weight(p);
      mine += w;
      if (query.has(p)) shared += w;
    }
    let theirs = 0;
    for (const p of query.keys()) theirs += weight(p);
    return shared / Math.min(mine, theirs);
  }
}
