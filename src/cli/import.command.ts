import fs from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import type { Actor } from '../platform/auth/roles.js';
import { DomainError } from '../platform/errors.js';
import { listVersionsByCodes } from '../catalogue/service.repository.js';
import { findUnitByCode } from '../units/unit.repository.js';
import { CHANNELS, TICKET_STATUSES, type Channel, type TicketStatus } from '../tickets/ticket.js';
import { formatCsv } from '../tickets/ticket.import.csv.js';
import { parseChannel, parseImportTime, STATUS_ZH } from '../tickets/ticket.import.text.rules.js';
import { importTickets, type TicketImportReport } from '../tickets/ticket.import.service.js';
import { exportTickets, type TicketExportFilter } from '../tickets/ticket.export.service.js';
import { explain, withContext } from './shared.js';

// Enough to see what is wrong with a file; `--report` writes every rejection.
const SHOWN_REJECTIONS = 20;

function printReport(r: TicketImportReport): void {
  const s = r.byStatus;
  console.log(`${r.file}: ${r.rows} 行 rows — 新工单 ${r.imported}（已办结 ${s.closed}，已答复 ${s.replied}，办理中 ${s.assigned}；有超期记录 ${r.overdue}），`
    + `已导入过 ${r.skipped}，有误 ${r.rejectedRows} 行`);
  console.log(`  new tickets ${r.imported} (closed ${s.closed}, replied ${s.replied}, open/assigned ${s.assigned}; with an overdue clock ${r.overdue}), `
    + `already imported ${r.skipped}, rejected rows ${r.rejectedRows}`);
  if (r.ignoredColumns.length > 0) console.log(`  未读取的列 columns not read: ${r.ignoredColumns.join(', ')}`);
  for (const x of r.rejected.slice(0, SHOWN_REJECTIONS)) console.log(`  ✗ ${x.message}\n    ${x.message_en}`);
  if (r.rejected.length > SHOWN_REJECTIONS) console.log(`  … 另有 ${r.rejected.length - SHOWN_REJECTIONS} 条 / ${r.rejected.length - SHOWN_REJECTIONS} more (see --report)`);
  if (r.dryRun) console.log('Dry run: nothing written. 试运行，未写入。');
  else if (r.applied) console.log(`Imported ${r.imported} tickets. 已导入 ${r.imported} 件。`);
  else console.log('Nothing written: some rows were rejected (fix them, or use --partial to import the others). 未写入：有误的行须先改正（或用 --partial 只导入无误的行）。');
}

async function writeRejections(file: string, r: TicketImportReport): Promise<void> {
  const lines = [['行 row', '列 column', 'code', '说明', 'message'], ...r.rejected.map((x) => [String(x.row), x.column ?? '', x.code, x.message, x.message_en])];
  await fs.writeFile(file, formatCsv(lines));
}

function ticketsImport(): Command {
  return new Command('tickets')
    .description('Import historical tickets (工单编号, 受理时间, 渠道, 标题, 诉求内容, 诉求人, 联系电话, 地址, 事项编码, 承办单位编码, 状态, 答复内容, 答复时间, 办结时间, 满意度, 解决情况) 导入历史工单')
    .argument('<file>', '.xlsx, or .csv in UTF-8; the first row holds the headers')
    .option('--partial', 'import the valid rows even if others are rejected (default: all or nothing)')
    .option('--dry-run', 'check every row and report, write nothing')
    .option('--report <file.csv>', 'write every rejected row with its reason to a CSV file')
    .action(async (file: string, o: { partial?: boolean; dryRun?: boolean; report?: string }) => {
      const content = await fs.readFile(file);
      const bar = new cliProgress.SingleBar({ format: '  {bar} {value}/{total} tickets', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
      let started = false;
      const report = await withContext(async (ctx) => {
        try {
          return await importTickets(ctx, { name: path.basename(file), content }, {
            partial: o.partial ?? false, dryRun: o.dryRun ?? false,
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
      printReport(report);
      if (o.report) {
        await writeRejections(o.report, report);
        console.log(`Rejections written to ${o.report}. 有误的行已写入 ${o.report}。`);
      }
      // Rejected rows that stop the import (or would, on a dry run) fail the command; with --partial they do not.
      if (report.rejectedRows > 0 && !o.partial) process.exitCode = 1;
    });
}

function statusArgument(text: string, previous: TicketStatus[] = []): TicketStatus[] {
  const list = text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean).map((s) => {
    const status = TICKET_STATUSES.find((x) => x === s || STATUS_ZH[x] === s);
    if (!status) throw new InvalidArgumentError(`expected ${TICKET_STATUSES.join(', ')} (or 已办结, 办理中 …)`);
    return status;
  });
  return [...previous, ...list];
}

function channelArgument(text: string): Channel {
  const channel = CHANNELS.find((c) => c === text) ?? parseChannel(text);
  if (!channel) throw new InvalidArgumentError(`expected one of ${CHANNELS.join(', ')}`);
  return channel;
}

/** A Beijing date or time; a bare date given to --to means the end of that day. */
function timeArgument(endOfDay: boolean) {
  return (text: string): Date => {
    const p = parseImportTime(text);
    if (!p.ok || !p.value) throw new InvalidArgumentError('expected a Beijing date or time such as 2026-03-01 or "2026-03-01 09:00"');
    const dateOnly = !/\d[:时点]\d/.test(text);
    return endOfDay && dateOnly ? new Date(p.value.getTime() + 86_400_000) : p.value;
  };
}

// The CLI runs on the server with the database's credentials: it exports as the district, like an admin.
const DISTRICT: Actor = { userId: 0, username: 'cli', displayName: '命令行 CLI', unitId: 0, unitPath: '/', roles: ['admin'] };

function ticketsExport(): Command {
  return new Command('tickets')
    .description('Export tickets, newest first, to an xlsx file (at most 50,000) 导出工单')
    .argument('<file>', 'the .xlsx file to write')
    .option('--status <list>', 'statuses, comma-separated, repeatable: new, assigned, in_progress, arbitration, replied, closed, merged, rejected (or 已办结 …)', statusArgument)
    .option('--from <time>', 'accepted at or after (Beijing time), e.g. 2026-01-01', timeArgument(false))
    .option('--to <time>', 'accepted before (Beijing time); a bare date includes that day', timeArgument(true))
    .option('--unit <code>', 'tickets given to this unit or a unit below it')
    .option('--service <code>', 'tickets of this service (事项编码)')
    .option('--channel <channel>', `one of ${CHANNELS.join(', ')}`, channelArgument)
    .option('--overdue', 'only tickets with an overdue clock')
    .action(async (file: string, o: { status?: TicketStatus[]; from?: Date; to?: Date; unit?: string; service?: string; channel?: Channel; overdue?: boolean }) => {
      if (!file.toLowerCase().endsWith('.xlsx')) throw new InvalidArgumentError('the export is an xlsx workbook: name the file *.xlsx');
      const r = await withContext(async (ctx) => {
        try {
          const filter: TicketExportFilter = { status: o.status, from: o.from, to: o.to, channel: o.channel, overdue: o.overdue ? true : undefined };
          if (o.unit) {
            const unit = await findUnitByCode(ctx.db, o.unit);
            if (!unit) throw new DomainError('UNIT_NOT_FOUND', undefined, `没有编码为“${o.unit}”的单位`, `no unit has the code "${o.unit}"`);
            filter.unitId = unit.id;
          }
          if (o.service) {
            const versions = (await listVersionsByCodes(ctx.db, [o.service])).get(o.service);
            if (!versions?.[0]) throw new DomainError('SERVICE_NOT_FOUND', undefined, `没有编码为“${o.service}”的事项`, `no service has the code "${o.service}"`);
            filter.serviceId = versions[0].id;
          }
          return await exportTickets(ctx, DISTRICT, filter);
        } catch (err) {
          throw new Error(explain(err));
        }
      });
      await fs.writeFile(file, r.file);
      console.log(`Exported ${r.count} tickets to ${file}. 已导出 ${r.count} 件工单。`);
      if (r.truncated) {
        console.log(`⚠ More than ${r.maxRows} tickets matched: only the newest ${r.maxRows} were exported; narrow --from/--to and export in parts.`
          + ` 符合条件的工单超过 ${r.maxRows} 件，只导出了最新的 ${r.maxRows} 件，请缩小时间范围分批导出。`);
      }
    });
}

export function importCommand(): Command {
  return new Command('import').description('Import data from files 导入数据').addCommand(ticketsImport());
}

export function exportCommand(): Command {
  return new Command('export').description('Export data to files 导出数据').addCommand(ticketsExport());
}

/** `mashangban import …` and `mashangban export …`. */
export const transferCommands = (): Command[] => [importCommand(), exportCommand()];
