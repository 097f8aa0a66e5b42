import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health } from '../../../shared/health.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { HealthService } from './health.service.js';

export const healthRoutes: FastifyPluginAsyncZod<{ service: HealthService }> = async (app, { service }) => {
  const sendHealth = jsonSender(Health);

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
    async (req, reply) => sendHealth(req, reply, await service.check(req.log)),
  );
};
