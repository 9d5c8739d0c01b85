import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Access, App, AppContext, RoutesPlugin } from './platform/http/context.js';
import { handleError } from './platform/http/errors.http.js';
import { errorBody } from './platform/errors.js';
import { authenticate } from './auth/auth.hook.js';
import { authRoutes } from './auth/auth.routes.js';
import { FEATURE_ROUTES } from './routes.js';
import { open311KeyRoutes } from './open311/open311.keys.routes.js';
import { open311Routes } from './open311/open311.routes.js';
import { webRoutes } from './web.js';
import { EventBus } from './events/event.bus.js';
import { eventRoutes } from './events/event.routes.js';

export interface RouteAccess { method: string; url: string; access: Access | undefined }
export interface BuildOptions {
  logger?: boolean | { level: string };
  /** Told of every route as it is added, with who may call it (the authorisation test reads this). */
  onRoute?: (route: RouteAccess) => void;
}

/** The whole HTTP surface: `/api/health`, `/api/v1/*`, the OpenAPI document and its browser. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('actor', null);
  const bus = new EventBus(ctx.db);
  app.addHook('onClose', async () => bus.close());
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_req, reply) => { void reply.status(404).send(errorBody('NOT_FOUND')); });
  app.addSchema(Type.Object({
    code: Type.String(), message: Type.String(), message_en: Type.String(), details: Type.Optional(Type.Unknown()),
  }, { $id: 'ErrorReply' }));

  // Every API route must say who may call it; forgetting is a start-up failure, not an open door.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && route.config?.access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no access`);
    }
    for (const method of [route.method].flat()) options.onRoute?.({ method, url: route.url, access: route.config?.access });
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Mashangban 马上办 API', version: '1', description: '诉求办理、项目全流程与督查考核平台的公开接口。Errors: { code, message (zh), message_en }.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'msb_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: '健康检查 Health', response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('bundled'), Type.Literal('external')]) }) } },
  }, async () => {
    await ctx.db.query('SELECT 1');
    return { status: 'ok' as const, database: ctx.databaseKind };
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    const typed = api.withTypeProvider<TypeBoxTypeProvider>();
    typed.addHook('onRequest', authenticate(ctx));
    const features: RoutesPlugin[] = [authRoutes, ...FEATURE_ROUTES, eventRoutes(bus), open311KeyRoutes];
    for (const routes of features) await routes(typed, ctx);
  }, { prefix: '/api/v1' });

  // Open311 GeoReport v2 keeps the spec's own paths and error format, outside /api/v1.
  await app.register(open311Routes(ctx), { prefix: '/open311/v2' });

  await webRoutes(app);
  return app;
}
