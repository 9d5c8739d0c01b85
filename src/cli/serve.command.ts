import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { startServer } from '../server.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the platform over HTTP (starts the bundled PostgreSQL unless DATABASE_URL is set) 启动服务')
    .option('-p, --port <port>', 'HTTP port (default: PORT or 3000)')
    .action(async (opts: { port?: string }) => {
      const config = loadConfig();
      if (opts.port) config.port = Number(opts.port);
      const server = await startServer(config, (m) => console.log(m));
      console.log(`\n马上办 Mashangban is running at ${server.address}  (database: ${server.database.kind})`);
      console.log(`API documentation: ${server.address}/api/docs`);
      const shutdown = (signal: string) => {
        console.log(`\n${signal}: stopping…`);
        server.stop().then(() => process.exit(0), (err: unknown) => { console.error(err); process.exit(1); });
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
