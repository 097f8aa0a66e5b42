import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
  ProtocolOrder,
  PutAttendanceBody,
  PutDelegationBody,
  UpdateMeetingBody,
} from '../../../shared/meetings.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, sendCached } from '../../plugins/http.js';
import { meetingsCalendar } from './calendar.js';
import type { DelegationsService } from './delegations.service.js';
import type { MeetingsService } from './meetings.service.js';

const tags = ['meetings'];
const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export const meetingsRoutes: FastifyPluginAsyncZod<{
  meetings: MeetingsService;
  delegations: DelegationsService;
}> = async (app, { meetings, delegations }) => {
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
    async (req) => ({ items: await meetings.listMeetings(req.auth, req.query) }),
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
      reply.header('etag', `"${meeting.version}"`).header('location', `/api/v1/meetings/${meeting.id}`);
      return reply.code(201).send(meeting);
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
    async (req, reply) => sendCached(req, reply, await meetings.getMeeting(req.auth, req.params.id)),
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
      const auth = req.requireAuth();
      const meeting = await meetings.updateMeeting(
        auth,
        req.params.id,
        requireVersion(req.headers['if-match']),
        req.body,
      );
      reply.header('etag', `"${meeting.version}"`);
      return meeting;
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
    async (req) => delegations.invite(req.requireAuth(), req.params.id, req.body.memberCodes),
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
    async (req, reply) => {
      const delegation = await delegations.getDelegation(req.auth, req.params.id, req.params.memberCode);
      reply.header('etag', `"${delegation.version}"`);
      return delegation;
    },
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
      const auth = req.requireAuth();
      const version = requireVersion(req.headers['if-match']);
      const delegation = await delegations.putDelegation(auth, req.params.id, req.params.memberCode, version, req.body);
      reply.header('etag', `"${delegation.version}"`);
      return delegation;
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
    async (req) => delegations.getAttendance(req.auth, req.params.id),
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
      const auth = req.requireAuth();
      const version = requireVersion(req.headers['if-match']);
      const delegation = await delegations.putAttendance(auth, req.params.id, req.params.memberCode, version, req.body);
      reply.header('etag', `"${delegation.version}"`);
      return delegation;
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
    async (req) => delegations.getProtocolOrder(req.auth, req.params.id),
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
    async (req, reply) => reply.code(201).send(await meetings.addRemark(req.requireAuth(), req.params.id, req.body)),
  );

  app.get(
    '/meetings/:id/calendar.ics',
    { schema: { tags, summary: 'One meeting as iCalendar (RFC 5545)', params: MeetingIdParams } },
    async (req, reply) => {
      const { meeting } = await meetings.loadVisible(req.auth, req.params.id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="meeting-${meeting.id}.ics"`)
        .send(meetingsCalendar([meeting], { name: meeting.title, baseUrl: baseUrl(req) }));
    },
  );

  app.get(
    '/calendar.ics',
    { schema: { tags, summary: 'Every meeting the caller may see, as iCalendar' } },
    async (req, reply) => {
      const items = await meetings.listMeetings(req.auth, {});
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="entente-meetings.ics"')
        .send(meetingsCalendar(items, { name: 'Coalition meetings', baseUrl: baseUrl(req) }));
    },
  );
};
