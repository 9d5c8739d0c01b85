import path from 'node:path';

/** Everything the process reads from its environment, read once at start. */
export interface Config {
  /** External server; when absent the bundled PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** Folder of the bundled server's data and of uploaded files. */
  dataDir: string;
  host: string;
  port: number;
  /** Mark cookies Secure when the platform is served over HTTPS (behind a proxy). */
  secureCookies: boolean;
  /** scrypt cost (log2 N). 15 = 32 MiB per hash; tests may lower it to keep the suite fast. */
  scryptCost: number;
  sessionHours: number;
  logLevel: string;
  /** How often the deadline sweep runs. */
  sweepSeconds: number;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.MSB_DATA_DIR || 'data'),
    host: env.HOST || '0.0.0.0',
    port: intFrom(env.PORT, 3000, 'PORT'),
    secureCookies: env.MSB_SECURE_COOKIES === '1',
    scryptCost: intFrom(env.MSB_SCRYPT_COST, 15, 'MSB_SCRYPT_COST'),
    sessionHours: intFrom(env.MSB_SESSION_HOURS, 12, 'MSB_SESSION_HOURS'),
    logLevel: env.LOG_LEVEL || 'info',
    sweepSeconds: intFrom(env.MSB_SWEEP_SECONDS, 30, 'MSB_SWEEP_SECONDS'),
  };
}
