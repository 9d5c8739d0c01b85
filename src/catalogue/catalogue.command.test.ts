import { runCli } from '../../test/cli.js';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { catalogueCommand } from '../cli/catalogue.command.js';
import { createService } from './service.service.js';
import { findServiceAt } from './service.repository.js';

/** `mashangban catalogue …` against this file's database, with what it prints. */
async function run(url: string, ...args: string[]): Promise<string> {
  return runCli(catalogueCommand(), args, url);
}

describe('mashangban catalogue import | export', () => {
  const t = useTestApp();
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'msb-catalogue-'));
    const unit = await t.unit('CGJ', 'department', null, '城管局');
    await createService(t.ctx, null, { code: 'CG-001', name: '噪音扰民', groupName: '城市管理', unitId: unit.id, limits: { resolve: { amount: 5, unit: 'working_days' } } });
  });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('explains itself with --help', () => {
    const command = catalogueCommand();
    expect(command.helpInformation()).toMatch(/import[\s\S]*export/);
    const help = (name: string) => command.commands.find((c) => c.name() === name)!.helpInformation();
    expect(help('import')).toContain('--partial');
    expect(help('export')).toContain('<file>');
  });

  it('exports, and imports an edited file as a new version; with rejected rows nothing is written', async () => {
    const file = path.join(dir, 'catalogue.xlsx');
    expect(await run(t.database.url, 'export', file)).toContain('Exported 1 services');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    sheet.getRow(2).getCell(9).value = '3工作日';
    await wb.xlsx.writeFile(file);
    const imported = await run(t.database.url, 'import', file);
    expect(imported).toContain('created 0, updated 1, unchanged 0, rejected rows 0');
    // The CLI runs on the system clock, so the new version starts at the real now.
    expect(await findServiceAt(t.ctx.db, 'CG-001', new Date())).toMatchObject({ version: 2, limits: { resolve: { amount: 3, unit: 'working_days' } } });

    sheet.addRow(['CG-002', '坏行', '城市管理', '', '', 'NOPE']);
    await wb.xlsx.writeFile(file);
    const refused = await run(t.database.url, 'import', file);
    expect(refused).toContain('Nothing written');
    expect(refused).toContain('第 3 行「责任单位编码」：没有编码为“NOPE”的单位');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
});
