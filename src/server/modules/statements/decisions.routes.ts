import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AddFollowUpBody,
  Decision,
  DecisionIdParams,
  DecisionList,
  FollowUp,
  FollowUpIdParams,
  ListDecisionsQuery,
  UpdateFollowUpBody,
} from '../../../shared/statements.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { DecisionsService } from './decisions.service.js';

const tags = ['decisions'];

export const decisionsRoutes: FastifyPluginAsyncZod<{ service: DecisionsService }> = async (app, { service }) => {
  const sendList = jsonSender(DecisionList);
  const sendDecision = jsonSender(Decision);
  const sendFollowUp = jsonSender(FollowUp, { etag: (followUp) => followUp.version });

  app.get(
    '/decisions',
    {
      schema: {
        tags,
        summary: 'The decision register: the decisions the caller may see, newest first',
        querystring: ListDecisionsQuery,
        response: { 200: DecisionList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listDecisions(req.auth, req.query)),
  );

  app.get(
    '/decisions/:id',
    {
      schema: {
        tags,
        summary: 'One decision with its follow-ups',
        params: DecisionIdParams,
        response: { 200: Decision, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendDecision(req, reply, await service.getDecision(req.auth, req.params.id)),
  );

  app.post(
    '/decisions/:id/follow-ups',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Add a follow-up to a decision (secretariat)',
        params: DecisionIdParams,
        body: AddFollowUpBody,
        response: { 201: FollowUp, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const followUp = await service.addFollowUp(req.requireAuth(), req.params.id, req.body);
      reply.code(201).header('location', `/api/v1/follow-ups/${followUp.id}`);
      return sendFollowUp(req, reply, followUp);
    },
  );

  app.patch(
    '/follow-ups/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Change a follow-up (secretariat); If-Match with its version',
        params: FollowUpIdParams,
        body: UpdateFollowUpBody,
        response: { 200: FollowUp, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendFollowUp(
        req,
        reply,
        await service.updateFollowUp(req.requireAuth(), req.params.id, version, req.body),
      );
    },
  );
};
