import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMemberBody,
  ListMembersQuery,
  Member,
  MemberCodeParams,
  MemberList,
  UpdateMemberBody,
} from '../../../shared/members.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, sendCached } from '../../plugins/http.js';
import type { MembersService } from './members.service.js';

export const membersRoutes: FastifyPluginAsyncZod<{ service: MembersService }> = async (app, { service }) => {
  app.get(
    '/members',
    {
      schema: {
        tags: ['members'],
        summary: 'List the member registry',
        querystring: ListMembersQuery,
        response: { 200: MemberList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendCached(req, reply, await service.listMembers(req.auth, req.query)),
  );

  app.get(
    '/members/:code',
    {
      schema: {
        tags: ['members'],
        summary: 'One member by its code (ISO 3166-1 alpha-3 for states)',
        params: MemberCodeParams,
        response: { 200: Member, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendCached(req, reply, await service.getMember(req.auth, req.params.code)),
  );

  app.post(
    '/members',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['members'],
        summary: 'Add a member (secretariat)',
        body: CreateMemberBody,
        response: { 201: Member, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const member = await service.createMember(req.requireAuth(), req.body);
      reply.header('etag', `"${member.version}"`).header('location', `/api/v1/members/${member.code}`);
      return reply.code(201).send(member);
    },
  );

  app.patch(
    '/members/:code',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['members'],
        summary: 'Change a member (secretariat); If-Match with the version you read',
        params: MemberCodeParams,
        body: UpdateMemberBody,
        response: { 200: Member, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const auth = req.requireAuth();
      const version = requireVersion(req.headers['if-match']);
      const member = await service.updateMember(auth, req.params.code, version, req.body);
      reply.header('etag', `"${member.version}"`);
      return member;
    },
  );
};
