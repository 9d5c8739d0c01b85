import { describe, expect, it } from 'vitest';
import { useDistrict } from '../../test/fixtures.js';
import { DEMO_OPEN311_KEY, ensureDemoOpen311Key } from './open311.keys.service.js';

const d = useDistrict();

const post = (apiKey: string, extra: Record<string, string> = {}) => d.t.app.inject({
  method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams({ api_key: apiKey, service_code: 'WATER-01', address_string: '幸福社区3栋', description: '停水', ...extra }).toString(),
});

describe('Open311 api_keys', () => {
  it('are managed by admins only', async () => {
    expect((await d.call(null, 'GET', '/api/v1/open311/keys')).status).toBe(401);
    expect((await d.call('operator', 'POST', '/api/v1/open311/keys', { name: 'x' })).body.code).toBe('FORBIDDEN');
    expect((await d.call('supervisor', 'DELETE', '/api/v1/open311/keys/1')).status).toBe(403);
  });

  it('are shown once, stored as a hash, work until revoked, and revoking is audited once', async () => {
    const created = await d.call('admin', 'POST', '/api/v1/open311/keys', { name: '城市随手拍 App' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(Number), name: '城市随手拍 App', key: expect.stringMatching(/^msb_[\w-]{40,}$/) });
    const { id, key } = created.body as { id: number; key: string };
    const stored = await d.t.ctx.db.query('SELECT key_hash FROM open311_keys WHERE id = $1', [id]);
    expect((stored.rows[0].key_hash as Buffer).toString()).not.toContain(key);

    const list = await d.call('admin', 'GET', '/api/v1/open311/keys');
    expect(list.body).toEqual([{ id, name: '城市随手拍 App', createdAt: '2026-03-02T01:00:00.000Z', createdBy: 'admin', revokedAt: null }]);
    expect(JSON.stringify(list.body)).not.toContain(key);

    const ok = await post(key);
    expect(ok.statusCode, ok.body).toBe(200);
    const code = ok.json()[0].service_request_id as string;
    const ticket = (await d.call('dispatcher', 'GET', `/api/v1/tickets?q=${code}`)).body.items[0];
    const detail = (await d.call('dispatcher', 'GET', `/api/v1/tickets/${ticket.id}`)).body;
    expect(detail).toMatchObject({ channel: 'open311', requesterName: '未提供', requesterPhone: '未提供' });
    expect(detail.events[0]).toMatchObject({ action: 'accepted', actorName: 'open311:城市随手拍 App' });

    expect((await d.call('admin', 'DELETE', `/api/v1/open311/keys/${id}`)).body).toEqual({ ok: true });
    expect((await d.call('admin', 'DELETE', `/api/v1/open311/keys/${id}`)).status).toBe(200);
    const revoked = await post(key);
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()[0].code).toBe(403);
    expect((await d.call('admin', 'GET', '/api/v1/open311/keys')).body[0].revokedAt).toBe('2026-03-02T01:00:00.000Z');
    const audit = await d.t.ctx.db.query("SELECT action FROM audit_events WHERE entity_type = 'open311_key' AND entity_id = $1 ORDER BY id", [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['open311_key_created', 'open311_key_revoked']);
    const missing = await d.call('admin', 'DELETE', '/api/v1/open311/keys/999999');
    expect([missing.status, missing.body.code]).toEqual([404, 'OPEN311_KEY_NOT_FOUND']);
  });

  it('keep the e-mail out of the database and store the phone when given', async () => {
    await ensureDemoOpen311Key(d.t.ctx);
    const res = await post(DEMO_OPEN311_KEY, { email: 'someone@example.org', phone: '13600001111', first_name: 'Mei', last_name: 'Han' });
    expect(res.statusCode, res.body).toBe(200);
    const row = await d.t.ctx.db.query('SELECT * FROM tickets WHERE tracking_code = $1', [res.json()[0].service_request_id]);
    expect(row.rows[0]).toMatchObject({ requester_name: 'Mei Han', requester_phone: '13600001111', channel: 'open311' });
    const everywhere = await d.t.ctx.db.query(`SELECT
      (SELECT count(*) FROM tickets t WHERE t::text ILIKE '%someone@example.org%') + (SELECT count(*) FROM audit_events e WHERE e::text ILIKE '%someone@example.org%') AS n`);
    expect(everywhere.rows[0].n).toBe(0);
  });

  it('include the demo key, created idempotently, which stays revoked once revoked (demo only)', async () => {
    await ensureDemoOpen311Key(d.t.ctx);
    await ensureDemoOpen311Key(d.t.ctx);
    const demos = (await d.call('admin', 'GET', '/api/v1/open311/keys')).body.filter((k: { name: string }) => k.name === 'demo');
    expect(demos).toHaveLength(1);
    expect((await post(DEMO_OPEN311_KEY)).statusCode).toBe(200);
    await d.call('admin', 'DELETE', `/api/v1/open311/keys/${demos[0].id}`);
    await ensureDemoOpen311Key(d.t.ctx);
    expect((await post(DEMO_OPEN311_KEY)).statusCode).toBe(403);
  });
});
