import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/mashangban.js');

// `mashangban hotspots` as anyone would run it: a child process, a JSONL file in, the ranked hotspots out.
describe('mashangban hotspots', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msb-hotspots-'));
    const lines = [
      ...[1, 2, 3, 4, 5].map((i) => ({ id: i, title: `锦华苑小区${i}栋停水`, body: `锦华苑小区${i}栋又停水了，二次供水泵房故障。`, time: `2026/11/${i + 2} 09:00:00`, likes: i })),
      { id: 10, title: '路灯不亮', body: '湖东村村口路灯坏了', time: '2026-11-05 10:00:00' },
      { id: 11, title: '占道经营', body: '文化路夜市摊贩占道', time: '2026-11-06 10:00:00' },
    ];
    await fs.writeFile(path.join(dir, 'in.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    await fs.writeFile(path.join(dir, 'bad.jsonl'), '{"id":1,"title":"停水"}\n');
  });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('prints the hotspots ranked, as a table or as JSON lines', async () => {
    const { stdout, stderr } = await run('node', [BIN, 'hotspots', path.join(dir, 'in.jsonl')], { timeout: 120_000 });
    expect(stderr).toMatch(/7 messages mined/);
    expect(stdout).toMatch(/^ 1\. 锦华苑小区.*\(5 messages, 2026-11-03–2026-11-07, reaction 15/m);
    const json = await run('node', [BIN, 'hotspots', path.join(dir, 'in.jsonl'), '--json'], { timeout: 120_000 });
    const [first] = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { rank: number; size: number; memberIds: number[] });
    expect(first).toMatchObject({ rank: 1, size: 5, memberIds: [1, 2, 3, 4, 5] });
  }, 120_000);

  it('says which line is wrong', async () => {
    await expect(run('node', [BIN, 'hotspots', path.join(dir, 'bad.jsonl')], { timeout: 60_000 })).rejects.toMatchObject({ stderr: expect.stringMatching(/line 1: expected "time"/) });
  }, 60_000);
});
