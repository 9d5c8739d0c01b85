/**
 * An independent client: the real app listening on a port, driven by Python with only its standard
 * library (urllib, json, xml.etree), as a third-party GeoReport integration would.
 */
import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDistrict } from '../../test/fixtures.js';
import { DEMO_OPEN311_KEY, ensureDemoOpen311Key } from './open311.keys.service.js';

const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));
let base = '';

beforeAll(async () => {
  await ensureDemoOpen311Key(d.t.ctx);
  // Closed by useTestApp's own teardown.
  const address = await d.t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `${address}/open311/v2`;
});

const CLIENT = `
import json, sys, urllib.error, urllib.parse, urllib.request
import xml.etree.ElementTree as ET

base, key = sys.argv[1], sys.argv[2]
# Straight to the server: no proxy from the environment.
http = urllib.request.build_opener(urllib.request.ProxyHandler({}))

def get(path):
    with http.open(base + path, timeout=20) as r:
        return r.status, r.headers.get("Content-Type"), r.read()

def post(path, fields):
    data = urllib.parse.urlencode(fields).encode("utf-8")
    try:
        with http.open(urllib.request.Request(base + path, data=data), timeout=20) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

status, ctype, body = get("/services.json")
services = json.loads(body)
water = next(s for s in services if s["group"] == "城市管理")

status_post, created = post("/requests.json", {
    "api_key": key, "service_code": water["service_code"], "lat": "30.2741", "long": "120.1551",
    "address_string": "城关街道幸福社区3栋", "description": "3栋停水两天",
    "first_name": "小明", "last_name": "王", "phone": "13800001234", "email": "xiaoming@example.cn",
})
receipt = json.loads(created)[0]

status_xml, xml_type, xml_body = get("/requests/" + urllib.parse.quote(receipt["service_request_id"]) + ".xml")
root = ET.fromstring(xml_body)
request = root.find("request")

status_denied, denied = post("/requests.xml", {"api_key": "not-a-key", "service_code": water["service_code"], "lat": "30", "long": "120"})
denied_root = ET.fromstring(denied)

print(json.dumps({
    "services": [s["service_code"] for s in services], "services_type": ctype,
    "post_status": status_post, "receipt": {k: receipt.get(k) for k in ("service_request_id", "token", "service_notice", "account_id")},
    "xml_status": status_xml, "xml_type": xml_type, "root": root.tag,
    "request": {c.tag: c.text for c in request},
    "denied": [status_denied, denied_root.tag, denied_root.find("error").find("code").text],
    "raw": (created + xml_body).decode("utf-8"),
}, ensure_ascii=False))
`;

function runPython(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('python3', ['-c', CLIENT, ...args], { encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
}

describe('an independent Open311 client (Python standard library)', () => {
  it('lists services, posts a form-encoded request with the demo key, and reads it back as XML', async () => {
    const out = JSON.parse(await runPython(base, DEMO_OPEN311_KEY)) as {
      services: string[]; services_type: string; post_status: number; receipt: Record<string, string | null>; xml_status: number; xml_type: string;
      root: string; request: Record<string, string | null>; denied: [number, string, string]; raw: string;
    };
    expect(out.services).toEqual(['CONSULT-01', 'WATER-01']);
    expect(out.services_type).toBe('application/json; charset=utf-8');
    expect(out.post_status).toBe(200);
    expect(out.receipt).toMatchObject({ service_request_id: expect.stringMatching(/^MSB20260302-\d{6}$/), service_notice: '按事项清单，应在 5 个工作日内办结', account_id: null });
    expect(out.receipt.token).toBe(out.receipt.service_request_id);
    expect([out.xml_status, out.xml_type, out.root]).toEqual([200, 'text/xml; charset=utf-8', 'service_requests']);
    expect(out.request).toMatchObject({
      service_request_id: out.receipt.service_request_id, status: 'open', service_code: 'WATER-01', service_name: '供水问题', agency_responsible: '区水务局',
      description: '3栋停水两天', address: '城关街道幸福社区3栋', lat: '30.2741', long: '120.1551',
      requested_datetime: '2026-03-02T09:00:00+08:00', expected_datetime: '2026-03-09T17:30:00+08:00', zipcode: null, media_url: null,
    });
    expect(out.denied).toEqual([403, 'errors', '403']);
    for (const secret of ['王小明', '小明', '13800001234', 'xiaoming@example.cn']) expect(out.raw).not.toContain(secret);
  });
});
