import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CalendarLink, CalendarTokenParams, MeetingIdParams } from '../../../shared/meetings.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { CalendarService } from './calendar.service.js';

const tags = ['meetings'];
const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

const sendCalendar = (reply: FastifyReply, body: string, fileName: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);

export const calendarRoutes: FastifyPluginAsyncZod<{ service: CalendarService }> = async (app, { service }) => {
  const sendLink = jsonSender(CalendarLink);

  app.get(
    '/meetings/:id/calendar.ics',
    { schema: { tags, summary: 'One meeting as iCalendar (RFC 5545)', params: MeetingIdParams } },
    async (req, reply) => {
      const { body, fileName } = await service.getMeetingCalendar(req.auth, req.params.id, baseUrl(req));
      return sendCalendar(reply, body, fileName);
    },
  );

  app.get(
    '/calendar.ics',
    { schema: { tags, summary: 'Every meeting the caller may see, as iCalendar' } },
    async (req, reply) =>
      sendCalendar(reply, await service.getCalendar(req.auth, baseUrl(req)), 'entente-meetings.ics'),
  );

  app.get(
    '/calendar/:token.ics',
    {
      schema: {
        tags,
        summary: "A user's private calendar, by its token: what they may see; a focal point's member's meetings",
        params: CalendarTokenParams,
      },
    },
    async (req, reply) =>
      sendCalendar(
        reply.header('cache-control', 'private, no-store'),
        await service.getTokenCalendar(req.auth, req.params.token, baseUrl(req)),
        'entente-my-meetings.ics',
      ),
  );

  app.post(
    '/auth/me/calendar-link',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Make a new private calendar link for the signed-in user (the old one stops working)',
        response: { 201: CalendarLink, ...errorResponses(401) },
      },
    },
    async (req, reply) => sendLink(req, reply.code(201), await service.rotateCalendarLink(req.requireAuth())),
  );
};
