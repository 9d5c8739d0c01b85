/**
 * Messages for the hotspot miner from JSON lines, as in the shared hot.jsonl and as anyone can export them:
 * `{ "id", "title", "body", "time", "likes"?, "dislikes"?, "location"? }`. Times without a zone are Beijing time
 * ("2019/2/28 11:25:05" or "2019-02-28 11:25:05").
 */
import { CorpusError } from '../text/corpus.js';
import type { HotspotMessage } from './hotspot.rules.js';

const LOCAL_TIME = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function parseLocalTime(text: string): Date | null {
  const m = LOCAL_TIME.exec(text.trim());
  if (!m) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s)));
}

export function parseHotspotLines(text: string): HotspotMessage[] {
  const out: HotspotMessage[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new CorpusError(line, 'not valid JSON');
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new CorpusError(line, 'expected a JSON object');
    const title = typeof o.title === 'string' ? o.title : '';
    const body = typeof o.body === 'string' ? o.body : '';
    if (!title && !body) throw new CorpusError(line, 'expected "title" or "body"');
    const at = typeof o.time === 'string' ? parseLocalTime(o.time) : null;
    if (!at) throw new CorpusError(line, 'expected "time", e.g. "2019-02-28 11:25:05"');
    const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
    out.push({
      id: typeof o.id === 'number' ? o.id : line, title, body, at,
      location: typeof o.location === 'string' ? o.location : null,
      reaction: count(o.likes) + count(o.dislikes),
    });
  });
  return out;
}
