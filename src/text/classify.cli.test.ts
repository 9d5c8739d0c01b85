import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_MESSAGES, hasGovMessages } from './text.testing.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/mashangban.js');

// `mashangban classify` as anyone would run it: a child process, files in, JSON lines out, no database.
describe.skipIf(!hasGovMessages())('mashangban classify', () => {
  let dir: string;
  const lines = async (file: string, from: number, count: number) =>
    (await fs.readFile(path.join(GOV_MESSAGES, file), 'utf8')).split('\n').filter(Boolean).filter((_, i) => i % 7 === from % 7).slice(0, count);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msb-classify-'));
    await fs.writeFile(path.join(dir, 'raw.jsonl'), `${(await lines('train.jsonl', 0, 250)).join('\n')}\n`);
    await fs.writeFile(path.join(dir, 'seg.jsonl'), `${(await lines('train-segmented.jsonl', 0, 250)).join('\n')}\n`);
    // Messages to classify: raw ones it has not seen, one without a label, one given as tokens.
    const input = [...(await lines('train.jsonl', 3, 12)), '{"title":null,"body":"小区停水三天了，物业也不管"}', '{"tokens":"学校 乱 收费"}'];
    await fs.writeFile(path.join(dir, 'input.jsonl'), `${input.join('\n')}\n`);
  });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('writes one line per input, in order, each with its label, confidence and three ranked entries', async () => {
    const { stdout, stderr } = await run('node', [BIN, 'classify', '--train', path.join(dir, 'raw.jsonl'), '--train', path.join(dir, 'seg.jsonl'), '--input', path.join(dir, 'input.jsonl')], { timeout: 120_000 });
    expect(stderr).toMatch(/Trained on 500 messages, 7 labels/);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as { label: string; confidence: number; top3: { label: string; confidence: number }[] });
    expect(out).toHaveLength(14);
    for (const o of out) {
      expect(o.top3).toHaveLength(3);
      expect(o.label).toBe(o.top3[0]!.label);
      expect(o.confidence).toBe(o.top3[0]!.confidence);
      expect(o.top3.reduce((a, t) => a + t.confidence, 0)).toBeLessThanOrEqual(1);
      expect(new Set(o.top3.map((t) => t.label)).size).toBe(3);
    }
    expect(out[13]!.label).toBe('教育文体');
  });

  it('evaluates labelled messages: accuracy, macro-F1, per-class F1 and the confusion matrix', async () => {
    const { stdout } = await run('node', [BIN, 'classify', '--train', path.join(dir, 'raw.jsonl'), '--eval', path.join(dir, 'seg.jsonl')], { timeout: 120_000 });
    expect(stdout).toMatch(/accuracy\s+0\.\d{4}/);
    expect(stdout).toMatch(/macro-F1\s+0\.\d{4}/);
    expect(stdout).toContain('confusion');
    expect(stdout).toContain('劳动和社会保障');
  });

  it('says what is wrong with a broken file', async () => {
    await fs.writeFile(path.join(dir, 'broken.jsonl'), '{"body":"x","label":"a"}\n{oops\n');
    await expect(run('node', [BIN, 'classify', '--train', path.join(dir, 'broken.jsonl'), '--input', path.join(dir, 'input.jsonl')])).rejects.toMatchObject({ stderr: expect.stringMatching(/broken\.jsonl: line 2: not valid JSON/) });
  });
});
