import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AddOfficeBody,
  EndOfficeBody,
  LineOfEffort,
  LineOfEffortList,
  LineOfEffortParams,
  ListWorkingGroupsQuery,
  OfficeParams,
  OnQuery,
  WorkingGroup,
  WorkingGroupKeyParams,
  WorkingGroupList,
} from '../../../shared/progress.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { LinesService } from './lines.service.js';

const tags = ['progress'];

export const linesRoutes: FastifyPluginAsyncZod<{ service: LinesService }> = async (app, { service }) => {
  const sendLines = jsonSender(LineOfEffortList);
  // A line's page and a group's list show more than one record's version: their ETag is a hash.
  const sendLine = jsonSender(LineOfEffort);
  const sendGroups = jsonSender(WorkingGroupList);
  const sendGroup = jsonSender(WorkingGroup);

  app.get(
    '/lines-of-effort',
    {
      schema: {
        tags,
        summary: 'The lines of effort, each with the members co-leading its working groups today',
        response: { 200: LineOfEffortList },
      },
    },
    async (req, reply) => sendLines(req, reply, await service.listLines(req.auth)),
  );

  app.get(
    '/lines-of-effort/:key',
    {
      schema: {
        tags,
        summary:
          'A line of effort: its working groups and who led when, the indicators, meetings and statements the caller may see',
        params: LineOfEffortParams,
        response: { 200: LineOfEffort, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendLine(req, reply, await service.getLine(req.auth, req.params.key)),
  );

  app.get(
    '/working-groups',
    {
      schema: {
        tags,
        summary: 'The working groups with every office; ?on= says who held office that day (today by default)',
        querystring: ListWorkingGroupsQuery,
        response: { 200: WorkingGroupList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendGroups(req, reply, await service.listGroups(req.auth, req.query)),
  );

  app.get(
    '/working-groups/:key',
    {
      schema: {
        tags,
        summary: 'A working group with every office; ?on= says who held office that day (today by default)',
        params: WorkingGroupKeyParams,
        querystring: OnQuery,
        response: { 200: WorkingGroup, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendGroup(req, reply, await service.getGroup(req.auth, req.params.key, req.query.on)),
  );

  app.post(
    '/working-groups/:key/offices',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary:
          "A member co-leads or takes part in a working group from a day (secretariat); If-Match with the group's version",
        params: WorkingGroupKeyParams,
        body: AddOfficeBody,
        response: { 201: WorkingGroup, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      const group = await service.addOffice(req.requireAuth(), req.params.key, version, req.body);
      reply.code(201);
      return sendGroup(req, reply, group);
    },
  );

  app.patch(
    '/working-groups/:key/offices/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "End an office on a day, or make it open-ended again (secretariat); If-Match with the group's version",
        params: OfficeParams,
        body: EndOfficeBody,
        response: { 200: WorkingGroup, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendGroup(
        req,
        reply,
        await service.endOffice(req.requireAuth(), req.params.key, req.params.id, version, req.body),
      );
    },
  );
};
