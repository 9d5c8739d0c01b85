import { Type } from 'typebox';
import { DateTime, Nullable } from '../platform/http/schemas.js';
import { LIMIT_UNITS, type LimitUnit } from './service.js';

const LimitUnitSchema = Type.Unsafe<LimitUnit>({
  type: 'string', enum: [...LIMIT_UNITS], description: 'minutes/hours = 工作时间（除非 natural）；calendar_days 自然日；working_days 工作日',
});

// Shape only; the caps and the "natural only for hours and minutes" rule are in service.rules.ts (422, not 400).
export const LimitSchema = Type.Object({
  amount: Type.Integer({ minimum: 1 }),
  unit: LimitUnitSchema,
  natural: Type.Optional(Type.Boolean({ description: '全天候计时（不扣除非工作时间）Around the clock' })),
}, { additionalProperties: false });

export const ServiceLimitsSchema = Type.Object({
  acknowledge: Type.Optional(LimitSchema),
  firstContact: Type.Optional(LimitSchema),
  resolve: Type.Optional(LimitSchema),
  callback: Type.Optional(LimitSchema),
  returnWindow: Type.Optional(LimitSchema),
  maxExtensions: Type.Optional(Type.Integer({ minimum: 0, description: '延期次数上限（默认 1）' })),
  maxExtensionWorkingDays: Type.Optional(Type.Integer({ minimum: 1, description: '延期天数上限（工作日，默认 10）' })),
  pauseNeedsApproval: Type.Optional(Type.Boolean({ description: '挂起须审批（默认否）' })),
}, { additionalProperties: false, description: '未设置的时限表示没有该计时 A missing limit means no such clock' });

export const ServiceVersionReply = Type.Object({
  id: Type.Integer({ description: '事项 id（各版本相同）Service id' }),
  code: Type.String(),
  version: Type.Integer(),
  versionId: Type.Integer({ description: '该版本的 id：受理时记录 The id of this exact version' }),
  effectiveFrom: DateTime,
  effectiveTo: Nullable(DateTime),
  name: Type.String(),
  groupName: Type.String(),
  description: Type.String(),
  keywords: Type.Array(Type.String()),
  unitId: Type.Integer(),
  unitName: Type.String(),
  limits: ServiceLimitsSchema,
  active: Type.Boolean(),
});

export const ServiceDetailReply = Type.Object({
  current: Nullable(ServiceVersionReply),
  versions: Type.Array(ServiceVersionReply, { description: '全部版本（含已计划的）All versions, oldest first' }),
});

export const ServiceListQuery = Type.Object({
  group: Type.Optional(Type.String({ maxLength: 100 })),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '按名称、编码或关键词查找' })),
  includeInactive: Type.Optional(Type.Boolean()),
  at: Type.Optional(Type.String({ format: 'date-time', description: '查看某一时刻的清单（默认现在）' })),
});

const CODE = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const NAME = Type.String({ minLength: 1, maxLength: 200 });
const GROUP = Type.String({ minLength: 1, maxLength: 100 });
const DESCRIPTION = Type.String({ maxLength: 2000 });
const KEYWORDS = Type.Array(Type.String({ maxLength: 50 }), { maxItems: 30 });
const EFFECTIVE_FROM = Type.String({ format: 'date-time', description: '生效时间（默认现在）' });

export const CreateServiceBody = Type.Object({
  code: CODE,
  name: NAME,
  groupName: GROUP,
  description: Type.Optional(DESCRIPTION),
  keywords: Type.Optional(KEYWORDS),
  unitId: Type.Integer({ minimum: 1, description: '责任单位' }),
  limits: ServiceLimitsSchema,
  effectiveFrom: Type.Optional(EFFECTIVE_FROM),
}, { additionalProperties: false });

export const AddVersionBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: '乐观锁：所依据的最新版本号 The latest version this change is based on' }),
  name: Type.Optional(NAME),
  groupName: Type.Optional(GROUP),
  description: Type.Optional(DESCRIPTION),
  keywords: Type.Optional(KEYWORDS),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  // Replaces the whole set: a limit left out means the service no longer has that clock.
  limits: Type.Optional(ServiceLimitsSchema),
  active: Type.Optional(Type.Boolean()),
  effectiveFrom: Type.Optional(Type.String({ format: 'date-time', description: '生效时间（默认现在；须晚于最新版本的生效时间）' })),
}, { additionalProperties: false });

export const DeactivateBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: '乐观锁：所依据的最新版本号' }),
  effectiveFrom: Type.Optional(EFFECTIVE_FROM),
}, { additionalProperties: false });

export const GroupsReply = Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() }));

export const ImportQuery = Type.Object({
  partial: Type.Optional(Type.Boolean({ description: '只写入无误的行（默认：任一行有误则全部不写入）' })),
});

export const ImportReply = Type.Object({
  applied: Type.Boolean({ description: '是否已写入；为否时以下数目为“将会”的结果 Whether the rows were written; if not, the counts say what would have been' }),
  created: Type.Integer({ description: '新增事项数 New services' }),
  updated: Type.Integer({ description: '新增版本的事项数 Services given a new version' }),
  unchanged: Type.Integer(),
  rejected: Type.Array(Type.Object({
    row: Type.Integer({ description: '工作表行号 Sheet row number' }),
    column: Nullable(Type.String()),
    code: Type.String(),
    message: Type.String(),
    message_en: Type.String(),
  })),
});
