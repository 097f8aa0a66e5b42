import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { AuthService } from '../src/server/modules/auth/auth.service.js';
import { registerAuth } from '../src/server/plugins/auth.js';
import { jsonSender } from '../src/server/plugins/http.js';
import { genReqId } from '../src/server/plugins/request-context.js';
import { contentSecurityPolicy, registerResponseHeaders } from '../src/server/plugins/security.js';
import { Member, MemberCodeParams } from '../src/shared/members.js';

/**
 * For `bench/layers.ts`: a Fastify app with Entente's per-request layers switched on one at a
 * time (LAYERS, comma-separated), each configured as src/server/app.ts configures it and, where
 * it is ours, the very function the app uses; in front of a route that sends one member the way
 * a read-cache hit does. No database.
 *
 *   logger      pino at level "silent" with Entente's redaction, Entente's request ids
 *   helmet      helmet rebuilt on every request, as @fastify/helmet does (Entente used it until
 *               this benchmark showed the cost), plus the x-request-id header in a hook of its own
 *   headers     Entente's one synchronous hook: the API's security headers (helmet's, worked out once,
 *               for pages), and the request id
 *   cookie      @fastify/cookie
 *   ratelimit   @fastify/rate-limit (limit high enough never to refuse), its headers only with a 429
 *   auth        Entente's one API hook: cross-site check and session lookup (no cookie: no database)
 *   zod         fastify-type-provider-zod compilers and the route's params schema
 *   sender      the answer through jsonSender (checked once, kept with its ETag) instead of a string
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
  genReqId: layers.has('logger') ? genReqId : undefined,
  return503OnClosing: true,
});

if (layers.has('zod')) {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}
if (layers.has('helmet')) {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onRequest', (req, reply, done) =>
    helmet({ contentSecurityPolicy, crossOriginEmbedderPolicy: false })(req.raw, reply.raw, (err) =>
      done(err as Error | undefined),
    ),
  );
}
if (layers.has('headers')) registerResponseHeaders(app);
if (layers.has('cookie')) await app.register(cookie);
if (layers.has('ratelimit')) {
  await app.register(rateLimit, {
    max: 100_000_000,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
}

const member: Member = {
  id: '6f1c1d2e-5b7a-4c3d-9e8f-0a1b2c3d4e5f',
  code: 'USA',
  kind: 'state',
  name: 'United States',
  names: { en: 'United States', fr: 'États-Unis', ar: 'الولايات المتحدة' },
  officialNames: { en: 'United States of America', fr: "États-Unis d'Amérique", ar: 'الولايات المتحدة الأمريكية' },
  status: 'active',
  joinedOn: '2014-09-11',
  joinedNote: '2014-09-11 (signatory of the Jeddah Communique)',
  leftOn: null,
  note: null,
  version: 1,
  updatedAt: '2026-11-30T12:00:00.000Z',
};
const body = JSON.stringify(member);
const sendMember = jsonSender(Member, { etag: (m) => m.version });

await app.register(
  async (api) => {
    if (layers.has('auth')) {
      // A request without a cookie never reaches the service.
      registerAuth(api, {} as AuthService);
    }
    api.get('/members/:code', layers.has('zod') ? { schema: { params: MemberCodeParams } } : {}, async (req, reply) => {
      if (layers.has('sender')) return sendMember(req, reply, member);
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
