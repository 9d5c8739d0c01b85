import { createHash } from 'node:crypto';
import { pgErrorCode, refusedByServer, SERIALIZATION_FAILURE, UNIQUE_VIOLATION, withTransaction, type Db, type Queryable, type Tx } from '../platform/database/db.js';
import { groupCommit, type Outcome } from '../platform/database/group-commit.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { recentCalendar } from '../calendar/calendar.service.js';
import { readVersionsWithUnit } from '../catalogue/service.repository.js';
import { effectiveLimits, versionsInForce, type ServiceWithUnit } from '../catalogue/service.js';
import { routeText, type RoutedSuggestion } from '../routing/routing.service.js';
import type { Channel, Ticket } from './ticket.js';
import { findByIdempotencyKey } from './ticket.repository.js';
import type { Author } from './ticket.persist.js';
import { insertIntakes, type WrittenIntake } from './ticket.intake.repository.js';
import { planBasis, planIntake, type IntakeRows } from './ticket.intake.rules.js';

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

/** One ticket for a batch: its service, read with the batch's, and how it is planned once read. */
interface IntakeJob {
  serviceId: number | null;
  at: Date;
  plan: (found: ServiceWithUnit | undefined) => IntakeRows;
}

/**
 * The service versions (with their units) a writer last read, by service. A batch whose every service has a
 * remembered version in force at its moment is planned without reading: at a hotline's peak that read was a
 * round trip per batch, with the batch's connection idle meanwhile. The batch's statement checks that the
 * versions and units its tickets were planned from still hold (insertIntakes); when they do not, the memory
 * is dropped and the batch planned again from a fresh read. A ticket refused on a remembered version (say,
 * one since replaced by an active one) is written by no statement to check it, so it is decided again from
 * a fresh read too.
 */
type Memory = Map<number, readonly ServiceWithUnit[]>;

async function readVersions(q: Queryable, wanted: ReadonlyArray<{ serviceId: number; at: Date }>, memory: Memory | null): Promise<Array<ServiceWithUnit | undefined>> {
  const read = await readVersionsWithUnit(q, wanted);
  for (const [serviceId, versions] of read) memory?.set(serviceId, versions);
  return versionsInForce(read, wanted);
}

// A batch planned from a memory that had gone stale is planned again; a fresh read can go stale only if the catalogue
// changes in the milliseconds before the write, so a second refusal in a row is all but impossible.
const PLAN_ATTEMPTS = 3;

/** Plan and write a batch: its services from memory or one read, one statement for the tickets; a job the rules refuse fails alone. */
async function writeIntakes(q: Queryable, jobs: readonly IntakeJob[], memory: Memory | null): Promise<Array<Outcome<WrittenIntake>>> {
  const wanted = jobs.flatMap((j, i) => (j.serviceId === null ? [] : [{ i, serviceId: j.serviceId, at: j.at }]));
  for (let attempt = 1; ; attempt++) {
    const recalled = memory && wanted.length > 0 ? versionsInForce(memory, wanted) : [];
    const fromMemory = recalled.length > 0 && recalled.every((found) => found !== undefined);
    const found = fromMemory ? recalled : await readVersions(q, wanted, memory);
    const serviceOf = new Map(wanted.map((w, k) => [w.i, found[k]]));
    const planned = jobs.map((j, i): Outcome<IntakeRows> => {
      try {
        return { ok: true, value: j.plan(serviceOf.get(i)) };
      } catch (error) {
        return { ok: false, error };
      }
    });
    // No statement checks a refusal: one made on remembered versions is made again from a fresh read.
    if (fromMemory && planned.some((p) => !p.ok)) {
      memory!.clear();
      continue;
    }
    const basis = planBasis(jobs.flatMap((j, i) => {
      const used = serviceOf.get(i);
      return used && planned[i]!.ok ? [{ ...used, at: j.at }] : [];
    }));
    try {
      const written = await insertIntakes(q, planned.flatMap((p) => (p.ok ? [p.value] : [])), basis);
      let k = 0;
      return planned.map((p) => (p.ok ? { ok: true, value: written[k++]! } : p));
    } catch (err) {
      if (!memory || attempt >= PLAN_ATTEMPTS || pgErrorCode(err) !== SERIALIZATION_FAILURE) throw err;
      memory.clear();
    }
  }
}

const settled = <O>(o: Outcome<O>): O => {
  if (!o.ok) throw o.error;
  return o.value;
};

// Group commit (platform/database/group-commit.ts): under load, the intakes of the moment share one read and
// one statement. Two batches at once let one be planned while the other is written; batches of at most 32
// keep the wait short (bench/intake.bench.ts, 50 connections: batches of 64 were slower and their p99 longer).
// One writer per database pool.
const writers = new WeakMap<Db, (job: IntakeJob) => Promise<WrittenIntake>>();

function writerOf(db: Db): (job: IntakeJob) => Promise<WrittenIntake> {
  let writer = writers.get(db);
  if (!writer) {
    const memory: Memory = new Map();
    writer = groupCommit((jobs: IntakeJob[]) => writeIntakes(db, jobs, memory), { maxBatch: 32, maxInFlight: 2, failedWhole: refusedByServer });
    writers.set(db, writer);
  }
  return writer;
}

export interface IntakeResult { ticket: Ticket; created: boolean; suggestions: RoutedSuggestion[] }

const digest = (input: IntakeInput) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

async function replay(ctx: AppContext, { scope, key, hash }: { scope: string; key: string; hash: string }): Promise<IntakeResult | undefined> {
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
  const scope = author.actor ? `user:${author.actor.userId}` : author.label ?? 'anonymous';
  const idempotency = idempotencyKey ? { scope, key: idempotencyKey, hash: digest(input) } : null;
  if (idempotency) {
    const earlier = await replay(ctx, idempotency);
    if (earlier) return earlier;
  }
  const routing = input.serviceId ? null : await routeText(ctx.db, input.title, input.description, now);
  const suggestions = routing?.suggestions ?? [];
  const autoAssigned = !input.serviceId && routing !== null && routing.confident;
  const chosenId = input.serviceId ?? (autoAssigned ? suggestions[0]!.serviceId : null);
  const cal = await recentCalendar(ctx.db);
  const job: IntakeJob = {
    serviceId: chosenId,
    at: now,
    plan: (found) => {
      const service = found?.service;
      if (input.serviceId && (!service || !service.active)) throw new DomainError('SERVICE_NOT_FOUND');
      const unit = service && input.dispatch !== false ? found!.unit : undefined;
      return planIntake({
        channel: input.channel, serviceId: service?.id ?? null, serviceVersionId: service?.versionId ?? null,
        suggestedServiceId: suggestions[0]?.serviceId ?? null, limits: service ? effectiveLimits(service.limits) : null,
        title: input.title, description: input.description,
        requesterName: input.requesterName, requesterPhone: input.requesterPhone, requesterKind: input.requesterKind ?? 'citizen',
        enterpriseName: input.enterpriseName ?? null, locationText: input.location, lat: input.lat ?? null, lng: input.lng ?? null,
        acceptedAt: now, acceptedBy: author.actor?.userId ?? null,
        idempotency,
      }, {
        author, cal, now, lead: unit?.active ? unit : null,
        // What suggested and whether it decided: the acceptance figures (GET /text/metrics) read this.
        accepted: {
          channel: input.channel, serviceId: service?.id ?? null, suggestions: suggestions.map((s) => s.serviceId),
          routing: routing && { source: routing.source, modelVersion: routing.modelVersion, confidence: routing.confidence, autoAssigned },
        },
      });
    },
  };
  try {
    // A caller that adds to the new ticket (a hotspot case) needs a transaction of its own; intake alone joins a batch.
    const written = within
      ? await withTransaction(ctx.db, async (tx) => {
        // Read afresh: a stale plan here fails the transaction, which withTransaction then runs again.
        const w = settled((await writeIntakes(tx, [job], null))[0]!);
        await within(tx, w.ticket.id);
        return w;
      })
      : await writerOf(ctx.db)(job);
    return { ticket: written.ticket, created: true, suggestions };
  } catch (err) {
    // Two requests with one key raced: the loser returns what the winner created.
    if (idempotency && pgErrorCode(err) === UNIQUE_VIOLATION) {
      const earlier = await replay(ctx, idempotency);
      if (earlier) return earlier;
    }
    throw err;
  }
}
