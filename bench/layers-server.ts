import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { contentSecurityPolicy, registerSecurityHeaders } from '../src/server/plugins/security.js';
import { MemberCodeParams } from '../src/shared/members.js';

/**
 * For `bench/layers.ts`: a Fastify app with Entente's per-request layers switched on one at a
 * time (LAYERS, comma-separated), each configured as src/server/app.ts configures it, in front
 * of a route that sends a ready-made body the way a read-cache hit does. No database.
 *
 *   logger     pino at level "silent" with Entente's redaction, UUID request ids, x-request-id header
 *   helmet     helmet rebuilt on every request, as @fastify/helmet does (Entente used it until
 *              this benchmark showed the cost)
 *   helmet-once  the same headers as Entente sets them now: one helmet() middleware built at start-up
 *   cookie     @fastify/cookie
 *   ratelimit  @fastify/rate-limit (limit high enough never to refuse)
 *   hooks      Entente's two async onRequest hooks on the API (cross-site check, session lookup
 *              with no cookie: no database)
 *   zod        fastify-type-provider-zod compilers and the route's params schema
 */
const layers = new Set((process.env.LAYERS ?? '').split(',').filter(Boolean));

const app = Fastify({
  logger: layers.has('logger')
    ? {
        level: 'silent',
        redact: {
          paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password'],
          censor: '[redacted]',
        },
      }
    : false,
  genReqId: layers.has('logger') ? () => randomUUID() : undefined,
  return503OnClosing: true,
});

if (layers.has('zod')) {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}
if (layers.has('logger')) {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
}
if (layers.has('helmet')) {
  app.addHook('onRequest', (req, reply, done) =>
    helmet({ contentSecurityPolicy, crossOriginEmbedderPolicy: false })(req.raw, reply.raw, (err) =>
      done(err as Error | undefined),
    ),
  );
}
if (layers.has('helmet-once')) registerSecurityHeaders(app);
if (layers.has('cookie')) await app.register(cookie);
if (layers.has('ratelimit')) {
  await app.register(rateLimit, {
    max: 100_000_000,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
  });
}

const body = JSON.stringify({ code: 'USA', name: 'United States of America', status: 'active', version: 1 });

await app.register(
  async (api) => {
    if (layers.has('hooks')) {
      api.decorateRequest('auth', null as never);
      api.addHook('onRequest', async (req) => {
        if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
      });
      api.addHook('onRequest', async (req) => {
        const token = (req as { cookies?: Record<string, string | undefined> }).cookies?.entente_session ?? null;
        const user = token ? { token } : null;
        (req as unknown as { auth: unknown }).auth = { user, requestId: String(req.id), ip: req.ip };
      });
    }
    api.get('/members/:code', layers.has('zod') ? { schema: { params: MemberCodeParams } } : {}, async (req, reply) => {
      reply.header('etag', '"1"').header('cache-control', 'no-cache');
      if (req.headers['if-none-match'] === '"1"') return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(body);
    });
  },
  { prefix: '/api/v1' },
);

const close = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ host: process.env.HOST || '127.0.0.1', port: Number(process.env.PORT || 0) });
