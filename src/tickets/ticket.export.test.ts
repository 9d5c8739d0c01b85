import { runCli } from '../../test/cli.js';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../test/app.js';
import { citizen, useDistrict } from '../../test/fixtures.js';
import type { Actor } from '../platform/auth/roles.js';
import { exportCommand } from '../cli/import.command.js';
import { formatCsv } from './ticket.import.csv.js';
import { importTickets } from './ticket.import.service.js';
import { exportTickets } from './ticket.export.service.js';
import { EXPORT_HEADERS } from './ticket.export.xlsx.js';

const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));

const HISTORY = [
  ['工单编号', '受理时间', '渠道', '标题', '诉求内容', '诉求人', '联系电话', '地址', '事项编码', '承办单位编码', '状态', '答复内容', '答复时间', '办结时间', '满意度', '解决情况'],
  ['H-1', '2026-02-02 09:15', '12345热线', '幸福小区停水', '幸福小区3栋停水半天', '王女士', '0138001', '幸福小区3栋', 'WATER-01', 'D-WATER', '已办结', '已恢复供水', '2026-02-04 10:00', '2026-02-05 09:00', '满意', '已解决'],
  ['H-2', '2026-02-03 10:00', '网站', '城关街道水压低', '老街水压低', '李先生', '13900002222', '城关街道老街', 'WATER-01', 'T1', '已办结', '已协调加压', '2026-02-12 10:00', '2026-02-13 10:00', '基本满意', '部分解决'],
  ['H-3', '2026-02-26 09:00', 'APP', '湖东村自来水浑浊', '湖东村自来水发黄', '赵女士', '13700003333', '湖东村', 'WATER-01', 'T2', '办理中', '', '', '', '', ''],
];

async function download(user: keyof typeof d.tokens | null, query = '') {
  const res = await d.t.app.inject({ method: 'GET', url: `/api/v1/tickets/export.xlsx${query}`, headers: user ? bearer(d.tokens[user]) : {} });
  if (res.statusCode !== 200) return { res, sheet: null, info: null };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  return { res, sheet: wb.getWorksheet('工单')!, info: wb.getWorksheet('说明')! };
}

/** The data rows as objects keyed by header. */
function records(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(EXPORT_HEADERS.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

const listCodes = async (user: keyof typeof d.tokens, query = '') =>
  (await d.call(user, 'GET', `/api/v1/tickets?limit=200${query}`)).body.items.map((t: { trackingCode: string }) => t.trackingCode);

describe('exporting tickets to xlsx', () => {
  beforeAll(async () => {
    await importTickets(d.t.ctx, { name: 'history.csv', content: Buffer.from(formatCsv(HISTORY)) });
    // Live work of today: one dispatched at intake to the water bureau, one given to the town by the dispatcher.
    await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, title: '今天停水', serviceId: d.waterService });
    const t = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, title: '城关街道积水' });
    await d.call('dispatcher', 'POST', `/api/v1/tickets/${t.body.id}/assign`, { leadUnitId: d.units.town.id, serviceId: d.consultService });
  });

  it('writes every visible ticket, newest first, with the import\'s Chinese headers, a frozen header row and real dates in Beijing time', async () => {
    const { res, sheet, info } = await download('dispatcher');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('tickets-2026-03-02.xlsx');
    expect(res.headers['x-export-rows']).toBe('5');
    expect(res.headers['x-export-truncated']).toBe('false');
    expect(sheet!.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.getColumn(6).width).toBe(50);

    const rows = records(sheet!);
    expect(rows.map((r) => r['标题'])).toEqual(['城关街道积水', '今天停水', '湖东村自来水浑浊', '城关街道水压低', '幸福小区停水']);
    expect(rows.map((r) => r['工单编号'])).toEqual(await listCodes('dispatcher'));
    const h1 = rows[4]!;
    expect(h1).toMatchObject({
      原工单编号: 'H-1', 渠道: '12345热线', 诉求人: '王女士', 联系电话: '0138001', 事项编码: 'WATER-01', 事项名称: '供水问题', 承办单位编码: 'D-WATER',
      承办单位: '区水务局', 状态: '已办结', 是否超期: '否', 答复内容: '已恢复供水', 满意度: '满意', 解决情况: '已解决',
    });
    // A date cell holds the Beijing wall-clock time; formatted to the minute.
    expect(h1['受理时间']).toEqual(new Date(Date.UTC(2026, 1, 2, 9, 15)));
    expect(h1['办结时间']).toEqual(new Date(Date.UTC(2026, 1, 5, 9, 0)));
    expect(sheet!.getRow(6).getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(rows[2]).toMatchObject({ 状态: '待签收', 是否超期: '是', 答复时间: null, 承办单位编码: 'T2' });
    expect(rows[0]).toMatchObject({ 原工单编号: null, 状态: '待签收', 办理时限: expect.any(Date) });
    expect(info!.getRow(3).values).toEqual([undefined, '行数', '5']);
  });

  it('honours the unit scope: a town\'s export holds its own tickets only, exactly as its list does', async () => {
    const { sheet } = await download('town');
    const rows = records(sheet!);
    expect(rows.map((r) => r['标题'])).toEqual(['城关街道积水', '城关街道水压低']);
    expect(rows.map((r) => r['工单编号'])).toEqual(await listCodes('town'));
    const other = records((await download('otherTown')).sheet!);
    expect(other.map((r) => r['标题'])).toEqual(['湖东村自来水浑浊']);
  });

  it('takes the list\'s filters', async () => {
    const closed = records((await download('dispatcher', '?status=closed')).sheet!);
    expect(closed.map((r) => r['原工单编号'])).toEqual(['H-2', 'H-1']);
    const feb = records((await download('dispatcher', '?from=2026-02-03T00:00:00%2B08:00&to=2026-03-01T00:00:00%2B08:00')).sheet!);
    expect(feb.map((r) => r['原工单编号'])).toEqual(['H-3', 'H-2']);
    const overdue = records((await download('dispatcher', '?overdue=true')).sheet!);
    expect(overdue.map((r) => r['工单编号'])).toEqual(await listCodes('dispatcher', '&overdue=true'));
    // Paging parameters of the list are accepted and mean nothing here: the export takes every row.
    expect(records((await download('dispatcher', '?limit=1')).sheet!)).toHaveLength(5);
    expect((await download('dispatcher', '?status=done')).res.statusCode).toBe(400);
  });

  it('lives beside /tickets/:id without either taking the other\'s requests', async () => {
    expect((await download(null)).res.statusCode).toBe(401);
    expect((await d.call('dispatcher', 'GET', '/api/v1/tickets/export')).status).toBe(400);
    const first = (await d.call('dispatcher', 'GET', '/api/v1/tickets?limit=1')).body.items[0];
    expect((await d.call('dispatcher', 'GET', `/api/v1/tickets/${first.id}`)).body.title).toBe('城关街道积水');
  });

  it('stops at the cap and says so, in the file', async () => {
    const district: Actor = { userId: 0, username: 'test', displayName: 'test', unitId: d.units.district.id, unitPath: d.units.district.path, roles: ['supervisor'] };
    const r = await exportTickets(d.t.ctx, district, {}, { maxRows: 2 });
    expect(r).toMatchObject({ count: 2, truncated: true, maxRows: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.file as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('工单')!.actualRowCount).toBe(3);
    expect(String(wb.getWorksheet('说明')!.getRow(4).getCell(2).value)).toContain('超过 2 行，只导出了最新的 2 行');
    expect(await exportTickets(d.t.ctx, district, {}, { maxRows: 5 })).toMatchObject({ count: 5, truncated: false });
  });

  describe('mashangban export tickets', () => {
    let dir: string;
    beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msb-export-')); });
    afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

    it('writes the filtered tickets, and an export imported back creates nothing', async () => {
      const file = path.join(dir, 'closed.xlsx');
      const out = await runCli(exportCommand(), ['tickets', file, '--status', '已办结', '--unit', 'T1', '--from', '2026-02-01', '--to', '2026-02-03'], d.t.database.url);
      expect(out).toContain('Exported 1 tickets');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const rows = records(wb.getWorksheet('工单')!);
      expect(rows.map((r) => [r['原工单编号'], r['受理时间']])).toEqual([['H-2', new Date(Date.UTC(2026, 1, 3, 10, 0))]]);

      const all = await download('dispatcher');
      const back = await importTickets(d.t.ctx, { name: 'export.xlsx', content: all.res.rawPayload });
      expect(back).toMatchObject({ applied: true, rows: 5, imported: 0, skipped: 5, rejectedRows: 0 });
      expect(back.ignoredColumns).toEqual(['原工单编号', '事项名称', '承办单位', '是否超期', '督办', '办理时限']);
    });
  });
});
