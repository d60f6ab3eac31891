import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../../core/domain/errors.js';
import { errorMessage, type Locale } from '../../core/i18n/errors.js';
import { HTTP_STATUS } from './error-status.js';

export function localeOf(req: FastifyRequest): Locale {
  const h = String(req.headers['accept-language'] ?? '');
  return /^\s*en\b/i.test(h) ? 'en' : 'vi';
}

/** Fastify's own errors → our stable codes. */
function codeOfFastifyError(e: FastifyError): ErrorCode {
  if (e.validation) return 'VALIDATION_FAILED';
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError) return 'INVALID_JSON';
  if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'PAYLOAD_TOO_LARGE';
  if (e.statusCode === 429) return 'RATE_LIMITED';
  if (e.statusCode === 404) return 'NOT_FOUND';
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details: Record<string, string | number> = {},
) {
  return reply.status(HTTP_STATUS[code]).send({
    code,
    message: errorMessage(code, localeOf(req), details),
    ...(Object.keys(details).length ? { details } : {}),
  });
}

/**
 * One error handler: domain refusals and bad input become `{ code, message }` in Vietnamese
 * (English with Accept-Language: en); anything unexpected is logged and masked as INTERNAL.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError, req, reply) => {
    if (err instanceof DomainError) return sendError(req, reply, err.code, err.details);
    const code = codeOfFastifyError(err);
    if (code === 'INTERNAL') req.log.error({ err }, 'unexpected error');
    else req.log.info({ code, reason: err.message }, 'request refused');
    const detail: Record<string, string> =
      code === 'VALIDATION_FAILED' ? { detail: validationDetail(err) } : {};
    return sendError(req, reply, code, detail);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 'NOT_FOUND'));
}

/** Errors Fastify raises before routing (bad URL encoding, overlong parameters): same envelope. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  req.log.info({ code: err.code, reason: err.message }, 'request refused before routing');
  return sendError(req, reply, 'BAD_REQUEST');
}

function validationDetail(e: FastifyError): string {
  const first = e.validation?.[0];
  if (!first) return '';
  const path =
    (first.instancePath || '/').replace(/^\//, '') || String(first.params?.missingProperty ?? 'body');
  return `${e.validationContext ?? 'body'}${path ? `.${path}` : ''}: ${first.message ?? ''}`.slice(0, 200);
}
