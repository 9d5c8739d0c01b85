import { Type, type TSchema } from 'typebox';
import { DateTime, Nullable } from '../platform/http/schemas.js';
import { CLOCK_KINDS } from '../clocks/clock.js';
import { ChannelSchema, StatusSchema } from '../tickets/ticket.schema.js';
import { BUCKETS, PRESETS, RANK_GROUPS } from './stats.js';

const Enum = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Int = Type.Integer();
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const Opt = <T extends TSchema>(t: T) => Type.Optional(t);

export const PeriodQuery = {
  preset: Opt(Enum(PRESETS, '预设区间（按服务器的上海日期）：本月、上月、本周、上周、近30天、本年；给出 from/to 时忽略')),
  from: Opt(Type.String({ pattern: DATE, description: '起始日期（含）YYYY-MM-DD' })),
  to: Opt(Type.String({ pattern: DATE, description: '结束日期（不含）YYYY-MM-DD' })),
};
const UnitIdQuery = { unitId: Opt(Type.Integer({ minimum: 1, description: '单位（含下级）；省略为全区（承办人为本单位）' })) };

export const OverviewQuery = Type.Object({ ...PeriodQuery, ...UnitIdQuery });
export const RankingQuery = Type.Object({
  ...PeriodQuery,
  group: Opt(Enum(RANK_GROUPS, '部门 departments、街镇 towns 或全部 all 下级单位')),
  parentId: Opt(Type.Integer({ minimum: 1, description: '比较哪个单位的下级；省略为全区' })),
});
export const TrendQuery = Type.Object({ ...PeriodQuery, ...UnitIdQuery, bucket: Opt(Enum(BUCKETS, '按日、周（周一起）或月')) });
export const HotQuery = Type.Object({ ...PeriodQuery, ...UnitIdQuery, limit: Opt(Type.Integer({ minimum: 1, maximum: 50 })) });

/** The query of GET /api/v1/tickets that lists the tickets behind a figure. */
export const FilterSchema = Type.Object({
  from: Opt(DateTime), to: Opt(DateTime), status: Opt(Type.Array(StatusSchema)), unitId: Opt(Int), leadUnitId: Opt(Int),
  serviceId: Opt(Int), serviceGroup: Opt(Type.String()), channel: Opt(ChannelSchema), overdue: Opt(Type.Boolean()),
  supervised: Opt(Type.Boolean()), resolved: Opt(Type.Array(Enum(['yes', 'partly', 'no'] as const))),
  satisfaction: Opt(Type.Array(Enum(['satisfied', 'basic', 'unsatisfied'] as const))),
  closeKind: Opt(Type.Array(Enum(['direct', 'rated', 'confirmed', 'merged', 'rejected'] as const))), reopened: Opt(Type.Boolean()),
  lateKind: Opt(Enum(CLOCK_KINDS)), lateBy: Opt(Int), returnedBy: Opt(Int), extendedBy: Opt(Int), dueBefore: Opt(DateTime),
}, { description: 'GET /api/v1/tickets 的查询参数：列出该数字背后的工单' });

const Count = Type.Object({ value: Int, filter: Nullable(FilterSchema) });
const Rate = Type.Object({
  numerator: Int, denominator: Int, rate: Nullable(Type.Number({ description: '0–1；分母为 0 时为 null' })),
  filter: Nullable(FilterSchema), missFilter: Nullable(FilterSchema),
});
const BriefRate = Type.Object({ numerator: Int, denominator: Int, rate: Nullable(Type.Number()) });

export const FiguresSchema = Type.Object({
  accepted: Count, response: Rate, resolution: Rate, satisfaction: Rate, closedLoop: Rate, onTime: Rate,
  overdue: Count, returns: Count, extensions: Count, reopens: Count, supervised: Count, direct: Nullable(Rate),
});

const PeriodReply = Type.Object({ from: Type.String(), to: Type.String() });

export const OverviewReply = Type.Object({
  period: PeriodReply, computedAt: DateTime, unitId: Nullable(Int), unitName: Nullable(Type.String()), figures: FiguresSchema,
  channels: Type.Array(Type.Object({ channel: ChannelSchema, count: Int, filter: FilterSchema })),
  groups: Type.Array(Type.Object({ group: Nullable(Type.String()), count: Int, filter: Nullable(FilterSchema) })),
});

export const WeightsSchema = Type.Object({
  response: Type.Number({ minimum: 0, maximum: 1, description: '响应率权重' }),
  resolution: Type.Number({ minimum: 0, maximum: 1, description: '解决率权重' }),
  satisfaction: Type.Number({ minimum: 0, maximum: 1, description: '满意率权重' }),
  onTime: Type.Number({ minimum: 0, maximum: 1, description: '按期办结率权重' }),
}, { additionalProperties: false });

export const WeightsReply = Type.Object({ weights: WeightsSchema, isDefault: Type.Boolean(), updatedAt: Nullable(DateTime) });

export const RankingReply = Type.Object({
  period: PeriodReply, computedAt: DateTime, parentId: Int, parentName: Type.String(), weights: WeightsSchema,
  rows: Type.Array(Type.Object({
    unitId: Int, unitName: Type.String(), kind: Type.String(), rank: Nullable(Int),
    score: Nullable(Type.Number({ description: '综合得分 0–100' })), figures: FiguresSchema,
  })),
});

export const TrendReply = Type.Object({
  period: PeriodReply, bucket: Enum(BUCKETS), computedAt: DateTime, unitId: Nullable(Int),
  points: Type.Array(Type.Object({
    key: Type.String(), from: Type.String(), to: Type.String(), accepted: Count, overdue: Int,
    response: BriefRate, resolution: BriefRate, satisfaction: BriefRate, closedLoop: BriefRate, onTime: BriefRate,
  })),
});

const HotService = Type.Object({
  serviceId: Int, name: Type.String(), group: Type.String(), current: Int, previous: Int, change: Int,
  growth: Nullable(Type.Number({ description: '环比增长（上期为 0 时为 null）' })), filter: FilterSchema,
});
export const HotReply = Type.Object({
  period: PeriodReply, previous: PeriodReply, computedAt: DateTime, unitId: Nullable(Int), top: Type.Array(HotService), rising: Type.Array(HotService),
});

const WorkClock = Type.Object({
  id: Int, kind: Enum(CLOCK_KINDS), deadline: DateTime, warnedAt: Nullable(DateTime), overdueAt: Nullable(DateTime),
  status: Type.Object({ state: Enum(['running', 'paused', 'met', 'stopped'] as const) }),
  timeLeftMs: Nullable(Type.Number({ description: '剩余时间（该时限的计时口径，毫秒；负数为已超时）' })),
});
export const UnitWorkQuery = Type.Object({ ...UnitIdQuery, limit: Opt(Type.Integer({ minimum: 1, maximum: 500 })) });
export const UnitWorkReply = Type.Object({
  unitId: Int, unitName: Type.String(), computedAt: DateTime, total: Int,
  counts: Type.Object({ active: Int, pending: Int, warning: Int, overdue: Int, paused: Int }),
  items: Type.Array(Type.Object({
    assignmentId: Int, ticketId: Int, trackingCode: Type.String(), title: Type.String(), ticketStatus: StatusSchema, channel: ChannelSchema,
    serviceName: Nullable(Type.String()), locationText: Type.String(), unitId: Int, unitName: Type.String(), role: Enum(['lead', 'co'] as const),
    subAssigned: Type.Boolean(), assignmentStatus: Enum(['pending', 'acknowledged'] as const), dispatchedAt: DateTime,
    acknowledgedAt: Nullable(DateTime), supervised: Type.Boolean(), urgeCount: Int, extensionPending: Type.Boolean(),
    urgency: Enum(['overdue', 'warning', 'normal', 'paused'] as const), clocks: Type.Array(WorkClock),
  })),
});

export const SpotSampleQuery = Type.Object({
  days: Opt(Type.Integer({ minimum: 1, maximum: 366, description: '抽查最近多少天内办结的工单（默认 30）' })),
  size: Opt(Type.Integer({ minimum: 1, maximum: 50, description: '样本量（默认 10）' })),
  seed: Opt(Type.String({ pattern: '^[\\w-]{1,40}$', description: '随机种子：同一种子得到同一样本' })),
});
export const SpotSampleReply = Type.Object({
  since: DateTime, until: DateTime, seed: Type.String(), eligible: Int,
  items: Type.Array(Type.Object({
    ticketId: Int, trackingCode: Type.String(), title: Type.String(), description: Type.String(), serviceName: Nullable(Type.String()),
    leadUnitId: Nullable(Int), leadUnitName: Nullable(Type.String()), replyText: Nullable(Type.String()), repliedAt: Nullable(DateTime),
    ratingResolved: Nullable(Type.String()), ratingSatisfaction: Nullable(Type.String()), ratingComment: Nullable(Type.String()),
    closedAt: DateTime, closeKind: Type.String(),
  })),
});
export const SpotCheckBody = Type.Object({
  ticketId: Type.Integer({ minimum: 1 }), passed: Type.Boolean(),
  note: Opt(Type.String({ maxLength: 1000, description: '不合格时必填：重办理由' })),
}, { additionalProperties: false });
export const SpotCheckReply = Type.Object({ ticketId: Int, passed: Type.Boolean(), reopened: Type.Boolean() });
