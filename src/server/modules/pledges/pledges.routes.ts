import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePledgeBody,
  FxImportResult,
  FxRateList,
  FxRatesQuery,
  ListPledgesQuery,
  Pledge,
  PledgeEventBody,
  PledgeIdParams,
  PledgeList,
  PledgeTotals,
  TotalsQuery,
  UpdatePledgeBody,
} from '../../../shared/pledges.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { PledgesService } from './pledges.service.js';

const tags = ['pledges'];

/** What an FX file may arrive as: CSV, or plain text (what a browser sends for an unknown file). */
const CSV_TYPES = ['text/csv', 'application/csv'];

export const pledgesRoutes: FastifyPluginAsyncZod<{ service: PledgesService }> = async (app, { service }) => {
  const sendList = jsonSender(PledgeList);
  const sendPledge = jsonSender(Pledge, { etag: (pledge) => pledge.version });
  const sendTotals = jsonSender(PledgeTotals);
  const sendRates = jsonSender(FxRateList);
  const sendImport = jsonSender(FxImportResult);

  // The FX import takes the file itself as its body (this plugin's routes only).
  app.addContentTypeParser(CSV_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.get(
    '/pledges',
    {
      schema: {
        tags,
        summary: 'Pledges, filtered by member, line of effort, status or kind (public)',
        querystring: ListPledgesQuery,
        response: { 200: PledgeList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listPledges(req.auth, req.query)),
  );

  app.get(
    '/pledges/totals',
    {
      schema: {
        tags,
        summary: 'Pledged, committed and disbursed in USD by member or line of effort, with the rates used and missing',
        querystring: TotalsQuery,
        response: { 200: PledgeTotals, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendTotals(req, reply, await service.totals(req.auth, req.query)),
  );

  app.get(
    '/pledges/:id',
    {
      schema: {
        tags,
        summary: 'One pledge and its life of events',
        params: PledgeIdParams,
        response: { 200: Pledge, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendPledge(req, reply, await service.getPledge(req.auth, req.params.id)),
  );

  app.post(
    '/pledges',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Record a pledge (secretariat; a focal point for their own member)',
        body: CreatePledgeBody,
        response: { 201: Pledge, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const pledge = await service.createPledge(req.requireAuth(), req.body);
      reply.code(201).header('location', `/api/v1/pledges/${pledge.id}`);
      return sendPledge(req, reply, pledge);
    },
  );

  app.patch(
    '/pledges/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Correct a pledge while it is not yet committed; If-Match with the version you read',
        params: PledgeIdParams,
        body: UpdatePledgeBody,
        response: { 200: Pledge, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendPledge(req, reply, await service.updatePledge(req.requireAuth(), req.params.id, version, req.body));
    },
  );

  app.post(
    '/pledges/:id/events',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Commit, disburse (in parts) or withdraw a pledge; If-Match with its version',
        params: PledgeIdParams,
        body: PledgeEventBody,
        response: { 200: Pledge, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendPledge(req, reply, await service.addEvent(req.requireAuth(), req.params.id, version, req.body));
    },
  );

  app.get(
    '/fx-rates',
    {
      schema: {
        tags,
        summary: 'The FX table: US dollars per unit of a currency on a day',
        querystring: FxRatesQuery,
        response: { 200: FxRateList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendRates(req, reply, await service.listRates(req.auth, req.query)),
  );

  app.post(
    '/fx-rates/import',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Import FX rates (secretariat): text/csv with the header date,currency,usd_per_unit',
        consumes: CSV_TYPES,
        body: z.string({ message: 'must be a CSV file (text/csv)' }),
        response: { 200: FxImportResult, ...errorResponses(400, 401, 403, 415) },
      },
    },
    async (req, reply) => sendImport(req, reply, await service.importRates(req.requireAuth(), req.body)),
  );
};
