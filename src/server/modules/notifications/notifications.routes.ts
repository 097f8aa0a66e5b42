import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationIdParams, NotificationList, ReadAllResult } from '../../../shared/notifications.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { NotificationsService } from './notifications.service.js';

const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod<{ service: NotificationsService }> = async (
  app,
  { service },
) => {
  const sendList = jsonSender(NotificationList);
  const sendReadAll = jsonSender(ReadAllResult);

  app.get(
    '/notifications',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'My notifications, newest first',
        response: { 200: NotificationList, ...errorResponses(401) },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listMine(req.requireAuth())),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: NotificationIdParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      await service.markRead(req.requireAuth(), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: ReadAllResult, ...errorResponses(401) },
      },
    },
    async (req, reply) => sendReadAll(req, reply, await service.markAllRead(req.requireAuth())),
  );
};
