import { describe, expect, it } from 'vitest';
import { at, calendar2025to2026 } from '../calendar/calendar.testing.js';
import type { ServiceVersion } from '../catalogue/service.js';
import { importKey, matchHeaders, readImportRow, rowDigest, type ImportRow, type RawImportRow } from './ticket.import.rules.js';
import { cellText, parseChannel, parseImportTime, parseStatus } from './ticket.import.text.rules.js';
import { LEAD_REF, planImport, type ImportLookup, type ImportPlan } from './ticket.import.plan.rules.js';

const now = at('2026-03-10 12:00');
const cal = calendar2025to2026();

const raw = (cells: RawImportRow['cells'], row = 2): RawImportRow => ({ row, cells });
const closedRow: RawImportRow['cells'] = {
  externalId: 'BJ2026030200001', acceptedAt: '2026-03-02 09:15', channel: '12345热线', title: '小区停水', description: '幸福小区3栋停水两天',
  requesterName: '王女士', requesterPhone: '138****1234', location: '幸福小区3栋', serviceCode: 'WATER-01', unitCode: 'D-WATER', status: '已办结',
  replyText: '已抢修恢复供水', repliedAt: '2026/3/6 10:00', closedAt: '2026年3月7日 9时30分', satisfaction: '满意', resolved: '已解决',
};

function readOk(cells: RawImportRow['cells']): ImportRow {
  const r = readImportRow(raw(cells), now);
  expect(r.problems).toEqual([]);
  return r.row!;
}

const problemsOf = (cells: RawImportRow['cells']) => readImportRow(raw(cells), now).problems.map((p) => [p.column, p.code]);

describe('the header row', () => {
  it('finds the columns by their Chinese names or English aliases, whatever the width, case or bracketed note', () => {
    const m = matchHeaders(['工单编号', '受理时间（北京时间）', 'Channel', 'TITLE', '事项编码*', 'unit code', '状态', '事项名称', '']);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(Object.fromEntries(m.value.columns)).toEqual({ externalId: 0, acceptedAt: 1, channel: 2, title: 3, serviceCode: 4, unitCode: 5, status: 6 });
    expect(m.value.ignored).toEqual(['事项名称']);
  });

  it('names the missing columns and refuses a column given twice', () => {
    const missing = matchHeaders(['受理时间', '状态']);
    expect(missing).toMatchObject({ ok: false, zh: '表头缺少列：事项编码、承办单位编码、标题' });
    expect(matchHeaders(['受理时间', '事项编码', '承办单位编码', '状态', '标题', 'title'])).toMatchObject({ ok: false, zh: expect.stringContaining('「标题」列出现两次') });
  });
});

describe('times as old systems write them, in Beijing time', () => {
  it.each([
    ['2026-03-02 09:15', '2026-03-02T01:15:00.000Z'],
    ['2026/3/2 9:15', '2026-03-02T01:15:00.000Z'],
    ['2026/3/2 9:15:30', '2026-03-02T01:15:30.000Z'],
    ['2026-03-02 09:15:30.0', '2026-03-02T01:15:30.000Z'],
    ['2026年3月2日 9时15分', '2026-03-02T01:15:00.000Z'],
    ['2026年3月2日9点15分30秒', '2026-03-02T01:15:30.000Z'],
    ['２０２６－０３－０２　０９：１５', '2026-03-02T01:15:00.000Z'],
    ['2026.3.2', '2026-03-01T16:00:00.000Z'],
    ['20260302091500', '2026-03-02T01:15:00.000Z'],
    ['2026-03-02T09:15:00+08:00', '2026-03-02T01:15:00.000Z'],
    ['2026-03-02T01:15:00Z', '2026-03-02T01:15:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseImportTime(text)).toEqual({ ok: true, value: new Date(iso) });
  });

  it('reads an Excel date cell (wall clock as UTC, a hair off the second) and an Excel serial number', () => {
    expect(parseImportTime(new Date(Date.UTC(2026, 2, 2, 9, 14, 59, 999)))).toEqual({ ok: true, value: new Date('2026-03-02T01:15:00.000Z') });
    // 46083 is 2026-03-02; .385416… is 09:15.
    expect(parseImportTime(46083 + (9 * 60 + 15) / 1440)).toEqual({ ok: true, value: new Date('2026-03-02T01:15:00.000Z') });
  });

  it('refuses what is not a real time, with the formats it accepts', () => {
    for (const bad of ['2026-02-30 09:00', '2026-03-02 25:00', '3/2/2026', 'yesterday', 12, '1999-12-31']) {
      const p = parseImportTime(bad);
      expect(p.ok, String(bad)).toBe(false);
    }
    expect(parseImportTime('昨天')).toMatchObject({ ok: false, zh: expect.stringContaining('2026-03-02 09:15') });
    expect(parseImportTime('  ')).toEqual({ ok: true, value: undefined });
  });
});

describe('channels, statuses and ratings in Chinese', () => {
  it('knows the channels by their usual names', () => {
    expect(['12345热线', '12345政务服务便民热线', '热线', '网站', 'APP', '微信', '窗口', '办不成事窗口', '企业', '接口', 'api', 'Open311'].map(parseChannel))
      .toEqual(['hotline', 'hotline', 'hotline', 'web', 'app', 'app', 'window', 'window', 'enterprise', 'api', 'api', 'open311']);
    expect(parseChannel('传真')).toBeUndefined();
  });

  it('maps statuses to closed, replied or open, and names the unsupported ones', () => {
    expect(['已办结', '办结', '已归档', '已答复', '待回访', '办理中', '待签收', '退单待裁定', '不予受理', '已合并', '神秘'].map(parseStatus))
      .toEqual(['closed', 'closed', 'closed', 'replied', 'replied', 'open', 'open', 'open', 'unsupported', 'unsupported', undefined]);
  });
});

describe('reading a row', () => {
  it('reads a closed ticket with its reply, closing and rating', () => {
    const r = readOk(closedRow);
    expect(r).toMatchObject({
      row: 2, externalId: 'BJ2026030200001', acceptedAt: at('2026-03-02 09:15'), channel: 'hotline', requesterPhone: '138****1234',
      outcome: { kind: 'closed', repliedAt: at('2026-03-06 10:00'), closedAt: at('2026-03-07 09:30'), satisfaction: 'satisfied', resolved: 'yes', replyText: '已抢修恢复供水' },
    });
  });

  it('lets one of the two times stand for both, takes the title from the content, and the channel defaults to the hotline', () => {
    const r = readOk({ ...closedRow, repliedAt: null, title: '', channel: '', description: '路灯不亮\n已经一周了' });
    expect(r.outcome).toMatchObject({ kind: 'closed', repliedAt: at('2026-03-07 09:30'), closedAt: at('2026-03-07 09:30') });
    expect(r.title).toBe('路灯不亮');
    expect(r.channel).toBe('hotline');
  });

  it('reads open work, which must have no result yet', () => {
    const cells = { ...closedRow, status: '办理中', replyText: '', repliedAt: '', closedAt: '', satisfaction: '', resolved: '' };
    expect(readOk(cells).outcome).toEqual({ kind: 'open' });
    expect(problemsOf({ ...cells, closedAt: '2026-03-05 10:00', satisfaction: '满意' })).toEqual([['办结时间', 'TICKET_IMPORT_ROW_INVALID'], ['满意度', 'TICKET_IMPORT_ROW_INVALID']]);
  });

  it('names every problem by its column', () => {
    const problems = readImportRow(raw({
      ...closedRow, acceptedAt: '2026-13-01', channel: '传真', requesterPhone: 'abc', serviceCode: '', status: '神秘', satisfaction: '还行',
    }, 7), now).problems;
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [7, '受理时间', 'TICKET_IMPORT_ROW_INVALID'], [7, '渠道', 'TICKET_IMPORT_ROW_INVALID'], [7, '联系电话', 'TICKET_IMPORT_ROW_INVALID'],
      [7, '事项编码', 'TICKET_IMPORT_ROW_INVALID'], [7, '状态', 'TICKET_IMPORT_ROW_INVALID'], [7, '满意度', 'TICKET_IMPORT_ROW_INVALID'],
    ]);
    expect(problems[1]!.zh).toContain('12345热线、网站、APP');
  });

  it('refuses times out of order or in the future, and statuses with no result to import', () => {
    expect(problemsOf({ ...closedRow, repliedAt: '2026-03-01 10:00' })).toEqual([['答复时间', 'TICKET_IMPORT_ROW_INVALID']]);
    expect(problemsOf({ ...closedRow, closedAt: '2026-03-05 10:00' })).toEqual([['办结时间', 'TICKET_IMPORT_ROW_INVALID']]);
    expect(problemsOf({ ...closedRow, closedAt: '2026-04-01 10:00' })).toEqual([['办结时间', 'TICKET_IMPORT_ROW_INVALID']]);
    expect(problemsOf({ ...closedRow, repliedAt: '', closedAt: '' })).toEqual([['办结时间', 'TICKET_IMPORT_ROW_INVALID']]);
    expect(problemsOf({ ...closedRow, status: '不予受理' })).toEqual([['状态', 'TICKET_IMPORT_STATUS_UNSUPPORTED']]);
    expect(problemsOf({ ...closedRow, status: '已答复' })).toEqual([['办结时间', 'TICKET_IMPORT_ROW_INVALID'], ['满意度', 'TICKET_IMPORT_ROW_INVALID'], ['解决情况', 'TICKET_IMPORT_ROW_INVALID']]);
  });

  it('shows an Excel date cell as Beijing wall-clock text where text is expected', () => {
    expect(cellText(new Date(Date.UTC(2026, 2, 2, 9, 15)))).toBe('2026-03-02 09:15:00');
    expect(cellText(13800001234)).toBe('13800001234');
  });

  it('keys a row by its 工单编号, or without one by the request itself; the digest ignores the row number', () => {
    const r = readOk(closedRow);
    expect(importKey(r)).toEqual({ scope: 'import', key: 'BJ2026030200001' });
    const anonymous = readOk({ ...closedRow, externalId: '' });
    expect(importKey(anonymous).scope).toBe('import-row');
    expect(importKey(readOk({ ...closedRow, externalId: '', replyText: '另一答复' }))).toEqual(importKey(anonymous));
    expect(rowDigest({ ...r, row: 99 })).toBe(rowDigest(r));
    expect(rowDigest(readOk({ ...closedRow, replyText: '另一答复' }))).not.toBe(rowDigest(r));
  });
});

describe('planning the tickets', () => {
  const water: ServiceVersion = {
    id: 1, code: 'WATER-01', version: 1, versionId: 11, effectiveFrom: at('2025-01-01 00:00'), effectiveTo: at('2026-03-05 00:00'), name: '供水问题',
    groupName: '城市管理', description: '', keywords: [], unitId: 5, unitName: '区水务局', active: true,
    limits: { acknowledge: { amount: 2, unit: 'hours' }, firstContact: { amount: 1, unit: 'working_days' }, resolve: { amount: 5, unit: 'working_days' }, callback: { amount: 2, unit: 'working_days' } },
  };
  // From 5 March the catalogue gives 3 working days: tickets accepted before keep 5.
  const water2: ServiceVersion = { ...water, version: 2, versionId: 12, effectiveFrom: at('2026-03-05 00:00'), effectiveTo: null, limits: { resolve: { amount: 3, unit: 'working_days' } } };
  const lookup = (over: Partial<ImportLookup> = {}): ImportLookup => ({
    versionsByCode: new Map([['WATER-01', [water, water2]]]),
    unitsByCode: new Map([['D-WATER', { id: 5, code: 'D-WATER', path: '/1/5/', active: true }], ['OLD', { id: 9, code: 'OLD', path: '/1/9/', active: false }]]),
    imported: new Map(), ownCodes: new Set(), cal, ...over,
  });
  const plan = (rows: Array<RawImportRow['cells']>, l = lookup()) => planImport(rows.map((cells, i) => readImportRow(raw(cells, i + 2), now)), l, now);
  const created = (p: ImportPlan | undefined) => {
    if (p?.kind !== 'create') throw new Error(`expected a new ticket, got ${JSON.stringify(p)}`);
    return p.ticket;
  };
  const clock = (p: ImportPlan | undefined, kind: string) => created(p).clocks.find((c) => c.kind === kind)!;

  it('closes a ticket replied on time: the promise and the resolve clock met at the reply, the callback at the close', () => {
    const t = created(plan([closedRow])[0]);
    expect(t).toMatchObject({
      status: 'closed', serviceId: 1, serviceVersionId: 11, unit: { id: 5, path: '/1/5/' }, assignment: { status: 'done', doneAt: at('2026-03-06 10:00') },
      repliedAt: at('2026-03-06 10:00'), closedAt: at('2026-03-07 09:30'), closeKind: 'rated', ratingSatisfaction: 'satisfied', ratedAt: at('2026-03-07 09:30'), overdue: [],
    });
    expect(t.clocks.map((c) => [c.kind, c.assignmentRef ?? null, c.status.state])).toEqual([['sla', null, 'met'], ['resolve', LEAD_REF, 'met'], ['callback', null, 'met']]);
    // Limits of the version in force at acceptance (5 working days), not of the one in force now (3).
    expect(clock(plan([closedRow])[0], 'resolve').deadline).toEqual(at('2026-03-09 17:30'));
  });

  it('records the overdue of a late reply at its deadline, as the sweep would have', () => {
    const t = created(plan([{ ...closedRow, repliedAt: '2026-03-10 09:00', closedAt: '2026-03-10 11:00', satisfaction: '不满意' }])[0]);
    expect(t.overdue).toEqual(['sla', 'resolve']);
    expect(t.clocks.find((c) => c.kind === 'resolve')).toMatchObject({ overdueAt: at('2026-03-09 17:30'), status: { state: 'met', metAt: at('2026-03-10 09:00') } });
    expect(t.closeKind).toBe('confirmed');
  });

  it('dispatches open work at 受理时间 with the clocks of a live dispatch, and sweeps those already past their deadline', () => {
    const t = created(plan([{ ...closedRow, status: '办理中', replyText: '', repliedAt: '', closedAt: '', satisfaction: '', resolved: '', acceptedAt: '2026-03-03 09:00' }])[0]);
    expect(t).toMatchObject({ status: 'assigned', assignment: { status: 'pending', doneAt: null }, repliedAt: null, closedAt: null, closeKind: null });
    expect(t.clocks.map((c) => [c.kind, c.assignmentRef ?? null, c.startedAt])).toEqual([
      ['sla', null, at('2026-03-03 09:00')], ['acknowledge', LEAD_REF, at('2026-03-03 09:00')], ['first_contact', LEAD_REF, at('2026-03-03 09:00')],
      ['resolve', LEAD_REF, at('2026-03-03 09:00')], ['return_window', LEAD_REF, at('2026-03-03 09:00')],
    ]);
    // By 10 March 12:00: acknowledge (2h), first contact (1 day), return window (2 days) and resolve (5 days, due 10 March 17:30) warned.
    expect(t.overdue).toEqual(['acknowledge', 'first_contact']);
    expect(t.clocks.find((c) => c.kind === 'resolve')).toMatchObject({ overdueAt: null, warnedAt: now, status: { state: 'running' } });
  });

  it('skips what was imported before, refuses the same 工单编号 with other content and a repeat within the file', () => {
    const first = created(plan([closedRow])[0]);
    const before = lookup({ imported: new Map([[`import\u0000BJ2026030200001`, { trackingCode: 'MSB20260302-000007', hash: first.hash }]]) });
    expect(plan([closedRow], before)[0]).toEqual({ kind: 'skip', row: 2, trackingCode: 'MSB20260302-000007' });
    const changed = plan([{ ...closedRow, replyText: '改过的答复' }], before)[0];
    expect(changed).toMatchObject({ kind: 'rejected', problems: [{ column: '工单编号', code: 'TICKET_IMPORT_DUPLICATE', zh: expect.stringContaining('MSB20260302-000007') }] });
    const twice = plan([closedRow, { ...closedRow, title: '重复' }]);
    expect(twice[1]).toMatchObject({ kind: 'rejected', row: 3, problems: [{ column: '工单编号', code: 'TICKET_IMPORT_DUPLICATE', zh: '与第 2 行是同一工单' }] });
    expect(plan([{ ...closedRow, externalId: 'MSB20260101-000001' }], lookup({ ownCodes: new Set(['MSB20260101-000001']) }))[0]).toMatchObject({ kind: 'skip' });
  });

  it('refuses unknown codes, a service not yet in force, a dissolved unit for open work, and a year with no calendar', () => {
    const problem = (cells: RawImportRow['cells']) => {
      const p = plan([cells])[0]!;
      return p.kind === 'rejected' ? [p.problems[0]!.column, p.problems[0]!.code, p.problems[0]!.zh] : p.kind;
    };
    expect(problem({ ...closedRow, serviceCode: 'NOPE' })).toEqual(['事项编码', 'SERVICE_NOT_FOUND', '没有编码为“NOPE”的事项']);
    expect(problem({ ...closedRow, unitCode: 'NOPE' })).toEqual(['承办单位编码', 'UNIT_NOT_FOUND', '没有编码为“NOPE”的单位']);
    expect(problem({ ...closedRow, acceptedAt: '2024-12-30 10:00', repliedAt: '', closedAt: '2025-01-02 10:00' })).toEqual(['事项编码', 'SERVICE_NOT_FOUND', expect.stringContaining('将其生效时间提前')]);
    expect(problem({ ...closedRow, unitCode: 'OLD' })).toBe('create');
    const open = { ...closedRow, status: '办理中', replyText: '', repliedAt: '', closedAt: '', satisfaction: '', resolved: '' };
    expect(problem({ ...open, unitCode: 'OLD' })).toEqual(['承办单位编码', 'UNIT_NOT_FOUND', expect.stringContaining('已停用')]);
    const early = lookup({ versionsByCode: new Map([['WATER-01', [{ ...water, effectiveFrom: at('2020-01-01 00:00') }]]]) });
    const noCalendar = planImport([readImportRow(raw({ ...closedRow, acceptedAt: '2024-05-06 10:00', repliedAt: '', closedAt: '2024-05-08 10:00' }), now)], early, now)[0]!;
    expect(noCalendar).toMatchObject({ kind: 'rejected', problems: [{ column: '受理时间', code: 'CALENDAR_YEAR_MISSING', zh: expect.stringContaining('mashangban calendar load') }] });
  });

  it('reports each rejected row with every problem, in row order', () => {
    const plans = plan([closedRow, { ...closedRow, externalId: 'X2', acceptedAt: 'bad', status: '' }]);
    expect(plans.map((p) => p.kind)).toEqual(['create', 'rejected']);
    expect(plans[1]).toMatchObject({ row: 3, problems: [{ column: '受理时间' }, { column: '状态' }] });
  });
});

