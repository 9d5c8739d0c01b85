import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, TEST_PASSWORD, useTestApp } from '../../test/app.js';
import { listAuditEvents } from '../audit/audit.repository.js';
import { at } from './calendar.testing.js';
import { ensureCalendarSeeded } from './calendar.service.js';

const FILE_2027 = [
  '# 2027 holiday schedule (entered by hand before chinese-days has it)',
  'year=2027',
  '2027-01-01,holiday,元旦',
  '2027-02-06,holiday,春节',
  '2027-02-07,holiday,春节',
  '2027-02-08,holiday,春节',
  '2027-02-20,adjusted_workday,春节调休',
  '',
].join('\n');

describe('calendar routes', () => {
  const t = useTestApp(new Date('2026-03-02T09:00:00+08:00'));
  let admin: Record<string, string>;
  let handler: Record<string, string>;

  beforeAll(async () => {
    await ensureCalendarSeeded(t.ctx);
    const district = await t.unit('CAL', 'district', null, '示范区');
    admin = bearer((await t.user('cal-admin', district, ['admin'])).token);
    handler = bearer((await t.user('cal-handler', district, ['handler', 'dispatcher'])).token);
  });

  const api = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown, contentType?: string) =>
    t.app.inject({
      method, url: `/api/v1${url}`, payload: payload as string,
      headers: contentType ? { ...headers, 'content-type': contentType } : headers,
    });
  const deadline = (query: string) => api('GET', `/calendar/deadline?${query}`, handler);

  it('shows any signed-in user the loaded years, default office hours, and from 1 November the missing-year warning', async () => {
    expect((await api('GET', '/calendar', {})).statusCode).toBe(401);
    const march = await api('GET', '/calendar', handler);
    expect(march.statusCode).toBe(200);
    const body = march.json();
    expect(body.years.map((y: { year: number; source: string }) => [y.year, y.source])).toEqual([[2025, 'chinese-days'], [2026, 'chinese-days']]);
    expect(body.officeHours).toEqual({ periods: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }], isDefault: true });
    expect(body.warnings).toEqual([]);
    expect(body.version).toBeGreaterThan(0);

    t.clock.set(at('2026-11-01 08:00'));
    try {
      // A fresh sign-in: the March session has expired by November.
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cal-handler', password: TEST_PASSWORD } });
      const november = (await api('GET', '/calendar', bearer(login.json().token))).json();
      expect(november.warnings).toEqual([expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', year: 2027 })]);
      expect(november.warnings[0].message_en).toContain('2027');
    } finally {
      t.clock.set(at('2026-03-02 09:00'));
    }
  });

  it('refuses every write to a non-admin with 403', async () => {
    const writes = [
      api('PUT', '/calendar/years/2026', handler, { source: 'chinese-days' }),
      api('POST', '/calendar/years/2027/import', handler, FILE_2027, 'text/plain'),
      api('PUT', '/calendar/overrides/2026-05-06', handler, { kind: 'holiday', name: '区庆' }),
      api('DELETE', '/calendar/overrides/2026-05-06', handler),
      api('PUT', '/calendar/office-hours', handler, { periods: [{ start: '08:00', end: '17:00' }] }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it('answers a deadline in a year with no schedule with 409 CALENDAR_YEAR_MISSING instead of guessing', async () => {
    const res = await deadline('start=2028-03-01T10:00:00%2B08:00&amount=3&unit=working_days');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', details: { year: 2028 } });
    // 31 December of a loaded year: the first day counted is in the missing one.
    expect((await deadline('start=2026-12-31T10:00:00%2B08:00&amount=1&unit=working_days')).json()).toMatchObject({ details: { year: 2027 } });
    expect((await api('GET', '/calendar/years/2027', handler)).json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING' });
    // Calendar days do not need the calendar.
    expect((await deadline('start=2028-03-01T10:00:00%2B08:00&amount=3&unit=calendar_days')).json().deadlineLocal).toBe('2028-03-04 24:00');
  });

  it('explains a deadline: over the Spring Festival, in calendar days, and in office or natural hours', async () => {
    const festival = await deadline('start=2026-02-13 16:00&amount=2&unit=working_days');
    expect(festival.statusCode).toBe(200);
    const answer = festival.json();
    expect(answer).toMatchObject({
      start: '2026-02-13T08:00:00.000Z', deadline: '2026-02-24T09:30:00.000Z', deadlineLocal: '2026-02-24 17:30',
      countedDays: ['2026-02-14', '2026-02-24'],
    });
    expect(answer.calendarVersion).toMatch(/^\d+$/);
    expect(answer.skippedDays.map((d: { date: string }) => d.date)).toEqual(
      ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
    expect(answer.explanation.zh.join('\n')).toContain('2026-02-15–02-23（春节）');

    expect((await deadline('start=2026-02-13T16:00:00%2B08:00&amount=3&unit=calendar_days')).json()).toMatchObject({
      deadline: '2026-02-16T16:00:00.000Z', deadlineLocal: '2026-02-16 24:00', calendarVersion: null,
    });
    expect((await deadline('start=2026-03-06 16:00&amount=2&unit=hours')).json().deadlineLocal).toBe('2026-03-09 09:30');
    expect((await deadline('start=2026-03-06 16:00&amount=2&unit=hours&natural=true')).json().deadlineLocal).toBe('2026-03-06 18:00');
    expect((await deadline('start=2026-03-06 16:00&amount=90&unit=minutes')).json().deadlineLocal).toBe('2026-03-06 17:30');

    expect((await deadline('start=2026-02-30 16:00&amount=1&unit=working_days')).statusCode).toBe(400);
    expect((await deadline('start=yesterday&amount=1&unit=working_days')).statusCode).toBe(400);
    expect((await deadline('start=2026-03-06 16:00&amount=0&unit=working_days')).statusCode).toBe(400);
  });

  it('refuses a bad import file with 422 and the line number, then imports, shows and exports a good one', async () => {
    const bad = async (text: string) => {
      const res = await api('POST', '/calendar/years/2027/import', admin, text, 'text/plain');
      expect(res.statusCode).toBe(422);
      return res.json() as { code: string; message: string; message_en: string; details: { line: number } };
    };
    const badKind = await bad(FILE_2027.replace('2027-02-07,holiday', '2027-02-07,vacation'));
    expect(badKind).toMatchObject({ code: 'CALENDAR_FILE_INVALID', details: { line: 5 } });
    expect(badKind.message).toContain('第 5 行');
    expect(badKind.message_en).toContain('line 5');
    expect((await bad(FILE_2027.replace('2027-02-20,adjusted_workday', '2027-02-22,adjusted_workday'))).details.line).toBe(7); // a Monday
    expect((await bad(FILE_2027.replaceAll('2027', '2028'))).details.line).toBe(2); // a file for another year
    expect((await bad(FILE_2027.replace('春节调休', ''))).details.line).toBe(7); // no name
    expect((await bad('# nothing here\n')).details.line).toBe(0);

    const imported = await api('POST', '/calendar/years/2027/import', admin, FILE_2027, 'text/csv');
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ year: 2027, source: 'import' });
    expect(imported.json().months[1].days.map((d: { date: string }) => d.date)).toEqual(['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-20']);
    expect((await deadline('start=2026-12-31T10:00:00%2B08:00&amount=1&unit=working_days')).json().deadlineLocal).toBe('2027-01-04 17:30');

    const exported = await api('GET', '/calendar/years/2027/export', handler);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/plain');
    expect(exported.body).toContain('year=2027\n2027-01-01,holiday,元旦\n');
    const again = await api('POST', '/calendar/years/2027/import', admin, exported.body, 'text/plain');
    expect(again.json().workingDays).toBe(imported.json().workingDays);

    const audit = await listAuditEvents(t.ctx.db, 'calendar', 2027);
    expect(audit.map((e) => e.action)).toEqual(['calendar_year_loaded', 'calendar_year_loaded']);
    expect(audit[0]!.actor_name).toBe('cal-admin');
  });

  it('loads a year from chinese-days or from a JSON list of days, refusing what cannot be right', async () => {
    const missing = await api('PUT', '/calendar/years/2030', admin, { source: 'chinese-days' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('CALENDAR_YEAR_NOT_IN_PACKAGE');
    const weekdayMakeUp = await api('PUT', '/calendar/years/2030', admin, { days: [{ date: '2030-01-01', kind: 'holiday', name: '元旦' }, { date: '2030-01-02', kind: 'adjusted_workday', name: '调休' }] });
    expect(weekdayMakeUp.statusCode).toBe(422);
    expect(weekdayMakeUp.json()).toMatchObject({ code: 'CALENDAR_DAY_INVALID', details: { date: '2030-01-02' } });
    expect((await api('PUT', '/calendar/years/2030', admin, { days: [] })).json().code).toBe('CALENDAR_SCHEDULE_EMPTY');

    const loaded = await api('PUT', '/calendar/years/2024', admin, { source: 'chinese-days' });
    expect(loaded.statusCode).toBe(200);
    expect(loaded.json()).toMatchObject({ year: 2024, source: 'chinese-days' });
  });

  it('overrides a date, which moves deadlines at once; removing it moves them back', async () => {
    const friday = 'start=2026-03-06 16:00&amount=1&unit=working_days';
    expect((await deadline(friday)).json().deadlineLocal).toBe('2026-03-09 17:30');
    const set = await api('PUT', '/calendar/overrides/2026-03-09', admin, { kind: 'holiday', name: '区庆' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ date: '2026-03-09', kind: 'holiday', name: '区庆' });
    const moved = (await deadline(friday)).json();
    expect(moved.deadlineLocal).toBe('2026-03-10 17:30');
    expect(moved.calendarVersion).toBe(String(set.json().version));
    expect(moved.skippedDays).toContainEqual(expect.objectContaining({ date: '2026-03-09', name: '区庆', override: true }));
    expect((await api('GET', '/calendar', handler)).json().overrides).toEqual([expect.objectContaining({ date: '2026-03-09', name: '区庆' })]);

    const stale = await api('DELETE', `/calendar/overrides/2026-03-09?version=${set.json().version - 1}`, admin);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await api('DELETE', '/calendar/overrides/2026-03-09', admin)).statusCode).toBe(200);
    expect((await deadline(friday)).json().deadlineLocal).toBe('2026-03-09 17:30');
    expect((await api('DELETE', '/calendar/overrides/2026-03-09', admin)).json().code).toBe('CALENDAR_OVERRIDE_NOT_FOUND');
    expect((await api('DELETE', '/calendar/overrides/2026-02-30', admin)).json().code).toBe('CALENDAR_OVERRIDE_NOT_FOUND');

    expect((await api('PUT', '/calendar/overrides/2026-03-10', admin, { kind: 'weekend', name: 'x' })).json().code).toBe('CALENDAR_DAY_INVALID');
    expect((await api('PUT', '/calendar/overrides/2026-02-30', admin, { kind: 'holiday', name: 'x' })).json().code).toBe('CALENDAR_DAY_INVALID');
  });

  it('sets office hours only when sorted, non-overlapping and within the day', async () => {
    const put = (periods: Array<{ start: string; end: string }>) => api('PUT', '/calendar/office-hours', admin, { periods });
    for (const periods of [
      [{ start: '13:30', end: '17:30' }, { start: '09:00', end: '12:00' }],
      [{ start: '09:00', end: '12:30' }, { start: '12:00', end: '17:30' }],
      [{ start: '17:00', end: '09:00' }],
    ]) {
      const res = await put(periods);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('CALENDAR_OFFICE_HOURS_INVALID');
    }
    expect((await put([{ start: '09:00', end: '25:00' }])).statusCode).toBe(400);
    expect((await put([])).statusCode).toBe(400);

    const ok = await put([{ start: '08:30', end: '12:00' }, { start: '14:00', end: '18:00' }]);
    expect(ok.statusCode).toBe(200);
    expect((await deadline('start=2026-03-06 16:00&amount=1&unit=working_days')).json().deadlineLocal).toBe('2026-03-09 18:00');
    expect((await api('GET', '/calendar', handler)).json().officeHours.isDefault).toBe(false);
    expect((await put([{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }])).statusCode).toBe(200);
  });
});
