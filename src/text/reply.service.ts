/**
 * The reply check with what the platform knows: word frequencies over its recent requests and the replies
 * it has recently given. Both are read once every few minutes per database and kept in memory: a check runs
 * on every pause in the handler's typing and must take milliseconds.
 */
import type { Db, Queryable } from '../platform/database/db.js';
import { normalize } from './normalize.js';
import { indexPeers, type PeerIndex } from './reply.peers.js';
import { termStats, type TermStats } from './reply.relevance.js';
import { checkReply, replyPeer, type ReplyCheck, type ReplyRequest } from './reply.rules.js';
import { recentReplies, recentRequests } from './reply.repository.js';

export interface ReplyContext { stats: TermStats; peers: PeerIndex }

// Enough requests for stable frequencies and enough replies to catch a template in use, read in about a
// second; a template pasted longer ago than the last 2,000 replies is no longer the unit's habit.
const REQUESTS = 5000;
const REPLIES = 2000;
const FRESH_MS = 10 * 60_000;

const cache = new Map<Db, { at: number; context: Promise<ReplyContext> }>();

async function load(q: Queryable): Promise<ReplyContext> {
  const [requests, replies] = await Promise.all([recentRequests(q, REQUESTS), recentReplies(q, REPLIES)]);
  return {
    stats: termStats(requests.map((r) => normalize(`${r.title} ${r.description}`))),
    peers: indexPeers(replies.map((r) => replyPeer(r.id, r, r.replyText))),
  };
}

/** The context of a check, at most ten minutes old. Concurrent callers share one load. */
export function replyContext(db: Db, now: Date): Promise<ReplyContext> {
  const entry = cache.get(db);
  if (entry && now.getTime() - entry.at < FRESH_MS && now.getTime() >= entry.at) return entry.context;
  const context = load(db);
  cache.set(db, { at: now.getTime(), context });
  context.catch(() => cache.delete(db));
  return context;
}

/** Forget what was read (between tests, which run several databases in one process). */
export function forgetReplyContexts(): void {
  cache.clear();
}

export async function checkTicketReplyText(db: Db, request: ReplyRequest, reply: string, now: Date): Promise<ReplyCheck> {
  return checkReply(request, reply, await replyContext(db, now));
}
