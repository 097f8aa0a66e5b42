import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditList, ListAuditQuery } from '../../../shared/audit.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { AuditService } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ service: AuditService }> = async (app, { service }) => {
  const sendAudit = jsonSender(AuditList);

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
