import type { ErrorCode } from '../platform/errors.js';
import { CLOCK_LIMITS, type ClockLimit, type Limit, type ServiceContent, type ServiceLimits, type ServiceVersion } from './service.js';
import {
  codeProblems, effectiveFromProblems, contentOf, contentProblems, formatShanghai, LIMIT_NAMES, normaliseKeywords, normaliseLimits,
  sameContent, versionAt, type Problem,
} from './service.rules.js';
import { formatKeywords, formatLimitText, parseEffectiveTime, parseKeywords, parseLimitText, type CellValue } from './catalogue.text.rules.js';

/** The sheet's columns, in order: one row per service, the version in force. */
export const COLUMNS = {
  code: '事项编码',
  name: '事项名称',
  groupName: '事项分组',
  description: '事项描述',
  keywords: '关键词',
  unitCode: '责任单位编码',
  acknowledge: LIMIT_NAMES.acknowledge.zh,
  firstContact: LIMIT_NAMES.firstContact.zh,
  resolve: LIMIT_NAMES.resolve.zh,
  callback: LIMIT_NAMES.callback.zh,
  returnWindow: LIMIT_NAMES.returnWindow.zh,
  effectiveFrom: '生效时间',
} as const;
export type ColumnKey = keyof typeof COLUMNS;

/** English names of the headers, for the English half of a rejection. */
export const COLUMNS_EN: Record<string, string> = {
  [COLUMNS.code]: 'service code', [COLUMNS.name]: 'name', [COLUMNS.groupName]: 'group', [COLUMNS.description]: 'description',
  [COLUMNS.keywords]: 'keywords', [COLUMNS.unitCode]: 'responsible unit code', [COLUMNS.acknowledge]: LIMIT_NAMES.acknowledge.en,
  [COLUMNS.firstContact]: LIMIT_NAMES.firstContact.en, [COLUMNS.resolve]: LIMIT_NAMES.resolve.en, [COLUMNS.callback]: LIMIT_NAMES.callback.en,
  [COLUMNS.returnWindow]: LIMIT_NAMES.returnWindow.en, [COLUMNS.effectiveFrom]: 'effective from',
};
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['code', 'name', 'groupName', 'unitCode'];

export interface RawRow { row: number; cells: Partial<Record<ColumnKey, CellValue>> }

/** A sheet row read into typed fields; what could not be read is in `problems`. */
export interface SheetRow {
  row: number;
  code: string;
  name: string;
  groupName: string;
  description: string;
  keywords: string[];
  unitCode: string;
  limits: Partial<Record<ClockLimit, Limit>>;
  /** Undefined when blank: the change takes effect at the import. */
  effectiveFrom: Date | undefined;
}

export interface RowProblem { row: number; column: string | null; code: ErrorCode; zh: string; en: string }

const FIELD_COLUMNS: Record<string, ColumnKey> = {
  code: 'code', name: 'name', groupName: 'groupName', description: 'description', keywords: 'keywords',
  'limits.acknowledge': 'acknowledge', 'limits.firstContact': 'firstContact', 'limits.resolve': 'resolve',
  'limits.callback': 'callback', 'limits.returnWindow': 'returnWindow', effectiveFrom: 'effectiveFrom',
};

const atRow = (row: number, p: Problem): RowProblem => {
  const key = FIELD_COLUMNS[p.field];
  return { row, column: key ? COLUMNS[key] : null, code: p.code, zh: p.zh, en: p.en };
};

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : v instanceof Date ? formatShanghai(v) : String(v).trim());

export function readRow(raw: RawRow): { row: SheetRow; problems: RowProblem[] } {
  const c = raw.cells;
  const problems: RowProblem[] = [];
  const limits: Partial<Record<ClockLimit, Limit>> = {};
  for (const kind of CLOCK_LIMITS) {
    const parsed = parseLimitText(c[kind] ?? null);
    if (!parsed.ok) problems.push({ row: raw.row, column: COLUMNS[kind], code: 'SERVICE_LIMITS_INVALID', zh: parsed.zh, en: parsed.en });
    else if (parsed.value) limits[kind] = parsed.value;
  }
  const time = parseEffectiveTime(c.effectiveFrom ?? null);
  if (!time.ok) problems.push({ row: raw.row, column: COLUMNS.effectiveFrom, code: 'SERVICE_VERSION_INVALID', zh: time.zh, en: time.en });
  const row: SheetRow = {
    row: raw.row, code: text(c.code), name: text(c.name), groupName: text(c.groupName), description: text(c.description),
    keywords: parseKeywords(c.keywords ?? null), unitCode: text(c.unitCode), limits, effectiveFrom: time.ok ? time.value : undefined,
  };
  if (!row.unitCode) {
    problems.push({ row: raw.row, column: COLUMNS.unitCode, code: 'CATALOGUE_ROW_INVALID', zh: '责任单位编码不能为空', en: 'the responsible unit code must be given' });
  }
  const content = rowContent(row, 0, {});
  problems.push(...[...codeProblems(row.code), ...contentProblems(content)].map((p) => atRow(raw.row, p)));
  return { row, problems };
}

/**
 * A row lists the service as active with its clock limits. The policy fields the sheet has no column
 * for (extensions, pause approval) are kept from the version it is compared with.
 */
function rowContent(row: SheetRow, unitId: number, base: ServiceLimits): ServiceContent {
  const limits: ServiceLimits = normaliseLimits({
    ...base, acknowledge: undefined, firstContact: undefined, resolve: undefined, callback: undefined, returnWindow: undefined, ...row.limits,
  });
  return { name: row.name, groupName: row.groupName, description: row.description, keywords: normaliseKeywords(row.keywords), unitId, limits, active: true };
}

export type RowPlan =
  | { kind: 'create'; row: number; code: string; content: ServiceContent; effectiveFrom: Date }
  | { kind: 'version'; row: number; latest: ServiceVersion; content: ServiceContent; effectiveFrom: Date }
  | { kind: 'unchanged'; row: number }
  | { kind: 'rejected'; row: number; problems: RowProblem[] };

export interface ImportLookup {
  /** Existing services' versions by code, oldest first. */
  versionsByCode: ReadonlyMap<string, readonly ServiceVersion[]>;
  unitsByCode: ReadonlyMap<string, { id: number; active: boolean }>;
}

/**
 * Decide what each row does. A row describes the service from its 生效时间: the same content as the
 * version then in force is unchanged; other content becomes a version from that instant. A 生效时间
 * left as exported (the start of the version shown) means the edit takes effect at the import, and
 * the row must then be based on the latest version, so a stale file cannot undo a newer change.
 */
export function planImport(read: ReadonlyArray<{ row: SheetRow; problems: RowProblem[] }>, lookup: ImportLookup, now: Date): RowPlan[] {
  const firstRowOf = new Map<string, number>();
  return read.map(({ row, problems }) => {
    const all = [...problems];
    const earlier = row.code ? firstRowOf.get(row.code) : undefined;
    if (earlier !== undefined) {
      all.push({ row: row.row, column: COLUMNS.code, code: 'CATALOGUE_ROW_INVALID', zh: `事项编码与第 ${earlier} 行重复`, en: `the service code repeats row ${earlier}` });
    } else if (row.code) firstRowOf.set(row.code, row.row);
    const unit = lookup.unitsByCode.get(row.unitCode);
    if (row.unitCode && !unit) {
      all.push({ row: row.row, column: COLUMNS.unitCode, code: 'UNIT_NOT_FOUND', zh: `没有编码为“${row.unitCode}”的单位`, en: `no unit has the code "${row.unitCode}"` });
    }
    if (all.length > 0 || !unit) return { kind: 'rejected', row: row.row, problems: all };
    return planRow(row, unit, lookup.versionsByCode.get(row.code) ?? [], now);
  });
}

function planRow(row: SheetRow, unit: { id: number; active: boolean }, versions: readonly ServiceVersion[], now: Date): RowPlan {
  const reject = (code: ErrorCode, column: ColumnKey, zh: string, en: string): RowPlan => ({ kind: 'rejected', row: row.row, problems: [{ row: row.row, column: COLUMNS[column], code, zh, en }] });
  const inactiveUnit = () => reject('UNIT_NOT_FOUND', 'unitCode', `单位“${row.unitCode}”已停用`, `the unit "${row.unitCode}" is inactive`);
  const latest = versions.at(-1);
  if (!latest) {
    if (!unit.active) return inactiveUnit();
    return { kind: 'create', row: row.row, code: row.code, content: rowContent(row, unit.id, {}), effectiveFrom: row.effectiveFrom ?? now };
  }
  const given = row.effectiveFrom;
  const asExported = given && versions.find((v) => formatShanghai(v.effectiveFrom) === formatShanghai(given));
  const ref = asExported || versionAt(versions, given ?? now) || latest;
  if (sameContent(contentOf(ref), rowContent(row, unit.id, ref.limits))) return { kind: 'unchanged', row: row.row };
  if (asExported && asExported !== latest) {
    return reject('VERSION_CONFLICT', 'effectiveFrom',
      `该行依据第 ${asExported.version} 版，但事项已有第 ${latest.version} 版（${formatShanghai(latest.effectiveFrom)} 起），请导出最新清单后再修改`,
      `the row is based on version ${asExported.version} but version ${latest.version} exists (from ${latest.effectiveFrom.toISOString()}); export the catalogue again and edit that`);
  }
  const content = rowContent(row, unit.id, latest.limits);
  if (content.unitId !== latest.unitId && !unit.active) return inactiveUnit();
  const effectiveFrom = asExported || !given ? now : given;
  const late = effectiveFromProblems(latest, effectiveFrom);
  if (late.length > 0) return { kind: 'rejected', row: row.row, problems: late.map((p) => atRow(row.row, p)) };
  return { kind: 'version', row: row.row, latest, content, effectiveFrom };
}

/** The row a version is exported as: what an admin edits and imports back. */
export function sheetRowOf(v: ServiceVersion, unitCode: string): Record<ColumnKey, string> {
  return {
    code: v.code, name: v.name, groupName: v.groupName, description: v.description, keywords: formatKeywords(v.keywords), unitCode,
    acknowledge: formatLimitText(v.limits.acknowledge), firstContact: formatLimitText(v.limits.firstContact),
    resolve: formatLimitText(v.limits.resolve), callback: formatLimitText(v.limits.callback),
    returnWindow: formatLimitText(v.limits.returnWindow), effectiveFrom: formatShanghai(v.effectiveFrom),
  };
}
