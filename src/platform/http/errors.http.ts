import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, errorBody, type ErrorCode } from '../errors.js';

interface ValidationIssue { instancePath?: string; message?: string; params?: Record<string, unknown> }

function describeValidation(issues: ValidationIssue[], context: string): { zh: string; en: string; details: unknown } {
  const details = issues.map((i) => ({
    field: (i.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || String(i.params?.missingProperty ?? context),
    message: i.message ?? '',
  }));
  const fields = details.map((d) => d.field).filter(Boolean).join(', ');
  return { zh: `字段 ${fields} 有误`, en: details.map((d) => `${d.field} ${d.message}`).join('; '), details };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_RATE_LIMIT_EXCEEDED: 'RATE_LIMITED',
};

// Connection-level PostgreSQL failures: class 08 and server shutdown / too many connections.
const DB_DOWN = /^(08|57P0|53300)/;

/** Every error leaves as `{ code, message, message_en }`: a 4xx for anything the caller can fix, never a 500 for bad input. */
export function handleError(err: FastifyError | DomainError | Error, req: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof DomainError) {
    void reply.status(err.status).send(errorBody(err.code, err.details, err.detailZh, err.detailEn));
    return;
  }
  const fe = err as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (fe.validation) {
    const v = describeValidation(fe.validation, fe.validationContext ?? 'body');
    void reply.status(400).send(errorBody('VALIDATION_FAILED', v.details, v.zh, v.en));
    return;
  }
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) {
    void reply.status(mapped === 'VALIDATION_FAILED' ? 400 : (fe.statusCode ?? 400)).send(errorBody(mapped));
    return;
  }
  if (fe.statusCode === 429) {
    void reply.status(429).send(errorBody('RATE_LIMITED'));
    return;
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    void reply.status(fe.statusCode).send(errorBody('VALIDATION_FAILED', undefined, fe.message, fe.message));
    return;
  }
  const pgCode = (err as { code?: unknown }).code;
  if ((typeof pgCode === 'string' && DB_DOWN.test(pgCode)) || /ECONNREFUSED|Connection terminated/.test(err.message)) {
    req.log.error({ err }, 'database unavailable');
    void reply.status(503).send(errorBody('DATABASE_UNAVAILABLE'));
    return;
  }
  req.log.error({ err }, 'unhandled error');
  void reply.status(500).send(errorBody('INTERNAL'));
}
