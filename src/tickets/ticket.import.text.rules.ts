/**
 * Cell text of a historical import: times as old systems write them, and the Chinese words for channels,
 * statuses and ratings, both ways (the export writes the names the import reads back). Pure.
 */
import { toHalfWidth, type CellValue, type Parsed } from '../catalogue/catalogue.text.rules.js';
import { formatShanghai } from '../catalogue/service.rules.js';
import type { Channel, Resolved, Satisfaction, TicketStatus } from './ticket.js';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const MS_PER_DAY = 86_400_000;
// Excel counts days from 1899-12-30, with the time as a fraction; 36526 is 2000-01-01, 73051 is 2100-01-01.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_SERIALS = { min: 36_526, max: 73_051 };

function fromShanghai(y: number, mo: number, d: number, h: number, mi: number, s: number): Date | undefined {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return new Date(wall - SHANGHAI_OFFSET_MS);
}

const LOCAL_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]*(\d{1,2})[:时点](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?分?)?$/;
const COMPACT_TIME = /^(\d{4})(\d{2})(\d{2})(?:[ T]?(\d{2})(\d{2})(\d{2})?)?$/;
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const TIME_HINT = { zh: '应写作如 2026-03-02 09:15、2026/3/2 9:15 或 2026年3月2日 9时15分（北京时间）', en: 'write e.g. 2026-03-02 09:15, 2026/3/2 9:15 or 2026年3月2日 9时15分 (Beijing time)' };

/**
 * A time as old systems export it, in Beijing time: `2026-03-02 09:15`, `2026/3/2 9:15:30`, `2026年3月2日 9时15分`,
 * `20260302091500`, ISO 8601 with a zone, or an Excel date cell (its wall-clock time is Beijing time). Blank is undefined.
 */
export function parseImportTime(value: CellValue): Parsed<Date | undefined> {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: undefined };
  let at: Date | undefined;
  if (value instanceof Date) {
    // exceljs gives a date cell's wall-clock time as UTC; Excel's float may sit a hair below the second.
    if (!Number.isNaN(value.getTime())) at = new Date(Math.round(value.getTime() / 1000) * 1000 - SHANGHAI_OFFSET_MS);
  } else if (typeof value === 'number') {
    if (value >= EXCEL_SERIALS.min && value < EXCEL_SERIALS.max) at = new Date(Math.round((EXCEL_EPOCH_MS + value * MS_PER_DAY) / 1000) * 1000 - SHANGHAI_OFFSET_MS);
  } else if (typeof value === 'string') {
    const text = toHalfWidth(value).replace(/\s+/g, ' ').trim();
    const local = LOCAL_TIME.exec(text) ?? COMPACT_TIME.exec(text);
    if (ZONED_TIME.test(text)) at = new Date(text);
    else if (local) {
      const [, y, mo, d, h, mi, s] = local;
      at = fromShanghai(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
    }
  }
  const shown = value instanceof Date ? formatShanghai(new Date(value.getTime() - SHANGHAI_OFFSET_MS)) : String(value);
  if (!at || Number.isNaN(at.getTime())) return { ok: false, zh: `无法识别“${shown}”，${TIME_HINT.zh}`, en: `cannot read "${shown}"; ${TIME_HINT.en}` };
  const year = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  if (year < 2000 || year >= 2100) return { ok: false, zh: `“${shown}”超出 2000–2099 年`, en: `"${shown}" is outside the years 2000–2099` };
  return { ok: true, value: at };
}

/** The names the export writes; the import reads them back, and the old systems' usual words too. */
export const CHANNEL_ZH: Record<Channel, string> = {
  hotline: '12345热线', web: '网站', app: 'APP', api: '接口', open311: 'Open311', window: '窗口', enterprise: '企业', proactive: '主动发现',
};
export const STATUS_ZH: Record<TicketStatus, string> = {
  new: '待派单', assigned: '待签收', in_progress: '办理中', arbitration: '退单待裁定', replied: '已答复', closed: '已办结', merged: '已合并', rejected: '不予受理',
};
export const SATISFACTION_ZH: Record<Satisfaction, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };
export const RESOLVED_ZH: Record<Resolved, string> = { yes: '已解决', partly: '部分解决', no: '未解决' };

export const word = (v: string) => toHalfWidth(v).toLowerCase().replace(/[\s_-]/g, '');
const table = <T>(entries: ReadonlyArray<readonly [T, readonly string[]]>) =>
  new Map<string, T>(entries.flatMap(([value, words]) => words.map((w) => [word(w), value] as const)));

const CHANNEL_WORDS = table<Channel>([
  ['hotline', ['12345热线', '12345', '热线', '电话', '市民热线', '便民热线', 'hotline', 'phone']],
  ['web', ['网站', '网页', '门户网站', '政府网站', 'PC', 'H5', 'web']],
  ['app', ['APP', '手机APP', '移动端', '小程序', '微信', '公众号', '微信公众号', 'app']],
  ['api', ['接口', 'API']],
  ['open311', ['Open311']],
  ['window', ['窗口', '办不成事窗口', '办不成事', 'window']],
  ['enterprise', ['企业', '企业服务', '企业服务台', '助企', 'enterprise']],
  ['proactive', ['主动发现', '未诉先办', 'proactive']],
]);

export function parseChannel(value: string): Channel | undefined {
  const w = word(value);
  return CHANNEL_WORDS.get(w) ?? (w.includes('12345') || w.includes('热线') ? 'hotline' : w.includes('窗口') ? 'window' : undefined);
}

/** What a source status means here: the loop closed, the reply given and awaiting the rating, or work still open. */
export type SourceStatus = 'closed' | 'replied' | 'open';

const STATUS_WORDS = table<SourceStatus | 'unsupported'>([
  ['closed', ['已办结', '办结', '已完成', '完成', '已结案', '结案', '已归档', '归档', '已关闭', '关闭', 'closed', 'finished']],
  ['replied', ['已答复', '待回访', '待评价', '已回复', 'replied']],
  ['open', ['办理中', '处理中', '待签收', '已签收', '待办理', '已派单', '已交办', '待派单', '未办结', '延期中', '挂起', '退单待裁定', '已退回', '督办中',
    'new', 'assigned', 'in progress', 'arbitration', 'open']],
  // No result to learn from and nothing left to do: a merged, refused or withdrawn request is not history worth a ticket.
  ['unsupported', ['已合并', '合并', '不予受理', '已撤销', '撤销', '撤单', '作废', '无效', 'merged', 'rejected']],
]);

export function parseStatus(value: string): SourceStatus | 'unsupported' | undefined {
  return STATUS_WORDS.get(word(value));
}

export const SATISFACTION_WORDS = table<Satisfaction>([
  ['satisfied', ['满意', '非常满意', 'satisfied']], ['basic', ['基本满意', '比较满意', '一般', 'basic']], ['unsatisfied', ['不满意', '非常不满意', 'unsatisfied']],
]);
export const RESOLVED_WORDS = table<Resolved>([
  ['yes', ['已解决', '解决', '是', 'yes']], ['partly', ['部分解决', '基本解决', 'partly']], ['no', ['未解决', '否', 'no']],
]);

/** A cell as text; an Excel date cell as the Beijing wall-clock time it shows. */
export const cellText = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : v instanceof Date ? formatShanghai(new Date(v.getTime() - SHANGHAI_OFFSET_MS)) : String(v).trim();
