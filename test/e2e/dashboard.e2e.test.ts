/**
 * 领导驾驶舱 end to end: a month of a district's work is played through the API (tickets accepted on every
 * working day of March, units acknowledging, answering and being rated, some late, some returned or
 * extended, February's volume for the comparison), then the leader opens the dashboard, reads the figures
 * and drills down from a number of the ranking into the ticket list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createService } from '../../src/catalogue/service.service.js';
import { sweep } from '../../src/clocks/sweep.service.js';
import { bearer } from '../app.js';
import { citizen } from '../fixtures.js';
import { useE2E } from './harness.js';

const e = useE2E(new Date('2026-02-02T08:00:00+08:00'));
const NOW = new Date('2026-03-20T15:00:00+08:00');
const TIMEOUT = 120_000;

type Token = string;
async function api(token: Token | null, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await e.d.t.app.inject({ method, url, payload: payload as object | undefined, headers: token ? bearer(token) : {} });
  const body = res.body ? res.json() : null;
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${JSON.stringify(body)} ${JSON.stringify(payload)} @${e.d.t.clock.now().toISOString()}`);
  return body;
}

/** A small deterministic random source, so every run plays the same month. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Handler { token: Token; unitId: number; q: number }
interface Kind { service: number; owner: Handler | null; title: string; description: string; weight: { feb: number; mar: number } }

const MARCH_DAYS = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20];
const at = (month: number, day: number, minutes: number) =>
  new Date(`2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+08:00`);
const later = (d: Date, hours: number) => new Date(d.getTime() + hours * 3_600_000);
/** A working day `n` days after `d`'s day (weekends skipped), at the given minute after 09:00. */
function workingDaysAfter(d: Date, n: number, minutes: number): Date {
  const day = Number(d.toLocaleString('en-GB', { timeZone: 'Asia/Shanghai', day: 'numeric' }));
  const i = MARCH_DAYS.indexOf(day);
  const target = MARCH_DAYS[i + n];
  return target === undefined ? new Date(8.64e15) : at(3, target, minutes);
}

let marchTotal = 0;

beforeAll(async () => {
  const { d } = e;
  const t = d.t;
  const unit = (code: string, kind: 'department' | 'town' | 'street', name: string) => t.unit(code, kind, d.units.district, name);
  const urban = await unit('D-URBAN', 'department', '区城市管理局');
  const eco = await unit('D-ECO', 'department', '区生态环境分局');
  const market = await unit('D-MARKET', 'department', '区市场监管局');
  const west = await unit('T3', 'town', '西山镇');
  const south = await unit('T4', 'street', '南湖街道');
  const h = async (name: string, u: { id: number }, q: number, token?: string): Promise<Handler> =>
    ({ token: token ?? (await t.user(name, u as never, ['handler'])).token, unitId: u.id, q });
  const H = {
    water: await h('', d.units.water, 0.93, d.tokens.water), housing: await h('', d.units.housing, 0.6, d.tokens.housing),
    urban: await h('urban', urban, 0.84), eco: await h('eco', eco, 0.72), market: await h('market', market, 0.96),
    town: await h('', d.units.town, 0.9, d.tokens.town), otherTown: await h('', d.units.otherTown, 0.55, d.tokens.otherTown),
    west: await h('west', west, 0.74), south: await h('south', south, 0.82),
  };
  const service = async (code: string, name: string, groupName: string, owner: { id: number }, keywords: string[]) => (await createService(t.ctx, null, {
    code, name, groupName, keywords, unitId: owner.id, effectiveFrom: new Date('2025-01-01T00:00:00+08:00'),
    limits: { acknowledge: { amount: 2, unit: 'hours' }, resolve: { amount: 5, unit: 'working_days' }, callback: { amount: 2, unit: 'working_days' } },
  })).id;
  const kinds: Kind[] = [
    { service: d.waterService, owner: H.water, title: '小区停水', description: citizen.description, weight: { feb: 8, mar: 10 } },
    { service: await service('HOUSE-01', '物业服务', '住房保障', d.units.housing, ['物业']), owner: H.housing, title: '物业不作为', description: '小区物业长期不清理楼道杂物，电梯多次故障无人维修。', weight: { feb: 10, mar: 12 } },
    { service: await service('URBAN-01', '占道经营', '城市管理', urban, ['占道']), owner: H.urban, title: '商铺占道经营', description: '沿街商铺长期占用人行道摆放货物，行人只能走机动车道。', weight: { feb: 5, mar: 7 } },
    { service: await service('URBAN-02', '路灯不亮', '市政设施', urban, ['路灯']), owner: H.urban, title: '路灯不亮', description: '主干道一段路灯连续一周不亮，夜间出行不安全。', weight: { feb: 3, mar: 4 } },
    { service: await service('ECO-01', '噪声扰民', '生态环境', eco, ['噪声']), owner: H.eco, title: '夜间施工噪声', description: '工地夜间十一点后仍在施工，噪声很大影响休息。', weight: { feb: 3, mar: 12 } },
    { service: await service('MARKET-01', '食品安全', '市场监管', market, ['食品']), owner: H.market, title: '餐馆卫生问题', description: '某餐馆后厨卫生条件差，用餐后出现腹泻。', weight: { feb: 4, mar: 5 } },
    { service: await service('GOV-01', '邻里纠纷', '社会治理', d.units.district, ['纠纷']), owner: null, title: '邻里漏水纠纷', description: '楼上住户卫生间漏水到我家，协商多次无果。', weight: { feb: 0, mar: 12 } },
    { service: d.consultService, owner: null, title: '咨询公积金提取', description: '咨询公积金提取需要什么材料', weight: { feb: 0, mar: 5 } },
  ];
  const towns = [H.town, H.otherTown, H.west, H.south];
  const channels = ['hotline', 'hotline', 'hotline', 'hotline', 'hotline', 'web', 'web', 'app', 'enterprise', 'window'] as const;
  const rnd = random(20260320);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const events: Array<{ at: Date; run: () => Promise<unknown> }> = [];
  const on = (when: Date, run: () => Promise<unknown>) => { if (when <= NOW) events.push({ at: when, run }); };

  // February: the volume March is compared with (accepted and dispatched; nothing more is needed).
  let n = 0;
  for (const k of kinds) {
    for (let i = 0; i < k.weight.feb; i++, n++) {
      on(at(2, 2 + (n % 20), (n * 37) % 420), () => api(d.tokens.operator, 'POST', '/api/v1/tickets', { ...citizen, title: k.title, description: k.description, serviceId: k.service }));
    }
  }

  // March: every ticket's life as timed moves.
  for (const k of kinds) {
    for (let i = 0; i < k.weight.mar; i++) {
      marchTotal++;
      const t0 = at(3, pick(MARCH_DAYS.slice(0, 14)), Math.floor(rnd() * 400));
      const channel = k.service === d.consultService ? 'hotline' : pick(channels);
      let lead = k.owner ?? pick(towns);
      const ticket = { id: 0 };
      const move = (token: Token, verb: string, body: unknown = {}) => api(token, 'POST', `/api/v1/tickets/${ticket.id}/${verb}`, body);
      const direct = k.service === d.consultService;
      on(t0, async () => {
        ticket.id = (await api(d.tokens.operator, 'POST', '/api/v1/tickets', {
          ...citizen, channel, title: k.title, description: k.description, serviceId: k.service, ...(k.owner ? {} : { dispatch: false }),
        })).id;
      });
      if (direct) { on(later(t0, 0.1), () => move(d.tokens.operator, 'close', { note: '已告知所需材料：身份证明、购房合同或租房证明' })); continue; }
      let dispatched = k.owner ? t0 : later(t0, 0.2);
      if (!k.owner) on(dispatched, () => move(d.tokens.dispatcher, 'assign', { leadUnitId: lead.unitId }));
      if (k.owner === H.housing && i % 6 === 3) {
        // 退单: the compound's water tank is the community's business; dispatch gives it to the street.
        on(later(t0, 0.5), () => move(H.housing.token, 'return', { reasonCode: 'jurisdiction', reason: '属社区公共设施，应由属地街道处理' }));
        dispatched = later(t0, 1);
        on(dispatched, async () => {
          const detail = await api(d.tokens.dispatcher, 'GET', `/api/v1/tickets/${ticket.id}`);
          await move(d.tokens.dispatcher, 'arbitrate', { assignmentId: detail.assignments[0].id, decision: 'accept', leadUnitId: H.town.unitId });
        });
        lead = H.town;
      }
      const good = rnd() < lead.q;
      const ack = later(dispatched, rnd() < lead.q ? 0.3 + rnd() : 3 + rnd() * 2);
      on(ack, () => move(lead.token, 'note', { kind: 'contact', body: '已电话联系诉求人，了解具体情况', contactMethod: 'phone' }));
      // Late work sometimes asks for more time first (always before the late reply below).
      if (!good && rnd() < 0.35) {
        on(later(ack, 20), () => move(lead.token, 'extend', { workingDays: 3, reason: '需协调相关单位现场勘查' }));
        on(later(ack, 22), async () => {
          const detail = await api(d.tokens.supervisor, 'GET', `/api/v1/tickets/${ticket.id}`);
          const ext = detail.extensions.find((x: { decision: string | null }) => x.decision === null);
          if (ext) await move(d.tokens.supervisor, 'decide-extension', { extensionId: ext.id, approve: true, note: '同意' });
        });
      }
      const replied = good ? workingDaysAfter(t0, 1 + Math.floor(rnd() * 3), 60 + Math.floor(rnd() * 300)) : workingDaysAfter(t0, 6 + Math.floor(rnd() * 2), 120);
      on(replied, () => move(lead.token, 'reply', { text: '经现场核实，问题已处理完毕，已向诉求人说明。' }));
      const r = rnd();
      if (r < 0.12) { on(later(replied, 24), () => move(d.tokens.operator, 'close', { note: '回访确认已解决' })); continue; }
      const satisfaction = good ? (r < 0.75 ? 'satisfied' : 'basic') : (r < 0.55 ? 'unsatisfied' : 'basic');
      const resolved = satisfaction === 'unsatisfied' ? 'no' : good ? 'yes' : 'partly';
      on(later(replied, 2), () => move(d.tokens.operator, 'rate', { resolved, satisfaction }));
    }
  }

  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const ev of events) {
    t.clock.set(ev.at);
    await ev.run();
  }
  t.clock.set(NOW);
  await sweep(t.ctx);
}, 600_000);

async function asLeader(name: string, story: (page: Page) => Promise<void>): Promise<void> {
  const page = await e.signedIn('leader');
  page.setDefaultTimeout(20_000);
  try {
    await story(page);
  } catch (error) {
    await e.shot(page, `FAILED-${name}`).catch(() => undefined);
    throw error;
  } finally {
    await page.close();
  }
}

const pctText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

describe('领导驾驶舱', () => {
  it('the leader lands on the dashboard and reads the month\'s figures, as the API computes them', async () => asLeader('dashboard', async (page) => {
    await page.waitForURL('**/dashboard');
    const overview = await api(e.d.tokens.leader, 'GET', '/api/v1/stats/overview?preset=this_month');
    expect(overview.figures.accepted.value).toBe(marchTotal);
    await expect.poll(() => page.getByTestId('kpi-dbResponse').textContent()).toBe(pctText(overview.figures.response.rate));
    expect(await page.getByTestId('kpi-dbSatisfaction').textContent()).toBe(pctText(overview.figures.satisfaction.rate));
    expect(await page.getByTestId('kpi-dbClosedLoop').textContent()).toBe(pctText(overview.figures.closedLoop.rate));
    expect(await page.getByTestId('kpi-dbResolution').textContent()).toBe(pctText(overview.figures.resolution.rate));
    await page.getByText('统计期间 2026-03-01 至 2026-03-31').waitFor();
    await page.locator('.db-ranking .ant-table-row').first().waitFor();
    await page.locator('.db-hot li').first().waitFor();
    await page.waitForTimeout(800);
    await e.shot(page, 'dashboard');

    await page.getByRole('tab', { name: '街道（镇）' }).click();
    await page.locator('.db-ranking .ant-table-row', { hasText: '南湖街道' }).waitFor();
    await page.waitForTimeout(300);
    await e.shot(page, 'dashboard-towns');
  }), TIMEOUT);

  it('drills down from a ranking number to the ticket list with the matching filters', async () => asLeader('drill', async (page) => {
    await page.goto('/dashboard');
    const ranking = await api(e.d.tokens.leader, 'GET', '/api/v1/stats/ranking?preset=this_month&group=departments');
    const first = ranking.rows[0];
    expect(first.rank).toBe(1);
    const row = page.locator('.db-ranking .ant-table-row', { hasText: first.unitName });
    await row.waitFor();
    // The accepted count of the top department: the tickets it led this month.
    await row.locator('td').nth(3).getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/tickets');
    const url = new URL(page.url());
    expect(url.searchParams.get('leadUnitId')).toBe(String(first.unitId));
    expect(url.searchParams.get('from')).toBe('2026-03-01');
    expect(url.searchParams.get('to')).toBe('2026-03-31');
    const behind = await api(e.d.tokens.leader, 'GET', `/api/v1/tickets?limit=200&leadUnitId=${first.unitId}&from=${encodeURIComponent(first.figures.accepted.filter.from)}&to=${encodeURIComponent(first.figures.accepted.filter.to)}`);
    expect(behind.items).toHaveLength(first.figures.accepted.value);
    await page.locator('.ant-table-row').first().waitFor();
    await e.shot(page, 'dashboard-drill');

    // Back on the dashboard, a rate with misses opens exactly those misses.
    await page.goBack();
    const missRow = ranking.rows.find((r: { figures: { satisfaction: { numerator: number; denominator: number } } }) => r.figures.satisfaction.denominator > r.figures.satisfaction.numerator);
    const cell = page.locator('.db-ranking .ant-table-row', { hasText: missRow.unitName }).locator('td').nth(6).getByRole('link');
    await cell.click();
    await page.waitForURL((u) => u.pathname === '/tickets');
    const params = new URL(page.url()).searchParams;
    expect(params.getAll('satisfaction')).toEqual(['unsatisfied']);
    expect(params.get('leadUnitId')).toBe(String(missRow.unitId));
  }), TIMEOUT);

  it('switches to last month and to a custom period', async () => asLeader('periods', async (page) => {
    await page.goto('/dashboard');
    await page.getByTestId('kpi-dbResponse').waitFor();
    await page.getByText('上月', { exact: true }).click();
    await page.waitForURL('**/dashboard?period=last_month');
    await page.getByText('统计期间 2026-02-01 至 2026-02-28').waitFor();
    const feb = await api(e.d.tokens.leader, 'GET', '/api/v1/stats/overview?preset=last_month');
    expect(feb.figures.accepted.value).toBe(33);
    await page.goto('/dashboard?from=2026-03-09&to=2026-03-13');
    await page.getByText('统计期间 2026-03-09 至 2026-03-13').waitFor();
    const week = await api(e.d.tokens.leader, 'GET', '/api/v1/stats/overview?from=2026-03-09&to=2026-03-14');
    await expect.poll(() => page.getByTestId('kpi-dbSatisfaction').textContent()).toBe(pctText(week.figures.satisfaction.rate));
  }), TIMEOUT);
});
