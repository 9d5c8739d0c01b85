import type ExcelJS from 'exceljs';

/** A spreadsheet cell as plain data. */
export type CellValue = string | number | boolean | Date | null;

/** An exceljs cell value as plain data: rich text and hyperlinks as their text, formulas as their result. */
export function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : plainCell(value.text as ExcelJS.CellValue);
  if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return null;
}
