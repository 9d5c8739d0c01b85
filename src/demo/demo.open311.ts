import type { AppContext } from '../platform/http/context.js';
import { DEMO_OPEN311_KEY, ensureDemoOpen311Key } from '../open311/open311.keys.service.js';

/** The Open311 key of the demo district: its name (tickets filed with it are labelled `open311:<name>`) and value. */
export const DEMO_OPEN311 = { name: 'demo', key: DEMO_OPEN311_KEY } as const;

/** Creates the demo district's Open311 key (idempotent; a revoked demo key stays revoked). */
export async function ensureDemoOpen311Access(ctx: AppContext): Promise<typeof DEMO_OPEN311> {
  await ensureDemoOpen311Key(ctx);
  return DEMO_OPEN311;
}
