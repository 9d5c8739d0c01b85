import { Type } from 'typebox';
import { DateOnly, DateTime, Nullable } from '../platform/http/schemas.js';
import { DAY_KINDS, type DayKind } from './calendar.js';
import { LIMIT_UNITS, type LimitUnit } from '../clocks/clock.js';

export const DayKindSchema = Type.Unsafe<DayKind>({
  type: 'string', enum: [...DAY_KINDS],
  description: 'workday 工作日 / weekend 周末 / holiday 节假日 / adjusted_workday 调休上班',
});
const SourceSchema = Type.Unsafe<'chinese-days' | 'admin' | 'import'>({ type: 'string', enum: ['chinese-days', 'admin', 'import'] });
const DayName = Type.String({ minLength: 1, maxLength: 50, description: '名称，如“春节”“区运动会” Name' });
const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: 'HH:MM, Asia/Shanghai' });
const ExpectedVersion = Type.Integer({ minimum: 0, description: '所依据的日历版本（可选，不一致则 409） Calendar version the edit is based on' });

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 1970, maximum: 9999 }) });
export const DateParams = Type.Object({ date: DateOnly });
export const VersionQuery = Type.Object({ version: Type.Optional(ExpectedVersion) });

export const DayOverrideSchema = Type.Object({ date: DateOnly, kind: DayKindSchema, name: DayName }, { additionalProperties: false });

export const OfficeHoursSchema = Type.Object({
  periods: Type.Array(Type.Object({ start: Clock, end: Clock }, { additionalProperties: false }), { minItems: 1, maxItems: 6 }),
}, { additionalProperties: false });

const Warning = Type.Object({
  code: Type.Literal('CALENDAR_YEAR_MISSING'), year: Type.Integer(), message: Type.String(), message_en: Type.String(),
});

export const CalendarReply = Type.Object({
  version: Type.Integer({ description: '日历版本，每次修改递增 Calendar version, rises with every change' }),
  years: Type.Array(Type.Object({
    year: Type.Integer(), source: SourceSchema, dayCount: Type.Integer(), loadedAt: DateTime, loadedBy: Nullable(Type.Integer()),
  })),
  officeHours: Type.Object({ periods: OfficeHoursSchema.properties.periods, isDefault: Type.Boolean() }),
  overrides: Type.Array(Type.Object({
    date: DateOnly, kind: DayKindSchema, name: Type.String(), createdAt: DateTime, createdBy: Nullable(Type.Integer()),
  })),
  warnings: Type.Array(Warning),
});

const DescribedDay = Type.Object({
  date: DateOnly, weekday: Type.Integer({ description: '0 = 周日 Sunday' }), kind: DayKindSchema, name: Type.String(),
  override: Type.Boolean({ description: '本地单独设置 A local override' }),
});

export const YearReply = Type.Object({
  year: Type.Integer(),
  source: SourceSchema,
  version: Type.Integer(),
  workingDays: Type.Integer({ description: '全年工作日数 Working days in the year' }),
  months: Type.Array(Type.Object({ month: Type.Integer(), workingDays: Type.Integer(), days: Type.Array(DescribedDay) })),
});

export const LoadYearBody = Type.Union([
  Type.Object({ days: Type.Array(DayOverrideSchema, { maxItems: 366 }), version: Type.Optional(ExpectedVersion) }, { additionalProperties: false }),
  Type.Object({ source: Type.Literal('chinese-days'), version: Type.Optional(ExpectedVersion) }, { additionalProperties: false }),
]);

export const ImportBody = Type.String({
  maxLength: 200_000,
  description: '每行“日期,类型,名称”，首个日期行前须有 year=YYYY；# 开头为注释 Lines "date,kind,name" after a year=YYYY line',
});

export const OverrideBody = Type.Object({ kind: DayKindSchema, name: DayName, version: Type.Optional(ExpectedVersion) }, { additionalProperties: false });
export const OverrideReply = Type.Object({
  date: DateOnly, kind: DayKindSchema, name: Type.String(), createdAt: DateTime, createdBy: Nullable(Type.Integer()), version: Type.Integer(),
});

export const OfficeHoursBody = Type.Object({
  periods: OfficeHoursSchema.properties.periods, version: Type.Optional(ExpectedVersion),
}, { additionalProperties: false });
export const OfficeHoursReply = Type.Object({ periods: OfficeHoursSchema.properties.periods, version: Type.Integer() });

export const VersionReply = Type.Object({ version: Type.Integer() });

// The calculator offers working days, the common limit, first (the order of the OpenAPI enum, which
// forms follow). The units are the clock engine's; the Record makes a new unit fail to compile here.
const CALCULATOR_ORDER: Record<LimitUnit, number> = { working_days: 0, calendar_days: 1, hours: 2, minutes: 3 };

export const DeadlineQuery = Type.Object({
  start: Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?$',
    description: '起算时刻，ISO 8601；不带时区时按北京时间 Start, ISO 8601 (Asia/Shanghai when no offset is given)',
  }),
  amount: Type.Integer({ minimum: 1, maximum: 10_000 }),
  unit: Type.Unsafe<LimitUnit>({ type: 'string', enum: [...LIMIT_UNITS].sort((a, b) => CALCULATOR_ORDER[a] - CALCULATOR_ORDER[b]) }),
  natural: Type.Optional(Type.Boolean({ description: '小时/分钟按自然时间（昼夜连续）计算 Hours or minutes around the clock' })),
});

export const DeadlineReply = Type.Object({
  start: DateTime,
  deadline: DateTime,
  deadlineLocal: Type.String({ description: '北京时间 Asia/Shanghai, e.g. 2026-02-24 17:30' }),
  calendarVersion: Nullable(Type.String()),
  countedDays: Type.Array(DateOnly),
  skippedDays: Type.Array(DescribedDay),
  explanation: Type.Object({ zh: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
});
