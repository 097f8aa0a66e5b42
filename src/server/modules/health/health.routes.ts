import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health, Liveness, Readiness } from '../../../shared/health.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { HealthService } from './health.service.js';

export const healthRoutes: FastifyPluginAsyncZod<{ service: HealthService }> = async (app, { service }) => {
  const sendHealth = jsonSender(Health);
  const sendLiveness = jsonSender(Liveness);
  const sendReadiness = jsonSender(Readiness);
  // Probes are not throttled: an orchestrator asks every few seconds from one address.
  const config = { rateLimit: false } as const;

  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Health, checked against the database',
        response: { 200: Health, ...errorResponses(503) },
      },
      config,
    },
    async (req, reply) => sendHealth(req, reply, await service.check(req.log)),
  );

  app.get(
    '/health/live',
    {
      schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: Liveness } },
      config,
    },
    async (req, reply) => sendLiveness(req, reply, service.live()),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: "Readiness: the database answers and has this build's migrations",
        response: { 200: Readiness, ...errorResponses(503) },
      },
      config,
    },
    async (req, reply) => sendReadiness(req, reply, await service.ready(req.log)),
  );
};
