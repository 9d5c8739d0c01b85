import type { App, AppContext } from '../platform/http/context.js';
import { routableServices, routeText } from '../routing/routing.service.js';
import { ClassifyBody, ClassifyReply, MetricsQuery, MetricsReply, ThresholdBody, ThresholdReply } from './text.schema.js';
import { dispatchThreshold, setDispatchThreshold, textMetrics } from './text.service.js';

const tags = ['text'];

// Text intelligence at the edge: how the classifier fares, the admin's dispatch threshold, and the
// suggestion for a text with its reasons (what intake would do with it).
export function textRoutes(app: App, ctx: AppContext): void {
  app.get('/text/metrics', {
    config: { access: ['admin', 'dispatcher', 'supervisor', 'leader'] },
    schema: {
      tags, summary: '智能分类成效：推荐采纳率、模型版本与留出样本成绩 Classifier acceptance, version and figures',
      querystring: MetricsQuery, response: { 200: MetricsReply },
    },
  }, async (req) => textMetrics(ctx, req.query.from ? new Date(req.query.from) : null));

  app.get('/text/settings', {
    config: { access: ['admin', 'dispatcher'] },
    schema: { tags, summary: '自动派单阈值 The auto-assign confidence threshold', response: { 200: ThresholdReply } },
  }, async () => dispatchThreshold(ctx.db));

  app.put('/text/settings', {
    config: { access: ['admin'] },
    schema: { tags, summary: '设置自动派单阈值 Set the auto-assign confidence threshold', body: ThresholdBody, response: { 200: ThresholdReply } },
  }, async (req) => setDispatchThreshold(ctx, req.actor!, req.body.autoAssignThreshold));

  app.post('/text/classify', {
    // The admin tries texts on the 智能分类 page before changing the threshold.
    config: { access: ['admin', 'operator', 'dispatcher'] },
    schema: { tags, summary: '事项推荐及理由（受理时的同一判断）Suggest services for a text, with reasons', body: ClassifyBody, response: { 200: ClassifyReply } },
  }, async (req) => {
    const now = ctx.clock.now();
    const [routing, services] = await Promise.all([routeText(ctx.db, req.body.title, req.body.description, now), routableServices(ctx.db, now)]);
    const names = new Map(services.map((s) => [s.id, s.name]));
    return {
      source: routing.source, modelVersion: routing.modelVersion, autoAssign: routing.confident,
      suggestions: routing.suggestions.map((s) => ({ serviceId: s.serviceId, name: names.get(s.serviceId) ?? '', confidence: s.confidence ?? null, reasons: s.matched })),
    };
  });
}
