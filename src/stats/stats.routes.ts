import type { App, AppContext } from '../platform/http/context.js';
import { STATS_READERS } from './stats.policy.js';
import {
  HotQuery, HotReply, OverviewQuery, OverviewReply, RankingQuery, RankingReply, SpotCheckBody, SpotCheckReply, SpotSampleQuery,
  SpotSampleReply, TrendQuery, TrendReply, UnitWorkQuery, UnitWorkReply, WeightsReply, WeightsSchema,
} from './stats.schema.js';
import { currentWeights, hot, overview, ranking, setWeights, trend } from './stats.service.js';
import { recordSpotCheck, spotSample, unitWork } from './stats.work.service.js';

const tags = ['stats'];

// Leaders, supervision, dispatch and admins read the district; a handler reads its own unit's subtree
// (record-level checks in stats.policy.ts). Every figure carries the ticket-list filter behind it.
export function statsRoutes(app: App, ctx: AppContext): void {
  app.get('/stats/overview', {
    config: { access: STATS_READERS },
    schema: {
      tags, summary: '考核总览：受理量、响应率、解决率、满意率、闭环率、按期办结率等 Scores of a period', querystring: OverviewQuery,
      description: '统计口径：期间内（上海日期，含起不含止）受理的工单及其后发生的一切。每个数字附 GET /api/v1/tickets 的筛选参数。',
      response: { 200: OverviewReply },
    },
  }, async (req) => overview(ctx, req.actor!, req.query));

  app.get('/stats/ranking', {
    config: { access: STATS_READERS },
    schema: { tags, summary: '单位排名（按加权综合得分）Units ranked by their composite score', querystring: RankingQuery, response: { 200: RankingReply } },
  }, async (req) => ranking(ctx, req.actor!, req.query));

  app.get('/stats/trend', {
    config: { access: STATS_READERS },
    schema: { tags, summary: '趋势（按日、周、月）Trend by day, week or month', querystring: TrendQuery, response: { 200: TrendReply } },
  }, async (req) => trend(ctx, req.actor!, req.query));

  app.get('/stats/hot', {
    config: { access: STATS_READERS },
    schema: { tags, summary: '热点诉求事项（受理量与环比增长）Hot services by volume and growth', querystring: HotQuery, response: { 200: HotReply } },
  }, async (req) => hot(ctx, req.actor!, req.query));

  app.get('/stats/weights', {
    config: { access: STATS_READERS },
    schema: { tags, summary: '综合得分权重 Weights of the composite score', response: { 200: WeightsReply } },
  }, async () => currentWeights(ctx.db));

  app.put('/stats/weights', {
    config: { access: ['admin'] },
    schema: { tags, summary: '修改综合得分权重（四项之和为 1）Change the weights (they add up to 1)', body: WeightsSchema, response: { 200: WeightsReply } },
  }, async (req) => setWeights(ctx, req.actor!, req.body));

  app.get('/stats/unit-work', {
    config: { access: STATS_READERS },
    schema: {
      tags, summary: '本单位在办工作（按紧急程度排序，含各时限剩余时间）A unit\'s active work, most urgent first',
      querystring: UnitWorkQuery, response: { 200: UnitWorkReply },
    },
  }, async (req) => unitWork(ctx, req.actor!, req.query));

  app.get('/stats/spot-checks', {
    config: { access: ['supervisor'] },
    schema: { tags, summary: '抽查样本：近期办结工单随机抽样 A random sample of recently closed tickets', querystring: SpotSampleQuery, response: { 200: SpotSampleReply } },
  }, async (req) => spotSample(ctx, req.query));

  app.post('/stats/spot-checks', {
    config: { access: ['supervisor'] },
    schema: { tags, summary: '记录抽查结果（不合格即重办）Record a spot check; a failed one reopens the ticket', body: SpotCheckBody, response: { 200: SpotCheckReply } },
  }, async (req) => recordSpotCheck(ctx, req.actor!, req.body));
}
