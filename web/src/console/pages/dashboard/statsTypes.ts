/** The shapes of the scores API, taken from the server's OpenAPI document (never declared twice). */
import type { paths } from '../../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? Json<R> : never;

export type Overview = Get<'/api/v1/stats/overview'>;
export type Figures = Overview['figures'];
export type Rate = Figures['response'];
export type Count = Figures['accepted'];
export type StatsFilter = NonNullable<Rate['filter']>;
export type Ranking = Get<'/api/v1/stats/ranking'>;
export type RankingRow = Ranking['rows'][number];
export type Trend = Get<'/api/v1/stats/trend'>;
export type TrendPoint = Trend['points'][number];
export type Hot = Get<'/api/v1/stats/hot'>;
export type HotService = Hot['top'][number];
export type UnitWork = Get<'/api/v1/stats/unit-work'>;
export type WorkItem = UnitWork['items'][number];
export type SpotSample = Get<'/api/v1/stats/spot-checks'>;
export type SpotItem = SpotSample['items'][number];
export type LateItem = Get<'/api/v1/queues/late'>[number];
export type ExtensionItem = Get<'/api/v1/queues/extensions'>[number];
export type Preset = NonNullable<NonNullable<paths['/api/v1/stats/overview']['get']['parameters']['query']>['preset']>;
