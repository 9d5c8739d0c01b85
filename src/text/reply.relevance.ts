/**
 * Does the reply speak of what the request is about? The request's content words (jieba, our domain
 * dictionary), weighted by how rare they are among the platform's requests (idf from a document-frequency
 * table the caller gives, so the rule stays pure), and the weighted share of them the reply mentions.
 * A word the reply writes differently (景蓉华苑 / 景蓉花苑) counts by the share of its character pairs
 * found in the reply.
 */
import { words } from './tokenize.js';

/** How many requests contain each word: the idf table. Built by `termStats` from the platform's tickets. */
export interface TermStats { docs: number; df: ReadonlyMap<string, number> }

// Words that every request uses to ask, which say nothing of what it is about.
const ASKING = new Set([
  '反映', '请求', '投诉', '举报', '咨询', '关于', '要求', '建议', '相关', '部门', '有关', '解决', '处理', '政府', '市民', '群众',
  '居民', '网友', '老百姓', '希望', '严重', '一下', '是否', '能否', '可以', '请问', '为何', '何时', '尽快', '不能', '不是', '一样',
  '大家', '本人', '我家', '自己', '今年', '去年', '每天', '时间', '时候', '进行', '已经', '导致', '造成', '存在', '出现', '还是', '不到',
]);

const isContent = (w: string) => !ASKING.has(w) && !/^[0-9.]+$/.test(w) && (/\p{Script=Han}.*\p{Script=Han}/u.test(w) || /^(?=.*[a-z])[a-z0-9]{3,}$/.test(w));

// The public data masks places as "A8县", "B市": set apart, so that the segmenter does not glue the mask
// to the next word ("县双" of "A8县双凫铺").
const MASKED_PLACE = /([A-Za-z][0-9]{0,2}(?:省|市|区|县))/g;

const segment = (normalised: string) => words(normalised.replace(MASKED_PLACE, ' $1 ')).filter(isContent);

/** The distinct content words of a normalised text. */
export function contentWords(normalised: string): string[] {
  return [...new Set(segment(normalised))];
}

/** Document frequencies of content words over texts (the platform's requests). */
export function termStats(normalisedTexts: Iterable<string>): TermStats {
  const df = new Map<string, number>();
  let docs = 0;
  for (const text of normalisedTexts) {
    docs++;
    for (const w of contentWords(text)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return { docs, df };
}

// Below this many requests the table says more about chance than about words: weigh words alike.
const MIN_DOCS = 50;

export function idf(stats: TermStats | undefined, word: string): number {
  if (!stats || stats.docs < MIN_DOCS) return 1;
  return Math.log((1 + stats.docs) / (1 + (stats.df.get(word) ?? 0))) + 1;
}

export interface KeyTerm { word: string; weight: number }

// The title says what the request is about; the body adds the words it repeats. A word the body uses
// once is mostly narrative ("妈妈", "起床"), and rare, so idf would make it weigh the most.
const TITLE_WEIGHT = 3;
/** How many of the request's words decide. */
export const KEY_TERMS = 8;
// Route and house numbers of the title ("204路", "809路") name the thing; years do not.
const TITLE_NUMBER = /(?<![0-9])[0-9]{2,4}(?![0-9]|年)/g;
// A request without a title (or with a title of one word) is read from where its title would be.
const LEAD_CHARS = 60;

/** The request's key words, heaviest first: (title uses × 3 + body uses, damped) × idf. Normalised input. */
export function keyTerms(title: string, description: string, stats?: TermStats): KeyTerm[] {
  const inTitle = [...segment(title), ...(title.match(TITLE_NUMBER) ?? [])];
  const lead = inTitle.length < 2 ? segment(description.slice(0, LEAD_CHARS)) : [];
  const count = new Map<string, number>();
  for (const w of [...inTitle, ...lead]) count.set(w, (count.get(w) ?? 0) + TITLE_WEIGHT);
  const body = new Map<string, number>();
  for (const w of segment(description)) body.set(w, (body.get(w) ?? 0) + 1);
  for (const [w, n] of body) if (n >= 2 || count.has(w)) count.set(w, (count.get(w) ?? 0) + n);
  return [...count].map(([word, n]) => ({ word, weight: (1 + Math.log(n)) * idf(stats, word) }))
    .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1))
    .slice(0, KEY_TERMS);
}

function charPairs(text: string): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

// What a requester and an official call the same thing differently (read off replies.jsonl).
const SAME_THING: Record<string, readonly string[]> = {
  的士: ['出租车', '出租汽车'], 出租车: ['的士'], 司机: ['驾驶员'], 驾驶员: ['司机'], 噪音: ['噪声'], 噪声: ['噪音'],
  地铁: ['轨道交通', '号线'], 红绿灯: ['信号灯', '信号'], 信号灯: ['红绿灯'], 公交车: ['公交'], 物管: ['物业'],
  小孩: ['子女', '学生', '孩子'], 孩子: ['子女', '学生', '小孩'], 读书: ['入学', '就读', '上学'], 上学: ['入学', '就读'],
  房产证: ['不动产权', '不动产证', '产权证'], 不动产证: ['房产证', '不动产权'], 修路: ['道路', '硬化'], 水泥路: ['硬化', '道路'],
  绿带: ['绿化'], 完工: ['完成', '竣工'], 开通: ['通车', '运营'], 污染: ['排放', '环保'], 垃圾: ['清运', '保洁'],
  拖欠: ['欠薪', '支付', '发放'], 工资: ['薪', '工资款', '劳动报酬'], 乱收费: ['收费'], 违建: ['违法建设', '违章建筑', '拆除'],
};

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A short word written out in full by the other side: 公租房 / 公共租赁住房, 新农合 / 新型农村合作医疗,
 * 种菜 / 种植蔬菜 — its characters in order, at most two apart, within one clause.
 */
function spelledOut(word: string, reply: string): boolean {
  const chars = [...word];
  if (chars.length < 2 || chars.length > 4) return false;
  return new RegExp(chars.map(escape).join('[^,，。;；]{0,2}')).test(reply);
}

// Spelled out is nearly as good as written so: the reader sees the same thing.
const SPELLED_OUT = 0.8;

/** How much of a word the reply contains: 1 when written out, else the share of its character pairs. */
function found(word: string, reply: string, pairs: Set<string>): number {
  if (reply.includes(word) || SAME_THING[word]?.some((w) => reply.includes(w))) return 1;
  if (spelledOut(word, reply)) return SPELLED_OUT;
  const own = charPairs(word);
  let hit = 0;
  for (const p of own) if (pairs.has(p)) hit++;
  return own.size ? hit / own.size : 0;
}

export interface Coverage { relevance: number; missing: string[]; matched: string[] }

/** The weighted share of the key terms the reply mentions (0 when the request has no content words). */
export function coverage(terms: readonly KeyTerm[], normalisedReply: string): Coverage {
  const reply = normalisedReply.toLowerCase();
  const pairs = charPairs(reply);
  let total = 0;
  let hit = 0;
  const missing: string[] = [];
  const matched: string[] = [];
  for (const t of terms) {
    const f = found(t.word, reply, pairs);
    total += t.weight;
    hit += t.weight * f;
    (f >= 0.5 ? matched : missing).push(t.word);
  }
  return { relevance: total > 0 ? hit / total : 0, missing, matched };
}

/**
 * How much two requests are about the same thing: the idf weight of the words they share over the
 * weight of the smaller one's words (requests on one compound or one bus line share their rare words).
 */
export function topicOverlap(a: readonly string[], b: readonly string[], stats?: TermStats): number {
  const [small, large] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  let shared = 0;
  let total = 0;
  for (const w of small) {
    const weight = idf(stats, w);
    total += weight;
    if (large.has(w)) shared += weight;
  }
  return total > 0 ? shared / total : 0;
}

/**
 * The plain share of all the request's content words that the reply mentions, each word alike: a reply
 * in its own words ("安置" for "转业") still shares some of a long request's vocabulary.
 */
export function wordShare(requestWords: readonly string[], normalisedReply: string): number {
  if (requestWords.length === 0) return 0;
  const reply = normalisedReply.toLowerCase();
  const pairs = charPairs(reply);
  return requestWords.filter((w) => found(w, reply, pairs) >= 0.5).length / requestWords.length;
}
