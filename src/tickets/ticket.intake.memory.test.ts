/**
 * Intake plans from the service versions and units it remembers, and its statement checks they still hold:
 * a change made since (by this process or any other) is never planned around.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgErrorCode, SERIALIZATION_FAILURE } from '../platform/database/db.js';
import { citizen, useDistrict } from '../../test/fixtures.js';
import { insertIntakes } from './ticket.intake.repository.js';
import { planIntake } from './ticket.intake.rules.js';
import { recentCalendar } from '../calendar/calendar.service.js';

const HOUR = 3_600_000;

describe('intake from a remembered catalogue', () => {
  const d = useDistrict(new Date('2026-03-02T09:00:00+08:00'));
  // Another server process on the same database: its changes reach this one only through the database.
  let other: pg.Client;
  beforeAll(async () => {
    other = new pg.Client(d.t.database.url);
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
  });

  const take = async () => {
    const created = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.waterService });
    expect(created.status).toBe(201);
    const [stored] = (await other.query('SELECT service_version_id, limits FROM tickets WHERE id = $1', [created.body.id])).rows;
    return { ...created.body, serviceVersionId: Number(stored.service_version_id), limits: stored.limits };
  };
  const unitVersion = async (id: number) => (await d.call('admin', 'GET', `/api/v1/units/${id}`)).body.version as number;

  it('follows a unit deactivated and reactivated by another process, and a unit moved by this one', async () => {
    const first = await take();
    expect(first).toMatchObject({ status: 'assigned', leadUnitId: d.units.water.id });

    await other.query('UPDATE units SET active = false WHERE id = $1', [d.units.water.id]);
    d.t.clock.advance(HOUR);
    // Its unit stopped taking work: the ticket waits for the dispatcher instead of going to it.
    expect(await take()).toMatchObject({ status: 'new', leadUnitId: null });

    await other.query('UPDATE units SET active = true WHERE id = $1', [d.units.water.id]);
    d.t.clock.advance(HOUR);
    expect(await take()).toMatchObject({ status: 'assigned', leadUnitId: d.units.water.id });

    const moved = await d.call('admin', 'PATCH', `/api/v1/units/${d.units.water.id}`, { version: await unitVersion(d.units.water.id), parentId: d.units.town.id });
    expect(moved.status).toBe(200);
    d.t.clock.advance(HOUR);
    const after = await take();
    const [assignment] = (await d.t.database.db.query(`SELECT unit_path FROM assignments WHERE work_type = 'ticket' AND work_id = $1`, [after.id])).rows;
    expect(assignment).toEqual({ unit_path: `${d.units.town.path}${d.units.water.id}/` });
  });

  it('takes a new version of the service from the moment it is in force', async () => {
    const before = await take();
    const from = new Date(d.t.clock.now().getTime() + 2 * HOUR);
    const added = await d.call('admin', 'POST', `/api/v1/services/${d.waterService}/versions`, {
      version: 1, unitId: d.units.housing.id, limits: { resolve: { amount: 3, unit: 'working_days' } }, effectiveFrom: from.toISOString(),
    });
    expect(added.status).toBe(201);
    d.t.clock.advance(HOUR);
    // Scheduled, not yet in force: the remembered version still is.
    expect(await take()).toMatchObject({ serviceVersionId: before.serviceVersionId, leadUnitId: d.units.water.id });
    d.t.clock.advance(HOUR);
    expect(await take()).toMatchObject({ serviceVersionId: added.body.versionId, leadUnitId: d.units.housing.id, limits: { resolve: { amount: 3, unit: 'working_days' } } });
  });

  it('decides a refusal again from a fresh read: a service withdrawn and then offered again takes tickets again', async () => {
    const latest = async () => (await d.call('admin', 'GET', `/api/v1/services/${d.waterService}`)).body.versions.at(-1).version as number;
    d.t.clock.advance(HOUR);
    expect((await d.call('admin', 'POST', `/api/v1/services/${d.waterService}/versions`, { version: await latest(), active: false })).status).toBe(201);
    d.t.clock.advance(HOUR);
    const refused = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.waterService });
    expect(refused.body.code).toBe('SERVICE_NOT_FOUND');
    // Remembered now: the withdrawn version, still without an end. The new one must win over it.
    expect((await d.call('admin', 'POST', `/api/v1/services/${d.waterService}/versions`, { version: await latest(), active: true })).status).toBe(201);
    d.t.clock.advance(HOUR);
    expect(await take()).toMatchObject({ status: 'assigned', leadUnitId: d.units.housing.id });
  });

  it('refuses a whole batch planned from a version that has ended, writing nothing', async () => {
    const version = (await other.query(`SELECT v.id, v.unit_id, u.path, v.limits, v.effective_to FROM service_versions v JOIN units u ON u.id = v.unit_id
      WHERE v.service_id = $1 AND v.effective_to IS NOT NULL ORDER BY v.version LIMIT 1`, [d.waterService])).rows[0];
    const now = d.t.clock.now();
    const rows = planIntake({
      channel: 'hotline', serviceId: d.waterService, serviceVersionId: version.id, suggestedServiceId: null, limits: version.limits,
      title: citizen.title, description: citizen.description, requesterName: citizen.requesterName, requesterPhone: citizen.requesterPhone,
      requesterKind: 'citizen', enterpriseName: null, locationText: citizen.location, lat: null, lng: null, acceptedAt: now, acceptedBy: null,
      idempotency: null,
    }, { author: { actor: null, label: 'test' }, cal: await recentCalendar(d.t.ctx.db), now, lead: null, accepted: {} });
    const count = async () => Number((await other.query('SELECT count(*) AS n FROM tickets')).rows[0].n);
    const tickets = await count();
    // Planned as if the version were still in force when it ended.
    const stale = [{ versionId: version.id, until: version.effective_to as Date, unit: { id: version.unit_id, path: version.path, active: true } }];
    expect(pgErrorCode(await insertIntakes(d.t.ctx.db, [rows, rows], stale).then(() => null, (e: unknown) => e))).toBe(SERIALIZATION_FAILURE);
    expect(await count()).toBe(tickets);
    // The same batch, planned from what holds, is written.
    const current = { versionId: version.id, until: new Date(stale[0]!.until.getTime() - 1), unit: stale[0]!.unit };
    expect(await insertIntakes(d.t.ctx.db, [rows, rows], [current])).toHaveLength(2);
    expect(await count()).toBe(tickets + 2);
  });
});
