import { describe, expect, it } from 'vitest';
import { DomainError } from '../platform/errors.js';
import { decodeCsv, formatCsv, parseCsv } from './ticket.import.csv.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('CSV (RFC 4180)', () => {
  it('reads plain and quoted fields, doubled quotes, commas and line breaks inside quotes', () => {
    const text = '工单编号,标题,诉求内容\r\nA1,"停水, 两天","他说：""三天了""\r\n第二行"\r\nA2,,""\r\n';
    expect(parseCsv(text)).toEqual([
      ['工单编号', '标题', '诉求内容'],
      ['A1', '停水, 两天', '他说："三天了"\r\n第二行'],
      ['A2', '', ''],
    ]);
  });

  it('accepts LF or CR line ends and no final line break; keeps blank lines as empty records so rows keep their numbers', () => {
    expect(parseCsv('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\n\nc,')).toEqual([['a', 'b'], [''], ['c', '']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(refusal(() => parseCsv('a,b\n1,"open\n\n')).detailZh).toBe('第 2 行起的引号没有结束');
    expect(refusal(() => parseCsv('a,b\n1,"x"y\n')).detailZh).toBe('第 2 行：引号结束后只能是逗号或换行');
  });

  it('drops a UTF-8 byte-order mark and refuses GBK or UTF-16, saying how to save as UTF-8', () => {
    expect(decodeCsv(utf8('\ufeff受理时间,状态\r\n'))).toBe('受理时间,状态\r\n');
    // 受理 in GBK.
    const gbk = refusal(() => decodeCsv(new Uint8Array([0xca, 0xdc, 0xc0, 0xed])));
    expect(gbk.code).toBe('TICKET_IMPORT_FILE_INVALID');
    expect(gbk.detailZh).toContain('CSV UTF-8');
    expect(refusal(() => decodeCsv(new Uint8Array([0xff, 0xfe, 0x57, 0x53]))).detailEn).toContain('UTF-16');
  });

  it('writes what it reads: quotes only where needed, CRLF, a BOM for Excel', () => {
    const rows = [['编号', '内容'], ['1', 'a,b'], ['2', '说"好"'], ['3', '两\n行'], ['4', ' 前后空格 '], ['5', '']];
    const text = formatCsv(rows);
    expect(text.startsWith('\ufeff编号,内容\r\n1,"a,b"\r\n2,"说""好"""\r\n')).toBe(true);
    expect(parseCsv(decodeCsv(utf8(text)))).toEqual(rows);
    expect(formatCsv([['x']], { bom: false })).toBe('x\r\n');
  });
});
