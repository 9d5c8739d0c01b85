/**
 * Who a token belongs to, remembered for a few seconds: every API call asks, and at a hotline's peak the
 * lookup was one round trip in five of an intake. A change that takes access away (sign-out, a revoked
 * token, a deactivated or edited user, a moved unit) forgets everything in this process at once; other
 * processes sharing the database follow within TTL_MS.
 */
import type { TokenActor } from './auth.repository.js';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry { found: TokenActor | undefined; at: number; expiresAt: Date | null }
const entries = new Map<string, Entry>();

export async function rememberedActor(
  hash: Buffer, now: Date, lookup: () => Promise<(TokenActor & { expiresAt: Date | null }) | undefined>,
): Promise<TokenActor | undefined> {
  const key = hash.toString('base64');
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < TTL_MS && (!hit.expiresAt || hit.expiresAt > now)) return hit.found;
  const found = await lookup();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { found, at: Date.now(), expiresAt: found?.expiresAt ?? null });
  return found;
}

/** Note that this process just wrote last_used_at, so that the next calls do not write it again. */
export function touched(hash: Buffer, at: Date): void {
  const hit = entries.get(hash.toString('base64'));
  if (hit?.found) hit.found = { ...hit.found, lastUsedAt: at };
}

export function forgetSessions(): void {
  entries.clear();
}
