import { createHash } from 'node:crypto';
import { pgErrorCode, UNIQUE_VIOLATION, withTransaction, type Tx } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { insertClocks } from '../clocks/clock.repository.js';
import { getCalendar } from '../calendar/calendar.service.js';
import { findServiceAt } from '../catalogue/service.repository.js';
import { effectiveLimits } from '../catalogue/service.js';
import { findUnit } from '../units/unit.repository.js';
import { routeText, type RoutedSuggestion } from '../routing/routing.service.js';
import type { Channel, Ticket } from './ticket.js';
import { slaClock } from './ticket.rules.js';
import { assign } from './ticket.dispatch.rules.js';
import { findByIdempotencyKey, insertTicket, loadSnapshot, WORK_TYPE } from './ticket.repository.js';
import { saveOutcome, type Author } from './ticket.persist.js';
import { publish } from '../events/event.bus.js';

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
    const ticket = await withTransaction(ctx.db, async (tx) => {
      const service = chosenId ? await findServiceAt(tx, chosenId, now) : undefined;
      if (input.serviceId && (!service || !service.active)) throw new DomainError('SERVICE_NOT_FOUND');
      const limits = service ? effectiveLimits(service.limits) : null;
      const cal = await getCalendar(tx);
      const created = await insertTicket(tx, {
        channel: input.channel, serviceId: service?.id ?? null, serviceVersionId: service?.versionId ?? null,
        suggestedServiceId: suggestions[0]?.serviceId ?? null, limits, title: input.title, description: input.description,
        requesterName: input.requesterName, requesterPhone: input.requesterPhone, requesterKind: input.requesterKind ?? 'citizen',
        enterpriseName: input.enterpriseName ?? null, locationText: input.location, lat: input.lat ?? null, lng: input.lng ?? null,
        acceptedAt: now, acceptedBy: author.actor?.userId ?? null,
        idempotency: idempotencyKey ? { scope, key: idempotencyKey, hash } : null,
      });
      const sla = slaClock(cal, limits, now);
      if (sla) await insertClocks(tx, WORK_TYPE, created.id, [sla]);
      await recordAudit(tx, {
        at: now, actorId: author.actor?.userId ?? null, actorLabel: author.label, entityType: WORK_TYPE, entityId: created.id,
        action: 'accepted', after: { status: 'new' },
        data: {
          channel: input.channel, serviceId: service?.id ?? null, suggestions: suggestions.map((s) => s.serviceId),
          // What suggested and whether it decided: the acceptance figures (GET /text/metrics) read this.
          routing: routing && { source: routing.source, modelVersion: routing.modelVersion, confidence: routing.confidence, autoAssigned },
        },
      });
      await publish(tx, { type: 'ticket', id: created.id, action: 'accepted', status: 'new', unitPaths: [], at: now.toISOString() });
      await within?.(tx, created.id);
      if (service && input.dispatch !== false) {
        const unit = await findUnit(tx, service.unitId);
        if (unit?.active) {
          const snap = (await loadSnapshot(tx, created.id, false))!;
          await saveOutcome(tx, snap, assign(snap, { lead: unit, co: [] }, { now, cal }), author, now);
        }
      }
      return created;
    });
    return { ticket: (await loadSnapshot(ctx.db, ticket.id, false))!.ticket, created: true, suggestions };
  } catch (err) {
    // Two requests with one key raced: the loser returns what the winner created.
    if (idempotencyKey && pgErrorCode(err) === UNIQUE_VIOLATION) {
      const earlier = await replay(ctx, scope, idempotencyKey, hash);
      if (earlier) return earlier;
    }
    throw err;
  }
}
