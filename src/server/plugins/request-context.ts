import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * Request ids: a well-formed X-Request-Id from a proxy is kept (so logs line up across hops),
 * anything else gets a fresh UUID. Every log line and audit event carries it.
 */
export function genReqId(req: { headers: FastifyRequest['headers'] }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}
