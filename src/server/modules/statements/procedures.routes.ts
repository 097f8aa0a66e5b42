import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ExtendProcedureBody,
  ListProceduresQuery,
  OpenProcedureBody,
  Procedure,
  ProcedureIdParams,
  ProcedureList,
  RespondBody,
  StatementIdParams,
  ToActList,
  WithdrawProcedureBody,
} from '../../../shared/statements.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { ProceduresService } from './procedures.service.js';

const tags = ['procedures'];

export const proceduresRoutes: FastifyPluginAsyncZod<{ service: ProceduresService }> = async (app, { service }) => {
  // Tagged by content, not by `version`: a response changes what the procedure shows, not its record.
  const sendProcedure = jsonSender(Procedure);
  const sendList = jsonSender(ProcedureList);
  const sendToAct = jsonSender(ToActList);

  app.post(
    '/statements/:id/procedures',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Circulate a draft's text version under a silence or endorsement procedure (secretariat)",
        params: StatementIdParams,
        body: OpenProcedureBody,
        response: { 201: Procedure, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const procedure = await service.openProcedure(req.requireAuth(), req.params.id, req.body);
      reply.code(201).header('location', `/api/v1/procedures/${procedure.id}`);
      return sendProcedure(req, reply, procedure);
    },
  );

  app.get(
    '/procedures',
    {
      schema: {
        tags,
        summary: 'The procedures of the statements you may see, newest first',
        querystring: ListProceduresQuery,
        response: { 200: ProcedureList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listProcedures(req.auth, req.query)),
  );

  app.get(
    '/procedures/to-act',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "What you have to act on: a focal point's member's open procedures (the secretariat: every open one)",
        response: { 200: ToActList, ...errorResponses(401) },
      },
    },
    async (req, reply) => sendToAct(req, reply, await service.toAct(req.requireAuth())),
  );

  app.get(
    '/procedures/:id',
    {
      schema: {
        tags,
        summary: 'One procedure: every member circulated, its latest response and its history',
        params: ProcedureIdParams,
        response: { 200: Procedure, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendProcedure(req, reply, await service.getProcedure(req.auth, req.params.id)),
  );

  app.post(
    '/procedures/:id/responses',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Respond for your member (its focal point): break silence, or endorse',
        params: ProcedureIdParams,
        body: RespondBody,
        response: { 201: Procedure, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const procedure = await service.respond(req.requireAuth(), req.params.id, req.body);
      reply.code(201);
      return sendProcedure(req, reply, procedure);
    },
  );

  app.post(
    '/procedures/:id/extend',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Move an open procedure's deadline later (secretariat); If-Match with the version you read",
        params: ProcedureIdParams,
        body: ExtendProcedureBody,
        response: { 200: Procedure, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendProcedure(
        req,
        reply,
        await service.extendProcedure(req.requireAuth(), req.params.id, version, req.body),
      );
    },
  );

  app.post(
    '/procedures/:id/withdraw',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Withdraw an open procedure before its deadline (secretariat); If-Match with the version you read',
        params: ProcedureIdParams,
        body: WithdrawProcedureBody,
        response: { 200: Procedure, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendProcedure(
        req,
        reply,
        await service.withdrawProcedure(req.requireAuth(), req.params.id, version, req.body),
      );
    },
  );
};
