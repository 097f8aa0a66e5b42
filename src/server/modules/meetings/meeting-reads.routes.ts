import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DelegationsCsvQuery, MeetingIdParams, MemberDelegationList } from '../../../shared/meetings.js';
import { MemberCodeParams } from '../../../shared/members.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { MeetingReadsService } from './meeting-reads.service.js';

const tags = ['meetings'];

export const meetingReadsRoutes: FastifyPluginAsyncZod<{ service: MeetingReadsService }> = async (app, { service }) => {
  const sendMemberDelegations = jsonSender(MemberDelegationList);

  app.get(
    '/members/:code/delegations',
    {
      schema: {
        tags,
        summary: "A member's delegations to the meetings the caller may see (heads only), latest first",
        params: MemberCodeParams,
        response: { 200: MemberDelegationList, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) =>
      sendMemberDelegations(req, reply, await service.listMemberDelegations(req.auth, req.params.code)),
  );

  app.get(
    '/meetings/:id/delegations.csv',
    {
      schema: {
        tags,
        summary: "A meeting's delegations and attendance as CSV (UTF-8 with BOM), member names in `lang`",
        params: MeetingIdParams,
        querystring: DelegationsCsvQuery,
      },
    },
    async (req, reply) => {
      const { body, fileName } = await service.getDelegationsCsv(req.auth, req.params.id, req.query.lang);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(body);
    },
  );
};
