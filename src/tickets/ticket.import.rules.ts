/**
 * Reading historical work orders (历史工单) from a spreadsheet: its columns, whether a row tells one
 * consistent story, and what identifies it. Pure. Cell text (times, channels, statuses) is read in
 * ticket.import.text.rules.ts, codes resolved and clocks decided in ticket.import.plan.rules.ts, files
 * read in ticket.import.file.ts.
 */
import { createHash } from 'node:crypto';
import type { ErrorCode } from '../platform/errors.js';
import { toHalfWidth, type CellValue, type Parsed } from '../catalogue/catalogue.text.rules.js';
import { formatShanghai } from '../catalogue/service.rules.js';
import type { Channel, Resolved, Satisfaction } from './ticket.js';
import { CHANNEL_ZH, RESOLVED_WORDS, SATISFACTION_WORDS, cellText, parseChannel, parseImportTime, parseStatus, word } from './ticket.import.text.rules.js';

export type { CellValue } from '../catalogue/catalogue.text.rules.js';

interface ColumnSpec { zh: string; en: string; aliases: readonly string[] }

/** The file's columns, by the Chinese header an export of the old system usually has; English aliases accepted. */
export const IMPORT_COLUMNS = {
  externalId: { zh: '工单编号', en: 'external id', aliases: ['工单号', 'external id', 'ticket no', 'ticket id'] },
  acceptedAt: { zh: '受理时间', en: 'accepted at', aliases: ['受理日期', '来电时间', 'accepted at'] },
  channel: { zh: '渠道', en: 'channel', aliases: ['来源', '来源渠道', '受理渠道', 'channel'] },
  title: { zh: '标题', en: 'title', aliases: ['诉求标题', '工单标题', 'title'] },
  description: { zh: '诉求内容', en: 'description', aliases: ['内容', '诉求描述', 'description'] },
  requesterName: { zh: '诉求人', en: 'requester', aliases: ['来电人', '诉求人姓名', 'requester', 'requester name'] },
  requesterPhone: { zh: '联系电话', en: 'phone', aliases: ['电话', '来电号码', '手机号', 'phone', 'requester phone'] },
  location: { zh: '地址', en: 'address', aliases: ['诉求地址', '事发地址', 'address', 'location'] },
  serviceCode: { zh: '事项编码', en: 'service code', aliases: ['诉求分类编码', 'service code', 'category'] },
  unitCode: { zh: '承办单位编码', en: 'unit code', aliases: ['主办单位编码', 'unit code', 'lead unit code'] },
  status: { zh: '状态', en: 'status', aliases: ['工单状态', '办理状态', 'status'] },
  replyText: { zh: '答复内容', en: 'reply', aliases: ['答复意见', '办理结果', 'reply'] },
  repliedAt: { zh: '答复时间', en: 'replied at', aliases: ['replied at'] },
  closedAt: { zh: '办结时间', en: 'closed at', aliases: ['closed at'] },
  satisfaction: { zh: '满意度', en: 'satisfaction', aliases: ['满意情况', '评价结果', 'satisfaction'] },
  resolved: { zh: '解决情况', en: 'resolved', aliases: ['是否解决', 'resolved'] },
} as const satisfies Record<string, ColumnSpec>;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export const IMPORT_COLUMN_KEYS = Object.keys(IMPORT_COLUMNS) as ImportColumn[];
const REQUIRED: readonly ImportColumn[] = ['acceptedAt', 'serviceCode', 'unitCode', 'status'];

/** Headers compare without width, case, spaces, '*' marks or a bracketed note: `受理时间（北京时间）*` is 受理时间. */
const normaliseHeader = (h: string) => toHalfWidth(h).toLowerCase().replace(/\(.*?\)/g, '').replace(/[\s*_:-]/g, '');
const HEADER_KEYS = new Map<string, ImportColumn>(IMPORT_COLUMN_KEYS.flatMap((k) => {
  const spec: ColumnSpec = IMPORT_COLUMNS[k];
  return [spec.zh, ...spec.aliases].map((name) => [normaliseHeader(name), k] as const);
}));

export interface HeaderMap {
  /** The position (0-based) of each known column in the header row. */
  columns: Map<ImportColumn, number>;
  /** Headers that are none of ours (e.g. 事项名称 in an export): read past, listed in the report. */
  ignored: string[];
}

export function matchHeaders(headers: readonly string[]): Parsed<HeaderMap> {
  const columns = new Map<ImportColumn, number>();
  const ignored: string[] = [];
  for (const [i, header] of headers.entries()) {
    if (header.trim() === '') continue;
    const key = HEADER_KEYS.get(normaliseHeader(header));
    if (!key) { ignored.push(header.trim()); continue; }
    const earlier = columns.get(key);
    if (earlier !== undefined) {
      const zh = IMPORT_COLUMNS[key].zh;
      return { ok: false, zh: `「${zh}」列出现两次（“${headers[earlier]}”和“${header}”）`, en: `the ${IMPORT_COLUMNS[key].en} column appears twice ("${headers[earlier]}" and "${header}")` };
    }
    columns.set(key, i);
  }
  const missing = REQUIRED.filter((k) => !columns.has(k));
  if (!columns.has('title') && !columns.has('description')) missing.push('title');
  if (missing.length > 0) {
    return { ok: false, zh: `表头缺少列：${missing.map((k) => IMPORT_COLUMNS[k].zh).join('、')}`, en: `the header row lacks the columns ${missing.map((k) => `${IMPORT_COLUMNS[k].zh} (${IMPORT_COLUMNS[k].en})`).join(', ')}` };
  }
  return { ok: true, value: { columns, ignored } };
}

// ---- rows --------------------------------------------------------------------------------------

export interface RawImportRow { row: number; cells: Partial<Record<ImportColumn, CellValue>> }

export interface RowProblem { row: number; column: string | null; code: ErrorCode; zh: string; en: string }

export type HistoricalOutcome =
  | { kind: 'open' }
  | { kind: 'replied'; replyText: string | null; repliedAt: Date }
  | { kind: 'closed'; replyText: string | null; repliedAt: Date; closedAt: Date; satisfaction: Satisfaction | null; resolved: Resolved | null };

export interface ImportRow {
  row: number;
  externalId: string | null;
  acceptedAt: Date;
  channel: Channel;
  title: string;
  description: string;
  requesterName: string;
  requesterPhone: string;
  location: string;
  serviceCode: string;
  unitCode: string;
  /** The status as the file wrote it, kept in the audit event. */
  sourceStatus: string;
  outcome: HistoricalOutcome;
}

const LIMITS: Partial<Record<ImportColumn, number>> = {
  externalId: 100, title: 100, description: 5000, requesterName: 50, requesterPhone: 40, location: 200, serviceCode: 64, unitCode: 64, replyText: 5000,
};
// Old exports mask numbers (138****1234) and list several (010-1234567转8, 138…); anything else is not a phone.
const PHONE = /^[0-9+\-*()#/,，、 转]*$/;

/** A row read into a historical ticket, or the reasons it cannot be one (every problem, each naming its column). */
export function readImportRow(raw: RawImportRow, now: Date): { row: ImportRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (col: ImportColumn | null, zh: string, en: string, code: ErrorCode = 'TICKET_IMPORT_ROW_INVALID') => {
    problems.push({ row: raw.row, column: col ? IMPORT_COLUMNS[col].zh : null, code, zh, en });
  };
  const text = (col: ImportColumn, required = false): string => {
    const v = cellText(raw.cells[col]);
    const max = LIMITS[col];
    if (required && v === '') bad(col, '不能为空', 'must be given');
    if (max !== undefined && v.length > max) bad(col, `不能超过 ${max} 个字`, `must be at most ${max} characters`);
    return v;
  };
  const time = (col: ImportColumn, required = false): Date | undefined => {
    const p = parseImportTime(raw.cells[col] ?? null);
    if (!p.ok) { bad(col, p.zh, p.en); return undefined; }
    if (required && !p.value) bad(col, '不能为空', 'must be given');
    if (p.value && p.value > now) bad(col, `${formatShanghai(p.value)} 晚于当前时间`, `${p.value.toISOString()} is in the future`);
    return p.value;
  };

  const externalId = text('externalId');
  const acceptedAt = time('acceptedAt', true);
  const channelText = text('channel');
  const channel = channelText === '' ? 'hotline' : parseChannel(channelText);
  if (!channel) bad('channel', `无法识别渠道“${channelText}”，应为 ${Object.values(CHANNEL_ZH).join('、')} 之一`, `unknown channel "${channelText}"; use one of ${Object.values(CHANNEL_ZH).join(', ')}`);
  const description = text('description');
  // A title is what lists show; old systems often have only the content, whose first line serves.
  let title = text('title');
  if (title === '') title = description.split(/\r?\n/)[0]!.slice(0, 50).trim();
  // Reported on 标题 when the file has that column, else on 诉求内容.
  if (title === '') bad('title' in raw.cells ? 'title' : 'description', '标题和诉求内容不能都为空', 'the title and the description cannot both be blank');
  const requesterName = text('requesterName');
  const requesterPhone = text('requesterPhone');
  if (!PHONE.test(requesterPhone)) bad('requesterPhone', `“${requesterPhone}”不是电话号码`, `"${requesterPhone}" is not a phone number`);
  const location = text('location');
  const serviceCode = text('serviceCode', true);
  const unitCode = text('unitCode', true);
  const sourceStatus = text('status', true);
  const status = sourceStatus === '' ? undefined : parseStatus(sourceStatus);
  if (sourceStatus !== '' && status === undefined) {
    bad('status', `无法识别状态“${sourceStatus}”，应为 已办结、已答复、办理中 等`, `unknown status "${sourceStatus}"; use e.g. 已办结 (closed), 已答复 (replied), 办理中 (in progress)`);
  }
  if (status === 'unsupported') {
    bad('status', `“${sourceStatus}”的工单没有办理结果，不导入；请从文件中删去这些行`, `tickets in status "${sourceStatus}" have no handling result and are not imported; remove these rows`, 'TICKET_IMPORT_STATUS_UNSUPPORTED');
  }
  const replyText = text('replyText');
  const repliedAt = time('repliedAt');
  const closedAt = time('closedAt');
  const satisfactionText = text('satisfaction');
  const satisfaction = satisfactionText === '' ? null : SATISFACTION_WORDS.get(word(satisfactionText));
  if (satisfaction === undefined) bad('satisfaction', `无法识别“${satisfactionText}”，应为 满意、基本满意 或 不满意`, `cannot read "${satisfactionText}"; use 满意, 基本满意 or 不满意`);
  const resolvedText = text('resolved');
  const resolved = resolvedText === '' ? null : RESOLVED_WORDS.get(word(resolvedText));
  if (resolved === undefined) bad('resolved', `无法识别“${resolvedText}”，应为 已解决、部分解决 或 未解决`, `cannot read "${resolvedText}"; use 已解决, 部分解决 or 未解决`);

  let outcome: HistoricalOutcome | undefined;
  const mustBeBlank = (cols: ImportColumn[], zh: string, en: string) => {
    for (const col of cols) if (cellText(raw.cells[col]) !== '') bad(col, `${zh}，「${IMPORT_COLUMNS[col].zh}」应为空`, `${en}, so ${IMPORT_COLUMNS[col].en} must be blank`);
  };
  if (status === 'open') {
    mustBeBlank(['replyText', 'repliedAt', 'closedAt', 'satisfaction', 'resolved'], `状态“${sourceStatus}”表示尚未答复`, `status "${sourceStatus}" means not yet replied`);
    outcome = { kind: 'open' };
  } else if (status === 'replied') {
    mustBeBlank(['closedAt', 'satisfaction', 'resolved'], `状态“${sourceStatus}”表示尚未办结`, `status "${sourceStatus}" means not yet closed`);
    if (!repliedAt && cellText(raw.cells.repliedAt) === '') bad('repliedAt', '已答复的工单须填写答复时间', 'a replied ticket needs the reply time');
    if (repliedAt) outcome = { kind: 'replied', replyText: replyText || null, repliedAt };
  } else if (status === 'closed') {
    // One of the two times may stand for both: many systems record only when the loop closed.
    const reply = repliedAt ?? closedAt;
    const close = closedAt ?? repliedAt;
    if (!reply && cellText(raw.cells.repliedAt) === '' && cellText(raw.cells.closedAt) === '') bad('closedAt', '已办结的工单须填写办结时间或答复时间', 'a closed ticket needs the closing or the reply time');
    if (reply && close) outcome = { kind: 'closed', replyText: replyText || null, repliedAt: reply, closedAt: close, satisfaction: satisfaction ?? null, resolved: resolved ?? null };
  }
  if (acceptedAt && repliedAt && repliedAt < acceptedAt) bad('repliedAt', `答复时间早于受理时间 ${formatShanghai(acceptedAt)}`, 'the reply time is before the acceptance');
  if (acceptedAt && closedAt && closedAt < acceptedAt) bad('closedAt', `办结时间早于受理时间 ${formatShanghai(acceptedAt)}`, 'the closing time is before the acceptance');
  if (repliedAt && closedAt && closedAt < repliedAt) bad('closedAt', `办结时间早于答复时间 ${formatShanghai(repliedAt)}`, 'the closing time is before the reply');

  if (problems.length > 0 || !acceptedAt || !channel || !outcome) return { row: null, problems };
  return {
    row: {
      row: raw.row, externalId: externalId || null, acceptedAt, channel, title, description: description || title, requesterName, requesterPhone,
      location, serviceCode, unitCode, sourceStatus, outcome,
    },
    problems,
  };
}

// ---- identity ----------------------------------------------------------------------------------

/** Imports record their key as the ticket's idempotency key: the source's 工单编号, or a digest of the row without one. */
export const IMPORT_SCOPE = 'import';
export const IMPORT_ROW_SCOPE = 'import-row';
export interface ImportKey { scope: typeof IMPORT_SCOPE | typeof IMPORT_ROW_SCOPE; key: string }

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Everything the row says but its position: the same row in another file, or sorted differently, has the same digest. */
export function rowDigest(r: ImportRow): string {
  const { row: _row, ...content } = r;
  return digest(content);
}

/**
 * Without a 工单编号 the request itself is the identity (time, requester, text, category, unit), so
 * importing the same file twice still creates nothing new.
 */
export function importKey(r: ImportRow): ImportKey {
  if (r.externalId) return { scope: IMPORT_SCOPE, key: r.externalId };
  return { scope: IMPORT_ROW_SCOPE, key: digest([r.acceptedAt.toISOString(), r.channel, r.title, r.description, r.requesterName, r.requesterPhone, r.location, r.serviceCode, r.unitCode]) };
}

export const keyText = (k: ImportKey) => `${k.scope}\u0000${k.key}`;
