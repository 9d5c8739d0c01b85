/**
 * Reading Open311 parameters (query strings and form fields are all text) into checked values, with the
 * spec's defaults and limits. Pure: the time is an argument. Refusals carry one problem per field, which
 * become one entry each in the spec's error array.
 */
import { DomainError, type ErrorCode } from '../platform/errors.js';
import {
  DESCRIPTION_MAX, MAX_RESULTS, NOT_GIVEN, OPEN311_FORMATS, WINDOW_DAYS,
  type NewOpen311Request, type Open311Format, type Open311Status, type RequestQuery,
} from './open311.js';

export interface Problem { field: string; en: string; zh: string }

/** A refusal listing every problem found, so that a client fixes them in one round (one error entry each). */
export const refuse = (code: ErrorCode, problems: Problem[]) =>
  new DomainError(code, problems, problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '));

export const isProblemList = (details: unknown): details is Problem[] =>
  Array.isArray(details) && details.every((p) => typeof (p as Problem)?.en === 'string' && typeof (p as Problem)?.zh === 'string');

type Params = Record<string, unknown>;
const DAY_MS = 86_400_000;

/** One text value: repeated parameters are joined with commas, as the spec's lists are written. */
function text(params: Params, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map(String).join(',');
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** "WATER-01.json" → the id and the format; the spec puts the format in the resource's name. */
export function splitFormat(file: string): { id: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1).toLowerCase();
  if (dot <= 0 || !(OPEN311_FORMATS as readonly string[]).includes(format)) throw new DomainError('OPEN311_FORMAT_UNSUPPORTED');
  return { id: file.slice(0, dot), format: format as Open311Format };
}

/** The format a URL asks for, for answering errors in kind: xml only when it says so. */
export function formatOfUrl(url: string): Open311Format {
  return /\.xml$/i.test(url.split('?')[0] ?? '') ? 'xml' : 'json';
}

/** Our extension (README.md) only when asked for, so that strict clients see the spec's fields alone. */
export const wantsExtensions = (params: Params): boolean => text(params, 'extensions')?.toLowerCase() === 'true';

// W3C-note ISO 8601: a date, or a date and time with an optional zone. Without a zone, local (+08:00) time.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseOpen311Date(value: string): Date | undefined {
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  // Date would roll 2026-02-30 over into March: check the calendar day exists.
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const z = zone === undefined ? '+08:00' : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${z}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * GET requests: service_request_id (a comma list, overriding everything else), service_code, status
 * (open, closed or both), start_date / end_date. The window defaults to the last 90 days and may not
 * span more; at most 1000 requests, newest first.
 */
export function readRequestQuery(params: Params, now: Date): RequestQuery {
  const ids = list(text(params, 'service_request_id')).map((id) => id.toUpperCase());
  if (ids.length) return { by: 'ids', ids: ids.slice(0, MAX_RESULTS), limit: MAX_RESULTS, extensions: wantsExtensions(params) };
  const problems: Problem[] = [];
  const statuses: Open311Status[] = [];
  for (const s of list(text(params, 'status')).map((x) => x.toLowerCase())) {
    if (s === 'open' || s === 'closed') statuses.push(s);
    else problems.push({ field: 'status', en: 'status must be open or closed', zh: 'status 只能是 open 或 closed' });
  }
  const dates: Partial<Record<'start_date' | 'end_date', Date>> = {};
  for (const name of ['start_date', 'end_date'] as const) {
    const raw = text(params, name);
    if (raw === undefined || raw === '') continue;
    const d = parseOpen311Date(raw);
    if (d) dates[name] = d;
    else problems.push({ field: name, en: `${name} must be an ISO 8601 date-time, e.g. 2026-03-02T09:00:00+08:00`, zh: `${name} 须为 ISO 8601 时间，如 2026-03-02T09:00:00+08:00` });
  }
  const window = WINDOW_DAYS * DAY_MS;
  const to = dates.end_date ?? (dates.start_date ? new Date(dates.start_date.getTime() + window) : now);
  const from = dates.start_date ?? new Date(to.getTime() - window);
  if (from > to) problems.push({ field: 'start_date', en: 'start_date is after end_date', zh: 'start_date 晚于 end_date' });
  else if (to.getTime() - from.getTime() > window) problems.push({ field: 'end_date', en: `the range may not span more than ${WINDOW_DAYS} days`, zh: `查询区间不能超过 ${WINDOW_DAYS} 天` });
  if (problems.length) throw refuse('OPEN311_PARAMETER_INVALID', problems);
  return {
    by: 'filters',
    serviceCodes: list(text(params, 'service_code')),
    statuses: [...new Set(statuses)],
    from, to, limit: MAX_RESULTS, extensions: wantsExtensions(params),
  };
}

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const PHONE = /^[0-9+\-() .]{3,30}$/;

function coordinate(params: Params, name: 'lat' | 'long', limit: number, problems: Problem[]): number | null {
  const raw = text(params, name)?.trim();
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    problems.push({ field: name, en: `${name} must be a WGS84 number between -${limit} and ${limit}`, zh: `${name} 须为 -${limit} 到 ${limit} 之间的 WGS84 坐标` });
    return null;
  }
  return n;
}

function bounded(params: Params, name: string, max: number, problems: Problem[]): string | null {
  const v = text(params, name)?.trim();
  if (!v) return null;
  if ([...v].length > max) problems.push({ field: name, en: `${name} is longer than ${max} characters`, zh: `${name} 超过 ${max} 个字符` });
  return v;
}

/** Family name first for Chinese names (王 + 小明), given name first otherwise. */
function fullName(first: string | null, last: string | null): string {
  if (first && last) return CJK.test(first) && CJK.test(last) ? `${last}${first}` : `${first} ${last}`;
  return first ?? last ?? NOT_GIVEN;
}

/**
 * POST requests: the api_key (checked by the service), service_code, and a location (lat and long,
 * address_string or address_id). The e-mail, device_id and account_id are read by nobody: they are
 * not in the result, so they are stored nowhere.
 */
export function readPostRequest(params: Params): NewOpen311Request {
  const missing: Problem[] = [];
  const invalid: Problem[] = [];
  const serviceCode = bounded(params, 'service_code', 64, invalid);
  if (!serviceCode) missing.push({ field: 'service_code', en: 'service_code is required', zh: '缺少 service_code' });
  const lat = coordinate(params, 'lat', 90, invalid);
  const lng = coordinate(params, 'long', 180, invalid);
  if ((lat === null) !== (lng === null) && invalid.every((p) => p.field !== 'lat' && p.field !== 'long')) {
    invalid.push({ field: lat === null ? 'lat' : 'long', en: 'lat and long go together', zh: 'lat 与 long 须同时提供' });
  }
  const addressString = bounded(params, 'address_string', 200, invalid);
  const addressId = bounded(params, 'address_id', 100, invalid);
  const hasPoint = lat !== null && lng !== null;
  if (!hasPoint && !addressString && !addressId && invalid.every((p) => !['lat', 'long', 'address_string', 'address_id'].includes(p.field))) {
    missing.push({ field: 'location', en: 'a location is required: lat and long, address_string or address_id', zh: '须提供位置：lat 和 long、address_string 或 address_id' });
  }
  const description = bounded(params, 'description', DESCRIPTION_MAX, invalid) ?? '';
  const first = bounded(params, 'first_name', 25, invalid);
  const last = bounded(params, 'last_name', 25, invalid);
  const phone = bounded(params, 'phone', 30, invalid);
  if (phone && !PHONE.test(phone)) invalid.push({ field: 'phone', en: 'phone may hold only digits, spaces and + - ( ) .', zh: 'phone 只能包含数字、空格和 + - ( ) .' });
  if (missing.length) throw refuse('OPEN311_PARAMETER_MISSING', [...missing, ...invalid]);
  if (invalid.length) throw refuse('OPEN311_PARAMETER_INVALID', invalid);
  return {
    serviceCode: serviceCode!, lat: hasPoint ? lat : null, lng: hasPoint ? lng : null, addressString, addressId, description,
    requesterName: fullName(first, last), requesterPhone: phone ?? NOT_GIVEN,
  };
}

/** The api_key from the form, JSON body or query string (the spec's swagger puts it in the query). */
export function apiKeyOf(params: Params): string | undefined {
  const key = text(params, 'api_key')?.trim();
  return key && key.length <= 200 ? key : undefined;
}

/** What the ticket records as its location: the address if given, then the address id, then the point. */
export function locationText(r: NewOpen311Request): string {
  if (r.addressString) return r.addressString;
  if (r.addressId) return `地址编号 ${r.addressId}`;
  return `坐标 ${r.lat}, ${r.lng}`;
}

/** Tickets have a title for staff lists; Open311 has none: the description's first line, or the service's name. */
export function titleFor(description: string, serviceName: string): string {
  const line = description.split(/\r?\n/).find((l) => l.trim())?.trim() ?? '';
  const chars = [...line];
  if (!chars.length) return serviceName;
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : line;
}
