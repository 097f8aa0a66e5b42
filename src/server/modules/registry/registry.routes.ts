import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ActorList, ListPeopleQuery, PersonList } from '../../../shared/registry.js';
import { errorResponses } from '../../plugins/http.js';
import type { RegistryService } from './registry.service.js';

export const registryRoutes: FastifyPluginAsyncZod<{ service: RegistryService }> = async (app, { service }) => {
  app.get(
    '/actors',
    { schema: { tags: ['registry'], summary: 'Partner forces (not members)', response: { 200: ActorList } } },
    async (req) => ({ items: await service.listActors(req.auth) }),
  );
  app.get(
    '/people',
    {
      schema: {
        tags: ['registry'],
        summary: 'People: ministers, heads of delegation, envoys',
        querystring: ListPeopleQuery,
        response: { 200: PersonList, ...errorResponses(400) },
      },
    },
    async (req) => ({ items: await service.listPeople(req.auth, req.query.member) }),
  );
};
