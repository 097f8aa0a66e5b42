import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ErrorCode, errorStatus, errorTitle, FIELDS_INVALID } from '../../shared/errors.js';
import type { FieldError, Problem, ProblemParams, ProblemReason } from '../../shared/problem.js';
import { AppError } from '../lib/errors.js';
import { fieldErrorsOf, type Issue } from '../lib/field-errors.js';
import { ResponseSchemaError } from './http.js';

const LOCATIONS: Record<string, FieldError['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Fastify's own client errors, by code, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
};

/** What a problem may say beyond its code and detail. */
export interface ProblemExtra {
  errors?: FieldError[];
  reason?: ProblemReason;
  params?: ProblemParams;
}

/** A problem as RFC 9457 has it, with our code, for `instance` (a path) and the request's id. */
export function problemOf(
  code: ErrorCode,
  detail: string,
  instance: string,
  requestId: string,
  { errors, reason, params }: ProblemExtra = {},
): Problem {
  return {
    type: `https://entente.dev/problems/${code}`,
    title: errorTitle[code],
    status: errorStatus[code],
    detail,
    code,
    ...(reason ? { reason } : {}),
    ...(params ? { params } : {}),
    instance: instance.split('?')[0],
    requestId,
    ...(errors ? { errors } : {}),
  };
}

/** problem+json's media type, as every problem is sent. */
export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  extra: ProblemExtra = {},
): FastifyReply {
  const problem = problemOf(code, detail, req.url, String(req.id), extra);
  // Serialized here: a problem must leave even when the route's response schema would refuse it.
  return reply.code(problem.status).type(PROBLEM_TYPE).send(JSON.stringify(problem));
}

/** What the request sent where the schema refused it: the body, the query, the path's params or the headers. */
function sentIn(req: FastifyRequest, context: string | undefined): unknown {
  if (context === 'querystring') return req.query;
  if (context === 'params') return req.params;
  if (context === 'headers') return req.headers;
  return req.body;
}

function zodFieldErrors(req: FastifyRequest, error: FastifyError): FieldError[] {
  const where = LOCATIONS[error.validationContext ?? 'body'] ?? 'body';
  // fastify-type-provider-zod passes each zod issue on as { keyword: its code, params: the rest of it }.
  const issues = (error.validation ?? []).map(
    (v): Issue => ({
      ...v.params,
      code: v.keyword,
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message ?? 'is invalid',
    }),
  );
  return fieldErrorsOf(issues, where, sentIn(req, error.validationContext));
}

/** One place where every error becomes RFC 9457 problem+json; internals never leave. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      const { errors, reason, params } = error;
      return sendProblem(req, reply, error.code, error.message, { errors, reason, params });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(req, reply, 'validation_failed', FIELDS_INVALID, { errors: zodFieldErrors(req, error) });
    }
    if (isResponseSerializationError(error) || error instanceof ResponseSchemaError) {
      req.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(req, reply, 'internal_error', 'Something went wrong on our side.');
    }
    if (error.code && FASTIFY_CODES[error.code]) {
      return sendProblem(req, reply, FASTIFY_CODES[error.code], error.message);
    }
    if (error.statusCode === 429) {
      return sendProblem(req, reply, 'too_many_requests', 'Too many requests; slow down and try again shortly.');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Any other client error Fastify raises (bad header, bad URL encoding…) is the client's, said plainly.
      const code: ErrorCode =
        error.statusCode === 404 ? 'not_found' : error.statusCode === 405 ? 'method_not_allowed' : 'validation_failed';
      return sendProblem(req, reply, code, error.message);
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, 'internal_error', 'Something went wrong on our side.');
  });
}
