/** Answers in the format the URL names, and errors as the spec's arrays of { code, description }. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, errorBody, ERRORS, type ErrorCode } from '../platform/errors.js';
import { CONTENT_TYPES, type Open311Error, type Open311Format } from './open311.js';
import { formatOfUrl, isProblemList } from './open311.params.rules.js';
import { toXml } from './open311.xml.js';

export function send(reply: FastifyReply, format: Open311Format, root: string, value: unknown, status = 200): string {
  void reply.status(status).type(CONTENT_TYPES[format]);
  return format === 'xml' ? toXml(root, value) : JSON.stringify(value);
}

// Both languages in one description: integrators read English, the district's staff Chinese.
function describe(code: ErrorCode, en?: string, zh?: string): string {
  const body = errorBody(code, undefined, zh, en);
  return `${body.message_en} (${body.message})`;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'OPEN311_PARAMETER_INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'OPEN311_PARAMETER_INVALID',
};

// Connection-level PostgreSQL failures (class 08, shutdown, too many connections): the caller may retry.
const DB_DOWN = /^(08|57P0|53300)/;

export function open311Errors(err: unknown, log: FastifyRequest['log']): { status: number; errors: Open311Error[] } {
  if (err instanceof DomainError) {
    const status = err.status;
    const errors = isProblemList(err.details)
      ? err.details.map((p) => ({ code: status, description: describe(err.code, p.en, p.zh) }))
      : [{ code: status, description: describe(err.code, err.detailEn, err.detailZh) }];
    return { status, errors };
  }
  const fe = err as Partial<FastifyError>;
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return { status: ERRORS[mapped].status, errors: [{ code: ERRORS[mapped].status, description: describe(mapped) }] };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, errors: [{ code: fe.statusCode, description: fe.message ?? 'Bad request' }] };
  }
  const down = typeof fe.code === 'string' && DB_DOWN.test(fe.code);
  log.error({ err }, down ? 'database unavailable' : 'unhandled error');
  const code: ErrorCode = down ? 'DATABASE_UNAVAILABLE' : 'INTERNAL';
  return { status: ERRORS[code].status, errors: [{ code: ERRORS[code].status, description: describe(code) }] };
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown): void {
  const { status, errors } = open311Errors(err, req.log);
  void reply.send(send(reply, formatOfUrl(req.url), 'errors', errors, status));
}
