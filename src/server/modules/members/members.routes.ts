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
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { MembersService } from './members.service.js';

const tags = ['members'];

export const membersRoutes: FastifyPluginAsyncZod<{ service: MembersService }> = async (app, { service }) => {
  const sendList = jsonSender(MemberList);
  const sendMember = jsonSender(Member, { etag: (member) => member.version });

  app.get(
    '/members',
    {
      schema: {
        tags,
        summary: 'List the member registry',
        querystring: ListMembersQuery,
        response: { 200: MemberList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listMembers(req.auth, req.query)),
  );

  app.get(
    '/members/:code',
    {
      schema: {
        tags,
        summary: 'One member by its code (ISO 3166-1 alpha-3 for states)',
        params: MemberCodeParams,
        response: { 200: Member, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendMember(req, reply, await service.getMember(req.auth, req.params.code)),
  );

  app.post(
    '/members',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Add a member (secretariat)',
        body: CreateMemberBody,
        response: { 201: Member, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const member = await service.createMember(req.requireAuth(), req.body);
      reply.code(201).header('location', `/api/v1/members/${member.code}`);
      return sendMember(req, reply, member);
    },
  );

  app.patch(
    '/members/:code',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Change a member (secretariat); If-Match with the version you read',
        params: MemberCodeParams,
        body: UpdateMemberBody,
        response: { 200: Member, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendMember(req, reply, await service.updateMember(req.requireAuth(), req.params.code, version, req.body));
    },
  );
};
