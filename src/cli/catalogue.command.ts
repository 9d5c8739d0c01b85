import fs from 'node:fs/promises';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { exportCatalogue, importCatalogue, type ImportReport } from '../catalogue/catalogue.service.js';
import { explain, withContext } from './shared.js';

function printReport(file: string, r: ImportReport): void {
  for (const rejected of r.rejected) console.log(`  ✗ ${rejected.message}\n    ${rejected.message_en}`);
  const counts = `新增 ${r.created}，新版本 ${r.updated}，未变 ${r.unchanged}，有误 ${new Set(r.rejected.map((x) => x.row)).size} 行`
    + ` (created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, rejected rows ${new Set(r.rejected.map((x) => x.row)).size})`;
  if (r.applied) console.log(`Imported ${file}: ${counts}`);
  else console.log(`Nothing written: some rows were rejected (use --partial to write the others). 未写入：${counts}`);
}

export function catalogueCommand(): Command {
  const catalogue = new Command('catalogue').description('Import or export the service catalogue (xlsx) 事项清单导入导出');

  catalogue.command('import')
    .description('Import the catalogue from an xlsx file: new codes become services, changed rows new versions 导入事项清单')
    .argument('<file>', 'the .xlsx file (the format `catalogue export` writes)')
    .option('--partial', 'write the valid rows even if others are rejected (default: all or nothing)')
    .action(async (file: string, o: { partial?: boolean }) => {
      const content = await fs.readFile(file);
      const bar = new cliProgress.SingleBar({ format: '  {bar} {value}/{total} rows', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
      let started = false;
      const report = await withContext(async (ctx) => {
        try {
          return await importCatalogue(ctx, null, content, {
            partial: o.partial ?? false,
            onProgress: (done, total) => {
              if (!started) { bar.start(total, 0); started = true; }
              bar.update(done);
            },
          });
        } catch (err) {
          throw new Error(explain(err));
        } finally {
          if (started) bar.stop();
        }
      });
      printReport(file, report);
      if (!report.applied || report.rejected.length > 0) process.exitCode = 1;
    });

  catalogue.command('export')
    .description('Export the catalogue in force now to an xlsx file, one row per service 导出事项清单')
    .argument('<file>', 'the .xlsx file to write')
    .action(async (file: string) => {
      const { file: content, count } = await withContext((ctx) => exportCatalogue(ctx));
      await fs.writeFile(file, content);
      console.log(`Exported ${count} services to ${file}. 已导出 ${count} 个事项。`);
    });

  return catalogue;
}
