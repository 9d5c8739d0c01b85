/**
 * The load generator of the intake benchmark, in a worker thread of its own: its event loop then
 * never delays the server's (or is delayed by it), so the latencies are the server's, not the client's.
 * Like wrk or autocannon it speaks HTTP/1.1 over plain sockets (`concurrency` keep-alive connections,
 * each sending its next request as soon as the previous answer is read): node's own HTTP client took
 * more CPU per request than the server's whole intake, and on a machine of two cores the client's CPU is
 * the server's loss.
 */
import net from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface LoadPlan {
  port: number;
  token: string;
  concurrency: number;
  warmup: number;
  requests: number;
  /** Services the operator chooses for half the requests; the other half is left to keyword routing. */
  serviceIds: number[];
}

export interface LoadReport {
  /** Wall time of the timed requests (after the warm-up), in ms. */
  elapsedMs: number;
  /** Latency of each timed request, in ms. */
  latencies: number[];
  /** How many timed requests got each HTTP status (0: no answer). */
  statuses: Record<number, number>;
  firstError: string | null;
}

/** What the hotline types: half name the service, half only describe the problem (routed by keywords). */
const TEXTS = [
  { title: '小区停水两天', description: '幸福社区3栋自前天起停水，自来水水压很低，至今未恢复，家中有老人。' },
  { title: '电梯故障无人修', description: '幸福社区5栋电梯停运一周，物业一直不来修理，楼顶还漏水。' },
];

function body(i: number, serviceIds: readonly number[]): string {
  const text = TEXTS[i % TEXTS.length]!;
  const chosen = (i >> 1) % 2 === 0 ? serviceIds[i % serviceIds.length] : undefined;
  return JSON.stringify({
    ...text, title: `${text.title} ${i}`, channel: 'hotline', requesterName: '王女士',
    requesterPhone: `138${String(i % 100_000_000).padStart(8, '0')}`, location: '城关街道幸福社区',
    ...(chosen === undefined ? {} : { serviceId: chosen }),
  });
}

/** One keep-alive connection: sends a request, reads its answer (status line, headers, Content-Length body). */
class Connection {
  private readonly socket: net.Socket;
  private pending: { resolve: (status: number) => void; reject: (err: Error) => void } | null = null;
  private buffered: Buffer = Buffer.alloc(0);

  constructor(port: number) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    const fail = (err: Error) => {
      this.pending?.reject(err);
      this.pending = null;
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  send(request: Buffer): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  private read(chunk: Buffer) {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const headerEnd = this.buffered.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headerEnd);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    const end = headerEnd + 4 + length;
    if (this.buffered.length < end) return;
    this.buffered = this.buffered.subarray(end);
    const done = this.pending;
    this.pending = null;
    done?.resolve(Number(head.slice(9, 12)));
  }

  close() {
    this.socket.destroy();
  }
}

function request(plan: LoadPlan, i: number): Buffer {
  const payload = Buffer.from(body(i, plan.serviceIds));
  return Buffer.concat([Buffer.from(`POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1:${plan.port}\r\nConnection: keep-alive\r\n`
    + `Content-Type: application/json\r\nAuthorization: Bearer ${plan.token}\r\nContent-Length: ${payload.length}\r\n\r\n`), payload]);
}

async function run(plan: LoadPlan): Promise<LoadReport> {
  const connections = Array.from({ length: plan.concurrency }, () => new Connection(plan.port));
  const statuses: Record<number, number> = {};
  let firstError: string | null = null;
  const phase = async (from: number, count: number, latencies: number[] | null) => {
    let next = from;
    const end = from + count;
    const loop = async (c: Connection) => {
      while (next < end) {
        const payload = request(plan, next++);
        const started = process.hrtime.bigint();
        let status = 0;
        try {
          status = await c.send(payload);
        } catch (err) {
          firstError ??= String(err);
        }
        if (latencies) {
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      }
    };
    await Promise.all(connections.map(loop));
  };
  await phase(0, plan.warmup, null);
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await phase(plan.warmup, plan.requests, latencies);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  for (const c of connections) c.close();
  return { elapsedMs, latencies, statuses, firstError };
}

/** Run the plan in a worker thread (which loads this file through tsx, like bin/mashangban.js). */
export function runLoad(plan: LoadPlan): Promise<LoadReport> {
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: plan });
    let report: LoadReport | undefined;
    worker.once('message', (m: LoadReport) => { report = m; });
    worker.once('error', reject);
    worker.once('exit', (code) => (report ? resolve(report) : reject(new Error(`load worker exited with ${code} and no report`))));
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  run(workerData as LoadPlan).then((report) => port.postMessage(report), (err: unknown) => { throw err; });
}
