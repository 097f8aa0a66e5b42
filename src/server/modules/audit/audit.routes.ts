import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditChainParams, AuditHead, AuditList, ListAuditQuery } from '../../../shared/audit.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { AuditService } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ service: AuditService }> = async (app, { service }) => {
  const sendAudit = jsonSender(AuditList);
  const sendHead = jsonSender(AuditHead);

  app.get(
    '/audit/head',
    {
      schema: {
        tags: ['audit'],
        summary: "The audit chain's head: note its hash to tell later whether history was rewritten (public)",
        response: { 200: AuditHead, ...errorResponses(503) },
      },
    },
    // Answered with `no-cache` and an ETag, as every JSON answer: never kept stale on the way.
    async (req, reply) => sendHead(req, reply, await service.head()),
  );

  app.get(
    '/audit/chain/:seq',
    {
      schema: {
        tags: ['audit'],
        summary: "The chain's hash at an event: compare it with the head you noted then (public)",
        params: AuditChainParams,
        response: { 200: AuditHead, ...errorResponses(400, 404, 503) },
      },
    },
    async (req, reply) => sendHead(req, reply, await service.link(req.params.seq)),
  );

  app.get(
    '/audit',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first (secretariat)',
        querystring: ListAuditQuery,
        response: { 200: AuditList, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => sendAudit(req, reply, await service.listAudit(req.requireAuth(), req.query)),
  );
};
