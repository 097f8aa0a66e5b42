import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchQuery, SearchResults } from '../../../shared/search.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { SearchService } from './search.service.js';

export const searchRoutes: FastifyPluginAsyncZod<{ service: SearchService }> = async (app, { service }) => {
  const sendResults = jsonSender(SearchResults);

  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search members, people, meetings, statements, decisions and sources (what the caller may see)',
        querystring: SearchQuery,
        response: { 200: SearchResults, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendResults(req, reply, await service.search(req.auth, req.query)),
  );
};
