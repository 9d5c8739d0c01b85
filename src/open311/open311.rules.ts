/**
 * How our records read in GeoReport v2: pure mapping, no I/O. Everything leaving through Open311 is
 * public, so free text passes `redact` and the requester's name, phone and e-mail are never mapped.
 */
import type { TimeLimit } from '../clocks/clock.js';
import type { ServiceVersion } from '../catalogue/service.js';
import {
  DESCRIPTION_MAX, NOT_GIVEN, OPEN311_STATUS, STATUS_NAMES, UNCLASSIFIED,
  type Open311Receipt, type Open311Request, type Open311Service, type RequestRecord,
} from './open311.js';

// China keeps one offset all year (no summer time), so the jurisdiction's local time is a fixed +08:00.
const OFFSET_MS = 8 * 3600_000;

/** ISO 8601 with the zone, in the jurisdiction's local time, as the spec asks: 2026-03-02T09:00:00+08:00. */
export function open311Time(d: Date): string {
  return `${new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export function toOpen311Service(s: ServiceVersion): Open311Service {
  return {
    service_code: s.code,
    service_name: s.name,
    description: s.description || null,
    // We define no extra form fields per service, so there is never a definition to fetch.
    metadata: false,
    // Tickets are created in the same request that submits them.
    type: 'realtime',
    keywords: s.keywords.length ? s.keywords.join(',') : null,
    group: s.groupName || null,
  };
}

const UNIT_ZH: Record<TimeLimit['unit'], string> = { minutes: '分钟', hours: '小时', calendar_days: '个自然日', working_days: '个工作日' };

/** The promise the catalogue makes for this kind of request, e.g. "按事项清单，应在 5 个工作日内办结". */
export function serviceNotice(limit: TimeLimit | undefined): string | null {
  if (!limit) return null;
  const office = (limit.unit === 'minutes' || limit.unit === 'hours') && !limit.natural ? '（工作时间）' : '';
  return `按事项清单，应在 ${limit.amount} ${UNIT_ZH[limit.unit]}${office}内办结`;
}

const HIDDEN = '***';
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Runs of digits (groups joined by one space or dash, as people write phone numbers): seven digits or more
// is a phone, an ID card (with its X) or an account number, never needed in a public feed. A run starts
// only where a number starts, and not inside our own tracking codes (MSB20260302-000001), which are public.
const DIGIT_RUN = /(?<!\d)(?<!MSB)\+?\d(?:[ -]?\d)+[Xx]?/g;
// A date at the start of a run ("2026-03-02 10" from "2026-03-02 10:30") stays readable.
const LEADING_DATE = /^(\d{4}-\d{1,2}-\d{1,2})(?!\d)(.*)$/s;

function maskDigits(run: string): string {
  const date = LEADING_DATE.exec(run);
  if (date) return date[1]! + maskDigits(date[2]!);
  return run.replace(/\D/g, '').length >= 7 ? HIDDEN : run;
}
const LATIN_NAME = /^[A-Za-z][A-Za-z'.-]*$/;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Blank out personal data that requesters and operators write into free text: e-mail addresses, phone
 * and ID numbers, and the requester's own name. Dates such as 2026-03-02 stay readable.
 */
export function redact(text: string, requester: { name: string; phone: string }): string {
  let out = text.replace(EMAIL, HIDDEN).replace(DIGIT_RUN, maskDigits);
  const name = requester.name.trim();
  if (name && name !== NOT_GIVEN) {
    const parts = [name, ...name.split(/\s+/)].filter((p) => [...p].length >= 2);
    for (const part of [...new Set(parts)].sort((a, b) => b.length - a.length)) {
      out = LATIN_NAME.test(part)
        ? out.replace(new RegExp(`\\b${escapeRegExp(part)}\\b`, 'gi'), HIDDEN)
        : out.split(part).join(HIDDEN);
    }
  }
  return out;
}

const truncate = (text: string, max: number) => {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max).join('') : text;
};

function statusNotes(r: RequestRecord): string {
  const label = STATUS_NAMES[r.status].zh;
  const detail = r.status === 'merged' && r.mergedIntoCode ? `并入 ${r.mergedIntoCode}`
    : r.status === 'rejected' || r.status === 'arbitration' ? r.publicReason
      : r.status === 'replied' || r.status === 'closed' ? r.replyText
        : null;
  return detail ? `${label}：${truncate(redact(detail, r.requester), 1000)}` : label;
}

/** One ticket as a GeoReport v2 service request. `extensions` adds our detailed status (README.md). */
export function toOpen311Request(r: RequestRecord, extensions: boolean): Open311Request {
  const status = OPEN311_STATUS[r.status];
  const description = truncate(redact(r.description, r.requester), DESCRIPTION_MAX);
  const address = redact(r.locationText, r.requester);
  const out: Open311Request = {
    service_request_id: r.trackingCode,
    status,
    status_notes: statusNotes(r),
    service_name: r.serviceName,
    service_code: r.serviceCode ?? UNCLASSIFIED,
    description: description || null,
    agency_responsible: r.leadUnitName,
    service_notice: serviceNotice(r.limits?.resolve),
    requested_datetime: open311Time(r.acceptedAt),
    // The spec: for a closed request, the time it was closed.
    updated_datetime: open311Time(status === 'closed' && r.closedAt ? r.closedAt : r.updatedAt),
    expected_datetime: r.slaDeadline ? open311Time(r.slaDeadline) : null,
    address: address || null,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: null,
  };
  if (extensions) out.extended_attributes = { detailed_status: r.status, detailed_status_name: STATUS_NAMES[r.status].zh };
  return out;
}

/** The POST answer: the spec's receipt (the token is the tracking code: the request exists already). */
export function toReceipt(r: RequestRecord): Open311Receipt {
  const { service_request_id, service_notice, ...rest } = toOpen311Request(r, false);
  return { service_request_id, token: service_request_id, service_notice, account_id: null, ...rest };
}
