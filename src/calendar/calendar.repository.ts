import type { Queryable, Tx } from '../platform/database/db.js';
import { maybeOne, one, rows } from '../platform/database/db.js';
import type { DayOverride, OfficeHours, YearSchedule } from './calendar.js';

const VERSION_KEY = 'calendar.version';
const OFFICE_HOURS_KEY = 'calendar.officeHours';

/** Everything compileCalendar needs, read by one statement so that it is one consistent snapshot. */
export interface CalendarSnapshot {
  database: string;
  version: number;
  years: YearSchedule[];
  overrides: DayOverride[];
  officeHours: OfficeHours | undefined;
}

export interface YearRecord { year: number; source: YearSchedule['source']; dayCount: number; loadedAt: Date; loadedBy: number | null }
export interface OverrideRecord extends DayOverride { createdAt: Date; createdBy: number | null }

/** The committed calendar version (0 before the first change). One primary-key read. */
export async function readVersion(q: Queryable): Promise<number> {
  const r = await maybeOne<{ value: number }>(q, 'SELECT value FROM settings WHERE key = $1', [VERSION_KEY]);
  return r ? Number(r.value) : 0;
}

/** The committed version and the database it belongs to (versions of two databases may coincide). */
export async function readVersionKey(q: Queryable): Promise<{ database: string; version: number }> {
  const r = await one<{ database: string; value: number | null }>(q,
    'SELECT current_database() AS database, (SELECT value FROM settings WHERE key = $1) AS value', [VERSION_KEY]);
  return { database: r.database, version: Number(r.value ?? 0) };
}

/**
 * Every calendar write takes this lock first: writers queue on one row, so a change never reads
 * a "before" that another writer is replacing, and the lock order is the same everywhere.
 */
export async function lockVersion(tx: Tx): Promise<number> {
  await tx.query(`INSERT INTO settings (key, value) VALUES ($1, '0') ON CONFLICT (key) DO NOTHING`, [VERSION_KEY]);
  const r = await one<{ value: number }>(tx, 'SELECT value FROM settings WHERE key = $1 FOR UPDATE', [VERSION_KEY]);
  return Number(r.value);
}

/**
 * The new version, in the caller's transaction (after lockVersion). nextval runs while the row is
 * locked, so versions rise in commit order; see 0004_calendar.sql for why it is a sequence.
 */
export async function bumpVersion(tx: Tx, at: Date, by: number | null): Promise<number> {
  const r = await one<{ value: number }>(tx, `
    UPDATE settings SET value = to_jsonb(nextval('calendar_version_seq')), updated_at = $2, updated_by = $3
     WHERE key = $1 RETURNING value`, [VERSION_KEY, at, by]);
  return Number(r.value);
}

export async function readSnapshot(q: Queryable): Promise<CalendarSnapshot> {
  const r = await one<{ database: string; version: number | null; years: YearSchedule[]; overrides: DayOverride[]; office_hours: OfficeHours | null }>(q, `
    SELECT current_database() AS database,
           (SELECT value FROM settings WHERE key = $1) AS version,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('year', year, 'source', source, 'days', days) ORDER BY year), '[]')
              FROM calendar_years) AS years,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('date', to_char(date, 'YYYY-MM-DD'), 'kind', kind, 'name', name) ORDER BY date), '[]')
              FROM calendar_overrides) AS overrides,
           (SELECT value FROM settings WHERE key = $2) AS office_hours`, [VERSION_KEY, OFFICE_HOURS_KEY]);
  return { database: r.database, version: Number(r.version ?? 0), years: r.years, overrides: r.overrides, officeHours: r.office_hours ?? undefined };
}

interface YearRow { year: number; source: YearSchedule['source']; day_count: number; loaded_at: Date; loaded_by: number | null }

export async function listYears(q: Queryable): Promise<YearRecord[]> {
  const list = await rows<YearRow>(q, `
    SELECT year, source, jsonb_array_length(days) AS day_count, loaded_at, loaded_by FROM calendar_years ORDER BY year`);
  return list.map((r) => ({ year: r.year, source: r.source, dayCount: r.day_count, loadedAt: r.loaded_at, loadedBy: r.loaded_by }));
}

export async function findYear(q: Queryable, year: number): Promise<YearSchedule | undefined> {
  const r = await maybeOne<{ source: YearSchedule['source']; days: DayOverride[] }>(q,
    'SELECT source, days FROM calendar_years WHERE year = $1', [year]);
  return r && { year, source: r.source, days: r.days };
}

/** Replaces the whole year (an admin edit or import is the complete list of exceptions). */
export async function upsertYear(tx: Tx, s: YearSchedule, at: Date, by: number | null): Promise<void> {
  await tx.query(`
    INSERT INTO calendar_years (year, source, days, loaded_at, loaded_by) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, days = EXCLUDED.days,
                                     loaded_at = EXCLUDED.loaded_at, loaded_by = EXCLUDED.loaded_by`,
  [s.year, s.source, JSON.stringify(s.days), at, by]);
}

/** Seeding: never touches a year that is already there, whoever loaded it. */
export async function insertYearIfAbsent(tx: Tx, s: YearSchedule, at: Date): Promise<boolean> {
  const r = await tx.query(`
    INSERT INTO calendar_years (year, source, days, loaded_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (year) DO NOTHING`, [s.year, s.source, JSON.stringify(s.days), at]);
  return r.rowCount === 1;
}

interface OverrideRow { date: string; kind: DayOverride['kind']; name: string; created_at: Date; created_by: number | null }
const toOverride = (r: OverrideRow): OverrideRecord =>
  ({ date: r.date, kind: r.kind, name: r.name, createdAt: r.created_at, createdBy: r.created_by });

export async function listOverrides(q: Queryable): Promise<OverrideRecord[]> {
  return (await rows<OverrideRow>(q, 'SELECT * FROM calendar_overrides ORDER BY date')).map(toOverride);
}

export async function findOverride(q: Queryable, date: string): Promise<OverrideRecord | undefined> {
  const r = await maybeOne<OverrideRow>(q, 'SELECT * FROM calendar_overrides WHERE date = $1', [date]);
  return r && toOverride(r);
}

export async function upsertOverride(tx: Tx, o: DayOverride, at: Date, by: number | null): Promise<OverrideRecord> {
  return toOverride(await one<OverrideRow>(tx, `
    INSERT INTO calendar_overrides (date, kind, name, created_at, created_by) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
                                     created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by
    RETURNING *`, [o.date, o.kind, o.name, at, by]));
}

export async function deleteOverride(tx: Tx, date: string): Promise<boolean> {
  return (await tx.query('DELETE FROM calendar_overrides WHERE date = $1', [date])).rowCount === 1;
}

/** undefined: never set, the default office hours apply. */
export async function readOfficeHours(q: Queryable): Promise<OfficeHours | undefined> {
  const r = await maybeOne<{ value: OfficeHours }>(q, 'SELECT value FROM settings WHERE key = $1', [OFFICE_HOURS_KEY]);
  return r?.value;
}

export async function writeOfficeHours(tx: Tx, hours: OfficeHours, at: Date, by: number | null): Promise<void> {
  await tx.query(`
    INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
  [OFFICE_HOURS_KEY, JSON.stringify(hours), at, by]);
}
