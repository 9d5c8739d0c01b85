/** What the admin pages share: the API's types by name, and the labels of the server's enumerations. */
import type { paths } from '../../../api/schema';
import type { Role } from '../../auth';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? JsonOf<R> : never;

export type Unit = Get<'/api/v1/units'>[number];
export type UnitKind = Unit['kind'];
export type User = Get<'/api/v1/users'>[number];
export type ServiceVersion = Get<'/api/v1/services'>[number];
export type ServiceLimits = ServiceVersion['limits'];
export type LimitUnit = NonNullable<ServiceLimits['resolve']>['unit'];
export type CalendarOverview = Get<'/api/v1/calendar'>;
export type YearView = Get<'/api/v1/calendar/years/{year}'>;
export type DayKind = YearView['months'][number]['days'][number]['kind'];
export type Deadline = Get<'/api/v1/calendar/deadline'>;
export type ApiToken = Get<'/api/v1/auth/tokens'>[number];
export type Open311Key = Get<'/api/v1/open311/keys'>[number];

export type Label = { zh: string; en: string };

export const ROLE_LABELS: Record<Role, Label> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  operator: { zh: '话务员', en: 'Hotline operator' },
  dispatcher: { zh: '派单员', en: 'Dispatcher' },
  handler: { zh: '承办人', en: 'Handler' },
  supervisor: { zh: '督办员', en: 'Supervisor' },
  leader: { zh: '领导', en: 'Leader' },
  commissioner: { zh: '助企服务专员', en: 'Enterprise commissioner' },
  butler: { zh: '项目管家', en: 'Project butler' },
};
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
export const ROLE_COLORS: Record<Role, string> = {
  admin: 'red', operator: 'blue', dispatcher: 'geekblue', handler: 'green', supervisor: 'orange', leader: 'purple', commissioner: 'cyan', butler: 'gold',
};

export const UNIT_KIND_LABELS: Record<UnitKind, Label> = {
  district: { zh: '区/县', en: 'District' },
  department: { zh: '部门', en: 'Department' },
  town: { zh: '镇', en: 'Town' },
  street: { zh: '街道', en: 'Street' },
  village: { zh: '村', en: 'Village' },
  community: { zh: '社区', en: 'Community' },
  other: { zh: '其他', en: 'Other' },
};
export const UNIT_KINDS = Object.keys(UNIT_KIND_LABELS) as UnitKind[];

export const LIMIT_UNIT_LABELS: Record<LimitUnit, Label> = {
  working_days: { zh: '个工作日', en: 'working days' },
  calendar_days: { zh: '个自然日', en: 'calendar days' },
  hours: { zh: '小时', en: 'hours' },
  minutes: { zh: '分钟', en: 'minutes' },
};
export const LIMIT_UNITS = Object.keys(LIMIT_UNIT_LABELS) as LimitUnit[];

/** The clocks a service can set, in the order a ticket meets them (CLOCKS.md). */
export const LIMIT_KINDS = ['acknowledge', 'firstContact', 'resolve', 'callback', 'returnWindow'] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];
export const LIMIT_KIND_LABELS: Record<LimitKind, Label> = {
  acknowledge: { zh: '签收', en: 'Acknowledge' },
  firstContact: { zh: '首次联系', en: 'First contact' },
  resolve: { zh: '办结', en: 'Resolve' },
  callback: { zh: '回访', en: 'Callback' },
  returnWindow: { zh: '退单时限', en: 'Return window' },
};

export const DAY_KIND_LABELS: Record<DayKind, Label & { color: string }> = {
  workday: { zh: '工作日', en: 'Working day', color: 'default' },
  weekend: { zh: '休息日', en: 'Day off', color: 'default' },
  holiday: { zh: '节假日', en: 'Holiday', color: 'red' },
  adjusted_workday: { zh: '调休上班', en: 'Make-up working day', color: 'orange' },
};

/** Shanghai wall-clock time of an instant, as staff read it: 2026-03-02 09:00. */
export function shanghai(at: string | null | undefined, withTime = true): string {
  if (!at) return '—';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return withTime ? `${date} ${get('hour')}:${get('minute')}` : date;
}

/** "5个工作日" / "5 working days"; a natural-time limit says so. */
export function limitText(limit: { amount: number; unit: LimitUnit; natural?: boolean } | undefined, lang: 'zh' | 'en'): string {
  if (!limit) return '—';
  const unit = LIMIT_UNIT_LABELS[limit.unit][lang];
  const natural = limit.natural ? (lang === 'zh' ? '（全天候）' : ' (around the clock)') : '';
  return lang === 'zh' ? `${limit.amount}${unit}${natural}` : `${limit.amount} ${unit}${natural}`;
}
