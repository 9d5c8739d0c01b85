import { DomainError, type ErrorCode } from '../platform/errors.js';
import {
  CLOCK_LIMITS, LIMIT_UNITS, type Limit, type LimitUnit, type ServiceContent, type ServiceLimits, type ServiceVersion,
} from './service.js';

/** One thing wrong with an input, named by its field so a form or a spreadsheet can point at it. */
export interface Problem {
  code: ErrorCode;
  /** e.g. 'name', 'limits.resolve', 'effectiveFrom'. */
  field: string;
  zh: string;
  en: string;
}

export const SERVICE_CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

// No limit longer than a year: anything longer is a typing error, not a promise to the public.
export const MAX_LIMIT_AMOUNT: Record<LimitUnit, number> = {
  minutes: 365 * 24 * 60,
  hours: 365 * 24,
  calendar_days: 365,
  working_days: 365,
};
const MAX_EXTENSIONS = 10;
const MAX_EXTENSION_WORKING_DAYS = 365;

export const LIMIT_NAMES: Record<(typeof CLOCK_LIMITS)[number], { zh: string; en: string }> = {
  acknowledge: { zh: '签收时限', en: 'acknowledge limit' },
  firstContact: { zh: '首次联系时限', en: 'first-contact limit' },
  resolve: { zh: '办结时限', en: 'resolve limit' },
  callback: { zh: '回访时限', en: 'callback limit' },
  returnWindow: { zh: '退单时限', en: 'return window' },
};

export function limitProblems(limits: ServiceLimits): Problem[] {
  const problems: Problem[] = [];
  const bad = (field: string, zh: string, en: string) => problems.push({ code: 'SERVICE_LIMITS_INVALID', field, zh, en });
  for (const kind of CLOCK_LIMITS) {
    const limit: Limit | undefined = limits[kind];
    if (limit === undefined) continue;
    const field = `limits.${kind}`;
    const name = LIMIT_NAMES[kind];
    if (!(LIMIT_UNITS as readonly string[]).includes(limit.unit)) {
      bad(field, `${name.zh}的单位无效`, `the ${name.en} has an unknown unit`);
      continue;
    }
    const max = MAX_LIMIT_AMOUNT[limit.unit];
    if (!Number.isInteger(limit.amount) || limit.amount < 1 || limit.amount > max) {
      bad(field, `${name.zh}须为 1 至 ${max} 之间的整数`, `the ${name.en} must be a whole number from 1 to ${max}`);
    }
    // Days are counted on the calendar or in working days; "around the clock" only makes sense for hours and minutes.
    if (limit.natural && limit.unit !== 'minutes' && limit.unit !== 'hours') {
      bad(field, `${name.zh}按天计时不能标注“全天候”`, `the ${name.en} cannot be "around the clock" when counted in days`);
    }
  }
  const { maxExtensions, maxExtensionWorkingDays } = limits;
  if (maxExtensions !== undefined && (!Number.isInteger(maxExtensions) || maxExtensions < 0 || maxExtensions > MAX_EXTENSIONS)) {
    bad('limits.maxExtensions', `延期次数上限须为 0 至 ${MAX_EXTENSIONS} 之间的整数`, `maxExtensions must be a whole number from 0 to ${MAX_EXTENSIONS}`);
  }
  if (maxExtensionWorkingDays !== undefined
    && (!Number.isInteger(maxExtensionWorkingDays) || maxExtensionWorkingDays < 1 || maxExtensionWorkingDays > MAX_EXTENSION_WORKING_DAYS)) {
    bad('limits.maxExtensionWorkingDays', `延期天数上限须为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 之间的整数`,
      `maxExtensionWorkingDays must be a whole number from 1 to ${MAX_EXTENSION_WORKING_DAYS}`);
  }
  return problems;
}

export function codeProblems(code: string): Problem[] {
  return SERVICE_CODE_PATTERN.test(code) ? [] : [{
    code: 'CATALOGUE_ROW_INVALID', field: 'code',
    zh: '事项编码须为 1 至 64 位字母、数字或 _ . -', en: 'the service code must be 1 to 64 letters, digits or _ . -',
  }];
}

/** Everything a version must satisfy, whichever way it arrives (API, spreadsheet). */
export function contentProblems(c: Omit<ServiceContent, 'unitId' | 'active'>): Problem[] {
  const problems: Problem[] = [];
  const text = (field: string, value: string, min: number, max: number, zh: string, en: string) => {
    if (value.trim().length < min || value.length > max) {
      problems.push({
        code: 'CATALOGUE_ROW_INVALID', field,
        zh: min > 0 ? `${zh}不能为空且不超过 ${max} 字` : `${zh}不超过 ${max} 字`,
        en: min > 0 ? `the ${en} must be given, at most ${max} characters` : `the ${en} must be at most ${max} characters`,
      });
    }
  };
  text('name', c.name, 1, 200, '事项名称', 'service name');
  text('groupName', c.groupName, 1, 100, '事项分组', 'group');
  text('description', c.description, 0, 2000, '事项描述', 'description');
  if (c.keywords.length > 30 || c.keywords.some((k) => k.length > 50)) {
    problems.push({ code: 'CATALOGUE_ROW_INVALID', field: 'keywords', zh: '关键词最多 30 个，每个不超过 50 字', en: 'at most 30 keywords of at most 50 characters each' });
  }
  return [...problems, ...limitProblems(c.limits)];
}

/** Refuse with the first problem's code, listing all of them. */
export function throwIfProblems(problems: Problem[]): void {
  const first = problems[0];
  if (!first) return;
  throw new DomainError(first.code, problems.map((p) => ({ field: p.field, message: p.zh, message_en: p.en })),
    problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '));
}

/** Trimmed, without blanks or repeats, in the order given. */
export function normaliseKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map((k) => k.trim()).filter(Boolean))];
}

/** A canonical form (fixed key order, no `natural: false`), so equal limits compare and store equal. */
export function normaliseLimits(limits: ServiceLimits): ServiceLimits {
  const out: ServiceLimits = {};
  for (const kind of CLOCK_LIMITS) {
    const l = limits[kind];
    if (l) out[kind] = l.natural ? { amount: l.amount, unit: l.unit, natural: true } : { amount: l.amount, unit: l.unit };
  }
  if (limits.maxExtensions !== undefined) out.maxExtensions = limits.maxExtensions;
  if (limits.maxExtensionWorkingDays !== undefined) out.maxExtensionWorkingDays = limits.maxExtensionWorkingDays;
  if (limits.pauseNeedsApproval !== undefined) out.pauseNeedsApproval = limits.pauseNeedsApproval;
  return out;
}

export function sameContent(a: ServiceContent, b: ServiceContent): boolean {
  return a.name === b.name && a.groupName === b.groupName && a.description === b.description && a.unitId === b.unitId
    && a.active === b.active && a.keywords.length === b.keywords.length && a.keywords.every((k, i) => k === b.keywords[i])
    && JSON.stringify(normaliseLimits(a.limits)) === JSON.stringify(normaliseLimits(b.limits));
}

export function contentOf(v: ServiceContent): ServiceContent {
  return { name: v.name, groupName: v.groupName, description: v.description, keywords: v.keywords, unitId: v.unitId, limits: v.limits, active: v.active };
}

/**
 * Versions form one chain: each new version starts after the latest one's start (which it closes),
 * so history is never rewritten before a point that earlier work may already have relied on.
 * A version may start in the future; it is then "scheduled" until its instant comes.
 */
export function effectiveFromProblems(latest: Pick<ServiceVersion, 'version' | 'effectiveFrom'> | undefined, effectiveFrom: Date): Problem[] {
  const problem = (zh: string, en: string): Problem[] => [{ code: 'SERVICE_VERSION_INVALID', field: 'effectiveFrom', zh, en }];
  if (Number.isNaN(effectiveFrom.getTime())) return problem('生效时间无法识别', 'the effective instant is not a valid time');
  if (latest && effectiveFrom.getTime() <= latest.effectiveFrom.getTime()) {
    return problem(`生效时间须晚于第 ${latest.version} 版的生效时间 ${formatShanghai(latest.effectiveFrom)}`,
      `it must be after the start of version ${latest.version} (${latest.effectiveFrom.toISOString()})`);
  }
  return [];
}

export function checkEffectiveFrom(latest: Pick<ServiceVersion, 'version' | 'effectiveFrom'> | undefined, effectiveFrom: Date): void {
  throwIfProblems(effectiveFromProblems(latest, effectiveFrom));
}

/** The version in force at `at`: the last one started at or before it and not yet ended. */
export function versionAt<V extends Pick<ServiceVersion, 'effectiveFrom' | 'effectiveTo'>>(versions: readonly V[], at: Date): V | undefined {
  const t = at.getTime();
  let found: V | undefined;
  for (const v of versions) {
    if (v.effectiveFrom.getTime() <= t && (found === undefined || v.effectiveFrom.getTime() > found.effectiveFrom.getTime())) found = v;
  }
  if (found?.effectiveTo && found.effectiveTo.getTime() <= t) return undefined;
  return found;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai (UTC+8 all year: no daylight saving since 1991). */
export function formatShanghai(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
