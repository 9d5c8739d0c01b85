import { runCli } from '../../test/cli.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { citizen as citizenBody, useDistrict } from '../../test/fixtures.js';
import { createService } from '../catalogue/service.service.js';
import { forgetRoutableServices } from '../routing/routing.service.js';
import { intake } from '../tickets/ticket.intake.service.js';
import { byLabel } from '../tickets/ticket.persist.js';
import { trainCommand } from '../cli/train.command.js';
import { trainingRows } from './text.repository.js';
import { dispatchThreshold, forgetTextModels, setDispatchThreshold, textMetrics, trainServiceModel } from './text.service.js';
import type { Actor } from '../platform/auth/roles.js';

const citizen = { ...citizenBody, channel: 'hotline' as const };

/** `mashangban train` against this file's database, with what it prints. */
async function runTrain(url: string, ...args: string[]): Promise<string> {
  return runCli(trainCommand(), args, url);
}

// Generated history: what people write about water, housing management and policy questions.
const PLACES = ['幸福社区3栋', '城关街道和平小区', '东湖镇湖东村', '滨江花园5栋', '新城小区12栋', '书院路锦绣家园'];
const TOPICS = {
  water: ['停水两天了还没来水', '自来水水压太低上不了楼', '自来水发黄有异味', '供水管道破裂到处是水', '二次供水水箱长期不清洗'],
  housing: ['物业公司乱收物业费', '物业不管楼道灯坏了', '电梯经常坏物业不修', '物业费上涨没有公示', '小区垃圾物业不清运'],
  consult: ['咨询社保缴费年限怎么算', '咨询孩子入学需要哪些材料', '咨询公积金提取政策', '咨询医保异地报销流程', '咨询营业执照怎么办理'],
} as const;

function history(): { title: string; description: string; topic: keyof typeof TOPICS }[] {
  const out: { title: string; description: string; topic: keyof typeof TOPICS }[] = [];
  for (const topic of Object.keys(TOPICS) as (keyof typeof TOPICS)[]) {
    TOPICS[topic].forEach((problem, i) => {
      for (const [j, place] of PLACES.entries()) {
        if ((i + j) % 3 === 2) continue;
        out.push({ title: `${place}${problem}`, description: `${place}的居民反映：${problem}，来电人电话1380000${1000 + i * 10 + j}，请尽快处理。`, topic });
      }
    });
  }
  return out;
}

describe('the service classifier trained from the platform\'s history', () => {
  const d = useDistrict();
  let housingService: number;
  let admin: Actor;
  const serviceOf = (topic: keyof typeof TOPICS) => (topic === 'water' ? d.waterService : topic === 'housing' ? housingService : d.consultService);

  beforeAll(async () => {
    housingService = (await createService(d.t.ctx, null, {
      code: 'HOUSING-01', name: '物业管理', groupName: '住房', keywords: ['物业'], unitId: d.units.housing.id,
      limits: { resolve: { amount: 5, unit: 'working_days' } }, effectiveFrom: new Date('2025-01-01T00:00:00+08:00'),
    })).id;
    forgetRoutableServices();
    forgetTextModels();
    admin = { userId: 1, username: 'admin', displayName: 'admin', unitId: d.units.district.id, unitPath: d.units.district.path, roles: ['admin'] };
    // The operators chose the service of every earlier ticket.
    for (const h of history()) {
      d.t.clock.advance(60_000);
      await intake(d.t.ctx, byLabel('operator'), { ...citizen, title: h.title, description: h.description, serviceId: serviceOf(h.topic) });
    }
  });

  it('starts cold with the catalogue keywords', async () => {
    const r = await intake(d.t.ctx, byLabel('public'), { ...citizen, title: '又停水了', description: '我们楼停水了，自来水一滴都没有' });
    expect(r.suggestions[0]).toMatchObject({ serviceId: d.waterService });
    expect(r.suggestions[0]!.modelVersion).toBeUndefined();
  });

  it('learns from every ticket whose service a person chose', async () => {
    const rows = await trainingRows(d.t.ctx.db, d.t.clock.now());
    // The history, and the ticket the keywords assigned on their own a moment ago.
    expect(rows).toHaveLength(history().length + 1);
    expect(new Set(rows.map((r) => r.label))).toEqual(new Set([d.waterService, housingService, d.consultService]));
  });

  it('`mashangban train` stores a model with its held-out figures, and intake then suggests with it', async () => {
    const printed = await runTrain(d.t.database.url);
    expect(printed).toMatch(/Model version 1: trained on \d+ tickets, 3 services/);
    expect(printed).toContain('macro-F1');
    expect(printed).toContain('In service now');
    const stored = await d.t.ctx.db.query<{ version: number; trained_on: number; active: boolean; bytes: number; macro: string }>(
      `SELECT version, trained_on, active, octet_length(model) AS bytes, metrics->'heldOut'->>'macroF1' AS macro FROM text_models`);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]).toMatchObject({ version: 1, active: true });
    expect(stored.rows[0]!.trained_on).toBeGreaterThanOrEqual(60);
    expect(Number(stored.rows[0]!.macro)).toBeGreaterThan(0.8);

    await setDispatchThreshold(d.t.ctx, admin, 1);
    d.t.clock.advance(60_000);
    const r = await intake(d.t.ctx, byLabel('public'), { ...citizen, title: '物业乱收费', description: '滨江花园物业公司今年又涨物业费，没有任何公示' });
    expect(r.suggestions).toHaveLength(3);
    expect(r.suggestions[0]).toMatchObject({ serviceId: housingService, modelVersion: 1 });
    expect(r.suggestions[0]!.confidence).toBeGreaterThan(r.suggestions[1]!.confidence!);
    expect(r.suggestions[0]!.matched.length).toBeGreaterThan(0);
    // Threshold 1: the model only suggests; the dispatcher decides.
    expect(r.ticket).toMatchObject({ status: 'new', serviceId: null });
    const suggested = await d.t.ctx.db.query('SELECT suggested_service_id FROM tickets WHERE id = $1', [r.ticket.id]);
    expect(suggested.rows[0]).toEqual({ suggested_service_id: housingService });
  });

  it('assigns on its own above the admin\'s threshold, to the suggested service\'s unit', async () => {
    expect((await dispatchThreshold(d.t.ctx.db)).autoAssignThreshold).toBe(1);
    await setDispatchThreshold(d.t.ctx, admin, 0.5);
    d.t.clock.advance(60_000);
    const r = await intake(d.t.ctx, byLabel('public'), { ...citizen, title: '小区停水', description: '和平小区从昨天开始停水，自来水水压一直很低' });
    expect(r.suggestions[0]).toMatchObject({ serviceId: d.waterService, modelVersion: 1 });
    expect(r.suggestions[0]!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(r.ticket).toMatchObject({ status: 'assigned', serviceId: d.waterService, leadUnitId: d.units.water.id });
    await expect(setDispatchThreshold(d.t.ctx, admin, 0.2)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('learns the correction when a return is accepted and the work goes to another service\'s unit', async () => {
    // The model is wrong on purpose here: the operator files a housing complaint under water.
    d.t.clock.advance(60_000);
    const wrong = await intake(d.t.ctx, byLabel('operator'), { ...citizen, title: '楼道灯坏了', description: '物业一直不修楼道灯', serviceId: d.waterService });
    const detail = await d.call('dispatcher', 'GET', `/api/v1/tickets/${wrong.ticket.id}`);
    const assignmentId = (detail.body.assignments as { id: number }[])[0]!.id;
    expect((await d.call('water', 'POST', `/api/v1/tickets/${wrong.ticket.id}/return`, { reasonCode: 'ownership', reason: '属物业管理' })).status).toBe(200);
    expect((await d.call('dispatcher', 'POST', `/api/v1/tickets/${wrong.ticket.id}/arbitrate`, { assignmentId, decision: 'accept', leadUnitId: d.units.housing.id })).status).toBe(200);
    const rows = await trainingRows(d.t.ctx.db, d.t.clock.now());
    expect(rows.find((r) => r.title === '楼道灯坏了')).toMatchObject({ label: housingService });
  });

  it('reports how often suggestions were accepted, with the model in service', async () => {
    const m = await textMetrics(d.t.ctx, null);
    expect(m.model).toMatchObject({ version: 1 });
    expect(m.autoAssignThreshold).toBe(0.5);
    const model = m.bySource.find((s) => s.source === 'model')!;
    expect(model).toMatchObject({ modelVersion: 1, suggested: 2, decided: 1, accepted: 1, autoAssigned: 1 });
    expect(m.acceptance.suggested).toBeGreaterThanOrEqual(3);
    expect(m.acceptance.acceptanceRate).not.toBeNull();
  });

  it('keeps a retrained model out of service when it measures worse, unless forced', async () => {
    const again = await trainServiceModel(d.t.ctx, admin, { training: { features: { ngrams: [1], leadUnits: 0, leadNgrams: [], words: false }, bits: 4 } });
    expect(again.version).toBe(2);
    if (!again.active) expect(again.note).toMatch(/below the model in service/);
    const forced = await trainServiceModel(d.t.ctx, admin, { force: true });
    expect(forced).toMatchObject({ version: 3, active: true });
    d.t.clock.advance(60_000);
    const r = await intake(d.t.ctx, byLabel('public'), { ...citizen, title: '咨询', description: '咨询医保报销流程' });
    expect(r.suggestions[0]).toMatchObject({ serviceId: d.consultService, modelVersion: 3 });
  });
});
