import type { Limit, LimitUnit } from './service.js';

/** What a spreadsheet cell holds once read: text, a number, a date (Excel's wall-clock, as UTC) or nothing. */
export type { CellValue } from '../platform/files/xlsx.js';
import type { CellValue } from '../platform/files/xlsx.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

const UNIT_TEXT: Record<LimitUnit, string> = { minutes: '分钟', hours: '小时', working_days: '工作日', calendar_days: '自然日' };
const NATURAL_TEXT = '(全天候)';

/** `2工作日`, `4小时`, `30分钟`, `3自然日`, `2小时(全天候)`; blank for no limit. */
export function formatLimitText(limit: Limit | undefined): string {
  if (!limit) return '';
  return `${limit.amount}${UNIT_TEXT[limit.unit]}${limit.natural ? NATURAL_TEXT : ''}`;
}

const UNIT_WORDS: Array<[RegExp, LimitUnit]> = [
  [/^(个)?工作日$/, 'working_days'],
  [/^(个)?(自然日|日历日)$/, 'calendar_days'],
  [/^(个)?(小时|钟头)$/, 'hours'],
  [/^(分钟|分)$/, 'minutes'],
];

/** Full-width digits, letters, colons and brackets, as a Chinese input method types them, to half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const LIMIT_HINT = { zh: '应写作如 2工作日、4小时、30分钟、3自然日、2小时(全天候)，不设时限则留空', en: 'write e.g. 2工作日, 4小时, 30分钟, 3自然日, 2小时(全天候); leave blank for none' };

/** Reads a limit as people write it in the catalogue. Range checks are the rules' (limitProblems). */
export function parseLimitText(value: CellValue): Parsed<Limit | undefined> {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: undefined };
  if (typeof value !== 'string') {
    return { ok: false, zh: `“${String(value)}”缺少单位，${LIMIT_HINT.zh}`, en: `"${String(value)}" has no unit; ${LIMIT_HINT.en}` };
  }
  const text = toHalfWidth(value).replace(/\s+/g, '');
  const m = /^(\d+)([^\d(]+?)(\((全天候|自然时间)\)|全天候)?$/.exec(text);
  if (!m) return { ok: false, zh: `无法识别“${value}”，${LIMIT_HINT.zh}`, en: `cannot read "${value}"; ${LIMIT_HINT.en}` };
  const word = m[2]!;
  if (/^(个)?天$/.test(word)) {
    return { ok: false, zh: `“${value}”中的“天”不明确，请写“工作日”或“自然日”`, en: `"${value}": 天 (day) is ambiguous; write 工作日 (working days) or 自然日 (calendar days)` };
  }
  const unit = UNIT_WORDS.find(([re]) => re.test(word))?.[1];
  if (!unit) return { ok: false, zh: `无法识别“${value}”的单位，${LIMIT_HINT.zh}`, en: `unknown unit in "${value}"; ${LIMIT_HINT.en}` };
  const amount = Number(m[1]);
  return { ok: true, value: m[3] ? { amount, unit, natural: true } : { amount, unit } };
}

/** 关键词 separated by 、 or a comma (either width) or a semicolon; blanks and repeats dropped. */
export function parseKeywords(value: CellValue): string[] {
  if (value === null || value === '') return [];
  return [...new Set(String(value).split(/[、,，;；]/).map((k) => k.trim()).filter(Boolean))];
}

export const formatKeywords = (keywords: readonly string[]): string => keywords.join('、');

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const MS_PER_DAY = 86_400_000;
// Excel's day 0 is 1899-12-30 (its serial numbers count days from there, with a fraction for the time).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An instant from a Shanghai wall-clock time, or undefined if the fields are not a real date and time. */
function fromShanghai(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | undefined {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return new Date(wall - SHANGHAI_OFFSET_MS);
}

const TIME_HINT = { zh: '应写作如 2026-03-01 或 2026-03-01 09:00（北京时间），留空表示导入时生效', en: 'write e.g. 2026-03-01 or 2026-03-01 09:00 (Beijing time); blank means from the import' };

/**
 * 生效时间: text in Beijing time ('2026-03-01', '2026/3/1 9:00', '2026年3月1日', with seconds or an ISO
 * offset), or an Excel date cell, whose wall-clock time is read as Beijing time. Blank is undefined.
 */
export function parseEffectiveTime(value: CellValue): Parsed<Date | undefined> {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: undefined };
  let at: Date | undefined;
  if (value instanceof Date) {
    at = Number.isNaN(value.getTime()) ? undefined : new Date(Math.round(value.getTime() / 1000) * 1000 - SHANGHAI_OFFSET_MS);
  } else if (typeof value === 'number') {
    at = new Date(Math.round((EXCEL_EPOCH_MS + value * MS_PER_DAY) / 1000) * 1000 - SHANGHAI_OFFSET_MS);
  } else if (typeof value === 'string') {
    const text = toHalfWidth(value).replace(/\s+/g, ' ').trim();
    const local = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:(?: *|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
      at = new Date(text);
    } else if (local) {
      const [, y, mo, d, h, mi, s] = local;
      at = fromShanghai(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
    }
  }
  if (!at || Number.isNaN(at.getTime())) {
    return { ok: false, zh: `无法识别“${String(value)}”，${TIME_HINT.zh}`, en: `cannot read "${String(value)}"; ${TIME_HINT.en}` };
  }
  const year = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  if (year < 2000 || year > 2100) {
    return { ok: false, zh: `“${String(value)}”超出 2000–2100 年`, en: `"${String(value)}" is outside the years 2000–2100` };
  }
  return { ok: true, value: at };
}
