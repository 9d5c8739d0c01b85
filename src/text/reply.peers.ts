/**
 * Replies near-identical to replies given to unrelated requests: a stock text pasted whatever was asked.
 * Compared on what the replies say once their formulae are set aside (greetings and thanks are alike
 * everywhere and are judged by the formula rule), as overlapping runs of four characters.
 */
import { textUnits } from './features.js';

/** A reply given elsewhere: its request's content words (`contentWords`) and what the reply says (`splitReply`). */
export interface PeerInput { id: number | string; requestWords: readonly string[]; substance: string }

export interface PeerIndex {
  peers: { id: number | string; requestWords: readonly string[] }[];
  postings: Map<number, number[]>;
}

const SHINGLE = 4;
// Too few runs of four characters to tell a stock text from a short answer that happens to be alike.
const MIN_SHINGLES = 12;

function shingles(text: string, n = SHINGLE): Set<number> {
  const units = textUnits(text);
  const out = new Set<number>();
  for (let i = 0; i + n <= units.length; i++) {
    let h = 0x811c9dc5 ^ n;
    for (let j = i; j < i + n; j++) h = Math.imul(h ^ units[j]!, 16777619);
    out.add(h >>> 0);
  }
  return out;
}

/** An index of replies already given (normalised request text and reply substance). */
export function indexPeers(list: readonly PeerInput[]): PeerIndex {
  const postings = new Map<number, number[]>();
  const peers = list.map((p, i) => {
    const own = shingles(p.substance);
    for (const s of own) {
      const l = postings.get(s);
      if (l) l.push(i); else postings.set(s, [i]);
    }
    return { id: p.id, requestWords: p.requestWords };
  });
  return { peers, postings };
}

export interface PeerMatch { id: number | string; requestWords: readonly string[]; share: number }

/**
 * Replies given elsewhere that hold at least `minShare` of this reply's substance, most alike first.
 * Whether their requests were about something else is the caller's judgement.
 */
export function nearCopies(index: PeerIndex, substance: string, minShare: number): PeerMatch[] {
  const own = shingles(substance);
  if (own.size < MIN_SHINGLES) return [];
  const shared = new Map<number, number>();
  for (const s of own) for (const i of index.postings.get(s) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  const out: PeerMatch[] = [];
  for (const [i, n] of shared) {
    if (n / own.size >= minShare) out.push({ ...index.peers[i]!, share: n / own.size });
  }
  return out.sort((a, b) => b.share - a.share);
}
