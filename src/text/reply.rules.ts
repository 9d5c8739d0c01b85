/**
 * The reply check (答复质量提示): before a reply goes to the requester, say what a reader would miss in it —
 * nothing but formulae, nothing about the request, nothing done, no time. A hint for the handler and a
 * figure for supervision; it never blocks a reply.
 *
 * Thresholds were chosen on the tuning half of replies.jsonl and are reported on the other half
 * (bench/reply.bench.ts).
 */
import { normalize } from './normalize.js';
import { actionPhrases, hanCount, isInquiry, reportsDone, splitReply, timePhrases } from './reply.phrases.js';
import { contentWords, coverage, keyTerms, topicOverlap, wordShare, type TermStats } from './reply.relevance.js';
import { nearCopies, type PeerIndex, type PeerInput } from './reply.peers.js';

export const REPLY_FLAG_CODES = ['too_short', 'boilerplate', 'low_relevance', 'no_action', 'no_time'] as const;
export type ReplyFlagCode = (typeof REPLY_FLAG_CODES)[number];

export interface ReplyFlag { code: ReplyFlagCode; message: string; messageEn: string; evidence?: string[] }

export interface ReplyCheck {
  flags: ReplyFlag[];
  /** Weighted share of the request's key words that the reply mentions, 0–1. */
  relevance: number;
  /** The request asks to be told something (咨询): an action or a time is not expected. */
  inquiry: boolean;
  /** The clauses that say what was or will be done, and the times found. */
  actions: string[];
  times: string[];
}

export interface ReplyRequest { title: string; description: string }

export interface ReplyThresholds {
  /** Fewer characters than this outside the formulae: nothing specific is said. */
  minSubstance: number;
  /** Relevance below this, and fewer than `lowWordShare` of all the request's words: the reply is about something else. */
  lowRelevance: number;
  lowWordShare: number;
  /** Share of a reply's substance found in a reply to an unrelated request: a pasted template. */
  copyShare: number;
  /** A copy counts only when it speaks to this request less than this (relevance): fitting answers may repeat. */
  copyRelevance: number;
  /** A request whose key words another request mentions at least this much is on the same topic. */
  sameTopic: number;
  /** Fewer Chinese characters than `minSubstance`, for a consultation: "居住证有效期为一年" answers it. */
  minInquirySubstance: number;
}

export const DEFAULT_REPLY_THRESHOLDS: ReplyThresholds = { minSubstance: 20, lowRelevance: 0.1, lowWordShare: 0.15, copyShare: 0.8, copyRelevance: 0.3, sameTopic: 0.2, minInquirySubstance: 10 };

export interface ReplyCheckOptions {
  /** Document frequencies over the platform's requests (idf); without them every word weighs alike. */
  stats?: TermStats;
  /** Replies given to other requests, for pasted templates. */
  peers?: PeerIndex;
  thresholds?: Partial<ReplyThresholds>;
}

const MESSAGES: Record<ReplyFlagCode, { zh: string; en: string }> = {
  too_short: { zh: '答复过短，未说明办理情况', en: 'The reply is too short to say what was done' },
  boilerplate: { zh: '答复只有客套话（收悉、转办、感谢等），没有针对本诉求的具体内容', en: 'The reply is only formulae (received, passed on, thanks) with nothing specific to this request' },
  low_relevance: { zh: '答复与诉求内容关联度低，未提及诉求要点', en: 'The reply hardly touches what the request is about' },
  no_action: { zh: '答复未说明已做或将做什么（如现场核查、责令整改、安排维修）', en: 'The reply does not say what was or will be done (an inspection, an order to fix, a repair)' },
  no_time: { zh: '答复未说明已办结，也没有写明办理时间或期限（如“3个工作日内”“12月底前”）', en: 'The reply neither reports the work done nor gives a date or deadline ("within 3 working days", "by the end of December")' },
};

const flag = (code: ReplyFlagCode, evidence?: string[], zh?: string, en?: string): ReplyFlag => ({
  code, message: zh ?? MESSAGES[code].zh, messageEn: en ?? MESSAGES[code].en, ...(evidence?.length ? { evidence } : {}),
});

// The request's title quoted back ("关于您反映的“某小区停水问题”") shows the reply was filed, not that it
// answers; a short quoted phrase ("打鱼机", "徐家巷改造") is the reply naming the matter, and stays.
const QUOTED = /[“"「『《]([^”"」』》]{4,80})[”"」』》]/g;

function withoutTitle(text: string, title: string): string {
  const own = pairsOf(title);
  if (own.size < 4) return text;
  return text.replace(QUOTED, (m, inner: string) => {
    let hit = 0;
    for (const p of pairsOf(inner)) if (own.has(p)) hit++;
    return hit >= 0.6 * own.size ? '' : m;
  });
}

function pairsOf(text: string): Set<string> {
  const chars = [...text].filter((c) => /[\p{Script=Han}A-Za-z0-9]/u.test(c));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Check a reply against its request. Pure: what it knows of other tickets comes in `options`. */
export function checkReply(request: ReplyRequest, reply: string, options: ReplyCheckOptions = {}): ReplyCheck {
  const th = { ...DEFAULT_REPLY_THRESHOLDS, ...options.thresholds };
  const title = normalize(request.title);
  const description = normalize(request.description);
  const inquiry = isInquiry(title);
  const text = normalize(reply);
  const { formulae, substance } = splitReply(text);
  const whole = substance.join('，');
  const said = withoutTitle(whole, title);
  const terms = keyTerms(title, description, options.stats);
  // Quoting the request's title makes no answer (counted out of the substance) but names the matter.
  const cover = coverage(terms, whole);
  const actions = actionPhrases(substance);
  const times = timePhrases(said);
  const result = (flags: ReplyFlag[]): ReplyCheck => ({ flags, relevance: Math.round(cover.relevance * 1000) / 1000, inquiry, actions, times });

  const substanceChars = hanCount(said);
  if (substanceChars < (inquiry ? th.minInquirySubstance : th.minSubstance)) {
    // Mostly formulae ("网友您好！留言已收悉"): a template; little of anything ("此事正在调查处理中"): a fragment.
    const formulaChars = hanCount(formulae.join(''));
    // The evidence quotes the telling formulae ("您的留言已收悉"), not the greeting.
    const quoted = formulae.filter((f) => hanCount(f) >= 4).slice(0, 3);
    return result([formulaChars >= 4 && formulaChars >= substanceChars ? flag('boilerplate', quoted) : flag('too_short')]);
  }
  const flags: ReplyFlag[] = [];
  const copy = cover.relevance < th.copyRelevance && options.peers ? unrelatedCopy(options.peers, `${title} ${description}`, said, th, options.stats) : undefined;
  if (copy) {
    const pct = Math.round(copy.share * 100);
    flags.push(flag('boilerplate', [String(copy.id)], `答复与另一件不相关诉求的答复几乎相同（${pct}% 雷同），像是套用的模板`,
      `The reply is ${pct}% the same as the reply to an unrelated request: a pasted template`));
  }
  // A request without two content words (e.g. "求助") gives nothing to measure the reply against.
  if (terms.length >= 2 && cover.relevance < th.lowRelevance && wordShare(contentWords(`${title} ${description}`), whole) < th.lowWordShare) {
    flags.push(flag('low_relevance', cover.missing.slice(0, 5)));
  }
  if (!inquiry && actions.length === 0) flags.push(flag('no_action'));
  // Work reported done speaks for itself; work promised or not begun needs a date the requester can hold
  // the unit to, and the callback (回访) can check.
  if (!inquiry && times.length === 0 && !reportsDone(text)) flags.push(flag('no_time'));
  return result(flags);
}

// Requests on one topic (one compound, one bus line) may rightly get one answer; another topic may not.
function unrelatedCopy(peers: PeerIndex, requestText: string, said: string, th: ReplyThresholds, stats: TermStats | undefined) {
  const copies = nearCopies(peers, said, th.copyShare);
  if (copies.length === 0) return undefined;
  const words = contentWords(requestText);
  return copies.find((p) => topicOverlap(words, p.requestWords, stats) < th.sameTopic);
}

/** A reply already given, as the copy check reads it (for `indexPeers`). */
export function replyPeer(id: number | string, request: ReplyRequest, reply: string): PeerInput {
  const title = normalize(request.title);
  return {
    id,
    requestWords: contentWords(`${title} ${normalize(request.description)}`),
    substance: withoutTitle(splitReply(normalize(reply)).substance.join('，'), title),
  };
}
