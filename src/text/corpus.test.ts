import { describe, expect, it } from 'vitest';
import { CorpusError, labelled, parseJsonl } from './corpus.js';

describe('JSONL corpora', () => {
  it('reads raw messages and segmented ones, in order, skipping blank lines', () => {
    const records = parseJsonl([
      '{"id":1,"title":"小区停水","body":"三天没水了","label":"城乡建设","time":"2020/1/6"}',
      '',
      '{"label":"教育文体","tokens":"学校 收费 过高"}',
      '{"title":null,"body":"标题与正文连在一起"}',
    ].join('\n'));
    expect(records.map((r) => r.line)).toEqual([1, 3, 4]);
    expect(records[0]!.input).toEqual({ title: '小区停水', body: '三天没水了' });
    expect(records[1]).toMatchObject({ input: { tokens: '学校 收费 过高' }, label: '教育文体' });
    expect(records[2]).toMatchObject({ input: { title: null, body: '标题与正文连在一起' }, label: null });
  });

  it('names the line of a broken record', () => {
    expect(() => parseJsonl('{"body":"x"}\n{oops')).toThrow(new CorpusError(2, 'not valid JSON'));
    expect(() => parseJsonl('[1,2]')).toThrow(/line 1: expected a JSON object/);
    expect(() => parseJsonl('{"label":"a"}')).toThrow(/line 1: expected "title" and "body", or "tokens"/);
  });

  it('refuses training data without labels', () => {
    expect(() => labelled(parseJsonl('{"body":"x","label":"a"}\n{"body":"y"}'))).toThrow(/line 2: expected a "label"/);
  });
});
