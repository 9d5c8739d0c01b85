/**
 * The ticket export workbook: one sheet of tickets with Chinese headers (those of the import, so an export
 * can be imported elsewhere), a frozen header row, widths to read by, and times as real Excel dates in
 * Beijing time; and a sheet saying what was exported. Written as a stream, so 50,000 rows stay cheap.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TicketListItem } from './ticket.query.js';
import type { ExportDetail } from './ticket.export.repository.js';
import { TICKET_SHEET } from './ticket.import.file.js';
import { CHANNEL_ZH, RESOLVED_ZH, SATISFACTION_ZH, STATUS_ZH } from './ticket.import.text.rules.js';

export type ExportRow = TicketListItem & ExportDetail;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
/** Excel has no time zones: a cell holds a wall-clock time, so the instant is written as it reads in Beijing. */
const excelDate = (d: Date | null) => (d ? new Date(d.getTime() + SHANGHAI_OFFSET_MS) : null);

interface Column { header: string; width: number; date?: true; value: (r: ExportRow) => string | Date | null }

const COLUMNS: Column[] = [
  { header: '工单编号', width: 20, value: (r) => r.trackingCode },
  { header: '原工单编号', width: 20, value: (r) => r.externalId },
  { header: '受理时间', width: 17, date: true, value: (r) => excelDate(r.acceptedAt) },
  { header: '渠道', width: 10, value: (r) => CHANNEL_ZH[r.channel] },
  { header: '标题', width: 30, value: (r) => r.title },
  { header: '诉求内容', width: 50, value: (r) => r.description },
  { header: '诉求人', width: 10, value: (r) => r.requesterName },
  { header: '联系电话', width: 15, value: (r) => r.requesterPhone },
  { header: '地址', width: 30, value: (r) => r.locationText },
  { header: '事项编码', width: 14, value: (r) => r.serviceCode },
  { header: '事项名称', width: 20, value: (r) => r.serviceName },
  { header: '承办单位编码', width: 14, value: (r) => r.leadUnitCode },
  { header: '承办单位', width: 18, value: (r) => r.leadUnitName },
  { header: '状态', width: 11, value: (r) => STATUS_ZH[r.status] },
  { header: '是否超期', width: 9, value: (r) => (r.overdue ? '是' : '否') },
  { header: '督办', width: 7, value: (r) => (r.supervised ? '是' : '否') },
  { header: '办理时限', width: 17, date: true, value: (r) => excelDate(r.deadline) },
  { header: '答复内容', width: 40, value: (r) => r.replyText },
  { header: '答复时间', width: 17, date: true, value: (r) => excelDate(r.repliedAt) },
  { header: '办结时间', width: 17, date: true, value: (r) => excelDate(r.closedAt) },
  { header: '满意度', width: 10, value: (r) => (r.ratingSatisfaction ? SATISFACTION_ZH[r.ratingSatisfaction] : null) },
  { header: '解决情况', width: 10, value: (r) => (r.ratingResolved ? RESOLVED_ZH[r.ratingResolved] : null) },
];
export const EXPORT_HEADERS = COLUMNS.map((c) => c.header);
// Text columns are text, so that numbers such as phones and codes keep their zeros when edited.
const STYLES: Array<Partial<ExcelJS.Style>> = COLUMNS.map((c) => Object.freeze({ numFmt: c.date ? DATE_FORMAT : '@' }));

export interface TicketWorkbook {
  add(row: ExportRow): void;
  /** Close the ticket sheet, add the 说明 sheet with these label/value lines, and return the file. */
  finish(about: ReadonlyArray<readonly [string, string]>): Promise<Buffer>;
}

export function ticketWorkbook(): TicketWorkbook {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => { stream.on('end', resolve); stream.on('error', reject); });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Mashangban 马上办';
  const sheet = wb.addWorksheet(TICKET_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c, i) => ({ header: c.header, key: c.header, width: c.width, style: STYLES[i] }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  header.commit();
  return {
    add(row) {
      const r = sheet.addRow(COLUMNS.map((c) => c.value(row)));
      // One style object per column, shared by its cells: exceljs resolves a style once per object, not per cell.
      r.eachCell({ includeEmpty: true }, (cell, col) => { cell.style = STYLES[col - 1]!; });
      r.commit();
    },
    async finish(about) {
      sheet.commit();
      const info = wb.addWorksheet('说明');
      info.columns = [{ width: 16 }, { width: 80 }];
      for (const line of about) info.addRow([...line]).commit();
      info.commit();
      await wb.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
