import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health } from '../../../shared/health.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { errorResponses } from '../../plugins/http.js';

/** Liveness that means something: the answer comes from the database. */
export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Health, checked against the database',
        response: { 200: Health, ...errorResponses(503) },
      },
      config: { rateLimit: false },
    },
    async (req) => {
      try {
        await database.db.execute(sql`select 1`);
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        throw new AppError('service_unavailable', 'The database does not answer.');
      }
      return { status: 'ok' as const, database: database.kind };
    },
  );
};
