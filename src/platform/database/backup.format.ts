/**
 * The text of a backup: pg_dump's plain format, data only, written and read line by line. Pure.
 *
 * A backup is a SQL script that psql can run, and that `mashangban restore` reads back without
 * running any text of it as SQL: every line is one of the few shapes below, checked on reading.
 *
 *   header comments   -- Schema migration version: 4 (and the rest of BackupHeader)
 *   \set ON_ERROR_STOP on, SET …;, BEGIN;   for psql; the restorer sets up its own transaction
 *   DO $guard$ … $guard$;                   for psql: refuses a database at another schema version
 *                                           or holding data (the restorer checks the same itself)
 *   per table         DELETE FROM public.schema_migrations; (that table only: the backup's rows,
 *                     with their applied_at history, replace the freshly migrated ones)
 *                     COPY public.x (a, b) FROM stdin;  rows in COPY text format  \.
 *   per sequence      SELECT pg_catalog.setval('public.x_id_seq', 42, true);
 *   COMMIT;  -- PostgreSQL database dump complete   (a file without it was cut short and is refused)
 */

/** Identifiers as the server's quote_ident writes them: plain lower-case words, or double-quoted. */
const IDENT = String.raw`(?:[a-z_][a-z0-9_$]*|"(?:[^"]|"")+")`;

export interface BackupHeader {
  /** The highest migration applied to the database the backup was taken from. */
  migrationVersion: number;
  createdAt: Date;
  serverVersion: string;
}

export interface DumpTable {
  /** The table name as quote_ident writes it, e.g. units. */
  ident: string;
  /** Columns as quote_ident writes them, in the table's order (generated columns left out). */
  columns: string[];
}

export type BackupErrorCode = 'BACKUP_INVALID' | 'BACKUP_TOO_NEW' | 'BACKUP_SCHEMA_MISMATCH' | 'DATABASE_NOT_EMPTY' | 'DATABASE_IN_USE';

/** A refusal of backup or restore, for a person at a terminal: Chinese and English in the message. */
export class BackupError extends Error {
  constructor(readonly code: BackupErrorCode, zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'BackupError';
  }
}

const MARK = '-- Mashangban (马上办) backup';
export const END_MARK = '-- PostgreSQL database dump complete';
const FIELDS = { version: 'Schema migration version', created: 'Created at', server: 'Server version' } as const;

/** The opening of the file, up to the BEGIN of its one transaction. */
export function preamble(h: BackupHeader): string {
  return [
    '--', '-- PostgreSQL database dump', '--', MARK,
    `-- ${FIELDS.version}: ${h.migrationVersion}`,
    `-- ${FIELDS.created}: ${h.createdAt.toISOString()}`,
    `-- ${FIELDS.server}: ${h.serverVersion}`,
    '--',
    '-- Data only, in pg_dump\'s plain format. Restore with `mashangban restore FILE`, or by hand into an',
    `-- empty database migrated to schema version ${h.migrationVersion}: psql -f FILE "postgres://…"`,
    '-- (one transaction: all of it is restored, or nothing).',
    '--', '',
    '\\set ON_ERROR_STOP on', '',
    ...SETTINGS, '',
    'BEGIN;', '', '',
  ].join('\n');
}

// As pg_dump writes them (less transaction_timeout, which PostgreSQL 15 and 16 do not know).
const SETTINGS = [
  'SET statement_timeout = 0;',
  'SET lock_timeout = 0;',
  'SET idle_in_transaction_session_timeout = 0;',
  "SET client_encoding = 'UTF8';",
  'SET standard_conforming_strings = on;',
  "SELECT pg_catalog.set_config('search_path', '', false);",
  'SET check_function_bodies = false;',
  'SET xmloption = content;',
  'SET client_min_messages = warning;',
  'SET row_security = off;',
];

/** For psql, which has no other way to know: the same refusals `mashangban restore` makes. */
export function guard(version: number, tables: readonly DumpTable[]): string {
  const others = tables.filter((t) => t.ident !== 'schema_migrations');
  const anyRows = others.map((t) => `EXISTS (SELECT FROM public.${t.ident})`).join('\n     OR ');
  return [
    'DO $guard$',
    'BEGIN',
    `  IF (SELECT max(version) FROM public.schema_migrations) IS DISTINCT FROM ${version} THEN`,
    `    RAISE EXCEPTION 'This backup needs a database migrated to schema version ${version}; restore it with mashangban restore, which migrates the database to that version first';`,
    '  END IF;',
    `  IF ${anyRows || 'false'} THEN`,
    "    RAISE EXCEPTION 'The database already holds data: restore into an empty, freshly migrated database (or use mashangban restore --force)';",
    '  END IF;',
    'END',
    '$guard$;', '', '',
  ].join('\n');
}

export function tableSection(t: DumpTable): string {
  return [
    '--', `-- Data for Name: ${t.ident}; Type: TABLE DATA; Schema: public`, '--', '',
    ...(t.ident === 'schema_migrations' ? [CLEAR_MIGRATIONS] : []),
    copyStatement(t) + ';', '',
  ].join('\n');
}

export const copyStatement = (t: DumpTable) => `COPY public.${t.ident} (${t.columns.join(', ')}) FROM stdin`;
export const COPY_END = '\\.';
const CLEAR_MIGRATIONS = 'DELETE FROM public.schema_migrations;';

export function setvalLine(sequenceIdent: string, lastValue: string, isCalled: boolean): string {
  const name = `public.${sequenceIdent}`.replace(/'/g, "''");
  return `SELECT pg_catalog.setval('${name}', ${lastValue}, ${isCalled});\n`;
}

export const sequencesSection = '\n--\n-- Sequences: where identity columns and named sequences continue\n--\n\n';
export const closing = `\nCOMMIT;\n\n--\n${END_MARK}\n--\n\n`;

/** Collects the header's fields from one of its comment lines (the caller checks that all were found). */
export function readHeaderLine(line: string, into: Partial<BackupHeader> & { marked?: boolean }): void {
  if (line === MARK) into.marked = true;
  const m = /^-- ([A-Za-z ]+): (.+)$/.exec(line);
  if (!m) return;
  if (m[1] === FIELDS.version && /^\d{1,6}$/.test(m[2]!)) into.migrationVersion = Number(m[2]);
  if (m[1] === FIELDS.created) into.createdAt = new Date(m[2]!);
  if (m[1] === FIELDS.server) into.serverVersion = m[2]!;
}

export type Line =
  | { kind: 'skip' }
  | { kind: 'end' }
  | { kind: 'guard' }
  | { kind: 'set'; sql: string }
  | { kind: 'clear_migrations'; sql: string }
  | { kind: 'copy'; table: string; sql: string }
  | { kind: 'setval'; sequence: string; value: string; isCalled: boolean };

const COPY_LINE = new RegExp(String.raw`^COPY public\.(${IDENT}) \((${IDENT}(?:, ${IDENT})*)\) FROM stdin;$`);
const SETVAL_LINE = new RegExp(String.raw`^SELECT pg_catalog\.setval\('(public\.(?:[^']|'')+)', (\d+), (true|false)\);$`);

/** What a line outside COPY data is; undefined for anything a backup never contains. */
export function classify(line: string): Line | undefined {
  if (line === '' || line === '--' || (line.startsWith('-- ') && line !== END_MARK)) return { kind: 'skip' };
  if (line === END_MARK) return { kind: 'end' };
  // psql's own commands (\set, and pg_dump 17.6+'s \restrict) and the transaction psql runs in.
  if (/^\\(set|restrict|unrestrict) /.test(line) || line === 'BEGIN;' || line === 'COMMIT;') return { kind: 'skip' };
  if (line === 'DO $guard$') return { kind: 'guard' };
  if (SETTINGS.includes(line)) return { kind: 'set', sql: line };
  if (line === CLEAR_MIGRATIONS) return { kind: 'clear_migrations', sql: line };
  const copy = COPY_LINE.exec(line);
  if (copy) return { kind: 'copy', table: copy[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'), sql: line.slice(0, -1) };
  const setval = SETVAL_LINE.exec(line);
  if (setval) return { kind: 'setval', sequence: setval[1]!.replace(/''/g, "'"), value: setval[2]!, isCalled: setval[3] === 'true' };
  return undefined;
}

export const GUARD_END = '$guard$;';
