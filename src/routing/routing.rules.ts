/**
 * Cold-start routing: which service a ticket is about, from the catalogue's keywords. The trained
 * classifier (text intelligence) replaces it where it measures better; this is what a new district has.
 */
export interface RoutableService { id: number; name: string; keywords: readonly string[] }
export interface Suggestion { serviceId: number; score: number; matched: string[] }

/** Services whose keywords (or name) occur in the text, best first. Longer keywords weigh more: they are more specific. */
export function suggestServices(text: string, services: readonly RoutableService[], limit = 3): Suggestion[] {
  const haystack = text.toLowerCase();
  const scored: Suggestion[] = [];
  for (const s of services) {
    const matched = [...new Set([s.name, ...s.keywords])].filter((k) => k.length >= 2 && haystack.includes(k.toLowerCase()));
    if (matched.length === 0) continue;
    scored.push({ serviceId: s.id, score: matched.reduce((sum, k) => sum + Math.min(k.length, 6), 0), matched });
  }
  return scored.sort((a, b) => b.score - a.score || a.serviceId - b.serviceId).slice(0, limit);
}

/** Confident enough to dispatch without a person: a clear winner, well ahead of the runner-up. */
export function isConfident(suggestions: readonly Suggestion[]): boolean {
  const [first, second] = suggestions;
  if (!first) return false;
  return first.score >= 4 && (!second || first.score >= 2 * second.score);
}
