import { Type } from 'typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { DomainError, errorBody } from '../platform/errors.js';
import { handleError } from '../platform/http/errors.http.js';
import { ImportQuery, ImportReply } from './service.schema.js';
import { exportCatalogue, importCatalogue } from './catalogue.service.js';
import { XLSX_MIME } from './catalogue.xlsx.js';
import { serviceRoutes } from './service.routes.js';

// A catalogue of a few thousand services is well under 1 MiB zipped; 5 MiB leaves room for formatting.
const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

/** The one place a too-large spreadsheet is told its own limit, not the JSON body's 1 MiB. */
function importErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    void reply.status(413).send(errorBody('CATALOGUE_FILE_TOO_LARGE'));
    return;
  }
  handleError(err, req, reply);
}

/** The catalogue feature's routes: the services and their versions, and the spreadsheet in and out. */
export async function catalogueRoutes(app: App, ctx: AppContext): Promise<void> {
  serviceRoutes(app, ctx);
  // In a scope of its own, so that no other route accepts a 5 MiB spreadsheet body.
  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    // The bytes travel as a latin1 string (one char per byte, lossless) so the body schema can say what
    // OpenAPI clients expect of a file, `type: string, format: binary`, and still validate.
    api.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES }, (_req, body, done) => done(null, (body as Buffer).toString('latin1')));

    api.get('/catalogue/export.xlsx', {
      config: { access: ['admin'] },
      schema: {
        tags: ['catalogue'], summary: '导出事项清单（xlsx，当前生效版本）Export the catalogue in force as xlsx',
        produces: [XLSX_MIME],
        response: { 200: { description: 'xlsx', content: { [XLSX_MIME]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } } } },
      },
    }, async (_req, reply) => {
      const { file } = await exportCatalogue(ctx);
      const date = ctx.clock.now().toISOString().slice(0, 10);
      void reply.header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename="catalogue-${date}.xlsx"; filename*=UTF-8''${encodeURIComponent(`事项清单-${date}.xlsx`)}`);
      return reply.send(file);
    });

    api.post('/catalogue/import', {
      config: { access: ['admin'] },
      errorHandler: importErrors,
      schema: {
        tags: ['catalogue'],
        summary: '导入事项清单（xlsx；默认任一行有误则全部不写入）Import the catalogue from xlsx (all or nothing unless partial)',
        consumes: [XLSX_MIME],
        body: Type.String({ format: 'binary', description: 'xlsx 文件内容 The xlsx file' }),
        querystring: ImportQuery,
        response: { 200: ImportReply },
      },
      // JSON or text would pass through the other parsers: only the spreadsheet itself is accepted.
      preValidation: async (req) => {
        if (req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== XLSX_MIME) {
          throw new DomainError('UNSUPPORTED_MEDIA_TYPE', undefined, `请以 ${XLSX_MIME} 上传 xlsx 文件`, `send the xlsx file as ${XLSX_MIME}`);
        }
      },
    }, async (req) => importCatalogue(ctx, req.actor, Buffer.from(req.body, 'latin1'), { partial: req.query.partial ?? false }));
  });
}
