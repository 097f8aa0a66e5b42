import { hash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FeedService } from './feed.service.js';
import { STATEMENTS_FEED_PATH } from './open-data.service.js';

/** The feeds, outside /api/v1: a feed's address is for readers, not an API version. */
export const feedsRoutes: FastifyPluginAsyncZod<{ service: FeedService }> = async (app, { service }) => {
  app.get(
    STATEMENTS_FEED_PATH,
    { schema: { tags: ['open data'], summary: 'Atom feed of adopted public statements and decisions, newest first' } },
    async (req, reply) => {
      // Outside /api/v1 there is no session: the feed is the public's.
      const auth = { user: null, requestId: req.id, ip: req.ip };
      const body = await service.statementsFeed(auth, `${req.protocol}://${req.host}`);
      const etag = `"${hash('sha1', body, 'base64url')}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (req.headers['if-none-match']?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        return reply.code(304).send();
      }
      return reply.type('application/atom+xml; charset=utf-8').send(body);
    },
  );
};
