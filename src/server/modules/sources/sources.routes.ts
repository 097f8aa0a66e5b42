import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ListSourcesQuery,
  NewSource,
  Source,
  SourceChange,
  SourceIdParams,
  SourceList,
} from '../../../shared/sources.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { SourcesService } from './sources.service.js';

const tags = ['sources'];

export const sourcesRoutes: FastifyPluginAsyncZod<{ service: SourcesService }> = async (app, { service }) => {
  const sendList = jsonSender(SourceList);
  const sendSource = jsonSender(Source, { etag: (source) => source.version });

  app.get(
    '/sources',
    {
      schema: {
        tags,
        summary: 'The register of sources and press, newest first (what the caller may see)',
        querystring: ListSourcesQuery,
        response: { 200: SourceList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listSources(req.auth, req.query)),
  );

  app.get(
    '/sources/:id',
    {
      schema: {
        tags,
        summary: 'One entry of the register',
        params: SourceIdParams,
        response: { 200: Source, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendSource(req, reply, await service.getSource(req.auth, req.params.id)),
  );

  app.post(
    '/sources',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Add a source or a press article (secretariat)',
        body: NewSource,
        response: { 201: Source, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const source = await service.createSource(req.requireAuth(), req.body);
      reply.code(201).header('location', `/api/v1/sources/${source.id}`);
      return sendSource(req, reply, source);
    },
  );

  app.patch(
    '/sources/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Change an entry (secretariat); `links` replaces them all; If-Match with the version you read',
        params: SourceIdParams,
        body: SourceChange,
        response: { 200: Source, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendSource(req, reply, await service.updateSource(req.requireAuth(), req.params.id, version, req.body));
    },
  );

  app.delete(
    '/sources/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Remove an entry and its links (secretariat); If-Match with the version you read',
        params: SourceIdParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      await service.deleteSource(req.requireAuth(), req.params.id, version);
      return reply.code(204).send(null);
    },
  );
};
