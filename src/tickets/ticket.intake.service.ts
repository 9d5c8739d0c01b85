import { createHash } from 'node:crypto';
import { pgErrorCode, UNIQUE_VIOLATION, withTransaction, type Tx } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { recentCalendar } from '../calendar/calendar.service.js';
import { findServiceWithUnitAt } from '../catalogue/service.repository.js';
import { effectiveLimits } from '../catalogue/service.js';
import { routeText, type RoutedSuggestion } from '../routing/routing.service.js';
import type { Channel, Ticket } from './ticket.js';
import { findByIdempotencyKey } from './ticket.repository.js';
import type { Author } from './ticket.persist.js';
import { insertIntake } from './ticket.intake.repository.js';
import { planIntake } from './ticket.intake.rules.js';

export interface IntakeInput {
  channel: Channel;
  title: string;
  description: string;
  requesterName: string;
  requesterPhone: string;
  requesterKind?: 'citizen' | 'enterprise';
  enterpriseName?: string | null;
  location: string;
  lat?: number | null;
  lng?: number | null;
  /** Chosen by the operator; when absent, routing suggests one from the text. */
  serviceId?: number | null;
  /** false: classify but do not dispatch, because the operator answers at once (直办) and closes it. */
  dispatch?: boolean;
}

export interface IntakeResult { ticket: Ticket; created: boolean; suggestions: RoutedSuggestion[] }

const digest = (input: IntakeInput) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

async function replay(ctx: AppContext, scope: string, key: string, hash: string): Promise<IntakeResult | undefined> {
  const found = await findByIdempotencyKey(ctx.db, scope, key);
  if (!found) return undefined;
  if (found.hash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  return { ticket: found.ticket, created: false, suggestions: [] };
}

/**
 * 受理: register a ticket from any channel, with the promise to the requester, and dispatch it at once
 * when its service is known (chosen by the operator, or a confident suggestion: the trained classifier
 * above the admin's threshold, or before any model a clear keyword match): the unit's clocks
 * then start at the same instant. Otherwise it waits in the dispatcher's queue with the suggestions.
 * An Idempotency-Key makes a retried request return the ticket it already created. `within` writes what a
 * caller adds to the new ticket (a hotspot case) in the same transaction.
 */
export async function intake(
  ctx: AppContext, author: Author, input: IntakeInput, idempotencyKey?: string, within?: (tx: Tx, ticketId: number) => Promise<void>,
): Promise<IntakeResult> {
  const now = ctx.clock.now();
  const hash = digest(input);
  const scope = author.actor ? `user:${author.actor.userId}` : author.label ?? 'anonymous';
  if (idempotencyKey) {
    const earlier = await replay(ctx, scope, idempotencyKey, hash);
    if (earlier) return earlier;
  }
  const routing = input.serviceId ? null : await routeText(ctx.db, input.title, input.description, now);
  const suggestions = routing?.suggestions ?? [];
  const autoAssigned = !input.serviceId && routing !== null && routing.confident;
  const chosenId = input.serviceId ?? (autoAssigned ? suggestions[0]!.serviceId : null);
  try {
    const found = chosenId ? await findServiceWithUnitAt(ctx.db, chosenId, now) : undefined;
    const service = found?.service;
    if (input.serviceId && (!service || !service.active)) throw new DomainError('SERVICE_NOT_FOUND');
    const limits = service ? effectiveLimits(service.limits) : null;
    const cal = await recentCalendar(ctx.db);
    const unit = service && input.dispatch !== false ? found!.unit : undefined;
    const rows = planIntake({
      channel: input.channel, serviceId: service?.id ?? null, serviceVersionId: service?.versionId ?? null,
      suggestedServiceId: suggestions[0]?.serviceId ?? null, limits, title: input.title, description: input.description,
      requesterName: input.requesterName, requesterPhone: input.requesterPhone, requesterKind: input.requesterKind ?? 'citizen',
      enterpriseName: input.enterpriseName ?? null, locationText: input.location, lat: input.lat ?? null, lng: input.lng ?? null,
      acceptedAt: now, acceptedBy: author.actor?.userId ?? null,
      idempotency: idempotencyKey ? { scope, key: idempotencyKey, hash } : null,
    }, {
      author, cal, now, lead: unit?.active ? unit : null,
      // What suggested and whether it decided: the acceptance figures (GET /text/metrics) read this.
      accepted: {
        channel: input.channel, serviceId: service?.id ?? null, suggestions: suggestions.map((s) => s.serviceId),
        routing: routing && { source: routing.source, modelVersion: routing.modelVersion, confidence: routing.confidence, autoAssigned },
      },
    });
    // A caller that adds to the new ticket (a hotspot case) needs one transaction; intake alone is one statement.
    const written = within
      ? await withTransaction(ctx.db, async (tx) => {
        const w = await insertIntake(tx, rows);
        await within(tx, w.ticket.id);
        return w;
      })
      : await insertIntake(ctx.db, rows);
    return { ticket: written.ticket, created: true, suggestions };
  } catch (err) {
    // Two requests with one key raced: the loser returns what the winner created.
    if (idempotencyKey && pgErrorCode(err) === UNIQUE_VIOLATION) {
      const earlier = await replay(ctx, scope, idempotencyKey, hash);
      if (earlier) return earlier;
    }
    throw err;
  }
}
