import { describe, expect, it } from 'vitest';
import { DomainError } from '../platform/errors.js';
import type { RequestRecord } from './open311.js';
import { open311Time, redact, serviceNotice, toOpen311Request, toReceipt } from './open311.rules.js';
import { locationText, parseOpen311Date, readPostRequest, readRequestQuery, splitFormat, titleFor } from './open311.params.rules.js';
import { escapeXml, toXml } from './open311.xml.js';

const record = (over: Partial<RequestRecord> = {}): RequestRecord => ({
  trackingCode: 'MSB20260302-000001', status: 'in_progress', publicReason: null, replyText: null, mergedIntoCode: null,
  serviceCode: 'WATER-01', serviceName: '供水问题', description: '幸福社区3栋停水，请联系王女士 138-0000-1234 或 wang@example.cn',
  leadUnitName: '区水务局', limits: { resolve: { amount: 5, unit: 'working_days' }, returnWindow: { amount: 2, unit: 'working_days' }, maxExtensions: 1, maxExtensionWorkingDays: 10, pauseNeedsApproval: false },
  acceptedAt: new Date('2026-03-02T01:00:00Z'), updatedAt: new Date('2026-03-02T02:00:00Z'), closedAt: null,
  slaDeadline: new Date('2026-03-09T09:30:00Z'), locationText: '城关街道幸福社区3栋', lat: 30.25, lng: 120.16,
  requester: { name: '王女士', phone: '13800001234' },
  ...over,
});

const problemsOf = (fn: () => unknown): { code: string; fields: string[] } => {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { code: err.code, fields: (err.details as Array<{ field: string }>).map((p) => p.field) };
  }
  throw new Error('expected a refusal');
};

describe('Open311 mapping', () => {
  it('writes times in ISO 8601 with the +08:00 zone of the jurisdiction', () => {
    expect(open311Time(new Date('2026-03-02T01:00:00Z'))).toBe('2026-03-02T09:00:00+08:00');
    expect(open311Time(new Date('2026-12-31T16:30:05.123Z'))).toBe('2027-01-01T00:30:05+08:00');
  });

  it('maps every detailed status onto open or closed, and keeps the detail for extensions=true only', () => {
    const expected = { new: 'open', assigned: 'open', in_progress: 'open', arbitration: 'open', replied: 'open', closed: 'closed', merged: 'closed', rejected: 'closed' } as const;
    for (const [status, open311] of Object.entries(expected)) {
      const plain = toOpen311Request(record({ status: status as RequestRecord['status'] }), false);
      expect(plain.status).toBe(open311);
      expect(plain).not.toHaveProperty('extended_attributes');
      expect(toOpen311Request(record({ status: status as RequestRecord['status'] }), true).extended_attributes?.detailed_status).toBe(status);
    }
  });

  it('fills the spec fields from the ticket, the catalogue and the lead unit', () => {
    const r = toOpen311Request(record(), false);
    expect(r).toMatchObject({
      service_request_id: 'MSB20260302-000001', status: 'open', status_notes: '办理中', service_code: 'WATER-01', service_name: '供水问题',
      agency_responsible: '区水务局', service_notice: '按事项清单，应在 5 个工作日内办结', requested_datetime: '2026-03-02T09:00:00+08:00',
      updated_datetime: '2026-03-02T10:00:00+08:00', expected_datetime: '2026-03-09T17:30:00+08:00', address: '城关街道幸福社区3栋',
      address_id: null, zipcode: null, lat: 30.25, long: 120.16, media_url: null,
    });
    expect(Object.keys(r)).toEqual(['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
      'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url']);
  });

  it('dates a closed request by its closing, and explains merges and refusals in status_notes', () => {
    const closed = toOpen311Request(record({ status: 'closed', closedAt: new Date('2026-03-05T08:00:00Z'), replyText: '已修复，王女士确认恢复供水' }), false);
    expect(closed.updated_datetime).toBe('2026-03-05T16:00:00+08:00');
    expect(closed.status_notes).toBe('已办结：已修复，***确认恢复供水');
    expect(toOpen311Request(record({ status: 'merged', mergedIntoCode: 'MSB20260301-000009' }), false).status_notes).toBe('已并入其他诉求办理：并入 MSB20260301-000009');
    expect(toOpen311Request(record({ status: 'rejected', publicReason: '不属于本区管辖' }), false).status_notes).toBe('不予受理：不属于本区管辖');
  });

  it('shows unclassified tickets with a code of their own and no SLA', () => {
    const r = toOpen311Request(record({ serviceCode: null, serviceName: null, limits: null, slaDeadline: null, status: 'new' }), false);
    expect(r).toMatchObject({ service_code: 'unclassified', service_name: null, service_notice: null, expected_datetime: null });
  });

  it('never lets the requester\'s name, phone or e-mail out, even from free text', () => {
    const body = JSON.stringify(toOpen311Request(record(), true));
    for (const secret of ['王女士', '13800001234', '138-0000-1234', 'wang@example.cn']) expect(body).not.toContain(secret);
    expect(toOpen311Request(record(), false).description).toBe('幸福社区3栋停水，请联系*** *** 或 ***');
  });

  it('redacts phones, ID numbers, e-mails and the name but keeps dates, times and short numbers', () => {
    const who = { name: 'Zhang San', phone: '未提供' };
    expect(redact('Call Zhang on +86 138 0000 1234 or zhang.san@mail.example.com; San said so', who)).toBe('Call *** on *** or ***; *** said so');
    expect(redact('身份证 11010519491231002X，座机 0571-88881234', who)).toBe('身份证 ***，座机 ***');
    expect(redact('2026-03-02 10:30 停水，12345 热线，3栋 2 单元 101 室', who)).toBe('2026-03-02 10:30 停水，12345 热线，3栋 2 单元 101 室');
    expect(redact('Sandra reported it', who)).toBe('Sandra reported it');
    expect(redact('同 MSB20260301-000009 重复，13800001234', who)).toBe('同 MSB20260301-000009 重复，***');
  });

  it('states the catalogue promise in words', () => {
    expect(serviceNotice({ amount: 2, unit: 'hours' })).toBe('按事项清单，应在 2 小时（工作时间）内办结');
    expect(serviceNotice({ amount: 2, unit: 'hours', natural: true })).toBe('按事项清单，应在 2 小时内办结');
    expect(serviceNotice(undefined)).toBeNull();
  });

  it('answers a POST with the receipt first, the token being the tracking code', () => {
    const r = toReceipt(record());
    expect(Object.keys(r).slice(0, 4)).toEqual(['service_request_id', 'token', 'service_notice', 'account_id']);
    expect(r).toMatchObject({ service_request_id: 'MSB20260302-000001', token: 'MSB20260302-000001', account_id: null, status: 'open' });
  });
});

describe('Open311 parameters', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const DAY = 86_400_000;

  it('defaults GET requests to the last 90 days and 1000 results', () => {
    const q = readRequestQuery({}, now);
    expect(q).toMatchObject({ by: 'filters', serviceCodes: [], statuses: [], limit: 1000, extensions: false, to: now });
    if (q.by !== 'filters') throw new Error('expected filters');
    expect(q.to.getTime() - q.from.getTime()).toBe(90 * DAY);
  });

  it('reads lists, statuses, dates with or without a zone, and the extension switch', () => {
    const q = readRequestQuery({ service_code: 'WATER-01,CONSULT-01', status: ['open', 'closed'], start_date: '2026-05-01', end_date: '2026-05-10T12:00:00Z', extensions: 'true' }, now);
    expect(q).toMatchObject({ by: 'filters', serviceCodes: ['WATER-01', 'CONSULT-01'], statuses: ['open', 'closed'], extensions: true,
      from: new Date('2026-04-30T16:00:00.000Z'), to: new Date('2026-05-10T12:00:00.000Z') });
    expect(readRequestQuery({ start_date: '2026-01-01T00:00:00+08:00' }, now)).toMatchObject({ to: new Date(Date.parse('2025-12-31T16:00:00Z') + 90 * DAY) });
    expect(readRequestQuery({ service_request_id: 'msb1, MSB2,', start_date: 'never' }, now)).toEqual({ by: 'ids', ids: ['MSB1', 'MSB2'], limit: 1000, extensions: false });
  });

  it('refuses ranges over 90 days, reversed ranges, bad dates and unknown statuses, naming each', () => {
    expect(problemsOf(() => readRequestQuery({ start_date: '2026-01-01', end_date: '2026-05-01' }, now))).toEqual({ code: 'OPEN311_PARAMETER_INVALID', fields: ['end_date'] });
    expect(problemsOf(() => readRequestQuery({ start_date: '2026-05-02', end_date: '2026-05-01' }, now)).fields).toEqual(['start_date']);
    expect(problemsOf(() => readRequestQuery({ start_date: 'yesterday', status: 'pending' }, now)).fields).toEqual(['status', 'start_date']);
    expect(parseOpen311Date('2026-02-30')).toBeUndefined();
    expect(parseOpen311Date('2026-03-02T09:00:00.5+0800')?.toISOString()).toBe('2026-03-02T01:00:00.500Z');
  });

  it('reads a POST: service, location, contact; the e-mail goes nowhere', () => {
    const r = readPostRequest({ service_code: 'WATER-01', lat: '30.25', long: 120.16, description: '停水', first_name: '小明', last_name: '王', email: 'x@y.cn', phone: '138 0000 1234' });
    expect(r).toEqual({ serviceCode: 'WATER-01', lat: 30.25, lng: 120.16, addressString: null, addressId: null, description: '停水', requesterName: '王小明', requesterPhone: '138 0000 1234' });
    expect(JSON.stringify(r)).not.toContain('x@y.cn');
    const anonymous = readPostRequest({ service_code: 'WATER-01', address_string: '幸福社区3栋' });
    expect(anonymous).toMatchObject({ requesterName: '未提供', requesterPhone: '未提供', description: '' });
    expect(readPostRequest({ service_code: 'X', address_id: 'A-1', first_name: 'Jane', last_name: 'Doe' }).requesterName).toBe('Jane Doe');
  });

  it('refuses a POST without a service or a location (400), listing both', () => {
    expect(problemsOf(() => readPostRequest({}))).toEqual({ code: 'OPEN311_PARAMETER_MISSING', fields: ['service_code', 'location'] });
    expect(problemsOf(() => readPostRequest({ service_code: 'X', lat: '30' })).fields).toEqual(['long']);
    expect(problemsOf(() => readPostRequest({ service_code: 'X', lat: '95', long: '120' })).fields).toEqual(['lat']);
    expect(problemsOf(() => readPostRequest({ service_code: 'X', address_string: 'a', phone: 'call me' })).fields).toEqual(['phone']);
    expect(problemsOf(() => readPostRequest({ service_code: 'X', address_string: 'a', description: 'x'.repeat(4001) })).fields).toEqual(['description']);
  });

  it('gives the ticket a location text and a title', () => {
    const base = { serviceCode: 'X', addressString: null, addressId: null, description: '', requesterName: '', requesterPhone: '' };
    expect(locationText({ ...base, lat: 30.1, lng: 120.2 })).toBe('坐标 30.1, 120.2');
    expect(locationText({ ...base, lat: null, lng: null, addressId: 'A-1' })).toBe('地址编号 A-1');
    expect(titleFor('', '供水问题')).toBe('供水问题');
    expect(titleFor('\n第一行\n第二行', '供水问题')).toBe('第一行');
    expect(titleFor('长'.repeat(40), '供水问题')).toBe(`${'长'.repeat(30)}…`);
  });

  it('takes the format from the resource name only', () => {
    expect(splitFormat('WATER-01.json')).toEqual({ id: 'WATER-01', format: 'json' });
    expect(splitFormat('a.b.XML')).toEqual({ id: 'a.b', format: 'xml' });
    for (const bad of ['WATER-01', 'WATER-01.csv', '.json']) expect(() => splitFormat(bad)).toThrow(DomainError);
  });
});

describe('Open311 XML', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('<a href="x">Tom & Jerry\'s</a>\u0000\u0007\ud800ok')).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;ok');
  });

  it('writes the spec shapes: declaration, root, items by list, empty elements for null', () => {
    expect(toXml('services', [{ service_code: 'A', metadata: false, group: null }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<services><service><service_code>A</service_code><metadata>false</metadata><group/></service></services>\n');
    expect(toXml('service_definition', { service_code: 'A', attributes: [] })).toContain('<attributes/>');
    expect(toXml('errors', [{ code: 403, description: 'x' }])).toContain('<errors><error><code>403</code><description>x</description></error></errors>');
    expect(() => toXml('bad name', 'x')).toThrow();
  });
});
