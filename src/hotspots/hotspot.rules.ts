/**
 * 溯源分析: the messages of a period grouped into hotspots — the same problem at the same place — ranked by
 * size, growth and public reaction, each named by its place and key words. Pure: the messages and the
 * period come in, nothing is read from a clock or a database.
 *
 * How (measured on hot.jsonl, bench/hotspot.bench.ts):
 * - each message is a tf-idf vector of its words (src/hotspots/hotspot.text.ts), unit length;
 * - candidate pairs share one of their most telling words; a pair is an edge when its cosine reaches
 *   LINK and it is at the same place: recorded locations that hold one another, or (messages without one)
 *   a shared place word that is not common in the period. The same complaint about two compounds is two hotspots;
 * - edges are taken strongest first, and two groups merge only when their centroids are alike too
 *   (CENTROID): single-link chaining otherwise glues unrelated groups through one bridging message.
 */
import { sharedPhrases, titleRuns } from './hotspot.name.js';
import { isPlaceName, placeOfLocation } from './hotspot.place.js';
import { readMessage, type MessageText } from './hotspot.text.js';

export interface HotspotMessage {
  id: number;
  title: string;
  body: string;
  /** The place field of a ticket, when there is one. */
  location?: string | null;
  /** The service (事项) a dispatcher chose, when there is one. */
  category?: string | null;
  at: Date;
  /** How strongly the public reacted: likes and dislikes, repeated calls, unsatisfied ratings, urging. */
  reaction: number;
}

export interface Hotspot {
  /** Stable for the same members: the first member's id. */
  key: string;
  name: string;
  place: string | null;
  keywords: string[];
  size: number;
  memberIds: number[];
  first: Date;
  last: Date;
  /** Members in the last quarter of the period against a steady share (1 = steady, up to 4 = all of them recent; smoothed by 1). */
  growth: number;
  reaction: number;
  /** What the ranking sorts on: ln(1 + size) + 0.35 ln(1 + reaction) + 0.5 ln(growth), floored at 0; ×0.6 when nothing specific is shared. */
  heat: number;
}

export interface MineOptions {
  /** The period the messages were taken from (growth is measured against it); default: their own span. */
  from?: Date;
  to?: Date;
  minSize?: number;
  limit?: number;
}

const LINK = 0.25;
const SAME_TEXT = 0.5;
const CENTROID = 0.3;
/** Words used in more than this share of the messages are not specific enough to pair messages by. */
const TELLING_SHARE = 0.02;
/** A place word used by more than this share of the messages names a whole town, not the place of one problem. */
const PLACE_SHARE = 0.03;
const TOP_TERMS = 15;
const MAX_POSTING = 300;
const UNFOCUSED = 0.6;
/** A phrase (of three characters or more: two are a word anyone uses) is specific to a group when at least half the titles that use it are the group's. */
const SPECIFIC = 0.5;

interface Vec { ids: Int32Array; w: Float64Array }

/** The cosine of two unit vectors, and how many words they share. */
function dot(a: Vec, b: Vec): { cosine: number; shared: number } {
  let i = 0; let j = 0; let s = 0; let shared = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) { s += a.w[i++]! * b.w[j++]!; shared++; }
    else if (a.ids[i]! < b.ids[j]!) i++;
    else j++;
  }
  return { cosine: s, shared };
}

function mapCosine(a: Map<number, number>, b: Map<number, number>): number {
  let d = 0; let na = 0; let nb = 0;
  for (const [k, x] of a) { na += x * x; const y = b.get(k); if (y !== undefined) d += x * y; }
  for (const y of b.values()) nb += y * y;
  return na && nb ? d / Math.sqrt(na * nb) : 0;
}

export function mineHotspots(messages: readonly HotspotMessage[], opts: MineOptions = {}): Hotspot[] {
  const n = messages.length;
  if (n === 0) return [];
  const texts: MessageText[] = messages.map((m) => readMessage(m.title, m.body, m.location, m.category));
  const vocab = new Map<string, number>();
  const words: string[] = [];
  const idOf = (w: string) => { let i = vocab.get(w); if (i === undefined) { i = words.length; vocab.set(w, i); words.push(w); } return i; };
  const df: number[] = [];
  const placeIds = new Set<number>();
  for (const t of texts) {
    for (const w of t.terms.keys()) { const i = idOf(w); df[i] = (df[i] ?? 0) + 1; }
    for (const w of t.placeWords) placeIds.add(idOf(w));
  }
  const vecs = texts.map((t) => vectorOf(t, idOf, df, n));
  const edges = candidateEdges(vecs, df, placeIds, texts.map((t) => t.placeKey), n);
  const groups = mergeGroups(vecs, edges);
  const minSize = opts.minSize ?? 3;
  const from = opts.from ?? new Date(Math.min(...messages.map((m) => m.at.getTime())));
  const to = opts.to ?? new Date(Math.max(...messages.map((m) => m.at.getTime())));
  const runs = messages.map((m) => titleRuns(m.title || m.body.slice(0, 60)));
  const joined = runs.map((r) => r.join('|'));
  const seen = new Map<string, number>();
  const corpusCount = (p: string) => {
    let c = seen.get(p);
    if (c === undefined) { c = joined.reduce((k, t) => k + (t.includes(p) ? 1 : 0), 0); seen.set(p, c); }
    return c;
  };
  const ctx: Context = { messages, vecs, words, runs, corpusCount, from, to };
  const hotspots = groups.filter((g) => g.length >= minSize).map((g) => describe(g, ctx));
  hotspots.sort((a, b) => b.heat - a.heat || b.size - a.size || a.key.localeCompare(b.key));
  return hotspots.slice(0, opts.limit ?? hotspots.length);
}

function vectorOf(t: MessageText, idOf: (w: string) => number, df: number[], n: number): Vec {
  const entries = [...t.terms].map(([w, c]) => { const i = idOf(w); return [i, (1 + Math.log(c)) * Math.log(1 + n / df[i]!)] as const; })
    .filter(([, x]) => x > 0).sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((s, [, x]) => s + x * x, 0)) || 1;
  return { ids: Int32Array.from(entries, (e) => e[0]), w: Float64Array.from(entries, (e) => e[1] / norm) };
}

/** Pairs that share a telling word, with their cosine, strongest first; only those that also share a place. */
function candidateEdges(
  vecs: readonly Vec[], df: readonly number[], placeIds: ReadonlySet<number>, placeKeys: ReadonlyArray<string | null>, n: number,
): Array<[number, number, number]> {
  // In a small set every word is rare; the floors keep a week of a small town's tickets minable.
  const telling = Math.max(20, n * TELLING_SHARE);
  const placeCap = Math.max(12, n * PLACE_SHARE);
  const postings = new Map<number, number[]>();
  vecs.forEach((v, doc) => {
    const order = [...v.ids.keys()].sort((a, b) => v.w[b]! - v.w[a]!).slice(0, TOP_TERMS);
    for (const k of order) {
      const id = v.ids[k]!;
      if (df[id]! < 2 || df[id]! > telling) continue;
      const list = postings.get(id);
      if (!list) postings.set(id, [doc]);
      else if (list.length < MAX_POSTING) list.push(doc);
    }
  });
  // Two recorded locations are one place when one holds the other (a community holds its compounds); names that
  // merely share a word (书香社区, 书香花园) are not. Without recorded locations, a shared uncommon place word.
  const samePlace = (x: number, y: number) => {
    const kx = placeKeys[x]; const ky = placeKeys[y];
    return kx && ky ? kx.includes(ky) || ky.includes(kx) : sharesPlace(vecs[x]!, vecs[y]!);
  };
  const sharesPlace = (a: Vec, b: Vec) => {
    let i = 0; let j = 0;
    while (i < a.ids.length && j < b.ids.length) {
      if (a.ids[i] === b.ids[j]) {
        const id = a.ids[i]!;
        if (placeIds.has(id) && df[id]! <= placeCap) return true;
        i++; j++;
      } else if (a.ids[i]! < b.ids[j]!) i++;
      else j++;
    }
    return false;
  };
  const seen = new Set<number>();
  const edges: Array<[number, number, number]> = [];
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x]!; const b = list[y]!;
        const key = a * vecs.length + b;
        if (seen.has(key)) continue;
        seen.add(key);
        const { cosine, shared } = dot(vecs[a]!, vecs[b]!);
        // One shared word makes two short texts look alike ("有人…", "一家…"): it takes two, or a near-copy.
        if ((cosine >= SAME_TEXT || (cosine >= LINK && shared >= 2)) && samePlace(a, b)) edges.push([cosine, a, b]);
      }
    }
  }
  return edges.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
}

/** Groups from the edges, strongest first; two groups merge only when their centroids agree. */
function mergeGroups(vecs: readonly Vec[], edges: ReadonlyArray<[number, number, number]>): number[][] {
  const parent = vecs.map((_, i) => i);
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; } return x; };
  const centroid = new Map<number, Map<number, number>>();
  const centroidOf = (root: number) => {
    let c = centroid.get(root);
    if (!c) { c = new Map(); const v = vecs[root]!; v.ids.forEach((id, k) => c!.set(id, v.w[k]!)); centroid.set(root, c); }
    return c;
  };
  for (const [, a, b] of edges) {
    const ra = find(a); const rb = find(b);
    if (ra === rb) continue;
    const ca = centroidOf(ra); const cb = centroidOf(rb);
    if (mapCosine(ca, cb) < CENTROID) continue;
    const [small, large, smallRoot, largeRoot] = ca.size < cb.size ? [ca, cb, ra, rb] : [cb, ca, rb, ra];
    for (const [id, x] of small) large.set(id, (large.get(id) ?? 0) + x);
    parent[smallRoot] = largeRoot;
    centroid.delete(smallRoot);
  }
  const groups = new Map<number, number[]>();
  vecs.forEach((_, i) => { const r = find(i); const g = groups.get(r); if (g) g.push(i); else groups.set(r, [i]); });
  return [...groups.values()];
}

interface Context {
  messages: readonly HotspotMessage[];
  vecs: readonly Vec[];
  words: readonly string[];
  runs: readonly string[][];
  corpusCount(phrase: string): number;
  from: Date;
  to: Date;
}

function describe(group: readonly number[], ctx: Context): Hotspot {
  const { messages, vecs, words, from, to } = ctx;
  const members = [...group].sort((a, b) => messages[a]!.at.getTime() - messages[b]!.at.getTime() || messages[a]!.id - messages[b]!.id);
  const phrases = sharedPhrases(members.map((i) => ctx.runs[i]!), ctx.corpusCount);
  const specific = phrases.filter((p) => p.specificity >= SPECIFIC && p.text.length >= 3);
  const place = recordedPlace(members.map((i) => messages[i]!.location)) ?? specific.find((p) => isPlaceName(p.text))?.text ?? null;
  const headline = withoutPlace(commonTitle(members.map((i) => ctx.runs[i]!.join(''))) ?? phrases.find((p) => !isPlaceName(p.text)
    && !(place ?? '').includes(p.text) && !p.text.includes(place ?? '\u0000'))?.text ?? null, place);
  // Key words: heavy inside the group, and used by several members; the place's own words are the name already.
  const weight = new Map<number, number>();
  const users = new Map<number, number>();
  for (const i of members) vecs[i]!.ids.forEach((id, k) => { weight.set(id, (weight.get(id) ?? 0) + vecs[i]!.w[k]!); users.set(id, (users.get(id) ?? 0) + 1); });
  const keywords = [...weight]
    .filter(([id]) => !words[id]!.startsWith('#') && (users.get(id) ?? 0) >= Math.min(2, members.length) && !(place ?? '').includes(words[id]!))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 4).map(([id]) => words[id]!);
  const span = Math.max(1, to.getTime() - from.getTime());
  const recentFrom = to.getTime() - span / 4;
  const recent = members.filter((i) => messages[i]!.at.getTime() >= recentFrom).length;
  // The last quarter of the period against a steady quarter's share (+1 each, so that one message is not a trend).
  const growth = Math.round(((recent + 1) / (members.length / 4 + 1)) * 100) / 100;
  const reaction = members.reduce((s, i) => s + messages[i]!.reaction, 0);
  // A hotspot is one problem at one place (or one named affair: 58车贷): a group whose members share nothing
  // more specific than a turn of phrase is one writer's theme across places, and counts less.
  const focused = place !== null || specific.length > 0;
  const heat = Math.max(0, Math.log(1 + members.length) + 0.35 * Math.log(1 + reaction) + 0.5 * Math.log(growth)) * (focused ? 1 : UNFOCUSED);
  const what = headline ?? keywords.slice(0, 3).join('、');
  const name = place ? `${place}：${what}` : what;
  return {
    key: `h${Math.min(...members.map((i) => messages[i]!.id))}`, name, place, keywords,
    size: members.length, memberIds: members.map((i) => messages[i]!.id),
    first: messages[members[0]!]!.at, last: messages[members[members.length - 1]!]!.at,
    growth, reaction, heat: Math.round(heat * 1000) / 1000,
  };
}

/** The title most members share word for word (door numbers aside), when at least 40% do: the best name there is. */
function commonTitle(titles: readonly string[]): string | null {
  const count = new Map<string, number>();
  for (const t of titles) if (t.length >= 2) count.set(t, (count.get(t) ?? 0) + 1);
  const [best] = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best && best[1] >= Math.max(2, Math.ceil(titles.length * 0.4)) ? best[0] : null;
}

/** A headline without the place it starts with ("锦华苑小区停水" at 锦华苑小区 → "停水"): the name shows the place already. */
function withoutPlace(headline: string | null, place: string | null): string | null {
  if (!headline || !place) return headline;
  let cut = 0;
  for (let len = 2; len < headline.length; len++) if (place.includes(headline.slice(0, len))) cut = len;
  return headline.slice(cut) || headline;
}

/** The location most members recorded (down to the compound), when at least 40% share it. */
function recordedPlace(locations: ReadonlyArray<string | null | undefined>): string | null {
  const count = new Map<string, number>();
  for (const l of locations) if (l) { const p = placeOfLocation(l); if (p.length >= 2) count.set(p, (count.get(p) ?? 0) + 1); }
  const [best] = [...count].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  return best && best[1] >= Math.max(2, Math.ceil(locations.length * 0.4)) ? best[0] : null;
}
