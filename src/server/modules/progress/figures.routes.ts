import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MemberCodeParams } from '../../../shared/members.js';
import {
  ApprovedValueList,
  Breakdown,
  BreakdownQuery,
  HeadlineFigures,
  IndicatorKeyParams,
  LineOfEffortFigures,
  LineOfEffortParams,
  MemberContributions,
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
  const sendHeadline = jsonSender(HeadlineFigures);
  const sendContributions = jsonSender(MemberContributions);

  app.get(
    '/figures/headline',
    {
      schema: {
        tags,
        summary:
          'Per indicator the caller may see with approved values: its latest figure and its total (the home page)',
        response: { 200: HeadlineFigures, ...errorResponses() },
      },
    },
    async (req, reply) => sendHeadline(req, reply, await service.headline(req.auth)),
  );

  app.get(
    '/members/:code/contributions',
    {
      schema: {
        tags,
        summary: "A member's approved values per indicator the caller may see, combined over time",
        params: MemberCodeParams,
        response: { 200: MemberContributions, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendContributions(req, reply, await service.memberContributions(req.auth, req.params.code)),
  );

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
