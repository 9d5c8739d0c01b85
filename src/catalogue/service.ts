import type { UnitRef } from '../assignments/assignment.js';
import type { TimeLimit } from '../clocks/clock.js';

/** A time limit as the catalogue states it: the clock engine's own type (CLOCKS.md "Units of a limit"). */
export type Limit = TimeLimit;
export { LIMIT_UNITS, type LimitUnit } from '../clocks/clock.js';

/** The clocks a service can set. A missing limit means the service has no such clock. */
export const CLOCK_LIMITS = ['acknowledge', 'firstContact', 'resolve', 'callback', 'returnWindow'] as const;
export type ClockLimit = (typeof CLOCK_LIMITS)[number];

/** Stored as `service_versions.limits` (jsonb). Absent policy fields take the district defaults. */
export interface ServiceLimits {
  acknowledge?: Limit;
  firstContact?: Limit;
  resolve?: Limit;
  callback?: Limit;
  /** How long a unit may take to return (退单) work that is not its business; default 2 working days. */
  returnWindow?: Limit;
  /** Extensions (延期) a unit may be granted per assignment; default 1. */
  maxExtensions?: number;
  /** Working days all extensions together may add; default 10. */
  maxExtensionWorkingDays?: number;
  /** Whether pausing (挂起) a clock needs a supervisor's approval; default no. */
  pauseNeedsApproval?: boolean;
}

export interface CatalogueDefaults {
  returnWindow: Limit;
  maxExtensions: number;
  maxExtensionWorkingDays: number;
  pauseNeedsApproval: boolean;
}

// CLOCKS.md: returns within 2 working days; one extension of at most 10 working days.
export const CATALOGUE_DEFAULTS: CatalogueDefaults = Object.freeze({
  returnWindow: Object.freeze({ amount: 2, unit: 'working_days' }) as Limit,
  maxExtensions: 1,
  maxExtensionWorkingDays: 10,
  pauseNeedsApproval: false,
});

export type EffectiveLimits = Pick<ServiceLimits, 'acknowledge' | 'firstContact' | 'resolve' | 'callback'> & CatalogueDefaults;

/**
 * The limits a clock actually runs on: the service's own, with the defaults filled in.
 * A district whose rules differ passes its own defaults (a setting, not a code change).
 */
export function effectiveLimits(limits: ServiceLimits, defaults: CatalogueDefaults = CATALOGUE_DEFAULTS): EffectiveLimits {
  const out: EffectiveLimits = {
    returnWindow: { ...(limits.returnWindow ?? defaults.returnWindow) },
    maxExtensions: limits.maxExtensions ?? defaults.maxExtensions,
    maxExtensionWorkingDays: limits.maxExtensionWorkingDays ?? defaults.maxExtensionWorkingDays,
    pauseNeedsApproval: limits.pauseNeedsApproval ?? defaults.pauseNeedsApproval,
  };
  for (const kind of ['acknowledge', 'firstContact', 'resolve', 'callback'] as const) {
    const limit = limits[kind];
    if (limit) out[kind] = { ...limit };
  }
  return out;
}

/**
 * One version of a service, as work sees it. `id` is the service's id (stable across versions);
 * `versionId` identifies this exact version: work stores it at acceptance so that its limits never
 * change under it, whatever versions are added later.
 */
export interface ServiceVersion {
  id: number;
  code: string;
  version: number;
  versionId: number;
  effectiveFrom: Date;
  /** Null while no later version is scheduled. */
  effectiveTo: Date | null;
  name: string;
  groupName: string;
  description: string;
  keywords: string[];
  unitId: number;
  unitName: string;
  limits: ServiceLimits;
  active: boolean;
}

/** Whether a version is the one in force at `at`: started at or before it, not yet ended. */
export function inForceAt(v: Pick<ServiceVersion, 'effectiveFrom' | 'effectiveTo'>, at: Date): boolean {
  return v.effectiveFrom <= at && (v.effectiveTo === null || v.effectiveTo > at);
}

/** A version of a service with its unit as work is given to it: what intake plans a ticket from. */
export interface ServiceWithUnit { service: ServiceVersion; unit: UnitRef }

/** Versions read, by service id (an empty list: the service has none in the span read). */
export type VersionsByService = ReadonlyMap<number, readonly ServiceWithUnit[]>;

/** For each (service, moment) asked, the version in force then among those read; undefined where none is. */
export function versionsInForce(read: VersionsByService, wanted: ReadonlyArray<{ serviceId: number; at: Date }>): Array<ServiceWithUnit | undefined> {
  return wanted.map((w) => read.get(w.serviceId)?.find(({ service }) => inForceAt(service, w.at)));
}

/** The fields a version carries, i.e. what an admin or a spreadsheet row can change. */
export type ServiceContent = Pick<ServiceVersion, 'name' | 'groupName' | 'description' | 'keywords' | 'unitId' | 'limits' | 'active'>;

export interface ServiceGroup {
  name: string;
  count: number;
}
