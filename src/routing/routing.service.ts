import type { Queryable } from '../platform/database/db.js';
import { listCatalogue } from '../catalogue/service.repository.js';
import type { RoutableService } from './routing.rules.js';

// The catalogue changes a few times a month; reading it for every intake would cost more than the intake.
// A suggestion from a catalogue up to 30 s old is harmless: the limits always come from the version in force.
const TTL_MS = 30_000;
let cached: { at: number; services: RoutableService[] } | undefined;

export async function routableServices(q: Queryable, now: Date): Promise<RoutableService[]> {
  if (cached && now.getTime() - cached.at < TTL_MS && now.getTime() >= cached.at) return cached.services;
  const list = await listCatalogue(q, { at: now });
  const services = list.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name, keywords: s.keywords }));
  cached = { at: now.getTime(), services };
  return services;
}

/** Forget the cached catalogue (after an import, and between tests that rebuild it). */
export function forgetRoutableServices(): void {
  cached = undefined;
}
