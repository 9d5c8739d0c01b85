import type { Db, Queryable } from '../platform/database/db.js';
import { listCatalogue } from '../catalogue/service.repository.js';
import { dispatchThreshold, suggestWithModel } from '../text/text.service.js';
import { isConfident, suggestServices, type RoutableService, type Suggestion } from './routing.rules.js';

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

/** A suggestion from either router; a trained model's also carries its calibrated confidence and version. */
export interface RoutedSuggestion extends Suggestion { confidence?: number; modelVersion?: number }

export interface Routing {
  suggestions: RoutedSuggestion[];
  /** Whether intake may assign the first suggestion without a dispatcher. */
  confident: boolean;
  source: 'model' | 'keywords';
  modelVersion: number | null;
  confidence: number | null;
}

/**
 * Which service a message is about. A trained model, once one is in service, suggests with a calibrated
 * confidence, and intake assigns on its own only at or above the admin's threshold; before that (a new
 * district: cold start) the catalogue's keywords suggest, as they always did.
 */
export async function routeText(db: Db, title: string, description: string, now: Date): Promise<Routing> {
  const services = await routableServices(db, now);
  const model = await suggestWithModel(db, { title, body: description }, new Set(services.map((s) => s.id)), now);
  if (model && model.suggestions.length > 0) {
    const { autoAssignThreshold } = await dispatchThreshold(db);
    const first = model.suggestions[0]!;
    return {
      suggestions: model.suggestions.map((s) => ({
        serviceId: s.serviceId, score: s.confidence, matched: s.explanation.map((e) => e.feature), confidence: s.confidence, modelVersion: model.version,
      })),
      confident: autoAssignThreshold < 1 && first.confidence >= autoAssignThreshold,
      source: 'model', modelVersion: model.version, confidence: first.confidence,
    };
  }
  const suggestions = suggestServices(`${title} ${description}`, services);
  return { suggestions, confident: isConfident(suggestions), source: 'keywords', modelVersion: null, confidence: null };
}
