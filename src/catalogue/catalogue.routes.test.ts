import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, useTestApp } from '../../test/app.js';
import type { Unit } from '../units/unit.js';
import { COLUMNS, type ColumnKey } from './catalogue.sheet.rules.js';
import { writeCatalogueSheet, XLSX_MIME } from './catalogue.xlsx.js';
import { findServiceAt } from './service.repository.js';

const HOUR = 3_600_000;
type SheetRow = Record<ColumnKey, string>;

const blankRow = (over: Partial<SheetRow>): SheetRow => ({
  code: '', name: '', groupName: '', description: '', keywords: '', unitCode: '', acknowledge: '', firstContact: '', resolve: '',
  callback: '', returnWindow: '', effectiveFrom: '', ...over,
});

/** The rows of an exported workbook, by header, as text. */
async function sheetRows(file: Buffer): Promise<Array<Record<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Array<Record<string, string>> = [];
  sheet.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(headers.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
  });
  return out;
}

/** Change cells of an exported workbook, as an admin would in Excel. */
async function edit(file: Buffer, change: (sheet: ExcelJS.Worksheet, col: (header: string) => number) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  change(sheet, (header) => headers.indexOf(header));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing and exporting the catalogue as xlsx', () => {
  const t = useTestApp();
  let admin: string;
  let cgj: Unit;

  beforeAll(async () => {
    const district = await t.unit('D', 'district', null, '示范区');
    cgj = await t.unit('CGJ', 'department', district, '城管局');
    await t.unit('ZJJ', 'department', district, '住建局');
    const session = (await t.user('admin', district, ['admin'])).token;
    admin = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer(session), payload: { name: 'test' } })).json().token;
  });

  const exportFile = async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/catalogue/export.xlsx', headers: bearer(admin) });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX_MIME);
    return r.rawPayload;
  };
  const importFile = (file: Buffer, query = '') => t.app.inject({
    method: 'POST', url: `/api/v1/catalogue/import${query}`, headers: { ...bearer(admin), 'content-type': XLSX_MIME }, payload: file,
  });
  const create = (code: string, over: object = {}) => t.app.inject({
    method: 'POST', url: '/api/v1/services', headers: bearer(admin), payload: {
      code, name: `事项${code}`, groupName: '城市管理', keywords: ['噪音', '扰民'], unitId: cgj.id,
      limits: { acknowledge: { amount: 2, unit: 'hours', natural: true }, resolve: { amount: 5, unit: 'working_days' }, maxExtensions: 2 }, ...over,
    },
  });

  it('exports the catalogue in force with Chinese headers, and re-importing it changes nothing', async () => {
    expect((await create('CG-001')).statusCode).toBe(201);
    expect((await create('CG-002', { limits: { resolve: { amount: 30, unit: 'minutes' }, returnWindow: { amount: 1, unit: 'working_days' } } })).statusCode).toBe(201);
    const file = await exportFile();
    const rows = await sheetRows(file);
    expect(Object.keys(rows[0]!)).toEqual(Object.values(COLUMNS));
    expect(rows[0]).toMatchObject({
      事项编码: 'CG-001', 事项名称: '事项CG-001', 关键词: '噪音、扰民', 责任单位编码: 'CGJ', 签收时限: '2小时(全天候)', 首次联系时限: '', 办结时限: '5工作日',
      退单时限: '', 生效时间: '2026-03-02 09:00:00',
    });
    expect(rows[1]).toMatchObject({ 办结时限: '30分钟', 退单时限: '1工作日' });

    t.clock.advance(HOUR);
    const again = await importFile(file);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ applied: true, created: 0, updated: 0, unchanged: 2, rejected: [] });
  });

  it('turns an edited limit into version 2 from the import, keeping the old version for earlier work', async () => {
    const before = t.clock.now();
    t.clock.advance(HOUR);
    const file = await edit(await exportFile(), (sheet, col) => { sheet.getRow(2).getCell(col('办结时限')).value = '3工作日'; });
    const r = await importFile(file);
    expect(r.json()).toEqual({ applied: true, created: 0, updated: 1, unchanged: 1, rejected: [] });

    const now = t.clock.now();
    const v2 = await findServiceAt(t.ctx.db, 'CG-001', now);
    expect(v2).toMatchObject({ version: 2, effectiveFrom: now, limits: { acknowledge: { amount: 2, unit: 'hours', natural: true }, resolve: { amount: 3, unit: 'working_days' }, maxExtensions: 2 } });
    expect(await findServiceAt(t.ctx.db, 'CG-001', before)).toMatchObject({ version: 1, limits: { resolve: { amount: 5, unit: 'working_days' } } });
    // The same file again: now it describes what is in force.
    expect((await importFile(await exportFile())).json()).toMatchObject({ unchanged: 2, updated: 0 });
  });

  it('schedules a version from a future 生效时间 and creates new codes', async () => {
    t.clock.advance(HOUR);
    const file = await edit(await exportFile(), (sheet, col) => {
      const row = sheet.getRow(3);
      row.getCell(col('事项名称')).value = '占道经营';
      row.getCell(col('生效时间')).value = '2026-04-01';
      sheet.addRow(Object.values(blankRow({ code: 'ZJ-001', name: '物业服务', groupName: '住房保障', unitCode: 'ZJJ', resolve: '10工作日', keywords: '物业，小区' })));
    });
    expect((await importFile(file)).json()).toEqual({ applied: true, created: 1, updated: 1, unchanged: 1, rejected: [] });
    expect(await findServiceAt(t.ctx.db, 'CG-002', t.clock.now())).toMatchObject({ version: 1, effectiveTo: new Date('2026-04-01T00:00:00+08:00') });
    expect(await findServiceAt(t.ctx.db, 'CG-002', new Date('2026-04-01T00:00:00+08:00'))).toMatchObject({ version: 2, name: '占道经营' });
    expect(await findServiceAt(t.ctx.db, 'ZJ-001', t.clock.now())).toMatchObject({ version: 1, unitName: '住建局', keywords: ['物业', '小区'], limits: { resolve: { amount: 10, unit: 'working_days' } } });
  });

  it('reports rejected rows by row and column in both languages, and writes nothing unless partial', async () => {
    const file = await writeCatalogueSheet([
      blankRow({ code: 'NEW-1', name: '新事项', groupName: '其他', unitCode: 'CGJ', resolve: '2工作日' }),
      blankRow({ code: 'NEW-2', name: '坏时限', groupName: '其他', unitCode: 'CGJ', resolve: '3周' }),
      blankRow({ code: 'NEW-3', name: '无此单位', groupName: '其他', unitCode: 'NOPE' }),
      blankRow({ code: 'NEW-1', name: '重复', groupName: '其他', unitCode: 'CGJ' }),
    ]);
    const all = await importFile(file);
    expect(all.statusCode).toBe(200);
    const report = all.json();
    expect(report).toMatchObject({ applied: false, created: 1, updated: 0, unchanged: 0 });
    expect(report.rejected).toEqual([
      { row: 3, column: '办结时限', code: 'SERVICE_LIMITS_INVALID', message: expect.stringMatching(/^事项时限设置无效：第 3 行「办结时限」：无法识别“3周”的单位，应写作如 2工作日/), message_en: expect.stringContaining('row 3, column 办结时限 (resolve limit): unknown unit in "3周"') },
      { row: 4, column: '责任单位编码', code: 'UNIT_NOT_FOUND', message: '单位不存在：第 4 行「责任单位编码」：没有编码为“NOPE”的单位', message_en: 'Unit not found: row 4, column 责任单位编码 (responsible unit code): no unit has the code "NOPE"' },
      { row: 5, column: '事项编码', code: 'CATALOGUE_ROW_INVALID', message: expect.stringContaining('与第 2 行重复'), message_en: expect.stringContaining('repeats row 2') },
    ]);
    expect(await findServiceAt(t.ctx.db, 'NEW-1', t.clock.now())).toBeUndefined();

    const partial = await importFile(file, '?partial=true');
    expect(partial.json()).toMatchObject({ applied: true, created: 1, rejected: [{ row: 3 }, { row: 4 }, { row: 5 }] });
    expect(await findServiceAt(t.ctx.db, 'NEW-1', t.clock.now())).toMatchObject({ name: '新事项', limits: { resolve: { amount: 2, unit: 'working_days' } } });
  });

  it('refuses files that are not a catalogue: 422, 415 and 413', async () => {
    const garbage = await importFile(Buffer.from('not a spreadsheet'));
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json()).toMatchObject({ code: 'CATALOGUE_FILE_INVALID', message: '事项清单文件有误：不是有效的 xlsx 文件' });

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['编码', '名称']);
    const wrong = await importFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().message).toContain('第 1 行缺少列：事项编码、事项名称、事项分组、责任单位编码');

    const json = await t.app.inject({ method: 'POST', url: '/api/v1/catalogue/import', headers: bearer(admin), payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const huge = await importFile(Buffer.alloc(5 * 1024 * 1024 + 1));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('CATALOGUE_FILE_TOO_LARGE');
    // The 5 MiB allowance is the import's alone: other routes keep the 1 MiB limit.
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: { ...bearer(admin), 'content-type': XLSX_MIME }, payload: Buffer.alloc(2 * 1024 * 1024) });
    expect(other.statusCode).toBe(415);
  });
});
