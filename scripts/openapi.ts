/** The OpenAPI document, produced from the route schemas without a database (registering routes touches none). */
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { systemClock } from '../src/platform/clock.js';
import { createPool } from '../src/platform/database/db.js';

export async function openApiDocument(): Promise<unknown> {
  const app = await buildApp({ db: createPool('postgres://nobody@127.0.0.1:1/none', 1), clock: systemClock, config: loadConfig({}), databaseKind: 'external' });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return doc;
}
