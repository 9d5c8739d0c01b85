import ExcelJS from 'exceljs';
import { DomainError } from '../platform/errors.js';
import { COLUMNS, REQUIRED_COLUMNS, type ColumnKey, type RawRow } from './catalogue.sheet.rules.js';
import { plainCell } from '../platform/files/xlsx.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAME = '事项清单';
// A district's catalogue is hundreds to a few thousand services; more rows than this is a wrong file.
export const MAX_ROWS = 20_000;

const COLUMN_KEYS = Object.keys(COLUMNS) as ColumnKey[];

const NOTES: Partial<Record<ColumnKey, string>> = {
  code: '字母、数字或 _ . -；已有编码将新增版本，新编码将新增事项',
  keywords: '以“、”或“,”分隔',
  unitCode: '单位管理中的单位编码',
  acknowledge: '如 2工作日、4小时、30分钟、3自然日、2小时(全天候)；留空表示无此时限',
  returnWindow: '留空表示默认（2工作日）',
  effectiveFrom: '北京时间，如 2026-03-01 09:00；留空或保持导出时的值表示导入时生效',
};

const invalid = (zh: string, en: string) => new DomainError('CATALOGUE_FILE_INVALID', undefined, zh, en);

/** The rows of the catalogue sheet (or the first sheet), keyed by column; blank rows are skipped. */
export async function readCatalogueSheet(file: Buffer): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid('不是有效的 xlsx 文件', 'not a valid xlsx file');
  }
  const sheet = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!sheet) throw invalid('文件中没有工作表', 'the file has no worksheet');
  if (sheet.rowCount > MAX_ROWS + 1) throw invalid(`行数超过 ${MAX_ROWS}`, `more than ${MAX_ROWS} rows`);
  const byHeader = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = String(plainCell(cell.value) ?? '').trim();
    if (header && !byHeader.has(header)) byHeader.set(header, col);
  });
  const missing = REQUIRED_COLUMNS.filter((k) => !byHeader.has(COLUMNS[k])).map((k) => COLUMNS[k]);
  if (missing.length > 0) {
    throw invalid(`第 1 行缺少列：${missing.join('、')}`, `row 1 lacks the columns ${missing.join(', ')}`);
  }
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: RawRow['cells'] = {};
    let blank = true;
    for (const key of COLUMN_KEYS) {
      const col = byHeader.get(COLUMNS[key]);
      if (col === undefined) continue;
      const value = plainCell(r.getCell(col).value);
      cells[key] = value;
      if (value !== null && String(value).trim() !== '') blank = false;
    }
    if (!blank) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** A workbook of one sheet in the import format. Every cell is text, so codes like 001 keep their zeros. */
export async function writeCatalogueSheet(rows: ReadonlyArray<Record<ColumnKey, string>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mashangban 马上办';
  const sheet = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMN_KEYS.map((key) => ({
    header: COLUMNS[key], key, style: { numFmt: '@' },
    width: key === 'description' ? 40 : key === 'name' ? 30 : key === 'effectiveFrom' ? 20 : 14,
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  for (const [key, note] of Object.entries(NOTES) as Array<[ColumnKey, string]>) {
    header.getCell(COLUMN_KEYS.indexOf(key) + 1).note = note;
  }
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
