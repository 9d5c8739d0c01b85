/**
 * Labelled messages as JSON lines, the format of the shared data and of `mashangban classify`:
 * `{ "title", "body", "label" }` (raw text; title may be null) or `{ "tokens", "label" }` (text
 * segmented elsewhere, tokens separated by spaces). The label is optional for messages to classify.
 */
import type { TextInput } from './features.js';

export interface CorpusRecord { input: TextInput; label: string | null; line: number }

export class CorpusError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CorpusError';
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** One JSON line as a message; refuses lines that are not objects or carry no text. */
export function parseRecord(text: string, line: number): CorpusRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorpusError(line, 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CorpusError(line, 'expected a JSON object');
  const o = value as Record<string, unknown>;
  const label = o.label === undefined || o.label === null ? null : String(o.label);
  if (Array.isArray(o.tokens) || isText(o.tokens)) {
    const tokens = isText(o.tokens) ? o.tokens : o.tokens.map(String);
    return { input: { tokens }, label, line };
  }
  const title = isText(o.title) ? o.title : null;
  const body = isText(o.body) ? o.body : isText(o.text) ? o.text : null;
  if (title === null && body === null) throw new CorpusError(line, 'expected "title" and "body", or "tokens"');
  return { input: { title, body: body ?? '' }, label, line };
}

/** Every non-blank line of a JSONL text, in order. */
export function parseJsonl(text: string): CorpusRecord[] {
  const out: CorpusRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l) out.push(parseRecord(l, i + 1));
  }
  return out;
}

/** Labelled records only; a record without a label is refused (training data must say its class). */
export function labelled(records: readonly CorpusRecord[]): { input: TextInput; label: string }[] {
  return records.map((r) => {
    if (r.label === null || r.label === '') throw new CorpusError(r.line, 'expected a "label"');
    return { input: r.input, label: r.label };
  });
}
