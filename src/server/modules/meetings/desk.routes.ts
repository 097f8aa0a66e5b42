import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MemberInvitationList, SecretariatDesk } from '../../../shared/desk.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { DeskService } from './desk.service.js';

/** The reads each role's desk (the web app's /desk) starts from. */
export const deskRoutes: FastifyPluginAsyncZod<{ service: DeskService }> = async (app, { service }) => {
  const sendInvitations = jsonSender(MemberInvitationList);
  const sendSecretariat = jsonSender(SecretariatDesk);

  app.get(
    '/desk/invitations',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['desk'],
        summary: "My member's invitations to planned meetings, and whether each delegation is named (focal points)",
        response: { 200: MemberInvitationList, ...errorResponses(401, 403) },
      },
    },
    async (req, reply) => sendInvitations(req, reply, await service.myInvitations(req.requireAuth())),
  );

  app.get(
    '/desk/secretariat',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['desk'],
        summary: 'Planned meetings with delegations to chase, and planned meetings past their end (secretariat)',
        response: { 200: SecretariatDesk, ...errorResponses(401, 403) },
      },
    },
    async (req, reply) => sendSecretariat(req, reply, await service.secretariatDesk(req.requireAuth())),
  );
};
