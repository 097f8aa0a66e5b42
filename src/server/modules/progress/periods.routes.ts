import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  OpenPeriodBody,
  PeriodParams,
  ReopenPeriodBody,
  ReportingPeriod,
  ReportingPeriodList,
} from '../../../shared/progress.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { PeriodsService } from './periods.service.js';

const tags = ['progress'];

export const periodsRoutes: FastifyPluginAsyncZod<{ service: PeriodsService }> = async (app, { service }) => {
  const sendList = jsonSender(ReportingPeriodList);
  const sendPeriod = jsonSender(ReportingPeriod, { etag: (period) => period.version });

  app.get(
    '/periods',
    {
      schema: {
        tags,
        summary: 'The reporting periods, newest first, with how many reports are in each status',
        response: { 200: ReportingPeriodList },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listPeriods(req.auth)),
  );

  app.post(
    '/periods',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Open a period for reporting (secretariat): 2015-01, 2015-Q1 or 2015, and its closing day',
        body: OpenPeriodBody,
        response: { 201: ReportingPeriod, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const period = await service.openPeriod(req.requireAuth(), req.body);
      reply.code(201);
      return sendPeriod(req, reply, period);
    },
  );

  app.post(
    '/periods/:period/reopen',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Reopen a period until a later closing day (secretariat; If-Match)',
        params: PeriodParams,
        body: ReopenPeriodBody,
        response: { 200: ReportingPeriod, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendPeriod(
        req,
        reply,
        await service.reopenPeriod(req.requireAuth(), req.params.period, version, req.body),
      );
    },
  );
};
