/**
 * The service classifier of the platform: trained from the district's own history (`mashangban train`),
 * stored in text_models, loaded once per process and version, and asked at intake which service a
 * message is about. The dispatch threshold (settings `dispatch.autoAssignThreshold`) decides when a
 * suggestion is trusted enough to assign without a dispatcher.
 */
import { withTransaction, type Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import { trainClassifier, type HeldOutFigures, type TrainOptions } from './classifier.js';
import type { TextInput } from './features.js';
import { decodeModel, encodeModel } from './model.codec.js';
import { explain, prepare, rank, type Contribution, type ReadyModel } from './model.js';
import { maskPersonalNumbers } from './normalize.js';
import * as repo from './text.repository.js';

/** Below this many labelled tickets a trained model is no better than the catalogue's keywords. */
export const MIN_TRAINING_TICKETS = 20;
// A retrained model replaces the one in service unless it measures worse by more than the noise of a
// held-out part (ARCHITECTURE.md: a new model replaces the old one only when it measures better).
const REPLACE_TOLERANCE = 0.01;

export interface TrainReport {
  version: number;
  active: boolean;
  trainedOn: number;
  metrics: ModelMetrics;
  /** Why the model was not put in service, when it was not. */
  note: string | null;
}

export interface ModelMetrics { heldOut: HeldOutFigures | null; classes: number; seconds: number; bytes: number }

export async function trainServiceModel(ctx: AppContext, actor: Actor | null, opts: { force?: boolean; training?: Partial<TrainOptions> } = {}): Promise<TrainReport> {
  const now = ctx.clock.now();
  const history = await repo.trainingRows(ctx.db, now);
  const examples = history.map((r) => ({ input: { title: maskPersonalNumbers(r.title), body: maskPersonalNumbers(r.description) }, label: String(r.label) }));
  const classes = new Set(examples.map((e) => e.label));
  if (examples.length < MIN_TRAINING_TICKETS || classes.size < 2) {
    throw new DomainError('VALIDATION_FAILED', { tickets: examples.length, services: classes.size },
      `可用于训练的已分类工单不足（需至少 ${MIN_TRAINING_TICKETS} 件、2 个事项）`, `not enough classified tickets to train on (need ${MIN_TRAINING_TICKETS} across 2 services)`);
  }
  const result = trainClassifier(examples, opts.training);
  const bytes = encodeModel(result.model);
  const metrics: ModelMetrics = { heldOut: result.heldOut, classes: classes.size, seconds: Math.round(result.seconds * 10) / 10, bytes: bytes.length };
  const current = await repo.activeModel(ctx.db, 'service');
  const currentF1 = (current?.metrics as ModelMetrics | undefined)?.heldOut?.macroF1;
  const newF1 = result.heldOut?.macroF1;
  const worse = !opts.force && currentF1 !== undefined && newF1 !== undefined && newF1 < currentF1 - REPLACE_TOLERANCE
    && (current?.metrics as ModelMetrics).classes === classes.size;
  const row = await withTransaction(ctx.db, async (tx) => {
    const inserted = await repo.insertModel(tx, { kind: 'service', createdAt: now, createdBy: actor?.userId ?? null, trainedOn: examples.length, metrics, model: bytes, active: !worse });
    await recordAudit(tx, {
      at: now, actorId: actor?.userId ?? null, actorLabel: actor ? null : 'system', entityType: 'text_model', entityId: inserted.id,
      action: 'trained', data: { kind: 'service', version: inserted.version, active: inserted.active, macroF1: newF1 ?? null },
    });
    return inserted;
  });
  forgetTextModels();
  return {
    version: row.version, active: row.active, trainedOn: row.trainedOn, metrics,
    note: worse ? `held-out macro-F1 ${newF1} is below the model in service (${currentF1}); use --force to activate it anyway` : null,
  };
}

// Intake asks for the model on every ticket: the version in service is checked at most every few
// seconds, and the model itself is loaded only when the version changes. Per pool, since tests run
// several databases in one process.
const CHECK_MS = 10_000;
const cache = new Map<Db, { checkedAt: number; version: number | null; model: ReadyModel | null }>();

/** The service classifier in service, or null (cold start: the keyword router serves). */
export async function serviceClassifier(db: Db, now: Date): Promise<{ version: number; model: ReadyModel } | null> {
  let entry = cache.get(db);
  if (!entry || now.getTime() - entry.checkedAt >= CHECK_MS || now.getTime() < entry.checkedAt) {
    const version = await repo.activeVersion(db, 'service');
    if (entry?.version !== version || !entry) {
      const bytes = version === null ? undefined : await repo.modelBytes(db, 'service', version);
      entry = { checkedAt: now.getTime(), version, model: bytes ? prepare(decodeModel(bytes)) : null };
    } else entry = { ...entry, checkedAt: now.getTime() };
    cache.set(db, entry);
  }
  return entry.model && entry.version !== null ? { version: entry.version, model: entry.model } : null;
}

/** Drop cached models (after a training, and between tests). */
export function forgetTextModels(): void {
  cache.clear();
}

export interface ServiceSuggestion { serviceId: number; confidence: number; explanation: Contribution[] }

/**
 * The model's three best services among `allowed` (the active catalogue), with calibrated confidences
 * and the features behind the first; null when no model is in service.
 */
export async function suggestWithModel(db: Db, input: TextInput, allowed: ReadonlySet<number>, now: Date): Promise<{ version: number; suggestions: ServiceSuggestion[] } | null> {
  const current = await serviceClassifier(db, now);
  if (!current) return null;
  const masked: TextInput = { title: maskPersonalNumbers(input.title ?? ''), body: maskPersonalNumbers(input.body ?? '') };
  const ranked = rank(current.model, masked).filter((s) => allowed.has(Number(s.label))).slice(0, 3);
  const suggestions = ranked.map((s, i) => ({
    serviceId: Number(s.label),
    confidence: Math.floor(s.confidence * 10_000) / 10_000,
    explanation: i === 0 ? explain(current.model, masked, s.label, 5) : [],
  }));
  return { version: current.version, suggestions };
}

export const DEFAULT_THRESHOLD = 0.9;

export async function dispatchThreshold(db: Db): Promise<{ autoAssignThreshold: number; isDefault: boolean; updatedAt: string | null }> {
  const r = await repo.readThreshold(db);
  return r ? { autoAssignThreshold: r.value, isDefault: false, updatedAt: r.updatedAt.toISOString() } : { autoAssignThreshold: DEFAULT_THRESHOLD, isDefault: true, updatedAt: null };
}

/** The admin sets the confidence above which intake assigns on its own (1: never). */
export async function setDispatchThreshold(ctx: AppContext, actor: Actor, value: number) {
  if (!(value >= 0.5 && value <= 1)) {
    throw new DomainError('VALIDATION_FAILED', { autoAssignThreshold: value }, '自动派单阈值须在 0.5 到 1 之间', 'the auto-assign threshold must lie between 0.5 and 1');
  }
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const before = await repo.readThreshold(tx);
    await repo.writeThreshold(tx, value, now, actor.userId);
    await recordAudit(tx, {
      at: now, actorId: actor.userId, entityType: 'setting', entityId: 0, action: 'auto_assign_threshold_set',
      before: before?.value ?? null, after: value, data: { key: repo.THRESHOLD_KEY },
    });
  });
  return { autoAssignThreshold: value, isDefault: false, updatedAt: now.toISOString() };
}

/** How the suggestions fared, the model in service and its figures. */
export async function textMetrics(ctx: AppContext, from: Date | null) {
  const [model, threshold, sources] = await Promise.all([repo.activeModel(ctx.db, 'service'), dispatchThreshold(ctx.db), repo.acceptance(ctx.db, from)]);
  const total = sources.reduce((a, s) => ({
    suggested: a.suggested + s.suggested, decided: a.decided + s.decided, accepted: a.accepted + s.accepted,
    autoAssigned: a.autoAssigned + s.autoAssigned, autoCorrected: a.autoCorrected + s.autoCorrected,
  }), { suggested: 0, decided: 0, accepted: 0, autoAssigned: 0, autoCorrected: 0 });
  const rate = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : null);
  return {
    model: model ? { version: model.version, createdAt: model.createdAt.toISOString(), trainedOn: model.trainedOn, metrics: model.metrics as ModelMetrics } : null,
    autoAssignThreshold: threshold.autoAssignThreshold,
    acceptance: { ...total, acceptanceRate: rate(total.accepted, total.decided) },
    bySource: sources.map((s) => ({ ...s, acceptanceRate: rate(s.accepted, s.decided) })),
  };
}
