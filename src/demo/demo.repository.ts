/**
 * All SQL of the demo seeding: its progress record in `settings`, and the bulk writes of a chunk of
 * simulated tickets. Each table is written with one INSERT … SELECT FROM unnest(arrays) per chunk, which
 * sends one parameter per column however many rows, instead of one statement per move.
 */
import type { Queryable, Tx } from '../platform/database/db.js';
import { maybeOne, rows } from '../platform/database/db.js';
import { nextCheckAt } from '../clocks/clock.rules.js';
import type { Clock } from '../clocks/clock.js';
import type { SimTicket } from './demo.story.js';

export const DEMO_KEY = 'demo.seeded';

/** Progress of the demo seeding, so a restart resumes where it stopped. */
export interface DemoState {
  seed: number;
  base: 'started' | 'done';
  baseDoneAt?: string;
  tickets?: {
    /** The instant the simulation took as "now": kept so a resumed run plans the very same tickets. */
    anchor: string; count: number;
    /** The plan index the next chunk starts at: everything before it is written. */
    next: number;
    written: number; skipped: number; doneAt?: string;
  };
}

export async function readDemoState(q: Queryable): Promise<DemoState | undefined> {
  return (await maybeOne<{ value: DemoState }>(q, 'SELECT value FROM settings WHERE key = $1', [DEMO_KEY]))?.value;
}

/** The state, locked for the caller's transaction: two seeders never write the same chunk. */
export async function lockDemoState(tx: Tx): Promise<DemoState | undefined> {
  return (await maybeOne<{ value: DemoState }>(tx, 'SELECT value FROM settings WHERE key = $1 FOR UPDATE', [DEMO_KEY]))?.value;
}

export async function writeDemoState(tx: Tx, state: DemoState, at: Date): Promise<void> {
  await tx.query(`INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, [DEMO_KEY, JSON.stringify(state), at]);
}

export async function countUnits(q: Queryable): Promise<number> {
  return (await rows<{ n: number }>(q, 'SELECT count(*)::int AS n FROM units'))[0]!.n;
}

/** Take `n` ids from a table's identity sequence: never handed out again, so live intake can run alongside. */
async function reserveIds(tx: Tx, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const list = await rows<{ id: number }>(tx, `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2)`, [table, n]);
  return list.map((r) => r.id).sort((a, b) => a - b);
}

type Column = readonly [name: string, type: string];

async function insertUnnest(tx: Tx, table: string, columns: readonly Column[], data: unknown[][], overriding: boolean, tail = ''): Promise<void> {
  if (data.length === 0) return;
  const arrays = columns.map((_, c) => data.map((r) => r[c]));
  await tx.query(`INSERT INTO ${table} (${columns.map(([n]) => n).join(', ')}) ${overriding ? 'OVERRIDING SYSTEM VALUE ' : ''}
    SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) ${tail}`, arrays);
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

const TICKET_COLUMNS: readonly Column[] = [
  ['id', 'bigint'], ['channel', 'text'], ['status', 'text'], ['service_id', 'bigint'], ['service_version_id', 'bigint'], ['limits', 'jsonb'],
  ['title', 'text'], ['description', 'text'], ['requester_name', 'text'], ['requester_phone', 'text'], ['requester_kind', 'text'],
  ['enterprise_name', 'text'], ['location_text', 'text'], ['accepted_at', 'timestamptz'], ['accepted_by', 'bigint'], ['lead_unit_id', 'bigint'],
  ['reply_text', 'text'], ['replied_at', 'timestamptz'], ['rating_resolved', 'text'], ['rating_satisfaction', 'text'], ['rating_comment', 'text'],
  ['rated_at', 'timestamptz'], ['closed_at', 'timestamptz'], ['close_kind', 'text'], ['supervised', 'boolean'], ['urge_count', 'int'],
  ['reopen_count', 'int'], ['merged_into_id', 'bigint'], ['public_reason', 'text'], ['suggested_service_id', 'bigint'], ['version', 'int'],
  ['updated_at', 'timestamptz'],
];

const ASSIGNMENT_COLUMNS: readonly Column[] = [
  ['id', 'bigint'], ['work_type', 'text'], ['work_id', 'bigint'], ['unit_id', 'bigint'], ['unit_path', 'text'], ['role', 'text'], ['parent_id', 'bigint'],
  ['round', 'int'], ['status', 'text'], ['dispatched_at', 'timestamptz'], ['dispatched_by', 'bigint'], ['acknowledged_at', 'timestamptz'],
  ['first_contact_at', 'timestamptz'], ['done_at', 'timestamptz'], ['opinion', 'text'], ['return_reason_code', 'text'], ['return_reason', 'text'],
  ['return_evidence', 'text'], ['returned_at', 'timestamptz'], ['return_decision', 'text'], ['return_decided_at', 'timestamptz'],
  ['return_decided_by', 'bigint'], ['extension_count', 'int'],
];

const CLOCK_COLUMNS: readonly Column[] = [
  ['id', 'bigint'], ['work_type', 'text'], ['work_id', 'bigint'], ['assignment_id', 'bigint'], ['kind', 'text'], ['started_at', 'timestamptz'],
  ['limit_amount', 'int'], ['limit_unit', 'text'], ['limit_natural', 'boolean'], ['deadline', 'timestamptz'], ['original_deadline', 'timestamptz'],
  ['warn_at', 'timestamptz'], ['warned_at', 'timestamptz'], ['overdue_at', 'timestamptz'], ['paused_ms', 'bigint'], ['extended_days', 'int'],
  ['state', 'text'], ['paused_since', 'timestamptz'], ['pause_reason', 'text'], ['met_at', 'timestamptz'], ['stopped_at', 'timestamptz'],
  ['stop_reason', 'text'], ['calendar_version', 'text'], ['next_check_at', 'timestamptz'],
];

const EXTENSION_COLUMNS: readonly Column[] = [
  ['id', 'bigint'], ['assignment_id', 'bigint'], ['work_type', 'text'], ['work_id', 'bigint'], ['working_days', 'int'], ['reason', 'text'],
  ['requested_at', 'timestamptz'], ['requested_by', 'bigint'], ['decision', 'text'], ['decided_at', 'timestamptz'], ['decided_by', 'bigint'],
  ['decision_note', 'text'],
];

const NOTE_COLUMNS: readonly Column[] = [
  ['ticket_id', 'bigint'], ['assignment_id', 'bigint'], ['author_id', 'bigint'], ['kind', 'text'], ['body', 'text'], ['contact_method', 'text'], ['created_at', 'timestamptz'],
];

const AUDIT_COLUMNS: readonly Column[] = [
  ['at', 'timestamptz'], ['actor_id', 'bigint'], ['actor_label', 'text'], ['entity_type', 'text'], ['entity_id', 'bigint'], ['action', 'text'],
  ['before', 'jsonb'], ['after', 'jsonb'], ['data', 'jsonb'],
];

const NOTIFICATION_COLUMNS: readonly Column[] = [
  ['unit_id', 'bigint'], ['kind', 'text'], ['work_type', 'text'], ['work_id', 'bigint'], ['clock_id', 'bigint'], ['message', 'text'], ['created_at', 'timestamptz'], ['read_at', 'timestamptz'],
];

function clockStatus(c: Clock): unknown[] {
  const s = c.status;
  return [s.state, s.state === 'paused' ? s.pausedSince : null, s.state === 'paused' ? s.reason : null, s.state === 'met' ? s.metAt : null,
    s.state === 'stopped' ? s.stoppedAt : null, s.state === 'stopped' ? s.reason : null];
}

/** Maps the simulation's own ids to the reserved database ids, by kind. */
function mapper(local: number[], reserved: number[]): (id: number | null) => number | null {
  const m = new Map(local.map((id, i) => [id, reserved[i]!]));
  return (id) => (id === null ? null : m.get(id) ?? null);
}

/** The ids an audit event's data refers to are the simulation's: rewrite them to the database's. */
const DATA_IDS = { assignmentId: 'assignment', clockId: 'clock', extensionId: 'extension', mainTicketId: 'ticket' } as const;

/**
 * Write a chunk of simulated tickets with everything they carry, in the caller's transaction. Tickets go in
 * order of acceptance, so tracking numbers follow the calendar as they would have.
 */
export async function insertSimulated(tx: Tx, tickets: SimTicket[], anchor: Date): Promise<void> {
  const list = [...tickets].sort((a, b) => a.plan.acceptedAt.getTime() - b.plan.acceptedAt.getTime() || a.plan.index - b.plan.index);
  const assignments = list.flatMap((t) => t.snap.assignments.map((a) => ({ t, a })));
  const clocks = list.flatMap((t) => t.snap.clocks.map((c) => ({ t, c })));
  const extensions = list.flatMap((t) => t.snap.extensions.map((e) => ({ t, e })));
  const map = {
    ticket: mapper(list.map((t) => t.snap.ticket.id), await reserveIds(tx, 'tickets', list.length)),
    assignment: mapper(assignments.map((x) => x.a.id), await reserveIds(tx, 'assignments', assignments.length)),
    clock: mapper(clocks.map((x) => x.c.id), await reserveIds(tx, 'clocks', clocks.length)),
    extension: mapper(extensions.map((x) => x.e.id), await reserveIds(tx, 'extension_requests', extensions.length)),
  };
  const tid = (t: SimTicket) => map.ticket(t.snap.ticket.id)!;

  const ticketRows = list.map((t) => {
    const k = t.snap.ticket;
    return [tid(t), k.channel, k.status, k.serviceId, k.serviceVersionId, json(k.limits), k.title, k.description, k.requesterName, k.requesterPhone,
      t.requesterKind, t.enterpriseName, t.location, k.acceptedAt, t.acceptedBy, k.leadUnitId, k.replyText, k.repliedAt, k.ratingResolved,
      k.ratingSatisfaction, k.ratingComment, k.ratedAt, k.closedAt, k.closeKind, k.supervised, k.urgeCount, k.reopenCount,
      map.ticket(k.mergedIntoId), k.publicReason, t.suggestedServiceId, k.version, t.updatedAt];
  });
  const arrays = TICKET_COLUMNS.map((_, c) => ticketRows.map((r) => r[c]));
  await tx.query(`
    INSERT INTO tickets (tracking_code, ${TICKET_COLUMNS.map(([n]) => n).join(', ')}) OVERRIDING SYSTEM VALUE
    SELECT 'MSB' || to_char(u.accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || next_tracking_number(), u.*
      FROM unnest(${TICKET_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS u(${TICKET_COLUMNS.map(([n]) => n).join(', ')})`, arrays);

  await insertUnnest(tx, 'assignments', ASSIGNMENT_COLUMNS, assignments.map(({ t, a }) => {
    const x = t.assignmentExtras.get(a.id);
    return [map.assignment(a.id), 'ticket', tid(t), a.unitId, a.unitPath, a.role, map.assignment(a.parentId), a.round, a.status, a.dispatchedAt,
      x?.dispatchedBy ?? null, a.acknowledgedAt, a.firstContactAt, a.doneAt, x?.opinion ?? null, a.returnReasonCode, a.returnReason,
      x?.returnEvidence ?? null, a.returnedAt, a.returnDecision, x?.returnDecidedAt ?? null, x?.returnDecidedBy ?? null, a.extensionCount];
  }), true);

  await insertUnnest(tx, 'clocks', CLOCK_COLUMNS, clocks.map(({ t, c }) => [
    map.clock(c.id), 'ticket', tid(t), map.assignment(c.assignmentId), c.kind, c.startedAt, c.limit.amount, c.limit.unit, c.limit.natural ?? false,
    c.deadline, c.originalDeadline, c.warnAt, c.warnedAt, c.overdueAt, c.pausedMs, c.extendedDays, ...clockStatus(c), c.calendarVersion, nextCheckAt(c),
  ]), true);

  await insertUnnest(tx, 'extension_requests', EXTENSION_COLUMNS, extensions.map(({ t, e }) => {
    const x = t.extensionExtras.get(e.id);
    return [map.extension(e.id), map.assignment(e.assignmentId), 'ticket', tid(t), e.workingDays, e.reason, e.requestedAt, x?.requestedBy ?? null,
      e.decision, x?.decidedAt ?? null, x?.decidedBy ?? null, x?.note ?? null];
  }), true);

  await insertUnnest(tx, 'ticket_notes', NOTE_COLUMNS, list.flatMap((t) => t.notes.map((n) => [
    tid(t), map.assignment(n.assignmentId), n.authorId, n.kind, n.body, n.contactMethod, n.at,
  ])), false);

  // Events in the order they happened, so each ticket's trail (ordered by id) reads as its story.
  const events = list.flatMap((t) => t.events.map((e) => ({ t, e }))).sort((x, y) => x.e.at.getTime() - y.e.at.getTime() || x.e.seq - y.e.seq);
  await insertUnnest(tx, 'audit_events', AUDIT_COLUMNS, events.map(({ t, e }) => {
    const data: Record<string, unknown> = { ...e.data };
    for (const [key, kind] of Object.entries(DATA_IDS)) if (typeof data[key] === 'number') data[key] = map[kind](data[key]);
    return [e.at, e.actorId, e.actorLabel, 'ticket', tid(t), e.action, json(e.before), json(e.after), json(data)];
  }), false);

  // Notices of the last week; those older than a day have been read.
  const day = 86_400_000;
  await insertUnnest(tx, 'notifications', NOTIFICATION_COLUMNS, list.flatMap((t) => t.notices.map((n) => [
    n.unitId, n.kind, 'ticket', tid(t), map.clock(n.clockId), n.message, n.at,
    anchor.getTime() - n.at.getTime() > day ? new Date(Math.min(anchor.getTime(), n.at.getTime() + 2 * 3_600_000)) : null,
  ])), false, 'ON CONFLICT DO NOTHING');
}
