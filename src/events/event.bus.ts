/**
 * Live updates for the console (server-sent events). A change is announced with pg_notify inside the
 * transaction that makes it, so PostgreSQL delivers it only on commit, to every server process sharing
 * the database; each process fans it out to the browsers connected to it.
 */
import type pg from 'pg';
import type { Queryable } from '../platform/database/db.js';
import type { Db } from '../platform/database/db.js';

export const CHANNEL = 'msb_events';

export interface LiveEvent {
  type: 'ticket';
  id: number;
  action: string;
  status: string;
  /** Units whose subtrees may see it; empty = district-wide roles only. */
  unitPaths: string[];
  at: string;
}

export async function publish(q: Queryable, e: LiveEvent): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(e)]);
}

type Listener = (e: LiveEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();
  private client: pg.PoolClient | null = null;
  private closed = false;

  constructor(private readonly db: Db) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.client) void this.connect();
    return () => this.listeners.delete(listener);
  }

  private async connect(): Promise<void> {
    if (this.closed || this.client) return;
    try {
      const client = await this.db.connect();
      this.client = client;
      client.on('notification', (msg) => {
        if (msg.channel !== CHANNEL || !msg.payload) return;
        const event = JSON.parse(msg.payload) as LiveEvent;
        for (const l of this.listeners) l(event);
      });
      // A lost connection (database restart) is replaced; events during the gap are not replayed,
      // and the console reloads its lists when the stream reconnects.
      client.on('error', () => this.drop(client));
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      this.client = null;
      if (!this.closed) setTimeout(() => void this.connect(), 2000).unref();
    }
  }

  private drop(client: pg.PoolClient): void {
    if (this.client !== client) return;
    this.client = null;
    client.release(true);
    if (!this.closed && this.listeners.size) setTimeout(() => void this.connect(), 1000).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    if (c) {
      await c.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
      c.release();
    }
  }
}
