/**
 * GeoReport v2 end to end on the real app and database. Every JSON answer is validated against the Open311
 * community's schemas (read from the shared data folder), every XML answer parsed by Python's xml.etree, and
 * every raw body checked for the requesters' personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, useDistrict } from '../../test/fixtures.js';
import { ensureDemoOpen311Key } from './open311.keys.service.js';
import { asXmlText, fieldsOf, open311Validator, parseXml, type SchemaFile } from './open311.testing.js';

// Monday 2 March 2026, 09:00 in Shanghai.
const START = new Date('2026-03-02T09:00:00+08:00');
const d = useDistrict(START);
const schemas = open311Validator();
const KEY = 'demo-open311-key';
const BASE = '/open311/v2';

// What requesters told us about themselves: none of it may appear in any Open311 answer.
const PERSONAL = ['王女士', '13800001234', '138 0000 1234', 'wang.nvshi@example.cn', '李建国', '13912345678', 'li.jianguo@example.com', '张', '三丰'];
const bodies: string[] = [];

type Method = 'GET' | 'POST';
async function call(method: Method, url: string, payload?: string | Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await d.t.app.inject({ method, url: `${BASE}${url}`, payload, headers });
  bodies.push(res.body);
  return res;
}

/** A JSON answer: the status, the content type, and the body valid against the community schema. */
async function json(url: string, schema: SchemaFile | `swagger.json#/definitions/${string}` | null, status = 200) {
  const res = await call('GET', url);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = res.json();
  if (schema) schemas.assertValid(schema, body);
  return body;
}

async function xml(url: string, status = 200) {
  const res = await call('GET', url);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  return parseXml(res.body);
}

/** Open311 errors: an array of { code, description } whose codes are the HTTP status. */
function expectErrors(body: unknown, status: number, count = 1) {
  expect(Array.isArray(body)).toBe(true);
  const errors = body as Array<{ code: number; description: string }>;
  expect(errors).toHaveLength(count);
  for (const e of errors) {
    expect(Object.keys(e)).toEqual(['code', 'description']);
    expect(e.code).toBe(status);
    expect(e.description.length).toBeGreaterThan(5);
  }
  return errors;
}

async function expectXmlErrors(xmlText: string, status: number) {
  const root = await parseXml(xmlText);
  expect(root.tag).toBe('errors');
  expect(root.children.map((c) => c.tag)).toEqual(['error']);
  expect(fieldsOf(root.children[0]!).code).toBe(String(status));
}

/** The XML answer says what the JSON answer says, element for field. */
function expectSameRecords(items: Array<Record<string, unknown>>, nodes: Awaited<ReturnType<typeof parseXml>>['children']) {
  expect(nodes).toHaveLength(items.length);
  items.forEach((item, i) => {
    const fields = fieldsOf(nodes[i]!);
    for (const [k, v] of Object.entries(item)) if (typeof v !== 'object' || v === null) expect(fields[k], k).toBe(asXmlText(v));
    expect(Object.keys(fields)).toEqual(Object.keys(item));
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' };

let hotline: { id: number; trackingCode: string };
let closedOne: { id: number; trackingCode: string };

beforeAll(async () => {
  await ensureDemoOpen311Key(d.t.ctx);
  // A hotline ticket whose operator typed the caller's details into the text as well.
  const r = await d.call('operator', 'POST', '/api/v1/tickets', {
    ...citizen, serviceId: d.waterService,
    description: '王女士来电：幸福社区3栋停水两天，回电 138 0000 1234，邮箱 wang.nvshi@example.cn',
    location: '城关街道幸福社区3栋（王女士家）',
  });
  expect(r.status).toBe(201);
  hotline = r.body;
  const c = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, requesterName: '李建国', requesterPhone: '13912345678', title: '咨询公积金提取', description: '咨询公积金提取需要什么材料，李建国' });
  closedOne = c.body;
  expect((await d.call('operator', 'POST', `/api/v1/tickets/${closedOne.id}/close`, { note: '已告知李建国所需材料，详询 13912345678' })).status).toBe(200);
});

afterAll(() => d.t.clock.set(START));

describe('discovery and services', () => {
  it('publishes the discovery document, with our extension documented beside the spec fields', async () => {
    const doc = await json('/discovery.json', null);
    expect(doc).toMatchObject({ changeset: expect.stringMatching(/\+08:00$/), contact: expect.any(String), key_service: expect.stringContaining('api_key') });
    expect(doc.endpoints).toEqual([{
      specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:80/open311/v2', changeset: doc.changeset,
      type: 'production', formats: ['application/json', 'text/xml'],
    }]);
    expect(doc.extensions[0]).toMatchObject({ name: 'extended_attributes', parameter: 'extensions=true' });
    expect(doc.extensions[0].detailed_statuses.map((s: { code: string; status: string }) => `${s.code}:${s.status}`)).toEqual([
      'new:open', 'assigned:open', 'in_progress:open', 'arbitration:open', 'replied:open', 'closed:closed', 'merged:closed', 'rejected:closed']);
    const root = await xml('/discovery.xml');
    expect(root.tag).toBe('discovery');
    const endpoint = root.children.find((c) => c.tag === 'endpoints')!.children[0]!;
    expect(endpoint.tag).toBe('endpoint');
    expect(endpoint.children.find((c) => c.tag === 'formats')!.children.map((f) => [f.tag, f.text])).toEqual([['format', 'application/json'], ['format', 'text/xml']]);
  });

  it('lists the catalogue in force as services, the same in JSON and XML', async () => {
    const services = await json('/services.json', 'services.json');
    expect(services).toEqual([
      { service_code: 'CONSULT-01', service_name: '政策咨询', description: null, metadata: false, type: 'realtime', keywords: '咨询', group: '咨询' },
      { service_code: 'WATER-01', service_name: '供水问题', description: null, metadata: false, type: 'realtime', keywords: '停水,水压,自来水', group: '城市管理' },
    ]);
    const root = await xml('/services.xml');
    expect(root.tag).toBe('services');
    expect(root.children.every((c) => c.tag === 'service')).toBe(true);
    expectSameRecords(services, root.children);
  });

  it('gives each service an empty definition (no extra attributes), and 404 for unknown codes', async () => {
    expect(await json('/services/WATER-01.json', 'service-definition.json')).toEqual({ service_code: 'WATER-01', attributes: [] });
    const root = await xml('/services/WATER-01.xml');
    expect(root.tag).toBe('service_definition');
    expect(root.children.map((c) => c.tag)).toEqual(['service_code', 'attributes']);
    expectErrors(await json('/services/NOPE-99.json', null, 404), 404);
    const res = await call('GET', '/services/NOPE-99.xml');
    expect(res.statusCode).toBe(404);
    await expectXmlErrors(res.body, 404);
  });
});

describe('POST requests', () => {
  it('refuses a request without an api_key, with an unknown one, in either format (403)', async () => {
    const none = await call('POST', '/requests.json', form({ service_code: 'WATER-01', lat: '30.25', long: '120.16' }), FORM);
    expect(none.statusCode).toBe(403);
    expectErrors(none.json(), 403);
    const wrong = await call('POST', '/requests.xml', form({ api_key: 'guess', service_code: 'WATER-01', lat: '30.25', long: '120.16' }), FORM);
    expect(wrong.statusCode).toBe(403);
    await expectXmlErrors(wrong.body, 403);
  });

  it('answers missing and invalid fields with 400 arrays, one error each', async () => {
    const missing = await call('POST', '/requests.json', form({ api_key: KEY }), FORM);
    expect(missing.statusCode).toBe(400);
    const errors = expectErrors(missing.json(), 400, 2);
    expect(errors[0]!.description).toContain('service_code');
    expect(errors[1]!.description).toContain('address_string');
    const unknown = await call('POST', '/requests.json', { api_key: KEY, service_code: 'NOPE-99', address_string: '幸福社区' });
    expect(unknown.statusCode).toBe(400);
    expect(expectErrors(unknown.json(), 400)[0]!.description).toContain('service_code');
    const badLat = await call('POST', '/requests.xml', form({ api_key: KEY, service_code: 'WATER-01', lat: 'north', long: '120' }), FORM);
    expect(badLat.statusCode).toBe(400);
    await expectXmlErrors(badLat.body, 400);
    const multipart = await call('POST', '/requests.json', '--x--', { 'content-type': 'multipart/form-data; boundary=x' });
    expect(multipart.statusCode).toBe(415);
    expectErrors(multipart.json(), 415);
  });

  it('creates a ticket from a form post at once: receipt with token, dispatched to the service\'s unit', async () => {
    const res = await call('POST', '/requests.json', form({
      api_key: KEY, service_code: 'WATER-01', lat: '30.2741', long: '120.1551', address_string: '幸福社区5栋',
      description: '5栋水压很低，张三丰 电话 13800001234', first_name: '三丰', last_name: '张', phone: '13800001234', email: 'wang.nvshi@example.cn',
    }), FORM);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    schemas.assertValid('requests.json', body);
    // The spec's own example answers `account_id: null` (we keep no accounts); the swagger types it string-only.
    schemas.assertValid('swagger.json#/definitions/RequestResponse', body.map(({ account_id: _none, ...r }: Record<string, unknown>) => r));
    expect(body[0]).toMatchObject({
      service_request_id: expect.stringMatching(/^MSB20260302-\d{6}$/), service_notice: '按事项清单，应在 5 个工作日内办结', account_id: null,
      status: 'open', service_code: 'WATER-01', agency_responsible: '区水务局', description: '5栋水压很低，*** 电话 ***', lat: 30.2741, long: 120.1551,
    });
    expect(body[0].token).toBe(body[0].service_request_id);
    const staff = await d.call('dispatcher', 'GET', `/api/v1/tickets?q=${body[0].service_request_id}`);
    expect(staff.body.items[0]).toMatchObject({ channel: 'open311', status: 'assigned', leadUnitName: '区水务局', locationText: '幸福社区5栋' });
  });

  it('accepts JSON bodies and api_key in the query string, answers in XML, and replays an Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'app-7f3a' };
    const first = await call('POST', `/requests.xml?api_key=${KEY}`, { service_code: 'CONSULT-01', address_id: 'ADDR-1001', description: '咨询' }, headers);
    expect(first.statusCode, first.body).toBe(200);
    const root = await parseXml(first.body);
    expect(root.tag).toBe('service_requests');
    const receipt = fieldsOf(root.children[0]!);
    expect(root.children[0]!.tag).toBe('request');
    expect(receipt).toMatchObject({ service_notice: '按事项清单，应在 1 个工作日内办结', account_id: null, status: 'open', service_code: 'CONSULT-01' });
    expect(receipt.token).toBe(receipt.service_request_id);
    const again = await call('POST', `/requests.json?api_key=${KEY}`, { service_code: 'CONSULT-01', address_id: 'ADDR-1001', description: '咨询' }, headers);
    expect(again.json()[0].service_request_id).toBe(receipt.service_request_id);
  });
});

describe('GET requests', () => {
  it('shows one request by id in both formats, the detail only with extensions=true', async () => {
    const [r] = await json(`/requests/${hotline.trackingCode}.json`, 'requests.json');
    expect(r).toMatchObject({ service_request_id: hotline.trackingCode, status: 'open', status_notes: '已交办，待签收', service_name: '供水问题',
      requested_datetime: '2026-03-02T09:00:00+08:00', expected_datetime: '2026-03-09T17:30:00+08:00', address: '城关街道幸福社区3栋（***家）' });
    expect(r).not.toHaveProperty('extended_attributes');
    const root = await xml(`/requests/${hotline.trackingCode.toLowerCase()}.xml`);
    expect(root.tag).toBe('service_requests');
    expectSameRecords([r], root.children);
    const [ext] = await json(`/requests/${hotline.trackingCode}.json?extensions=true`, 'requests.json');
    expect(ext.extended_attributes).toEqual({ detailed_status: 'assigned', detailed_status_name: '已交办，待签收' });
    const extXml = fieldsOf((await xml(`/requests/${hotline.trackingCode}.xml?extensions=true`)).children[0]!);
    expect(extXml).toHaveProperty('extended_attributes');
  });

  it('answers unknown requests, tokens, paths and formats with error arrays', async () => {
    expectErrors(await json('/requests/MSB20990101-000001.json', null, 404), 404);
    const res = await call('GET', '/requests/MSB20990101-000001.xml');
    expect(res.statusCode).toBe(404);
    await expectXmlErrors(res.body, 404);
    expectErrors(await json('/tokens/MSB20990101-000001.json', null, 404), 404);
    expectErrors(await json('/nowhere', null, 404), 404);
    expectErrors(await json('/services.csv', null, 400), 400);
    expectErrors(await json(`/requests/${hotline.trackingCode}.csv`, null, 400), 400);
  });

  it('resolves a token to its request id', async () => {
    expect(await json(`/tokens/${hotline.trackingCode}.json`, 'swagger.json#/definitions/TokenResponse')).toEqual([{ service_request_id: hotline.trackingCode, token: hotline.trackingCode }]);
    const root = await xml(`/tokens/${hotline.trackingCode}.xml`);
    expect([root.tag, root.children[0]!.tag]).toEqual(['service_requests', 'request']);
  });

  it('lists the last 90 days newest first, filtered by service_code and status, the same in XML', async () => {
    const all = await json('/requests.json', 'requests.json');
    expect(all.length).toBeGreaterThanOrEqual(4);
    const times = all.map((r: { requested_datetime: string }) => r.requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);
    expectSameRecords(all, (await xml('/requests.xml')).children);

    const water = await json('/requests.json?service_code=WATER-01', 'requests.json');
    expect(water.length).toBeGreaterThanOrEqual(2);
    expect(water.every((r: { service_code: string }) => r.service_code === 'WATER-01')).toBe(true);
    const closed = await json('/requests.json?status=closed', 'requests.json');
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([closedOne.trackingCode]);
    expect(closed[0]).toMatchObject({ status: 'closed', status_notes: '已办结：已告知***所需材料，详询 ***' });
    const open = await json('/requests.json?status=open', 'requests.json');
    expect(open.every((r: { status: string }) => r.status === 'open')).toBe(true);
    expect(open.length + closed.length).toBe(all.length);
    expect(await json('/requests.json?status=open,closed', 'requests.json')).toHaveLength(all.length);
  });

  it('takes service_request_id lists over every other filter', async () => {
    const both = await json(`/requests.json?service_request_id=${hotline.trackingCode},${closedOne.trackingCode},MSB20990101-000001&status=closed&service_code=NONE&start_date=never`, 'requests.json');
    expect(both.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([hotline.trackingCode, closedOne.trackingCode].sort());
  });

  it('filters by start_date and end_date, refuses ranges over 90 days, and drops old requests from the default window', async () => {
    expect(await json('/requests.json?start_date=2026-03-02T09:00:01%2B08:00', null)).toEqual([]);
    const day = await json('/requests.json?start_date=2026-03-02&end_date=2026-03-02T23:59:59%2B08:00', 'requests.json');
    expect(day.length).toBeGreaterThanOrEqual(4);
    expectErrors(await json('/requests.json?start_date=2026-01-01&end_date=2026-06-01', null, 400), 400);
    expectErrors(await json('/requests.json?start_date=tomorrow&status=pending', null, 400), 400, 2);

    d.t.clock.set(new Date('2026-06-15T09:00:00+08:00'));
    expect(await json('/requests.json', null)).toEqual([]);
    expect((await json('/requests.json?start_date=2026-03-01T00:00:00Z', 'requests.json')).length).toBe(day.length);
    expect(await json(`/requests/${hotline.trackingCode}.json`, 'requests.json')).toHaveLength(1);
    d.t.clock.set(START);
  });

  it('returns at most 1000 requests', async () => {
    await d.t.ctx.db.query(`
      INSERT INTO tickets (tracking_code, channel, status, title, description, requester_name, requester_phone, location_text, accepted_at)
      SELECT 'MSB20260301-' || lpad(g::text, 6, '0'), 'hotline', 'new', '批量', '批量导入', '某某', '13700000000', '某处',
             timestamptz '2026-03-01 08:00:00+08' + g * interval '1 second'
        FROM generate_series(1, 1005) g`);
    const list = await json('/requests.json', 'requests.json');
    expect(list).toHaveLength(1000);
    expect(list.filter((r: { service_code: string }) => r.service_code === 'unclassified').length).toBeGreaterThan(990);
  });
});

describe('personal data', () => {
  it('never appears in any Open311 answer above', () => {
    expect(bodies.length).toBeGreaterThan(40);
    for (const body of bodies) for (const secret of PERSONAL) expect(body, body.slice(0, 300)).not.toContain(secret);
  });
});
