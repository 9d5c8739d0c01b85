/** The shared replies.jsonl (real requests with the government's reply), read at test and bench time, never copied here. */
import fs from 'node:fs';
import path from 'node:path';
import { GOV_MESSAGES } from './text.testing.js';
import { hashString } from './features.js';
import { normalize } from './normalize.js';
import { indexPeers, type PeerIndex } from './reply.peers.js';
import { termStats, type TermStats } from './reply.relevance.js';
import { replyPeer } from './reply.rules.js';

export interface RepliedMessage { id: number; title: string; body: string; reply: string }

const FILE = path.join(GOV_MESSAGES, 'replies.jsonl');

export const hasReplies = () => fs.existsSync(FILE);

export function readReplies(): RepliedMessage[] {
  return fs.readFileSync(FILE, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
    const o = JSON.parse(l) as { id: number; title: string | null; body: string | null; reply: string | null };
    return { id: o.id, title: o.title ?? '', body: o.body ?? '', reply: o.reply ?? '' };
  });
}

// Fixed before any tuning: thresholds are chosen on the tuning half and reported on the other.
export const REPLY_SPLIT_SEED = 2816;

/** The half a message belongs to, from a seeded hash of its id: the same whatever the file's order. */
export function splitReplies(all: readonly RepliedMessage[]): { tuning: RepliedMessage[]; report: RepliedMessage[] } {
  const inReport = (m: RepliedMessage) => hashString(String(m.id), REPLY_SPLIT_SEED) % 2 === 0;
  return { tuning: all.filter((m) => !inReport(m)), report: all.filter(inReport) };
}

/**
 * What the platform would know when a reply is checked, built from the whole file: word frequencies over
 * every request and the replies given to the others (each request finds its own reply among them, and the
 * check sets it aside as the same topic).
 */
export function corpusContext(all: readonly RepliedMessage[]): { stats: TermStats; peers: PeerIndex } {
  return {
    stats: termStats(all.map((m) => normalize(`${m.title} ${m.body}`))),
    peers: indexPeers(all.map((m) => replyPeer(m.id, { title: m.title, description: m.body }, m.reply))),
  };
}
