import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActorList,
  ListPeopleQuery,
  MergePersonBody,
  PersonIdParams,
  PersonList,
  PersonMerge,
} from '../../../shared/registry.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { RegistryService } from './registry.service.js';

export const registryRoutes: FastifyPluginAsyncZod<{ service: RegistryService }> = async (app, { service }) => {
  const sendActors = jsonSender(ActorList);
  const sendPeople = jsonSender(PersonList);
  const sendMerge = jsonSender(PersonMerge);

  app.get(
    '/actors',
    { schema: { tags: ['registry'], summary: 'Partner forces (not members)', response: { 200: ActorList } } },
    async (req, reply) => sendActors(req, reply, await service.listActors(req.auth)),
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
    async (req, reply) => sendPeople(req, reply, await service.listPeople(req.auth, req.query.member)),
  );

  app.post(
    '/people/:id/merge',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['registry'],
        summary: 'Merge two records of one person: the other takes their seats, remarks and chairs (secretariat)',
        params: PersonIdParams,
        body: MergePersonBody,
        response: { 200: PersonMerge, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => sendMerge(req, reply, await service.mergePerson(req.requireAuth(), req.params.id, req.body)),
  );
};
