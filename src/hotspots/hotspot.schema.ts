import { Type } from 'typebox';
import { DateTime, Nullable } from '../platform/http/schemas.js';
import { StatusSchema, TicketListItem } from '../tickets/ticket.schema.js';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const HotspotQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, description: '最近 N 天（截至今天，北京时间）；与 from/to 二选一' })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

const HotspotSchema = Type.Object({
  key: Type.String({ description: '热点标识（其最早一件工单）' }),
  name: Type.String({ description: '名称：地点与问题' }),
  place: Nullable(Type.String()),
  keywords: Type.Array(Type.String()),
  size: Type.Integer({ description: '工单数' }),
  memberIds: Type.Array(Type.Integer()),
  first: DateTime, last: DateTime,
  growth: Type.Number({ description: '增长：末四分之一区间相对平均的倍数（1 为平稳）' }),
  reaction: Type.Integer({ description: '群众反应：催办、督办、重办、不满意评价' }),
  heat: Type.Number({ description: '热度（排序依据）' }),
  units: Type.Array(Type.Object({ unitId: Type.Integer(), name: Type.String(), count: Type.Integer() })),
  services: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })),
  tickets: Type.Array(Type.Object({ id: Type.Integer(), trackingCode: Type.String(), title: Type.String(), status: StatusSchema, acceptedAt: DateTime, locationText: Type.String() })),
  trend: Type.Array(Type.Integer(), { description: '区间等分八段的工单数' }),
  case: Nullable(Type.Object({ ticketId: Type.Integer(), trackingCode: Type.String(), status: StatusSchema }, { description: '已转的未诉先办工单' })),
});

export const HotspotReport = Type.Object({
  from: DateTime, to: DateTime,
  tickets: Type.Integer({ description: '参与分析的工单数' }),
  truncated: Type.Boolean({ description: '工单过多，只分析了最近的部分' }),
  hotspots: Type.Array(HotspotSchema),
});

export const CaseBody = Type.Object({
  hotspotKey: Text(40), name: Text(200), place: Nullable(Text(200)), keywords: Type.Array(Text(40), { maxItems: 10 }),
  from: DateTime, to: DateTime,
  memberIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 2000 }),
  title: Text(100), description: Text(5000), location: Text(200),
  serviceId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
}, { additionalProperties: false });

export const CaseReply = Type.Object({ ticketId: Type.Integer(), trackingCode: Type.String() });

export const TicketHotspot = Type.Object({
  case: Nullable(Type.Object({
    name: Type.String(), place: Nullable(Type.String()), keywords: Type.Array(Type.String()), from: DateTime, to: DateTime,
    size: Type.Integer(), tickets: Type.Array(TicketListItem, { description: '本人可见的成员工单（最多 50 件）' }),
  })),
});
