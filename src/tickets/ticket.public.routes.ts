import { Type } from 'typebox';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { DateTime, Nullable } from '../platform/http/schemas.js';
import { listCatalogue } from '../catalogue/service.repository.js';
import { intake } from './ticket.intake.service.js';
import { byLabel } from './ticket.persist.js';
import { rateTicket } from './ticket.service.js';
import { findForRequester, publicView } from './ticket.public.js';
import { MoveBodies, PublicIntakeBody, StatusSchema } from './ticket.schema.js';
import { idempotencyKey } from './ticket.routes.js';
import { PHOTO_MAX_BYTES, PHOTO_TYPES, addPublicPhoto, readPublicPhoto } from './ticket.photos.js';
import { errorBody } from '../platform/errors.js';
import { handleError } from '../platform/http/errors.http.js';

const CodeParams = Type.Object({ trackingCode: Type.String({ pattern: '^[A-Za-z0-9-]{6,40}$' }) });
const Phone4 = Type.String({ pattern: '^[0-9]{4}$', description: '手机号后四位' });

const PublicTicket = Type.Object({
  trackingCode: Type.String(), title: Type.String(), status: StatusSchema, acceptedAt: DateTime,
  serviceName: Nullable(Type.String()), leadUnitName: Nullable(Type.String()), replyText: Nullable(Type.String()), repliedAt: Nullable(DateTime),
  ratingResolved: Nullable(Type.String()), ratingSatisfaction: Nullable(Type.String()), ratedAt: Nullable(DateTime), closedAt: Nullable(DateTime),
  publicReason: Nullable(Type.String()), canRate: Type.Boolean(),
  photos: Type.Array(Type.Object({ id: Type.Integer(), filename: Type.String() })),
  events: Type.Array(Type.Object({ at: DateTime, action: Type.String(), label: Type.String(), unitName: Nullable(Type.String()), detail: Nullable(Type.String()) })),
});

/** A too-large photo is told the photo limit, not the JSON body's 1 MiB. */
function photoErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    void reply.status(413).send(errorBody('PHOTO_TOO_LARGE'));
    return;
  }
  handleError(err, req, reply);
}

/** No sign-in: the public portal and anyone's phone. Rate-limited per address. */
export async function publicTicketRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(rateLimit, { global: false });
    const pub = scope.withTypeProvider<TypeBoxTypeProvider>();

    pub.post('/public/tickets', {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: '群众提交诉求 Submit a request (public)', body: PublicIntakeBody, response: { 201: Type.Object({ trackingCode: Type.String() }), 200: Type.Object({ trackingCode: Type.String() }) } },
    }, async (req, reply) => {
      const r = await intake(ctx, byLabel('public'), { ...req.body, channel: 'web' }, idempotencyKey(req.headers['idempotency-key']));
      void reply.status(r.created ? 201 : 200);
      return { trackingCode: r.ticket.trackingCode };
    });

    pub.get('/public/tickets/:trackingCode', {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: '凭查询码和手机号后四位查看进度 Follow a request', params: CodeParams, querystring: Type.Object({ phone4: Phone4 }), response: { 200: PublicTicket } },
    }, async (req) => publicView(ctx.db, await findForRequester(ctx.db, req.params.trackingCode, req.query.phone4)));

    pub.post('/public/tickets/:trackingCode/rating', {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'], summary: '评价答复 Rate the reply', params: CodeParams,
        body: Type.Object({ ...MoveBodies.rate.properties, phone4: Phone4 }, { additionalProperties: false }), response: { 200: PublicTicket },
      },
    }, async (req) => {
      const t = await findForRequester(ctx.db, req.params.trackingCode, req.body.phone4);
      await rateTicket(ctx, byLabel('public'), t.id, req.body);
      return publicView(ctx.db, await findForRequester(ctx.db, req.params.trackingCode, req.body.phone4));
    });

    // In a scope of its own, so that no other route accepts a 5 MiB image body. The bytes travel as a
    // latin1 string (lossless) so the schema can say `format: binary`, as the catalogue import does.
    await pub.register(async (photoScope) => {
      const photos = photoScope.withTypeProvider<TypeBoxTypeProvider>();
      photos.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_req, body, done) => done(null, (body as Buffer).toString('latin1')));

      photos.post('/public/tickets/:trackingCode/photos', {
        config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
        errorHandler: photoErrors,
        schema: {
          tags: ['public'], summary: '补充照片（JPEG/PNG/WebP，单张 5 MiB 以内，最多 9 张）Add a photo to a request',
          consumes: [...PHOTO_TYPES], params: CodeParams, querystring: Type.Object({ phone4: Phone4 }),
          body: Type.String({ format: 'binary', description: '图片内容 The image' }),
          response: { 201: Type.Object({ id: Type.Integer(), filename: Type.String() }) },
        },
      }, async (req, reply) => {
        const t = await findForRequester(ctx.db, req.params.trackingCode, req.query.phone4);
        const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
        const added = await addPublicPhoto(ctx, t, type, Buffer.from(req.body, 'latin1'));
        void reply.status(201);
        return added;
      });
    });

    pub.get('/public/tickets/:trackingCode/photos/:photoId', {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'], summary: '查看本人提交的照片 A photo the requester sent', produces: [...PHOTO_TYPES],
        params: Type.Object({ ...CodeParams.properties, photoId: Type.Integer({ minimum: 1 }) }), querystring: Type.Object({ phone4: Phone4 }),
      },
    }, async (req, reply) => {
      const t = await findForRequester(ctx.db, req.params.trackingCode, req.query.phone4);
      const photo = await readPublicPhoto(ctx.db, t.id, req.params.photoId);
      void reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=3600');
      return reply.send(photo.data);
    });

    pub.get('/public/services', {
      config: { access: 'public' },
      schema: {
        tags: ['public'], summary: '可选事项（公开）The services the public can pick',
        response: { 200: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), groupName: Type.String(), description: Type.String() })) },
      },
    }, async () => (await listCatalogue(ctx.db, { at: ctx.clock.now() })).filter((s) => s.active)
      .map((s) => ({ id: s.id, code: s.code, name: s.name, groupName: s.groupName, description: s.description })));
  });
}
