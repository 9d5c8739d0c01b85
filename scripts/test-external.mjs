// The suite again on an external PostgreSQL when TEST_DATABASE_URL is set (CI sets it); browser tests run once.
import { spawnSync } from 'node:child_process';

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL not set: skipping the run on an external PostgreSQL server.');
  process.exit(0);
}
const r = spawnSync('npx', ['vitest', 'run', '--exclude', 'test/e2e/**', '--exclude', 'test/resilience/**'], {
  stdio: 'inherit',
  env: { ...process.env, MSB_TEST_TARGET: 'external' },
});
process.exit(r.status ?? 1);
