/** Reading an import file, xlsx or CSV, into rows keyed by column; the header row is matched by name. */
import ExcelJS from 'exceljs';
import { DomainError } from '../platform/errors.js';
import { decodeCsv, parseCsv } from './ticket.import.csv.js';
import { IMPORT_COLUMN_KEYS, matchHeaders, type CellValue, type HeaderMap, type RawImportRow } from './ticket.import.rules.js';
import { plainCell } from '../platform/files/xlsx.js';

// One file is one import transaction; a city's years of history go in as several files (e.g. by month).
export const MAX_IMPORT_ROWS = 50_000;
/** The sheet the export writes; an xlsx without it is read from its first sheet. */
export const TICKET_SHEET = '工单';

export interface TicketFile { rows: RawImportRow[]; ignoredColumns: string[] }

const invalid = (zh: string, en: string) => new DomainError('TICKET_IMPORT_FILE_INVALID', undefined, zh, en);

function headerMap(headers: string[]): HeaderMap {
  const matched = matchHeaders(headers);
  if (!matched.ok) throw invalid(`第 1 行：${matched.zh}`, `row 1: ${matched.en}`);
  return matched.value;
}

function tooMany(count: number): void {
  if (count > MAX_IMPORT_ROWS) {
    throw invalid(`数据超过 ${MAX_IMPORT_ROWS} 行，请按月份等拆分为多个文件`, `more than ${MAX_IMPORT_ROWS} data rows; split the file, e.g. by month`);
  }
}

/** One data row by column; a row with every cell blank is no row (spreadsheets are full of them). */
function rowOf(row: number, map: HeaderMap, cell: (index: number) => CellValue): RawImportRow | undefined {
  const cells: RawImportRow['cells'] = {};
  let blank = true;
  for (const key of IMPORT_COLUMN_KEYS) {
    const index = map.columns.get(key);
    if (index === undefined) continue;
    const value = cell(index);
    cells[key] = value;
    if (value !== null && String(value).trim() !== '') blank = false;
  }
  return blank ? undefined : { row, cells };
}

async function readXlsx(content: Buffer): Promise<TicketFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid('不是有效的 xlsx 文件', 'not a valid xlsx file');
  }
  const sheet = wb.getWorksheet(TICKET_SHEET) ?? wb.worksheets[0];
  if (!sheet) throw invalid('文件中没有工作表', 'the file has no worksheet');
  tooMany(sheet.actualRowCount - 1);
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => { headers[col - 1] = String(plainCell(cell.value) ?? ''); });
  const map = headerMap(Array.from(headers, (h) => h ?? ''));
  const rows: RawImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const row = rowOf(rowNumber, map, (index) => plainCell(r.getCell(index + 1).value));
    if (row) rows.push(row);
  });
  return { rows, ignoredColumns: map.ignored };
}

function readCsv(content: Buffer): TicketFile {
  const records = parseCsv(decodeCsv(content));
  if (records.length === 0) throw invalid('文件是空的', 'the file is empty');
  tooMany(records.length - 1);
  const map = headerMap(records[0]!);
  const rows: RawImportRow[] = [];
  for (const [i, fields] of records.entries()) {
    if (i === 0) continue;
    const row = rowOf(i + 1, map, (index) => fields[index] ?? null);
    if (row) rows.push(row);
  }
  return { rows, ignoredColumns: map.ignored };
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** An xlsx is known by its content (a zip), whatever its name; anything else must be a CSV. The old binary .xls is refused. */
export async function readTicketFile(name: string, content: Buffer): Promise<TicketFile> {
  if (isZip(content)) return readXlsx(content);
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(content);
  if (lower.endsWith('.xls') || (content[0] === 0xd0 && content[1] === 0xcf)) {
    throw invalid('不支持旧版 .xls 文件，请另存为 xlsx 或 CSV UTF-8', 'the old .xls format is not supported; save as xlsx or CSV UTF-8');
  }
  return readCsv(content);
}
