import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApprovedValueList,
  Breakdown,
  BreakdownQuery,
  IndicatorKeyParams,
  LineOfEffortFigures,
  LineOfEffortParams,
  Series,
  SeriesQuery,
  ValuesQuery,
} from '../../../shared/progress.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { FiguresService } from './figures.service.js';

const tags = ['figures'];

/** The dashboards' reads: public, over approved values only. */
export const figuresRoutes: FastifyPluginAsyncZod<{ service: FiguresService }> = async (app, { service }) => {
  const sendSeries = jsonSender(Series);
  const sendBreakdown = jsonSender(Breakdown);
  const sendValues = jsonSender(ApprovedValueList);
  const sendLine = jsonSender(LineOfEffortFigures);

  app.get(
    '/indicators/:key/series',
    {
      schema: {
        tags,
        summary: "An indicator's approved figures per period, combined over members, against its targets",
        params: IndicatorKeyParams,
        querystring: SeriesQuery,
        response: { 200: Series, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendSeries(req, reply, await service.series(req.auth, req.params.key, req.query)),
  );

  app.get(
    '/indicators/:key/breakdown',
    {
      schema: {
        tags,
        summary: "An indicator's figures over a range, per member or per category, largest first",
        params: IndicatorKeyParams,
        querystring: BreakdownQuery,
        response: { 200: Breakdown, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendBreakdown(req, reply, await service.breakdown(req.auth, req.params.key, req.query)),
  );

  app.get(
    '/indicators/:key/values',
    {
      schema: {
        tags,
        summary: 'The approved values behind a figure: by period, member and category',
        params: IndicatorKeyParams,
        querystring: ValuesQuery,
        response: { 200: ApprovedValueList, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendValues(req, reply, await service.values(req.auth, req.params.key, req.query)),
  );

  app.get(
    '/lines-of-effort/:key/figures',
    {
      schema: {
        tags,
        summary: "A line of effort's indicators with their latest figure, total and target",
        params: LineOfEffortParams,
        response: { 200: LineOfEffortFigures, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendLine(req, reply, await service.lineFigures(req.auth, req.params.key)),
  );
};
