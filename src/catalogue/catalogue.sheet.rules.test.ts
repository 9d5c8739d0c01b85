import { describe, expect, it } from 'vitest';
import type { ServiceVersion } from './service.js';
import { COLUMNS, planImport, readRow, sheetRowOf, type ColumnKey, type RawRow, type RowPlan } from './catalogue.sheet.rules.js';
import type { CellValue } from './catalogue.text.rules.js';

const at = (s: string) => new Date(`${s}+08:00`);
const NOW = at('2026-03-02T09:00:00');

const version = (over: Partial<ServiceVersion> = {}): ServiceVersion => ({
  id: 7, code: 'CG-001', version: 1, versionId: 70, effectiveFrom: at('2026-01-01T00:00:00'), effectiveTo: null,
  name: '噪音扰民', groupName: '城市管理', description: '夜间施工、商业噪音', keywords: ['噪音', '扰民'], unitId: 3, unitName: '城管局',
  limits: { acknowledge: { amount: 2, unit: 'hours' }, resolve: { amount: 5, unit: 'working_days' }, maxExtensions: 2 }, active: true, ...over,
});

const units = new Map([['CGJ', { id: 3, active: true }], ['ZJJ', { id: 4, active: true }], ['OLD', { id: 5, active: false }]]);

/** A sheet row as `catalogue export` writes it, with some cells changed. */
const raw = (row: number, v: ServiceVersion, change: Partial<Record<ColumnKey, CellValue>> = {}): RawRow => ({ row, cells: { ...sheetRowOf(v, 'CGJ'), ...change } });

function plan(rows: RawRow[], versions: ServiceVersion[][] = []): RowPlan[] {
  return planImport(rows.map(readRow), { versionsByCode: new Map(versions.map((vs) => [vs[0]!.code, vs])), unitsByCode: units }, NOW);
}

describe('reading a sheet row', () => {
  it('reads every column into typed fields', () => {
    const { row, problems } = readRow({ row: 2, cells: {
      code: 'JT-9', name: ' 占道经营 ', groupName: '交通', keywords: '摊贩、占道', unitCode: 'CGJ', acknowledge: '30分钟',
      resolve: '3工作日', returnWindow: '1工作日', effectiveFrom: '2026-04-01',
    } });
    expect(problems).toEqual([]);
    expect(row).toEqual({
      row: 2, code: 'JT-9', name: '占道经营', groupName: '交通', description: '', keywords: ['摊贩', '占道'], unitCode: 'CGJ',
      limits: { acknowledge: { amount: 30, unit: 'minutes' }, resolve: { amount: 3, unit: 'working_days' }, returnWindow: { amount: 1, unit: 'working_days' } },
      effectiveFrom: at('2026-04-01T00:00:00'),
    });
  });

  it('names the column of each problem', () => {
    const { problems } = readRow({ row: 5, cells: { code: '编码 1', name: '', groupName: '交通', unitCode: '', resolve: '3周', callback: '400工作日', effectiveFrom: '明天' } });
    expect(problems.map((p) => [p.column, p.code])).toEqual([
      [COLUMNS.resolve, 'SERVICE_LIMITS_INVALID'],
      [COLUMNS.effectiveFrom, 'SERVICE_VERSION_INVALID'],
      [COLUMNS.unitCode, 'CATALOGUE_ROW_INVALID'],
      [COLUMNS.code, 'CATALOGUE_ROW_INVALID'],
      [COLUMNS.name, 'CATALOGUE_ROW_INVALID'],
      [COLUMNS.callback, 'SERVICE_LIMITS_INVALID'],
    ]);
    expect(problems.every((p) => p.row === 5)).toBe(true);
  });
});

describe('planning an import', () => {
  it('leaves a row as exported unchanged, and keeps fields the sheet has no column for', () => {
    const v1 = version();
    expect(plan([raw(2, v1)], [[v1]])).toEqual([{ kind: 'unchanged', row: 2 }]);
  });

  it('turns an edited row into a version from the import, keeping maxExtensions', () => {
    const v1 = version();
    const [p] = plan([raw(2, v1, { resolve: '3工作日' })], [[v1]]);
    expect(p).toMatchObject({ kind: 'version', latest: v1, effectiveFrom: NOW });
    expect(p!.kind === 'version' && p!.content.limits).toEqual({ acknowledge: { amount: 2, unit: 'hours' }, resolve: { amount: 3, unit: 'working_days' }, maxExtensions: 2 });
  });

  it('schedules a version from a new 生效时间, and treats a blank one as "from now"', () => {
    const v1 = version();
    expect(plan([raw(2, v1, { name: '噪声扰民', effectiveFrom: '2026-04-01' })], [[v1]])[0]).toMatchObject({ kind: 'version', effectiveFrom: at('2026-04-01T00:00:00') });
    expect(plan([raw(2, v1, { name: '噪声扰民', effectiveFrom: null })], [[v1]])[0]).toMatchObject({ kind: 'version', effectiveFrom: NOW });
  });

  it('creates new codes from their 生效时间 or now', () => {
    const fresh = version({ code: 'NEW-1' });
    expect(plan([raw(3, fresh, { effectiveFrom: null })])[0]).toMatchObject({ kind: 'create', code: 'NEW-1', effectiveFrom: NOW, content: { unitId: 3, active: true } });
  });

  it('refuses a stale row based on an older version, and a date before the latest version', () => {
    const v1 = version({ effectiveTo: at('2026-02-01T00:00:00') });
    const v2 = version({ version: 2, versionId: 71, effectiveFrom: at('2026-02-01T00:00:00'), unitId: 4 });
    const [stale] = plan([raw(2, v1, { resolve: '1工作日' })], [[v1, v2]]);
    expect(stale).toMatchObject({ kind: 'rejected', problems: [{ code: 'VERSION_CONFLICT', column: '生效时间' }] });
    const [early] = plan([raw(2, v2, { resolve: '1工作日', effectiveFrom: '2026-01-15' })], [[v1, v2]]);
    expect(early).toMatchObject({ kind: 'rejected', problems: [{ code: 'SERVICE_VERSION_INVALID', column: '生效时间' }] });
  });

  it('reactivates a withdrawn service listed in the sheet', () => {
    const v1 = version({ effectiveTo: at('2026-02-01T00:00:00') });
    const off = version({ version: 2, versionId: 71, effectiveFrom: at('2026-02-01T00:00:00'), active: false });
    expect(plan([raw(2, off, { effectiveFrom: null })], [[v1, off]])[0]).toMatchObject({ kind: 'version', content: { active: true } });
  });

  it('refuses unknown or inactive units and repeated codes', () => {
    const v = version({ code: 'NEW-2' });
    const plans = plan([raw(2, v), raw(3, v, { name: '重复' }), raw(4, version({ code: 'NEW-3' }), { unitCode: 'NOPE' }), raw(5, version({ code: 'NEW-4' }), { unitCode: 'OLD' })]);
    expect(plans.map((p) => p.kind)).toEqual(['create', 'rejected', 'rejected', 'rejected']);
    expect(plans.slice(1).map((p) => p.kind === 'rejected' && p.problems[0]!.code)).toEqual(['CATALOGUE_ROW_INVALID', 'UNIT_NOT_FOUND', 'UNIT_NOT_FOUND']);
    expect(plans[1]).toMatchObject({ problems: [{ zh: '事项编码与第 2 行重复' }] });
  });
});
