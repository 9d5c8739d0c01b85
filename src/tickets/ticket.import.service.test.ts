import { runCli } from '../../test/cli.js';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDistrict } from '../../test/fixtures.js';
import { at } from '../calendar/calendar.testing.js';
import { importCommand } from '../cli/import.command.js';
import { formatCsv } from './ticket.import.csv.js';
import { importTickets } from './ticket.import.service.js';

// Monday 2 March 2026, 09:00 in Shanghai: the history below is February's.
const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));

const HEADERS = ['工单编号', '受理时间', '渠道', '标题', '诉求内容', '诉求人', '联系电话', '地址', '事项编码', '承办单位编码', '状态', '答复内容', '答复时间', '办结时间', '满意度', '解决情况'];
type Row = Array<string | Date | null>;

/** Excel holds a wall-clock time: a Beijing time written as the same digits in UTC, as Excel users type it. */
const excelTime = (shanghai: string) => new Date(`${shanghai.replace(' ', 'T')}:00Z`);

const history = (prefix: string): Row[] => [
  // On time, to the service's own unit, rated satisfied.
  [`${prefix}-1`, excelTime('2026-02-02 09:15'), '12345热线', '幸福小区停水', '幸福小区3栋停水半天', '王女士', '138****1234', '幸福小区3栋', 'WATER-01', 'D-WATER', '已办结', '已恢复供水', '2026-02-04 10:00', '2026-02-05 09:00', '满意', '已解决'],
  // Late: five working days ran out on Monday 9 February at 17:30; the town answered on the 12th.
  [`${prefix}-2`, '2026/2/2 10:00', '网站', '城关街道水压低', '城关街道老街水压低，高层没水', '李先生', '13900002222', '城关街道老街', 'WATER-01', 'T1', '已办结', '已协调加压', '2026-02-12 10:00', '2026-02-13 10:00', '不满意', '部分解决'],
  // Still open at the other town, since the Thursday before.
  [`${prefix}-3`, '2026年2月26日 9时00分', 'APP', '湖东村自来水浑浊', '湖东村自来水发黄浑浊', '赵女士', '13700003333', '湖东村', 'WATER-01', 'T2', '办理中', null, null, null, null, null],
];

async function xlsx(rows: Row[], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('历史工单');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const countTickets = async () => Number((await d.t.ctx.db.query<{ n: string }>('SELECT count(*) AS n FROM tickets')).rows[0]!.n);
const ticketByExternalId = async (id: string) =>
  (await d.t.ctx.db.query<{ id: number }>(`SELECT id FROM tickets WHERE idempotency_scope = 'import' AND idempotency_key = $1`, [id])).rows[0]?.id;

describe('importing historical tickets', () => {
  it('imports an xlsx: tickets dated by 受理时间, with their service, lead unit, clocks and an audit event', async () => {
    const progress: Array<[number, number]> = [];
    const report = await importTickets(d.t.ctx, { name: 'history-feb.xlsx', content: await xlsx(history('A')) }, { onProgress: (done, total) => progress.push([done, total]) });
    expect(report).toMatchObject({ applied: true, rows: 3, imported: 3, skipped: 0, rejectedRows: 0, byStatus: { closed: 2, replied: 0, assigned: 1 }, overdue: 2 });
    expect(report.ignoredColumns).toEqual([]);
    expect(progress.at(-1)).toEqual([3, 3]);

    const onTime = (await d.call('dispatcher', 'GET', `/api/v1/tickets/${await ticketByExternalId('A-1')}`)).body;
    expect(onTime).toMatchObject({
      trackingCode: expect.stringMatching(/^MSB20260202-\d{6}$/), status: 'closed', closeKind: 'rated', channel: 'hotline',
      serviceId: d.waterService, serviceName: '供水问题', leadUnitId: d.units.water.id, leadUnitName: '区水务局',
      acceptedAt: at('2026-02-02 09:15').toISOString(), repliedAt: at('2026-02-04 10:00').toISOString(), closedAt: at('2026-02-05 09:00').toISOString(),
      ratingSatisfaction: 'satisfied', ratingResolved: 'yes', replyText: '已恢复供水', requesterPhone: '138****1234',
    });
    expect(onTime.assignments).toMatchObject([{ unitId: d.units.water.id, role: 'lead', status: 'done', dispatchedAt: at('2026-02-02 09:15').toISOString() }]);
    const kinds = (t: { clocks: Array<{ kind: string; status: { state: string }; overdueAt: string | null; assignmentId: number | null }> }) =>
      t.clocks.map((c) => [c.kind, c.status.state, c.overdueAt !== null, c.assignmentId !== null]);
    expect(kinds(onTime)).toEqual([['sla', 'met', false, false], ['resolve', 'met', false, true], ['callback', 'met', false, false]]);
    expect(onTime.events).toMatchObject([{ action: 'imported', actorName: 'import', data: { file: 'history-feb.xlsx', row: 2, externalId: 'A-1', sourceStatus: '已办结' } }]);

    const late = (await d.call('dispatcher', 'GET', `/api/v1/tickets/${await ticketByExternalId('A-2')}`)).body;
    expect(late).toMatchObject({ status: 'closed', closeKind: 'confirmed', leadUnitId: d.units.town.id, channel: 'web', ratingSatisfaction: 'unsatisfied' });
    const resolve = late.clocks.find((c: { kind: string }) => c.kind === 'resolve');
    expect(resolve).toMatchObject({ deadline: at('2026-02-09 17:30').toISOString(), overdueAt: at('2026-02-09 17:30').toISOString(), status: { state: 'met' } });

    const open = (await d.call('dispatcher', 'GET', `/api/v1/tickets/${await ticketByExternalId('A-3')}`)).body;
    expect(open).toMatchObject({ status: 'assigned', leadUnitId: d.units.otherTown.id, repliedAt: null });
    expect(open.assignments).toMatchObject([{ status: 'pending', dispatchedAt: at('2026-02-26 09:00').toISOString() }]);
    // Accepted Thursday 09:00. Saturday 28 February is a make-up working day (调休), so by Monday morning the
    // acknowledge (2 hours) and first-contact (1 day) limits had passed, and the return window (2 days) had
    // closed without making anyone late; resolve (5 days) runs to 4 March.
    expect(kinds(open).filter(([, , overdue]) => overdue).map(([kind]) => kind)).toEqual(['acknowledge', 'first_contact']);
    expect(open.clocks.find((c: { kind: string }) => c.kind === 'resolve')).toMatchObject({ deadline: at('2026-03-04 17:30').toISOString(), status: { state: 'running' } });

    // The list shows them with their unit and service, to the units they were given to.
    const list = (user: Parameters<typeof d.call>[0], query = '') => d.call(user, 'GET', `/api/v1/tickets?from=2026-02-01T00:00:00%2B08:00&to=2026-03-01T00:00:00%2B08:00${query}`);
    const all = (await list('dispatcher')).body.items;
    expect(all.map((t: { title: string; serviceName: string; leadUnitName: string; overdue: boolean }) => [t.title, t.serviceName, t.leadUnitName, t.overdue])).toEqual([
      ['湖东村自来水浑浊', '供水问题', '东湖镇', true], ['城关街道水压低', '供水问题', '城关街道', true], ['幸福小区停水', '供水问题', '区水务局', false],
    ]);
    expect((await list('town')).body.items.map((t: { title: string }) => t.title)).toEqual(['城关街道水压低']);
    expect((await list('water')).body.items.map((t: { title: string }) => t.title)).toEqual(['幸福小区停水']);
    expect((await list('dispatcher', `&unitId=${d.units.otherTown.id}&status=assigned`)).body.items).toHaveLength(1);

    // Open imported work is ordinary work: the town acknowledges it in the system.
    expect((await d.call('otherTown', 'POST', `/api/v1/tickets/${open.id}/acknowledge`, {})).body.status).toBe('in_progress');
  });

  it('re-importing the same file creates nothing; the same 工单编号 with other content is refused, never overwritten', async () => {
    const before = await countTickets();
    const again = await importTickets(d.t.ctx, { name: 'history-feb.xlsx', content: await xlsx(history('A')) });
    expect(again).toMatchObject({ applied: true, imported: 0, skipped: 3, rejectedRows: 0 });
    const changed = history('A');
    changed[0]![11] = '改写的答复';
    const refused = await importTickets(d.t.ctx, { name: 'history-feb-v2.xlsx', content: await xlsx(changed) });
    expect(refused).toMatchObject({ applied: false, imported: 0, skipped: 2, rejectedRows: 1 });
    expect(refused.rejected[0]).toMatchObject({ row: 2, column: '工单编号', code: 'TICKET_IMPORT_DUPLICATE' });
    expect(refused.rejected[0]!.message).toMatch(/^工单重复：第 2 行「工单编号」：工单编号“A-1”已导入（MSB20260202-\d{6}），但本行内容不同/);
    expect(await countTickets()).toBe(before);
  });

  it('writes nothing when any row is rejected, and reports row, column, code and both messages', async () => {
    const before = await countTickets();
    const rows = [...history('B'), ['B-4', '2026-02-10 09:00', '传真', '路灯不亮', '', '', '', '', 'LIGHT-99', 'NOPE', '已办结', '', '', '2026-02-11 09:00', '', ''] as Row];
    const report = await importTickets(d.t.ctx, { name: 'b.xlsx', content: await xlsx(rows) });
    expect(report).toMatchObject({ applied: false, rows: 4, imported: 3, rejectedRows: 1 });
    expect(report.rejected).toEqual([{
      row: 5, column: '渠道', code: 'TICKET_IMPORT_ROW_INVALID',
      message: '工单数据有误：第 5 行「渠道」：无法识别渠道“传真”，应为 12345热线、网站、APP、接口、Open311、窗口、企业、主动发现 之一',
      message_en: 'Invalid ticket data: row 5, column 渠道 (channel): unknown channel "传真"; use one of 12345热线, 网站, APP, 接口, Open311, 窗口, 企业, 主动发现',
    }]);
    expect(await countTickets()).toBe(before);

    rows[3]![2] = '窗口';
    const codes = await importTickets(d.t.ctx, { name: 'b.xlsx', content: await xlsx(rows) });
    expect(codes.rejected.map((r) => [r.row, r.column, r.code])).toEqual([[5, '事项编码', 'SERVICE_NOT_FOUND']]);
    expect(await countTickets()).toBe(before);

    // --partial: the good rows go in, the bad one is reported.
    const partial = await importTickets(d.t.ctx, { name: 'b.xlsx', content: await xlsx(rows) }, { partial: true });
    expect(partial).toMatchObject({ applied: true, imported: 3, rejectedRows: 1 });
    expect(await countTickets()).toBe(before + 3);
  });

  it('checks without writing on a dry run', async () => {
    const before = await countTickets();
    const report = await importTickets(d.t.ctx, { name: 'c.xlsx', content: await xlsx(history('C')) }, { dryRun: true });
    expect(report).toMatchObject({ applied: false, dryRun: true, imported: 3, rejectedRows: 0 });
    expect(await countTickets()).toBe(before);
  });

  it('imports a UTF-8 CSV with a BOM, quoted commas and line breaks, English headers and no 工单编号; once only', async () => {
    const rows = [
      ['Accepted At', 'Channel', 'Title', 'Description', 'Requester', 'Phone', 'Address', 'Service Code', 'Unit Code', 'Status', 'Reply', 'Replied At', 'Closed At', 'Satisfaction', 'Resolved', 'Remarks'],
      ['2026-02-16 10:00', '窗口', '咨询停水通知', '问：停水，什么时候恢复？\n答：已告知', '陈先生', '', '城关街道', 'CONSULT-01', 'D', '已答复', '已告知恢复时间', '2026-02-24 09:30', '', '', '', '备注, 有逗号'],
    ];
    const content = Buffer.from(formatCsv(rows), 'utf8');
    const report = await importTickets(d.t.ctx, { name: 'consult.csv', content });
    expect(report).toMatchObject({ applied: true, imported: 1, byStatus: { replied: 1 }, ignoredColumns: ['Remarks'] });
    const id = (await d.t.ctx.db.query<{ id: number }>(`SELECT id FROM tickets WHERE idempotency_scope = 'import-row'`)).rows[0]!.id;
    const t = (await d.call('dispatcher', 'GET', `/api/v1/tickets/${id}`)).body;
    expect(t).toMatchObject({ status: 'replied', channel: 'window', description: '问：停水，什么时候恢复？\n答：已告知', serviceId: d.consultService, leadUnitId: d.units.district.id });
    // Replied after the Spring Festival: the one working day ran out on 24 February (the holiday does not count), at 17:30.
    expect(t.clocks.map((c: { kind: string; status: { state: string }; deadline: string; overdueAt: string | null }) => [c.kind, c.status.state, c.deadline, c.overdueAt]))
      .toEqual([['sla', 'met', at('2026-02-24 17:30').toISOString(), null], ['resolve', 'met', at('2026-02-24 17:30').toISOString(), null]]);
    expect(await importTickets(d.t.ctx, { name: 'consult.csv', content })).toMatchObject({ imported: 0, skipped: 1 });
  });

  it('refuses a file it cannot read as a whole, saying why', async () => {
    const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: { code: string; detailZh: string }) => [e.code, e.detailZh]);
    expect(await err(importTickets(d.t.ctx, { name: 'x.xlsx', content: await xlsx(history('D'), HEADERS.filter((h) => h !== '承办单位编码')) })))
      .toEqual(['TICKET_IMPORT_FILE_INVALID', '第 1 行：表头缺少列：承办单位编码']);
    expect(await err(importTickets(d.t.ctx, { name: 'x.csv', content: Buffer.from([0xca, 0xdc, 0xc0, 0xed, 0x0d, 0x0a]) })))
      .toEqual(['TICKET_IMPORT_FILE_INVALID', expect.stringContaining('不是 UTF-8')]);
    expect(await err(importTickets(d.t.ctx, { name: 'x.xlsx', content: Buffer.from('not a zip') })))
      .toEqual(['TICKET_IMPORT_FILE_INVALID', '不是有效的 xlsx 文件']);
  });
});

describe('mashangban import tickets', () => {
  let dir: string;
  beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msb-import-')); });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  async function run(...args: string[]): Promise<string> {
    return runCli(importCommand(), args, d.t.database.url);
  }

  it('explains itself with --help', () => {
    const tickets = importCommand().commands.find((c) => c.name() === 'tickets')!;
    expect(tickets.helpInformation()).toMatch(/--partial[\s\S]*--dry-run[\s\S]*--report/);
  });

  it('prints counts and the rejected rows, fails when they stopped the import, and writes the full list on request', async () => {
    const file = path.join(dir, 'e.xlsx');
    const report = path.join(dir, 'rejected.csv');
    await fs.writeFile(file, await xlsx([...history('E'), ['E-4', '2026-02-10 09:00', '', '路灯不亮', '', '', '', '', 'WATER-01', 'NOPE', '已办结', '', '', '2026-02-11 09:00', '', '']]));
    const stopped = await run('tickets', file, '--report', report);
    expect(stopped).toContain('新工单 3（已办结 2，已答复 0，办理中 1；有超期记录 2），已导入过 0，有误 1 行');
    expect(stopped).toContain('✗ 单位不存在：第 5 行「承办单位编码」：没有编码为“NOPE”的单位');
    expect(stopped).toContain('Nothing written');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(await fs.readFile(report, 'utf8')).toContain('5,承办单位编码,UNIT_NOT_FOUND');

    const partial = await run('tickets', file, '--partial');
    expect(partial).toContain('Imported 3 tickets');
    expect(process.exitCode ?? 0).toBe(0);
    expect(await run('tickets', file, '--partial', '--dry-run')).toContain('已导入过 3，有误 1 行');
    expect(process.exitCode ?? 0).toBe(0);
    expect(await run('tickets', file, '--dry-run')).toContain('Dry run: nothing written');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
});
