/**
 * The bundled server's start in the states a killed run leaves behind: a server still running (adopted),
 * and a lock file whose pid now belongs to another process of the server's user (removed, then started).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledServer, type BundledServer } from './bundled.js';

const external = process.env.MSB_TEST_TARGET === 'external';

async function query(url: string): Promise<number> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query<{ n: number }>('SELECT 1 AS n')).rows[0]!.n;
  } finally {
    await c.end();
  }
}

describe.skipIf(external)('starting the bundled PostgreSQL server after a killed run', () => {
  let dir = '';
  const started: BundledServer[] = [];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msb-bundled-'));
    await fs.chmod(dir, 0o755);
  });
  afterAll(async () => {
    for (const s of started.reverse()) await s.stop().catch(() => {});
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('adopts a server left running, and stops it when done', async () => {
    const first = await startBundledServer(dir);
    started.push(first);
    const messages: string[] = [];
    const second = await startBundledServer(dir, (m) => messages.push(m));
    expect(second.url).toBe(first.url);
    expect(messages.join('\n')).toMatch(/Adopting/);
    expect(await query(second.url)).toBe(1);
    await second.stop();
    await expect(query(first.url)).rejects.toThrow();
  }, 120_000);

  it('removes a lock file whose pid was reused by another process of the same user, and starts', async () => {
    const server = await startBundledServer(dir);
    const lock = path.join(dir, 'pg', 'postmaster.pid');
    const contents = await fs.readFile(lock, 'utf8');
    await server.stop();
    // A process of the server's own user, as after a kill -9 when the pid goes to another PostgreSQL's backend.
    const asRoot = process.getuid?.() === 0;
    const ids = asRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
    const impostor = spawn('sleep', ['60'], { ...ids, stdio: 'ignore' });
    try {
      const lines = contents.split('\n');
      lines[0] = String(impostor.pid);
      await fs.writeFile(lock, lines.join('\n'));
      const messages: string[] = [];
      const restarted = await startBundledServer(dir, (m) => messages.push(m));
      started.push(restarted);
      expect(messages.join('\n')).toMatch(/no longer running/);
      expect(await query(restarted.url)).toBe(1);
    } finally {
      impostor.kill('SIGKILL');
    }
  }, 120_000);
});
