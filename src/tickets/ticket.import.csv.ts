/**
 * CSV as RFC 4180 writes it (and as Excel's "CSV UTF-8" saves it): comma-separated fields, quoted fields
 * that may hold commas, doubled quotes and line breaks, records ended by CRLF (LF or CR alone accepted).
 * Only UTF-8 is read: Excel's plain "CSV" on Chinese Windows is GBK, and guessing an encoding wrong would
 * import garbled names silently, so such a file is refused with the way to save it instead.
 */
import { DomainError } from '../platform/errors.js';

const BOM = '\ufeff';

const invalid = (zh: string, en: string) => new DomainError('TICKET_IMPORT_FILE_INVALID', undefined, zh, en);

const SAVE_AS = { zh: '请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”，或直接导入 xlsx', en: 'in Excel use "Save As → CSV UTF-8 (Comma delimited)", or import the xlsx itself' };

/** The file's text: a UTF-8 byte-order mark is dropped; any other encoding is refused. */
export function decodeCsv(content: Uint8Array): string {
  if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
    throw invalid(`CSV 文件是 UTF-16 编码，须为 UTF-8；${SAVE_AS.zh}`, `the CSV file is UTF-16; UTF-8 is required: ${SAVE_AS.en}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    throw invalid(`CSV 文件不是 UTF-8 编码（可能是 GBK/GB18030）；${SAVE_AS.zh}`, `the CSV file is not UTF-8 (perhaps GBK/GB18030); ${SAVE_AS.en}`);
  }
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * The records of a CSV text, blank lines included (as empty records), so that record N is the row N a
 * spreadsheet shows. A final line break does not start a record.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && atFieldStart) {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw invalid(`第 ${startLine} 行起的引号没有结束`, `the quoted field starting on line ${startLine} is never closed`);
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw invalid(`第 ${line} 行：引号结束后只能是逗号或换行`, `line ${line}: a closing quote must be followed by a comma or a line break`);
      }
      atFieldStart = false;
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += c;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** CSV text from rows of strings, with a BOM so that Excel opens it as UTF-8. */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string>>, options: { bom?: boolean } = {}): string {
  const body = rows.map((r) => r.map((f) => (NEEDS_QUOTES.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\r\n');
  return `${options.bom === false ? '' : BOM}${body}\r\n`;
}
