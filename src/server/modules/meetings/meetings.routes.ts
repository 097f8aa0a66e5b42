import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceRoll,
  CreateMeetingBody,
  CreateRemarkBody,
  Delegation,
  InviteBody,
  InviteResult,
  ListMeetingsQuery,
  Meeting,
  MeetingIdParams,
  MeetingList,
  MeetingMemberParams,
  MeetingRemarkParams,
  ProtocolOrder,
  PutAttendanceBody,
  PutDelegationBody,
  UpdateMeetingBody,
  UpdateRemarkBody,
} from '../../../shared/meetings.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { DelegationsService } from './delegations.service.js';
import type { MeetingsService } from './meetings.service.js';

const tags = ['meetings'];
export const meetingsRoutes: FastifyPluginAsyncZod<{
  meetings: MeetingsService;
  delegations: DelegationsService;
}> = async (app, { meetings, delegations }) => {
  // The page's ETag is a hash of all it shows: a delegation's change is not the meeting's version.
  const sendMeeting = jsonSender(Meeting);
  const sendDelegation = jsonSender(Delegation, { etag: (delegation) => delegation.version });
  const sendList = jsonSender(MeetingList);
  const sendInvited = jsonSender(InviteResult);
  const sendAttendance = jsonSender(AttendanceRoll);
  const sendProtocolOrder = jsonSender(ProtocolOrder);
  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings the caller may see',
        querystring: ListMeetingsQuery,
        response: { 200: MeetingList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendList(req, reply, await meetings.listMeetings(req.auth, req.query)),
  );

  app.post(
    '/meetings',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Create a meeting (secretariat)',
        body: CreateMeetingBody,
        response: { 201: Meeting, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const meeting = await meetings.createMeeting(req.requireAuth(), req.body);
      reply.code(201).header('location', `/api/v1/meetings/${meeting.id}`);
      return sendMeeting(req, reply, meeting);
    },
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'The meeting page: agenda, delegations in protocol order, attendance, remarks',
        params: MeetingIdParams,
        response: { 200: Meeting, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendMeeting(req, reply, await meetings.getMeeting(req.auth, req.params.id)),
  );

  app.patch(
    '/meetings/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Change a meeting (secretariat); If-Match with its version',
        params: MeetingIdParams,
        body: UpdateMeetingBody,
        response: { 200: Meeting, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendMeeting(req, reply, await meetings.updateMeeting(req.requireAuth(), req.params.id, version, req.body));
    },
  );

  app.post(
    '/meetings/:id/invitations',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Invite members (secretariat): each gets a delegation to name',
        params: MeetingIdParams,
        body: InviteBody,
        response: { 200: InviteResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      sendInvited(req, reply, await delegations.invite(req.requireAuth(), req.params.id, req.body.memberCodes)),
  );

  app.get(
    '/meetings/:id/delegations/:memberCode',
    {
      schema: {
        tags,
        summary: "A member's delegation",
        params: MeetingMemberParams,
        response: { 200: Delegation, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) =>
      sendDelegation(req, reply, await delegations.getDelegation(req.auth, req.params.id, req.params.memberCode)),
  );

  app.put(
    '/meetings/:id/delegations/:memberCode',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Name a member's delegation (its focal point while planned, or the secretariat); If-Match",
        params: MeetingMemberParams,
        body: PutDelegationBody,
        response: { 200: Delegation, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      const { id, memberCode } = req.params;
      return sendDelegation(
        req,
        reply,
        await delegations.putDelegation(req.requireAuth(), id, memberCode, version, req.body),
      );
    },
  );

  app.get(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'The attendance roll',
        params: MeetingIdParams,
        response: { 200: AttendanceRoll, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendAttendance(req, reply, await delegations.getAttendance(req.auth, req.params.id)),
  );

  app.put(
    '/meetings/:id/attendance/:memberCode',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Record a delegation's attendance (secretariat); If-Match with the delegation's version",
        params: MeetingMemberParams,
        body: PutAttendanceBody,
        response: { 200: Delegation, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      const { id, memberCode } = req.params;
      return sendDelegation(
        req,
        reply,
        await delegations.putAttendance(req.requireAuth(), id, memberCode, version, req.body),
      );
    },
  );

  app.get(
    '/meetings/:id/protocol-order',
    {
      schema: {
        tags,
        summary: 'The tour de table: delegations in protocol order, and the rule',
        params: MeetingIdParams,
        response: { 200: ProtocolOrder, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendProtocolOrder(req, reply, await delegations.getProtocolOrder(req.auth, req.params.id)),
  );

  app.post(
    '/meetings/:id/remarks',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Record remarks and their quotes (secretariat)',
        params: MeetingIdParams,
        body: CreateRemarkBody,
        response: { 201: Meeting, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const meeting = await meetings.addRemark(req.requireAuth(), req.params.id, req.body);
      return sendMeeting(req, reply.code(201), meeting);
    },
  );

  app.delete(
    '/meetings/:id/invitations/:memberCode',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Withdraw a member's invitation (secretariat), while its delegation names nobody",
        params: MeetingMemberParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await delegations.uninvite(req.requireAuth(), req.params.id, req.params.memberCode);
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/meetings/:id/remarks/:remarkId',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Change remarks' context or quotes (secretariat); If-Match with the remark's version",
        params: MeetingRemarkParams,
        body: UpdateRemarkBody,
        response: { 200: Meeting, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      const { id, remarkId } = req.params;
      return sendMeeting(req, reply, await meetings.updateRemark(req.requireAuth(), id, remarkId, version, req.body));
    },
  );

  app.delete(
    '/meetings/:id/remarks/:remarkId',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Delete remarks and their quotes (secretariat)',
        params: MeetingRemarkParams,
        response: { 200: Meeting, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      sendMeeting(req, reply, await meetings.deleteRemark(req.requireAuth(), req.params.id, req.params.remarkId)),
  );
};
