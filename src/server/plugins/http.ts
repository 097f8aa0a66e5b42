import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '../../shared/problem.js';
import type { CachedBody } from '../lib/cache.js';

/** The problem+json responses a route can give, for its OpenAPI description. */
export function errorResponses(...statuses: number[]): Record<number, typeof Problem> {
  return Object.fromEntries(statuses.map((s) => [s, Problem]));
}

/** Sends a pre-serialized body with its ETag, or 304 when the client already has it. */
export function sendCached(req: FastifyRequest, reply: FastifyReply, cached: CachedBody): FastifyReply {
  reply.header('etag', cached.etag).header('cache-control', 'no-cache');
  const seen = req.headers['if-none-match'];
  if (seen?.split(',').some((t) => t.trim().replace(/^W\//, '') === cached.etag)) {
    return reply.code(304).send();
  }
  return reply.type('application/json; charset=utf-8').send(cached.body);
}
