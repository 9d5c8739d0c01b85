import { Type } from 'typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { XLSX_MIME } from '../catalogue/catalogue.xlsx.js';
import { TicketListQuery } from './ticket.schema.js';
import { EXPORT_MAX_ROWS, exportTickets } from './ticket.export.service.js';

/** The list's query without its paging: the export takes every matching ticket. */
export const TicketExportQuery = Type.Omit(TicketListQuery, ['cursor', 'limit']);

/**
 * Tickets in and out as spreadsheets. `/tickets/export.xlsx` and `/tickets/:id` live side by side: the
 * router tries a static segment before a parameter, so this path never reaches the integer id's validation.
 */
export function ticketTransferRoutes(app: App, ctx: AppContext): void {
  app.get('/tickets/export.xlsx', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['tickets'],
      summary: '导出工单（xlsx）Export tickets as xlsx',
      description: `筛选条件与可见范围同工单列表；按受理时间倒序，最多 ${EXPORT_MAX_ROWS} 行，超出时响应头 X-Export-Truncated 为 true，文件“说明”页亦注明。`
        + ` Same filters and visibility as the list; newest first, at most ${EXPORT_MAX_ROWS} rows (X-Export-Truncated: true when more matched).`,
      querystring: TicketExportQuery,
      produces: [XLSX_MIME],
      response: { 200: { description: 'xlsx', content: { [XLSX_MIME]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } } } },
    },
  }, async (req, reply) => {
    const { from, to, ...rest } = req.query;
    const r = await exportTickets(ctx, req.actor!, { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
    const date = new Date(ctx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    void reply.header('content-type', XLSX_MIME)
      .header('content-disposition', `attachment; filename="tickets-${date}.xlsx"; filename*=UTF-8''${encodeURIComponent(`工单-${date}.xlsx`)}`)
      .header('x-export-rows', String(r.count))
      .header('x-export-truncated', String(r.truncated));
    return reply.send(r.file);
  });
}
