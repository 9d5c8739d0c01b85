import type { Queryable, Tx } from '../platform/database/db.js';
import { maybeOne, one, pgErrorCode, preparedRows, rows, UNIQUE_VIOLATION } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { ServiceContent, ServiceGroup, ServiceLimits, ServiceVersion, ServiceWithUnit } from './service.js';

interface VersionRow {
  version_id: number; service_id: number; code: string; version: number; effective_from: Date; effective_to: Date | null;
  name: string; group_name: string; description: string; keywords: string[]; unit_id: number; unit_name: string;
  limits: ServiceLimits; active: boolean;
}

const toVersion = (r: VersionRow): ServiceVersion => ({
  id: r.service_id, code: r.code, version: r.version, versionId: r.version_id, effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to, name: r.name, groupName: r.group_name, description: r.description, keywords: r.keywords,
  unitId: r.unit_id, unitName: r.unit_name, limits: r.limits, active: r.active,
});

const VERSION_COLUMNS = `v.id AS version_id, v.service_id, s.code, v.version, v.effective_from, v.effective_to, v.name, v.group_name,
         v.description, v.keywords, v.unit_id, u.name AS unit_name, v.limits, v.active`;
const VERSION_FROM = 'FROM service_versions v JOIN services s ON s.id = v.service_id JOIN units u ON u.id = v.unit_id';
const SELECT_VERSION = `SELECT ${VERSION_COLUMNS} ${VERSION_FROM}`;

// In force at $2: the latest start at or before it (one backward step on the (service_id, effective_from)
// index). The end test only guards the chain; versions are contiguous, so it never excludes the right one.
const IN_FORCE = 'v.effective_from <= $2 AND (v.effective_to IS NULL OR v.effective_to > $2) ORDER BY v.effective_from DESC LIMIT 1';

/**
 * The version of a service in force at `at`: what a ticket takes at acceptance. Store the returned
 * `versionId` (and copy the limits) with the work, so later versions never change it. Returns inactive
 * versions too (the caller refuses new work for them) and undefined before the service's first version.
 */
export async function findServiceAt(q: Queryable, service: number | string, at: Date): Promise<ServiceVersion | undefined> {
  const r = typeof service === 'number'
    ? await maybeOne<VersionRow>(q, `${SELECT_VERSION} WHERE v.service_id = $1 AND ${IN_FORCE}`, [service, at])
    : await maybeOne<VersionRow>(q, `${SELECT_VERSION} WHERE v.service_id = (SELECT id FROM services WHERE code = $1) AND ${IN_FORCE}`, [service, at]);
  return r && toVersion(r);
}

/**
 * The versions of these services covering the span of these moments, each with its unit as work is given to
 * it (path, active): what intake plans a whole batch of tickets from, in one read (the moments of a batch lie
 * milliseconds apart; versionsInForce picks each moment's own). Every service asked is a key, with an empty
 * list when it has no version in the span.
 */
export async function readVersionsWithUnit(q: Queryable, wanted: ReadonlyArray<{ serviceId: number; at: Date }>): Promise<Map<number, ServiceWithUnit[]>> {
  const read = new Map<number, ServiceWithUnit[]>(wanted.map((w) => [w.serviceId, []]));
  if (wanted.length === 0) return read;
  const times = wanted.map((w) => w.at.getTime());
  const found = await preparedRows<VersionRow & { unit_path: string; unit_active: boolean }>(q, 'msb_services_with_unit_during', `
    SELECT ${VERSION_COLUMNS}, u.path AS unit_path, u.active AS unit_active ${VERSION_FROM}
     WHERE v.service_id = ANY($1::bigint[]) AND v.effective_from <= $3 AND (v.effective_to IS NULL OR v.effective_to > $2)`,
  [[...read.keys()], new Date(Math.min(...times)), new Date(Math.max(...times))]);
  for (const r of found) read.get(r.service_id)!.push({ service: toVersion(r), unit: { id: r.unit_id, path: r.unit_path, active: r.unit_active } });
  return read;
}

/** One exact version, e.g. the one a ticket recorded at acceptance. */
export async function findServiceVersion(q: Queryable, versionId: number): Promise<ServiceVersion | undefined> {
  const r = await maybeOne<VersionRow>(q, `${SELECT_VERSION} WHERE v.id = $1`, [versionId]);
  return r && toVersion(r);
}

/** Every version of one service, oldest first. */
export async function listServiceVersions(q: Queryable, serviceId: number): Promise<ServiceVersion[]> {
  return (await rows<VersionRow>(q, `${SELECT_VERSION} WHERE v.service_id = $1 ORDER BY v.version`, [serviceId])).map(toVersion);
}

/** Every version of the services with these codes, grouped by code, oldest first. */
export async function listVersionsByCodes(q: Queryable, codes: readonly string[]): Promise<Map<string, ServiceVersion[]>> {
  const list = await rows<VersionRow>(q, `${SELECT_VERSION} WHERE s.code = ANY($1::text[]) ORDER BY v.service_id, v.version`, [codes]);
  const byCode = new Map<string, ServiceVersion[]>();
  for (const r of list) {
    const v = toVersion(r);
    byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
  }
  return byCode;
}

export interface CatalogueFilter { at: Date; group?: string; unitId?: number; text?: string; includeInactive?: boolean }

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The catalogue as it stands at `filter.at`: one row per service, the version then in force. */
export async function listCatalogue(q: Queryable, filter: CatalogueFilter): Promise<ServiceVersion[]> {
  const list = await rows<VersionRow>(q, `${SELECT_VERSION}
     WHERE v.effective_from <= $1 AND (v.effective_to IS NULL OR v.effective_to > $1)
       AND ($2::text IS NULL OR v.group_name = $2)
       AND ($3::bigint IS NULL OR v.unit_id = $3)
       AND ($4::text IS NULL OR v.name ILIKE $4 OR s.code ILIKE $4 OR EXISTS (SELECT 1 FROM unnest(v.keywords) k WHERE k ILIKE $4))
       AND ($5 OR v.active)
     ORDER BY v.group_name, s.code`,
  [filter.at, filter.group ?? null, filter.unitId ?? null, filter.text ? likePattern(filter.text) : null, filter.includeInactive ?? false]);
  return list.map(toVersion);
}

/** The groups of the active catalogue at `at`, with how many services each holds. */
export async function listGroups(q: Queryable, at: Date): Promise<ServiceGroup[]> {
  return rows<ServiceGroup>(q, `
    SELECT group_name AS name, count(*) AS count FROM service_versions
     WHERE effective_from <= $1 AND (effective_to IS NULL OR effective_to > $1) AND active
     GROUP BY group_name ORDER BY group_name`, [at]);
}

/** Lock a service so that versions are added to it one at a time (the chain check reads the latest). */
export async function lockService(tx: Tx, id: number): Promise<{ id: number; code: string } | undefined> {
  return maybeOne<{ id: number; code: string }>(tx, 'SELECT id, code FROM services WHERE id = $1 FOR UPDATE', [id]);
}

export async function lockServicesByCode(tx: Tx, codes: readonly string[]): Promise<void> {
  await tx.query('SELECT id FROM services WHERE code = ANY($1::text[]) ORDER BY id FOR UPDATE', [codes]);
}

export async function insertService(tx: Tx, code: string, at: Date): Promise<number> {
  try {
    return (await one<{ id: number }>(tx, 'INSERT INTO services (code, created_at) VALUES ($1, $2) RETURNING id', [code, at])).id;
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new DomainError('SERVICE_CODE_TAKEN', { code });
    throw err;
  }
}

export interface NewVersion { serviceId: number; version: number; effectiveFrom: Date; content: ServiceContent; createdAt: Date; createdBy: number | null }

/**
 * Add a version, closing the open one at the new start. The caller holds the service's lock and has
 * checked that the new start is after the latest one's, so the chain stays contiguous.
 */
export async function insertVersion(tx: Tx, n: NewVersion): Promise<number> {
  await tx.query('UPDATE service_versions SET effective_to = $2 WHERE service_id = $1 AND effective_to IS NULL', [n.serviceId, n.effectiveFrom]);
  const c = n.content;
  try {
    return (await one<{ id: number }>(tx, `
      INSERT INTO service_versions (service_id, version, effective_from, name, group_name, description, keywords, unit_id, limits, active, created_at, created_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [n.serviceId, n.version, n.effectiveFrom, c.name, c.groupName, c.description, c.keywords, c.unitId, JSON.stringify(c.limits), c.active, n.createdAt, n.createdBy])).id;
  } catch (err) {
    // Only a writer that skipped the service lock can get here.
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new DomainError('VERSION_CONFLICT');
    throw err;
  }
}
