import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, useDistrict } from '../../test/fixtures.js';

const d = useDistrict();
let base = '';
beforeAll(async () => { base = await d.t.app.listen({ host: '127.0.0.1', port: 0 }); });
afterAll(async () => { await d.t.app.close(); });

/** Read the event stream as `user` until `count` ticket events arrived (or the time ran out). */
function listen(token: string, count: number, ms = 8000): { events: Promise<Array<{ id: number; action: string }>>; ready: Promise<void> } {
  let onReady = () => {};
  const ready = new Promise<void>((r) => { onReady = r; });
  const events = new Promise<Array<{ id: number; action: string }>>((resolve, reject) => {
    const got: Array<{ id: number; action: string }> = [];
    const req = http.get(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes('retry:')) onReady();
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: ticket') && data) got.push(JSON.parse(data.slice(6)));
          if (got.length >= count) { req.destroy(); resolve(got); }
        }
      });
    });
    req.on('error', () => resolve(got));
    setTimeout(() => { req.destroy(); resolve(got); }, ms);
  });
  return { events, ready };
}

describe('live events (server-sent)', () => {
  it('tells each signed-in user of the changes they may see, after commit', async () => {
    const dispatcher = listen(d.tokens.dispatcher, 2);
    const otherTown = listen(d.tokens.otherTown, 1, 2500);
    await Promise.all([dispatcher.ready, otherTown.ready]);
    const created = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.waterService });
    const seen = await dispatcher.events;
    expect(seen.map((e) => [e.id, e.action])).toEqual([[created.body.id, 'accepted'], [created.body.id, 'assigned']]);
    // The ticket went to the water department: another town hears nothing of it.
    expect(await otherTown.events).toEqual([]);
  });
});
