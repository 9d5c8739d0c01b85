/**
 * The rows a ticket's clocks, audit events and notifications point at without a foreign key
 * (migration 0011) cannot be deleted, so those references never dangle; the records of the work
 * themselves still have their keys.
 */
import { describe, expect, it } from 'vitest';
import { pgErrorCode } from '../platform/database/db.js';
import { citizen, useDistrict } from '../../test/fixtures.js';

const RESTRICT_VIOLATION = '23001';
const FOREIGN_KEY_VIOLATION = '23503';

describe('what the engine records refer to is kept', () => {
  const d = useDistrict();

  const failure = (sql: string, values: unknown[] = []) => d.t.database.db.query(sql, values).then(() => undefined, pgErrorCode);

  it('refuses to delete units, users, assignments and clocks, even those nothing else refers to', async () => {
    const created = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.waterService });
    expect(created.status).toBe(201);
    const ticket = await d.call('operator', 'GET', `/api/v1/tickets/${created.body.id}`);
    const clock = ticket.body.clocks.find((c: { assignmentId: number | null }) => c.assignmentId !== null);
    expect(clock).toBeDefined();

    expect(await failure('DELETE FROM clocks WHERE id = $1', [clock.id])).toBe(RESTRICT_VIOLATION);
    expect(await failure('DELETE FROM assignments WHERE id = $1', [clock.assignmentId])).toBe(RESTRICT_VIOLATION);
    // No ticket names the supervisor: only the guard keeps it (and whatever it did) on record.
    expect(await failure(`DELETE FROM users WHERE username = 'supervisor'`)).toBe(RESTRICT_VIOLATION);
    expect(await failure('DELETE FROM units WHERE id = $1', [d.units.otherVillage.id])).toBe(RESTRICT_VIOLATION);

    const [kept] = (await d.t.database.db.query(`SELECT
      (SELECT count(*)::int FROM clocks WHERE work_id = $1) AS clocks,
      (SELECT count(*)::int FROM users WHERE username = 'supervisor') AS users,
      (SELECT count(*)::int FROM units WHERE id = $2) AS units`, [created.body.id, d.units.otherVillage.id])).rows;
    expect(kept).toEqual({ clocks: ticket.body.clocks.length, users: 1, units: 1 });
  });

  it('still refuses a ticket or an assignment that names a unit that does not exist', async () => {
    const created = await d.call('operator', 'POST', '/api/v1/tickets', { ...citizen, serviceId: d.waterService });
    expect(await failure('UPDATE tickets SET lead_unit_id = 999999 WHERE id = $1', [created.body.id])).toBe(FOREIGN_KEY_VIOLATION);
    expect(await failure(`UPDATE assignments SET unit_id = 999999 WHERE work_type = 'ticket' AND work_id = $1`, [created.body.id])).toBe(FOREIGN_KEY_VIOLATION);
  });
});
