import { describe, expect, it } from 'vitest';
import { trainClassifier } from './classifier.js';
import { decodeModel, encodeModel } from './model.codec.js';
import { explain, predict, prepare, rank } from './model.js';

// A small corpus where a few words decide the class: water, schools, traffic.
const WATER = ['小区停水三天', '自来水水压太低', '楼里停水没人管', '供水管道爆裂停水', '自来水发黄停水'];
const SCHOOL = ['学校乱收费', '孩子入学难学位不够', '学校食堂卫生差', '幼儿园收费太高', '学校补课收费'];
const ROADS = ['红绿灯坏了', '公交班次太少', '路口红绿灯时间太短', '公交车司机态度差', '斑马线没有红绿灯'];
const examples = [
  ...WATER.map((t) => ({ input: { title: t, body: `${t}，请尽快处理。` }, label: 'water' })),
  ...SCHOOL.map((t) => ({ input: { title: t, body: `${t}，请尽快处理。` }, label: 'school' })),
  ...ROADS.map((t) => ({ input: { tokens: `${t} 请 尽快 处理` }, label: 'roads' })),
];
const trained = trainClassifier(examples, { holdOut: 0, minDf: 1, bits: 16 });

describe('a trained model', () => {
  const model = prepare(trained.model);

  it('suggests the right class with the top 3, confidences ranked and summing to at most 1', () => {
    const p = predict(model, { title: '停水', body: '我们小区又停水了' });
    expect(p.label).toBe('water');
    expect(p.top3.map((t) => t.label)).toEqual(['water', ...p.top3.slice(1).map((t) => t.label)]);
    expect(p.top3).toHaveLength(3);
    expect(p.top3.reduce((a, t) => a + t.confidence, 0)).toBeLessThanOrEqual(1);
    expect(p.top3[0]!.confidence).toBeGreaterThanOrEqual(p.top3[1]!.confidence);
    expect(predict(model, { tokens: '学校 收费 太高' }).label).toBe('school');
  });

  it('explains a suggestion by the features that weighed most for the chosen class', () => {
    const reasons = explain(model, { title: '停水', body: '我们小区又停水了' });
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.map((r) => r.feature)).toContain('停水');
    expect(reasons.every((r, i) => r.weight > 0 && (i === 0 || reasons[i - 1]!.weight >= r.weight))).toBe(true);
    // Asked about another class, it names what speaks for that one.
    expect(explain(model, { title: '学校停水', body: '' }, 'school').map((r) => r.feature)).toContain('学校');
  });

  it('survives the trip through bytes with the same choice and nearly the same confidence', () => {
    const bytes = encodeModel(trained.model);
    const back = prepare(decodeModel(bytes));
    // Smaller than the float model: bucket, idf and three 4-byte weights per row.
    expect(bytes.length).toBeLessThan(trained.model.buckets.length * (8 + 4 * 3));
    for (const e of examples) {
      const a = rank(model, e.input);
      const b = rank(back, e.input);
      expect(b[0]!.label).toBe(a[0]!.label);
      expect(Math.abs(b[0]!.confidence - a[0]!.confidence)).toBeLessThan(0.02);
    }
  });

  it('refuses bytes that are not a model', () => {
    expect(() => decodeModel(Buffer.from('hello world, not a model'))).toThrow(/bad magic/);
    expect(() => decodeModel(encodeModel(trained.model).subarray(0, 100))).toThrow(/truncated/);
  });
});
