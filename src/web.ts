import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './platform/errors.js';

export const WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

/**
 * The built web app: the staff console at / and the public portal at /portal/. Client-side routes fall
 * back to their entry page; unknown /api paths keep their JSON 404.
 */
export async function webRoutes(app: FastifyInstance): Promise<void> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.log.warn(`web app not built (${WEB_DIST}); run \`npm run build:web\``);
    return;
  }
  // serve: false — only reply.sendFile: the routes below decide what is cached how. preCompressed: the build
  // writes .br and .gz beside each file (scripts/build-web.mjs); the one the browser accepts is sent.
  await app.register(fastifyStatic, { root: WEB_DIST, serve: false, cacheControl: false, preCompressed: true });
  const entry = (file: string) => (_req: unknown, reply: { header(k: string, v: string): unknown; sendFile(f: string): unknown }) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(file);
  };
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, entry('index.html'));
  app.get('/portal', { config: { access: 'public' }, schema: { hide: true } }, entry('portal/index.html'));
  app.get('/portal/*', { config: { access: 'public' }, schema: { hide: true } }, entry('portal/index.html'));
  app.get('/assets/*', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
    // Hashed file names never change content: cache them for a year.
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    return reply.sendFile((req.params as { '*': string })['*'], path.join(WEB_DIST, 'assets'));
  });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || url.startsWith('/open311/')) return reply.status(404).send(errorBody('NOT_FOUND'));
    return entry('index.html')(req, reply);
  });
}
