// Builds the web app when its sources changed since the last build (run after `npm ci` and before `npm start`),
// so both README commands find a built console and portal without a separate step.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'web', 'dist', '.source-hash');

function hashTree(dir, hash) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(full, hash);
    else hash.update(full.slice(root.length)).update(fs.readFileSync(full));
  }
}

const hash = createHash('sha256');
hashTree(path.join(root, 'web'), hash);
for (const f of ['vite.config.ts', 'package-lock.json']) if (fs.existsSync(path.join(root, f))) hash.update(fs.readFileSync(path.join(root, f)));
const digest = hash.digest('hex');

if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest && process.argv[2] !== '--force') {
  console.log('web app is up to date');
  process.exit(0);
}
if (!fs.existsSync(path.join(root, 'node_modules', 'vite'))) {
  // Installed without dev dependencies (a production install): the web app cannot be built here.
  console.log('vite is not installed; skipping the web build');
  process.exit(0);
}
console.log('building the web app…');
const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);

// Brotli and gzip copies beside every text file: the server sends them as they are (@fastify/static
// preCompressed), so a browser downloads a fifth of the bytes and no request spends CPU compressing.
const dist = path.join(root, 'web', 'dist');
const TEXT = /\.(js|css|html|svg|json|txt)$/;
for (const file of fs.readdirSync(dist, { recursive: true })) {
  const full = path.join(dist, String(file));
  if (!TEXT.test(full) || !fs.statSync(full).isFile()) continue;
  const body = fs.readFileSync(full);
  if (body.length < 1024) continue;
  fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  fs.writeFileSync(`${full}.gz`, zlib.gzipSync(body, { level: 9 }));
}
fs.writeFileSync(stamp, digest);
