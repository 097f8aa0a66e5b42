import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateIndicatorBody,
  Indicator,
  IndicatorKeyParams,
  IndicatorList,
  ListIndicatorsQuery,
  UpdateIndicatorBody,
} from '../../../shared/progress.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { IndicatorsService } from './indicators.service.js';

const tags = ['progress'];

export const indicatorsRoutes: FastifyPluginAsyncZod<{ service: IndicatorsService }> = async (app, { service }) => {
  const sendList = jsonSender(IndicatorList);
  const sendIndicator = jsonSender(Indicator, { etag: (indicator) => indicator.version });

  app.get(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'The indicators the caller may see (public ones when signed out), by line of effort',
        querystring: ListIndicatorsQuery,
        response: { 200: IndicatorList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listIndicators(req.auth, req.query)),
  );

  app.get(
    '/indicators/:key',
    {
      schema: {
        tags,
        summary: 'One indicator with its categories and targets',
        params: IndicatorKeyParams,
        response: { 200: Indicator, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendIndicator(req, reply, await service.getIndicator(req.auth, req.params.key)),
  );

  app.post(
    '/indicators',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Define an indicator (secretariat)',
        body: CreateIndicatorBody,
        response: { 201: Indicator, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const indicator = await service.createIndicator(req.requireAuth(), req.body);
      reply.code(201).header('location', `/api/v1/indicators/${indicator.key}`);
      return sendIndicator(req, reply, indicator);
    },
  );

  app.patch(
    '/indicators/:key',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary:
          'Change an indicator (secretariat; If-Match). Aggregation, period type and categories only before any value',
        params: IndicatorKeyParams,
        body: UpdateIndicatorBody,
        response: { 200: Indicator, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendIndicator(
        req,
        reply,
        await service.updateIndicator(req.requireAuth(), req.params.key, version, req.body),
      );
    },
  );
};
