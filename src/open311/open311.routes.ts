/**
 * Open311 GeoReport v2, mounted at /open311/v2 outside /api/v1: the spec's paths, parameters and
 * formats, not our API's conventions. Everything is public but POST requests, which needs an api_key.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/http/context.js';
import { idempotencyKey } from '../tickets/ticket.routes.js';
import { OPEN311_FORMATS } from './open311.js';
import { discovery } from './open311.discovery.js';
import { splitFormat } from './open311.params.rules.js';
import { send, sendError } from './open311.reply.js';
import { getRequest, listRequests, listServices, resolveToken, serviceDefinition, submitRequest } from './open311.service.js';
import { DomainError } from '../platform/errors.js';

type Params = Record<string, unknown>;

const isParams = (v: unknown): v is Params => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Form fields, first value of each name; fromEntries defines own properties, so "__proto__" is just a name. */
export function readForm(body: string): Params {
  const seen = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(body)) if (!seen.has(k)) seen.set(k, v);
  return Object.fromEntries(seen);
}

/** Query string and body together: the spec's swagger sends POST fields in the query, clients in a form. */
const paramsOf = (req: FastifyRequest): Params => ({ ...(isParams(req.query) ? req.query : {}), ...(isParams(req.body) ? req.body : {}) });

/** The discovery URL without its own file name, as the proxy in front of us was asked for it. */
const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}${(req.url.split('?')[0] ?? '').replace(/\/discovery\.[a-z]+$/i, '')}`;

const fileParam = (req: FastifyRequest) => splitFormat((req.params as { file: string }).file);

export function open311Routes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    // Fastify parses JSON only; GeoReport clients send forms.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, readForm(String(body))));
    app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
    // Our own catch-all: the web app's fallback route would otherwise answer unknown paths here in its format.
    const notFound = (req: FastifyRequest) => (/\.(?!(json|xml)$)[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '')
      ? new DomainError('OPEN311_FORMAT_UNSUPPORTED') : new DomainError('NOT_FOUND'));
    app.setNotFoundHandler((req, reply) => sendError(req, reply, notFound(req)));
    app.all('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req) => { throw notFound(req); });
    // Public data for any web page that shows it; no cookies are involved, so any origin may read.
    app.addHook('onSend', async (req, reply, payload) => {
      if (req.method === 'GET') void reply.header('access-control-allow-origin', '*');
      return payload;
    });

    // Left out of our OpenAPI document: the GeoReport v2 spec and the discovery document describe this surface,
    // and its XML answers and error arrays are not our API's conventions.
    const doc = (summary: string) => ({ config: { access: 'public' as const }, schema: { tags: ['open311'], summary, hide: true } });

    for (const format of OPEN311_FORMATS) {
      app.get(`/discovery.${format}`, doc('Open311 服务发现 Service discovery'),
        async (req, reply) => send(reply, format, 'discovery', discovery(baseUrl(req))));

      app.get(`/services.${format}`, doc('Open311 事项列表 GET services'),
        async (_req, reply) => send(reply, format, 'services', await listServices(ctx)));

      app.get(`/requests.${format}`, doc('Open311 诉求查询 GET requests (service_request_id, service_code, start_date, end_date, status, extensions)'),
        async (req, reply) => send(reply, format, 'service_requests', await listRequests(ctx, paramsOf(req))));

      app.post(`/requests.${format}`, doc('Open311 提交诉求（需 api_key）POST a request'), async (req, reply) => {
        const receipt = await submitRequest(ctx, paramsOf(req), idempotencyKey(req.headers['idempotency-key']));
        return send(reply, format, 'service_requests', [receipt]);
      });
    }

    app.get('/services/:file', doc('Open311 事项定义 GET a service definition, e.g. services/WATER-01.json'), async (req, reply) => {
      const { id, format } = fileParam(req);
      return send(reply, format, 'service_definition', await serviceDefinition(ctx, id));
    });

    app.get('/requests/:file', doc('Open311 单个诉求 GET a request, e.g. requests/MSB20260302-000001.json'), async (req, reply) => {
      const { id, format } = fileParam(req);
      return send(reply, format, 'service_requests', [await getRequest(ctx, id, paramsOf(req))]);
    });

    app.get('/tokens/:file', doc('Open311 凭 token 查询诉求编号 GET the request id for a token'), async (req, reply) => {
      const { id, format } = fileParam(req);
      return send(reply, format, 'service_requests', [await resolveToken(ctx, id)]);
    });
  };
}
