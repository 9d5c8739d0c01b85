import { describe, expect, it } from 'vitest';
import { loadOrder } from './backup.catalog.js';
import { classify, copyStatement, guard, preamble, readHeaderLine, setvalLine, tableSection, type BackupHeader } from './backup.format.js';

const table = (ident: string, ...references: string[]) => ({ ident, references });

describe('load order of tables', () => {
  it('puts schema_migrations first and every referenced table before the tables that reference it', () => {
    const order = loadOrder([table('tickets', 'units', 'services'), table('units'), table('services'), table('schema_migrations'), table('assignments', 'units')]);
    expect(order.map((t) => t.ident)).toEqual(['schema_migrations', 'services', 'units', 'assignments', 'tickets']);
  });

  it('ignores a table referencing itself (one COPY is one statement: its keys are checked at the end) and refuses a cycle between tables', () => {
    expect(loadOrder([table('units')]).map((t) => t.ident)).toEqual(['units']);
    expect(() => loadOrder([table('a', 'b'), table('b', 'a'), table('c')])).toThrow(/cycle: a, b/);
  });
});

describe('backup text', () => {
  const header: BackupHeader = { migrationVersion: 4, createdAt: new Date('2026-03-02T01:00:00Z'), serverVersion: '18.4' };

  it('reads back the header it writes', () => {
    const found: Partial<BackupHeader> & { marked?: boolean } = {};
    for (const line of preamble(header).split('\n')) readHeaderLine(line, found);
    expect(found).toEqual({ ...header, marked: true });
  });

  it('knows every line it writes outside COPY data', () => {
    const tables = [{ ident: 'schema_migrations', columns: ['version', 'name'] }, { ident: 'units', columns: ['id', '"order"'] }];
    const text = [preamble(header), tables.map(tableSection).join(''), setvalLine('units_id_seq', '42', true)].join('');
    const kinds = text.split('\n').map((line) => classify(line)?.kind);
    expect(kinds).not.toContain(undefined);
    expect(kinds.filter((k) => k === 'set')).toHaveLength(10);
    expect(classify('COPY public.units (id, "order") FROM stdin;')).toEqual({ kind: 'copy', table: 'units', sql: 'COPY public.units (id, "order") FROM stdin' });
    expect(copyStatement(tables[1]!)).toBe('COPY public.units (id, "order") FROM stdin');
    expect(classify(setvalLine('units_id_seq', '42', true).trim())).toEqual({ kind: 'setval', sequence: 'public.units_id_seq', value: '42', isCalled: true });
    expect(classify(setvalLine('"it\'s"', '1', false).trim())).toMatchObject({ sequence: 'public."it\'s"' });
    expect(guard(4, tables).split('\n')[0]).toBe('DO $guard$');
  });

  it('refuses anything else, so that no text of a file is run as SQL', () => {
    for (const line of [
      'DROP TABLE units;',
      'COPY public.units (id) FROM stdin; DROP TABLE units;',
      "COPY public.units (id) FROM PROGRAM 'rm -rf /';",
      "SELECT pg_catalog.setval('public.x', 1, true); DROP TABLE units;",
      "SET role = 'postgres';",
      '\\! rm -rf /',
    ]) expect(classify(line), line).toBeUndefined();
  });
});
