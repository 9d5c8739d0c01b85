import { withTransaction } from '../platform/database/db.js';
import { errorBody, type ErrorCode } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { listUnits } from '../units/unit.repository.js';
import { COLUMNS_EN, planImport, readRow, sheetRowOf, type RowPlan } from './catalogue.sheet.rules.js';
import { readCatalogueSheet, writeCatalogueSheet } from './catalogue.xlsx.js';
import * as repo from './service.repository.js';
import { saveNewService, saveNextVersion } from './service.service.js';

export interface RejectedRow { row: number; column: string | null; code: ErrorCode; message: string; message_en: string }

export interface ImportReport {
  /** False when rows were rejected and `partial` was not asked for: then nothing was written. */
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}

export interface ImportOptions {
  /** Write the good rows even if some are rejected (default: all or nothing). */
  partial?: boolean;
  onProgress?: (done: number, total: number) => void;
}

function summarise(plans: readonly RowPlan[]): Omit<ImportReport, 'applied'> {
  const report: Omit<ImportReport, 'applied'> = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  for (const plan of plans) {
    if (plan.kind === 'create') report.created++;
    else if (plan.kind === 'version') report.updated++;
    else if (plan.kind === 'unchanged') report.unchanged++;
    else {
      for (const p of plan.problems) {
        const where = p.column
          ? { zh: `第 ${p.row} 行「${p.column}」`, en: `row ${p.row}, column ${p.column} (${COLUMNS_EN[p.column] ?? p.column})` }
          : { zh: `第 ${p.row} 行`, en: `row ${p.row}` };
        const body = errorBody(p.code, undefined, `${where.zh}：${p.zh}`, `${where.en}: ${p.en}`);
        report.rejected.push({ row: p.row, column: p.column, code: p.code, message: body.message, message_en: body.message_en });
      }
    }
  }
  return report;
}

/**
 * Import the catalogue sheet in one transaction: new codes become services, changed rows new versions,
 * each audited. The services named in the file are locked first, so no admin's change can slip in
 * between the comparison and the write.
 */
export async function importCatalogue(ctx: AppContext, actor: Actor | null, file: Buffer, options: ImportOptions = {}): Promise<ImportReport> {
  const read = (await readCatalogueSheet(file)).map(readRow);
  const codes = [...new Set(read.map((r) => r.row.code).filter(Boolean))];
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    await repo.lockServicesByCode(tx, codes);
    const versionsByCode = await repo.listVersionsByCodes(tx, codes);
    const unitsByCode = new Map((await listUnits(tx, { includeInactive: true })).map((u) => [u.code, { id: u.id, active: u.active }]));
    const plans = planImport(read, { versionsByCode, unitsByCode }, now);
    const report = summarise(plans);
    if (report.rejected.length > 0 && !options.partial) {
      options.onProgress?.(plans.length, plans.length);
      return { applied: false, ...report };
    }
    let done = 0;
    for (const plan of plans) {
      const data = { via: 'import', row: plan.row };
      if (plan.kind === 'create') await saveNewService(tx, actor, plan.code, plan.content, plan.effectiveFrom, now, data);
      else if (plan.kind === 'version') await saveNextVersion(tx, actor, plan.latest, plan.content, plan.effectiveFrom, now, data);
      options.onProgress?.(++done, plans.length);
    }
    return { applied: true, ...report };
  });
}

/** The active catalogue in force now, one row per service, in the import format. */
export async function exportCatalogue(ctx: AppContext): Promise<{ file: Buffer; count: number }> {
  const services = await repo.listCatalogue(ctx.db, { at: ctx.clock.now() });
  const unitCodes = new Map((await listUnits(ctx.db, { includeInactive: true })).map((u) => [u.id, u.code]));
  const file = await writeCatalogueSheet(services.map((v) => sheetRowOf(v, unitCodes.get(v.unitId) ?? '')));
  return { file, count: services.length };
}
