import type { Command } from 'commander';

/**
 * Run a real CLI command against a test database and return what it printed. The command opens the
 * database the way it does for an administrator: from DATABASE_URL.
 */
export async function runCli(command: Command, args: string[], databaseUrl: string): Promise<string> {
  const saved = process.env.DATABASE_URL;
  const print = console.log;
  const out: string[] = [];
  process.env.DATABASE_URL = databaseUrl;
  console.log = (...m: unknown[]) => { out.push(m.join(' ')); };
  try {
    await command.parseAsync(args, { from: 'user' });
  } finally {
    console.log = print;
    if (saved === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved;
  }
  return out.join('\n');
}
