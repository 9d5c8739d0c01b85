/** The built web app as the server sends it: compressed copies where the browser takes them, entry pages never cached. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/app.js';
import { WEB_DIST } from './web.js';

const t = useTestApp();
const built = fs.existsSync(path.join(WEB_DIST, 'index.html'));

describe.skipIf(!built)('the web app', () => {
  const script = () => {
    const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    return /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  };

  it('sends the brotli or gzip copy a browser accepts, and the plain file to one that accepts neither', async () => {
    const url = script();
    const plain = fs.readFileSync(path.join(WEB_DIST, url));
    const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.rawPayload.length).toBeLessThan(plain.length / 3);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain)).toBe(true);
    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(plain)).toBe(true);
    const none = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.rawPayload.equals(plain)).toBe(true);
  });

  it('serves the console and the portal entry pages uncached, client routes included', async () => {
    for (const url of ['/', '/tickets/12', '/portal/', '/portal/track']) {
      const r = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-cache');
      const body = r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.rawPayload).toString() : r.body;
      expect(body, url).toContain('<div id="root">');
    }
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
