/**
 * `mashangban import tickets`: historical work orders (历史工单) from another system, with their category
 * and lead unit, so that past handling counts in the record and the classifier has labelled examples.
 * Every row is checked before anything is written; by default one rejected row means nothing is written.
 */
import { withTransaction, type Queryable } from '../platform/database/db.js';
import { errorBody, type ErrorCode } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { recordAuditBatch, type AuditEventInput } from '../audit/audit.repository.js';
import { insertClocksBatch } from '../clocks/clock.repository.js';
import { getCalendar } from '../calendar/calendar.service.js';
import { listVersionsByCodes } from '../catalogue/service.repository.js';
import { listUnits } from '../units/unit.repository.js';
import { WORK_TYPE } from './ticket.repository.js';
import { readTicketFile } from './ticket.import.file.js';
import { IMPORT_COLUMNS, importKey, keyText, readImportRow, type ImportRow, type RowProblem } from './ticket.import.rules.js';
import { LEAD_REF, planImport, type ImportedTicket, type ImportPlan } from './ticket.import.plan.rules.js';
import {
  findImported, insertImportedTickets, insertLeadAssignments, lockTicketImports,
} from './ticket.import.repository.js';

export interface RejectedRow { row: number; column: string | null; code: ErrorCode; message: string; message_en: string }

export interface TicketImportReport {
  file: string;
  /** Whether tickets were written: false for a dry run, and when rows were rejected without `partial`. */
  applied: boolean;
  dryRun: boolean;
  /** Data rows in the file (blank rows not counted). */
  rows: number;
  /** Tickets written, or for a dry run or a stopped import, that would have been. */
  imported: number;
  /** Rows imported before (same 工单编号 and content, or one of this system's own tickets). */
  skipped: number;
  /** The new tickets by the status they take: closed, replied, or assigned (still open). */
  byStatus: { closed: number; replied: number; assigned: number };
  /** New tickets with a clock overdue in the record. */
  overdue: number;
  rejectedRows: number;
  rejected: RejectedRow[];
  ignoredColumns: string[];
}

export interface TicketImportOptions {
  /** Write the good rows even if some are rejected (default: all or nothing). */
  partial?: boolean;
  /** Check and report only; write nothing. */
  dryRun?: boolean;
  /** The user importing, when there is one (the CLI imports as the system). */
  actor?: Actor | null;
  onProgress?: (done: number, total: number) => void;
}

// 500 tickets a statement keeps each insert well under PostgreSQL's 65,535 parameters and the round trips few.
const BATCH = 500;

function rejectedRow(p: RowProblem): RejectedRow {
  const en = Object.values(IMPORT_COLUMNS).find((c) => c.zh === p.column)?.en;
  const where = p.column ? { zh: `第 ${p.row} 行「${p.column}」`, en: `row ${p.row}, column ${p.column} (${en})` } : { zh: `第 ${p.row} 行`, en: `row ${p.row}` };
  const body = errorBody(p.code, undefined, `${where.zh}：${p.zh}`, `${where.en}: ${p.en}`);
  return { row: p.row, column: p.column, code: p.code, message: body.message, message_en: body.message_en };
}

function summarise(file: string, rowCount: number, plans: readonly ImportPlan[], ignoredColumns: string[]): Omit<TicketImportReport, 'applied' | 'dryRun'> {
  const report = { file, rows: rowCount, imported: 0, skipped: 0, byStatus: { closed: 0, replied: 0, assigned: 0 }, overdue: 0, rejectedRows: 0, rejected: [] as RejectedRow[], ignoredColumns };
  for (const plan of plans) {
    if (plan.kind === 'skip') report.skipped++;
    else if (plan.kind === 'rejected') {
      report.rejectedRows++;
      report.rejected.push(...plan.problems.map(rejectedRow));
    } else {
      report.imported++;
      const status = plan.ticket.status;
      if (status === 'closed' || status === 'replied' || status === 'assigned') report.byStatus[status]++;
      if (plan.ticket.overdue.length > 0) report.overdue++;
    }
  }
  return report;
}

async function plan(q: Queryable, read: ReadonlyArray<{ row: ImportRow | null; problems: RowProblem[] }>, now: Date): Promise<ImportPlan[]> {
  const good = read.flatMap((r) => (r.row ? [r.row] : []));
  const versionsByCode = await listVersionsByCodes(q, [...new Set(good.map((r) => r.serviceCode))]);
  const unitsByCode = new Map((await listUnits(q, { includeInactive: true })).map((u) => [u.code, { id: u.id, path: u.path, active: u.active, code: u.code }]));
  const { imported, ownCodes } = await findImported(q, good.map(importKey), good.flatMap((r) => (r.externalId ? [r.externalId] : [])));
  return planImport(read, { versionsByCode, unitsByCode, imported, ownCodes, cal: await getCalendar(q) }, now);
}

/** Import the file's rows as tickets, in one transaction. */
export async function importTickets(ctx: AppContext, file: { name: string; content: Buffer }, options: TicketImportOptions = {}): Promise<TicketImportReport> {
  const sheet = await readTicketFile(file.name, file.content);
  const now = ctx.clock.now();
  const read = sheet.rows.map((r) => readImportRow(r, now));
  const dryRun = options.dryRun ?? false;
  if (dryRun) return { applied: false, dryRun, ...summarise(file.name, sheet.rows.length, await plan(ctx.db, read, now), sheet.ignoredColumns) };
  return withTransaction(ctx.db, async (tx) => {
    await lockTicketImports(tx);
    const plans = await plan(tx, read, now);
    const report = summarise(file.name, sheet.rows.length, plans, sheet.ignoredColumns);
    if (report.rejectedRows > 0 && !options.partial) return { applied: false, dryRun, ...report };
    const creates = plans.flatMap((p) => (p.kind === 'create' ? [p.ticket] : []));
    options.onProgress?.(0, creates.length);
    for (let i = 0; i < creates.length; i += BATCH) {
      const batch = creates.slice(i, i + BATCH);
      const ids = await insertImportedTickets(tx, batch, now);
      const saved = batch.map((ticket) => ({ ticket, ...ids.get(keyText(ticket.key))! }));
      const assignments = await insertLeadAssignments(tx, saved.map((s) => ({ ticketId: s.id, ticket: s.ticket })));
      await insertClocksBatch(tx, WORK_TYPE, saved.flatMap((s) => s.ticket.clocks.map(({ assignmentRef, ...c }) => ({
        workId: s.id, clock: { ...c, assignmentId: assignmentRef === LEAD_REF ? assignments.get(s.id)! : c.assignmentId },
      }))));
      await recordAuditBatch(tx, saved.map((s) => importEvent(s.id, s.ticket, file.name, options.actor ?? null, now)));
      options.onProgress?.(i + batch.length, creates.length);
    }
    return { applied: true, dryRun, ...report };
  });
}

function importEvent(id: number, t: ImportedTicket, file: string, actor: Actor | null, now: Date): AuditEventInput {
  return {
    at: now, actorId: actor?.userId ?? null, actorLabel: actor ? null : 'import', entityType: WORK_TYPE, entityId: id, action: 'imported',
    after: { status: t.status },
    data: {
      file, row: t.row, externalId: t.externalId, sourceStatus: t.sourceStatus, serviceId: t.serviceId, leadUnitId: t.unit.id,
      acceptedAt: t.acceptedAt.toISOString(), overdue: t.overdue,
    },
  };
}
