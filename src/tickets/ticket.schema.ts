import { Type } from 'typebox';
import { DateTime, Nullable } from '../platform/http/schemas.js';
import { CLOCK_KINDS, LIMIT_UNITS } from '../clocks/clock.js';
import { RETURN_REASONS } from '../assignments/assignment.js';
import { CHANNELS, TICKET_STATUSES, type Channel, type TicketStatus } from './ticket.js';

const Enum = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const ChannelSchema = Enum<Channel>(CHANNELS, '渠道 channel');
export const StatusSchema = Enum<TicketStatus>(TICKET_STATUSES, '状态 status');
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Phone = Type.String({ pattern: '^[0-9+\\- ]{5,20}$', description: '联系电话' });

export const IntakeBody = Type.Object({
  title: Text(100),
  description: Text(5000),
  channel: ChannelSchema,
  requesterName: Text(50),
  requesterPhone: Phone,
  requesterKind: Type.Optional(Enum(['citizen', 'enterprise'] as const)),
  enterpriseName: Type.Optional(Nullable(Text(100))),
  location: Text(200),
  lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  lng: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  serviceId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  dispatch: Type.Optional(Type.Boolean({ description: '为 false 时只分类不派单（直办：受理后由话务员直接答复办结）' })),
}, { additionalProperties: false });

export const PublicIntakeBody = Type.Object({
  title: Text(100),
  description: Text(5000, 5),
  requesterName: Text(50),
  requesterPhone: Type.String({ pattern: '^1[3-9][0-9]{9}$', description: '手机号码' }),
  location: Text(200),
  lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  lng: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  serviceId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
}, { additionalProperties: false });

export const IntakeReply = Type.Object({
  id: Type.Integer(),
  trackingCode: Type.String(),
  status: StatusSchema,
  serviceId: Nullable(Type.Integer()),
  leadUnitId: Nullable(Type.Integer()),
  suggestions: Type.Array(Type.Object({
    serviceId: Type.Integer(), score: Type.Number(), matched: Type.Array(Type.String()),
    confidence: Type.Optional(Type.Number({ description: '校准后的置信度（训练模型给出时）' })),
    modelVersion: Type.Optional(Type.Integer({ description: '给出建议的模型版本' })),
  })),
});

export const SuggestBody = Type.Object({ title: Type.String({ maxLength: 100 }), description: Type.String({ maxLength: 5000 }) }, { additionalProperties: false });

export const SuggestReply = Type.Object({
  suggestions: Type.Array(Type.Object({ serviceId: Type.Integer(), name: Type.String(), score: Type.Number(), matched: Type.Array(Type.String()) })),
  confident: Type.Boolean({ description: '受理时不选事项也会自动派单 Intake would dispatch on its own' }),
});

export const TicketListQuery = Type.Object({
  status: Type.Optional(Type.Array(StatusSchema)),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  serviceId: Type.Optional(Type.Integer({ minimum: 1 })),
  channel: Type.Optional(ChannelSchema),
  overdue: Type.Optional(Type.Boolean()),
  supervised: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  // Drill-down from the scores (src/stats): each figure names the tickets behind it with these.
  leadUnitId: Type.Optional(Type.Integer({ minimum: 1, description: '主办单位（含下级）' })),
  serviceGroup: Type.Optional(Type.String({ maxLength: 100, description: '事项分类' })),
  resolved: Type.Optional(Type.Array(Enum(['yes', 'partly', 'no'] as const), { description: '评价：是否解决' })),
  satisfaction: Type.Optional(Type.Array(Enum(['satisfied', 'basic', 'unsatisfied'] as const), { description: '评价：满意度' })),
  closeKind: Type.Optional(Type.Array(Enum(['direct', 'rated', 'confirmed', 'merged', 'rejected'] as const), { description: '办结方式' })),
  reopened: Type.Optional(Type.Boolean({ description: '曾重办' })),
  lateKind: Type.Optional(Enum(CLOCK_KINDS, '该类时限曾超时（与 lateBy 同用时限于该单位的时限）')),
  lateBy: Type.Optional(Type.Integer({ minimum: 1, description: '该单位（含下级）的时限曾超时' })),
  returnedBy: Type.Optional(Type.Integer({ minimum: 1, description: '该单位（含下级）曾退单' })),
  extendedBy: Type.Optional(Type.Integer({ minimum: 1, description: '该单位（含下级）获批延期' })),
  dueBefore: Type.Optional(Type.Unsafe<Date | string>({ type: 'string', format: 'date-time', description: '对来电人的最后承诺（办理时限或回访时限）在此之前到期' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const TicketListItem = Type.Object({
  id: Type.Integer(), trackingCode: Type.String(), title: Type.String(), status: StatusSchema, channel: ChannelSchema,
  acceptedAt: DateTime, serviceId: Nullable(Type.Integer()), serviceName: Nullable(Type.String()),
  leadUnitId: Nullable(Type.Integer()), leadUnitName: Nullable(Type.String()), locationText: Type.String(),
  supervised: Type.Boolean(), overdue: Type.Boolean(), deadline: Nullable(DateTime), urgeCount: Type.Integer(),
  suggestedServiceId: Nullable(Type.Integer()),
  deadlineKind: Nullable(Type.String({ description: '最近到期的时限（sla 或 resolve）' })), warning: Type.Boolean(),
  timeLeftMs: Nullable(Type.Number({ description: '该时限的剩余时间（计时口径，毫秒；负数为已超时）' })),
});

export const TicketPage = Type.Object({ items: Type.Array(TicketListItem), nextCursor: Nullable(Type.String()) });

const LimitSchema = Type.Object({ amount: Type.Integer(), unit: Enum(LIMIT_UNITS), natural: Type.Optional(Type.Boolean()) });

const ClockSchema = Type.Object({
  id: Type.Integer(), kind: Enum(CLOCK_KINDS), assignmentId: Nullable(Type.Integer()), startedAt: DateTime, limit: LimitSchema,
  deadline: DateTime, originalDeadline: DateTime, warnAt: DateTime, warnedAt: Nullable(DateTime), overdueAt: Nullable(DateTime),
  pausedMs: Type.Integer(), extendedDays: Type.Integer(),
  status: Type.Object({
    state: Enum(['running', 'paused', 'met', 'stopped'] as const),
    pausedSince: Type.Optional(DateTime), metAt: Type.Optional(DateTime), stoppedAt: Type.Optional(DateTime), reason: Type.Optional(Type.String()),
  }),
  timeLeftMs: Nullable(Type.Number({ description: '剩余时间（按该时限的计时口径，毫秒；负数为已超时）' })),
});

const AssignmentSchema = Type.Object({
  id: Type.Integer(), unitId: Type.Integer(), unitName: Type.String(), unitPath: Type.String(), role: Enum(['lead', 'co'] as const),
  parentId: Nullable(Type.Integer()), round: Type.Integer(), status: Enum(['pending', 'acknowledged', 'done', 'returned', 'withdrawn'] as const),
  dispatchedAt: DateTime, acknowledgedAt: Nullable(DateTime), firstContactAt: Nullable(DateTime), doneAt: Nullable(DateTime),
  returnReasonCode: Nullable(Enum(RETURN_REASONS)), returnReason: Nullable(Type.String()), returnedAt: Nullable(DateTime),
  returnDecision: Nullable(Enum(['accepted', 'refused'] as const)), extensionCount: Type.Integer(),
});

export const TicketDetail = Type.Object({
  id: Type.Integer(), trackingCode: Type.String(), channel: ChannelSchema, status: StatusSchema,
  serviceId: Nullable(Type.Integer()), serviceName: Nullable(Type.String()), suggestedServiceId: Nullable(Type.Integer()),
  title: Type.String(), description: Type.String(), requesterName: Type.String(), requesterPhone: Type.String(),
  requesterKind: Type.String(), enterpriseName: Nullable(Type.String()),
  locationText: Type.String(), lat: Nullable(Type.Number()), lng: Nullable(Type.Number()),
  acceptedAt: DateTime, leadUnitId: Nullable(Type.Integer()), leadUnitName: Nullable(Type.String()),
  replyText: Nullable(Type.String()), repliedAt: Nullable(DateTime),
  ratingResolved: Nullable(Type.String()), ratingSatisfaction: Nullable(Type.String()), ratingComment: Nullable(Type.String()), ratedAt: Nullable(DateTime),
  closedAt: Nullable(DateTime), closeKind: Nullable(Type.String()), supervised: Type.Boolean(), urgeCount: Type.Integer(),
  reopenCount: Type.Integer(), mergedIntoId: Nullable(Type.Integer()), publicReason: Nullable(Type.String()), version: Type.Integer(),
  assignments: Type.Array(AssignmentSchema),
  clocks: Type.Array(ClockSchema),
  extensions: Type.Array(Type.Object({
    id: Type.Integer(), assignmentId: Type.Integer(), workingDays: Type.Integer(), reason: Type.String(), requestedAt: DateTime,
    decision: Nullable(Enum(['approved', 'refused'] as const)),
  })),
  notes: Type.Array(Type.Object({
    id: Type.Integer(), assignmentId: Nullable(Type.Integer()), authorName: Nullable(Type.String()), kind: Type.String(),
    body: Type.String(), contactMethod: Nullable(Type.String()), createdAt: DateTime,
  })),
  attachments: Type.Array(Type.Object({ id: Type.Integer(), filename: Type.String(), contentType: Type.String(), size: Type.Integer(), public: Type.Boolean(), uploadedAt: DateTime })),
  events: Type.Array(Type.Object({
    id: Type.Integer(), at: DateTime, action: Type.String(), actorName: Nullable(Type.String()),
    before: Type.Unknown(), after: Type.Unknown(), data: Type.Unknown(),
  })),
});

const AssignmentTarget = { assignmentId: Type.Optional(Type.Integer({ minimum: 1, description: '省略时为本单位进行中的交办' })) };
const Body = <P extends Record<string, import('typebox').TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });

export const MoveBodies = {
  assign: Body({
    leadUnitId: Type.Integer({ minimum: 1 }), coUnitIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 })),
    serviceId: Type.Optional(Type.Integer({ minimum: 1, description: '分类：诉求事项（工单尚未分类时必填）' })),
  }),
  acknowledge: Body({ ...AssignmentTarget }),
  note: Body({ body: Text(5000), kind: Type.Optional(Enum(['note', 'contact'] as const)), contactMethod: Type.Optional(Text(20)), ...AssignmentTarget }),
  pause: Body({ reason: Text(500), ...AssignmentTarget }),
  resume: Body({ ...AssignmentTarget }),
  subAssign: Body({ unitIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 20 }), ...AssignmentTarget }),
  reply: Body({ text: Text(5000), ...AssignmentTarget }),
  rate: Body({ resolved: Enum(['yes', 'partly', 'no'] as const), satisfaction: Enum(['satisfied', 'basic', 'unsatisfied'] as const), comment: Type.Optional(Nullable(Text(1000, 0))) }),
  close: Body({ note: Text(2000) }),
  reject: Body({ reason: Text(500) }),
  return: Body({ reasonCode: Enum(RETURN_REASONS), reason: Text(1000), evidence: Type.Optional(Nullable(Text(2000))), ...AssignmentTarget }),
  arbitrate: Body({
    assignmentId: Type.Integer({ minimum: 1 }), decision: Enum(['accept', 'refuse'] as const),
    leadUnitId: Type.Optional(Type.Integer({ minimum: 1 })), coUnitIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20 })),
    reason: Type.Optional(Text(1000)),
  }),
  extend: Body({ workingDays: Type.Integer({ minimum: 1, maximum: 60 }), reason: Text(1000), ...AssignmentTarget }),
  decideExtension: Body({ extensionId: Type.Integer({ minimum: 1 }), approve: Type.Boolean(), note: Type.Optional(Text(1000, 0)) }),
  urge: Body({ message: Text(500), unitIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }))) }),
  supervise: Body({ message: Text(500) }),
  reopen: Body({ reason: Text(1000), leadUnitId: Type.Optional(Type.Integer({ minimum: 1 })) }),
  merge: Body({ mainTicketId: Type.Integer({ minimum: 1 }) }),
};
