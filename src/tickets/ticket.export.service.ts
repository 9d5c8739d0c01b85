/** Export of filtered tickets to xlsx: the list's filters and visibility, every matching ticket up to a cap. */
import { withTransaction } from '../platform/database/db.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { formatShanghai } from '../catalogue/service.rules.js';
import { listTickets, type TicketFilter } from './ticket.query.js';
import { exportDetails } from './ticket.export.repository.js';
import { ticketWorkbook } from './ticket.export.xlsx.js';
import { CHANNEL_ZH, STATUS_ZH } from './ticket.import.text.rules.js';

// Past ~50,000 rows a sheet is slow to open and to send; a bigger range is exported in parts (e.g. by month).
export const EXPORT_MAX_ROWS = 50_000;
// The list's own largest page: each page is one list query and one detail query.
const PAGE = 200;

/** The list's filters (ticket.query.ts), without its paging. */
export type TicketExportFilter = Omit<TicketFilter, 'cursor' | 'limit'>;

export interface TicketExport { file: Buffer; count: number; truncated: boolean; maxRows: number }

function describe(f: TicketExportFilter): string {
  const parts = [
    f.status?.length ? `状态 ${f.status.map((s) => STATUS_ZH[s]).join('、')}` : '',
    f.unitId ? `单位 #${f.unitId}` : '', f.serviceId ? `事项 #${f.serviceId}` : '', f.channel ? `渠道 ${CHANNEL_ZH[f.channel]}` : '',
    f.overdue === undefined ? '' : f.overdue ? '超期' : '未超期', f.supervised === undefined ? '' : f.supervised ? '督办' : '未督办',
    f.q ? `关键词“${f.q}”` : '', f.from ? `受理时间自 ${formatShanghai(f.from)}` : '', f.to ? `受理时间早于 ${formatShanghai(f.to)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '（无，全部可见工单）';
}

/**
 * Every ticket the actor may see that matches the filter, newest first, through `listTickets` itself so
 * that the export can never show what the list would not. All pages are read in one snapshot: a ticket
 * moving during the export is neither missed nor listed twice.
 */
export async function exportTickets(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, filter: TicketExportFilter, options: { maxRows?: number } = {}): Promise<TicketExport> {
  const now = ctx.clock.now();
  const maxRows = options.maxRows ?? EXPORT_MAX_ROWS;
  return withTransaction(ctx.db, async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const book = ticketWorkbook();
    let count = 0;
    let truncated = false;
    let cursor: string | undefined;
    for (;;) {
      const page = await listTickets(tx, actor, { ...filter, cursor, limit: PAGE });
      const take = page.items.slice(0, maxRows - count);
      const details = await exportDetails(tx, take.map((t) => t.id));
      for (const item of take) book.add({ ...item, ...details.get(item.id)! });
      count += take.length;
      if (take.length < page.items.length || (count >= maxRows && page.nextCursor)) { truncated = true; break; }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const file = await book.finish([
      ['导出时间', `${formatShanghai(now)}（北京时间；表中时间均为北京时间）`],
      ['筛选条件', describe(filter)],
      ['行数', String(count)],
      ...(truncated ? [['注意', `符合条件的工单超过 ${maxRows} 行，只导出了最新的 ${maxRows} 行；请缩小受理时间范围分批导出。More than ${maxRows} tickets matched; only the newest ${maxRows} were exported.`] as const] : []),
    ]);
    return { file, count, truncated, maxRows };
  });
}
