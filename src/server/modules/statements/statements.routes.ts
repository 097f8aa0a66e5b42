import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MemberCodeParams } from '../../../shared/members.js';
import {
  AddPositionBody,
  AddTextVersionBody,
  AdoptAtMeetingBody,
  CreateStatementBody,
  DiffQuery,
  ListStatementsQuery,
  MemberStatementList,
  Position,
  PositionParams,
  Statement,
  StatementIdParams,
  StatementList,
  TextDiff,
  TextVersion,
  TextVersionParams,
  UpdateStatementBody,
} from '../../../shared/statements.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { StatementsService } from './statements.service.js';

const tags = ['statements'];

export const statementsRoutes: FastifyPluginAsyncZod<{ service: StatementsService }> = async (app, { service }) => {
  // The page's ETag is a hash of all it shows: a version added or a procedure's end is not the statement's version.
  const sendStatement = jsonSender(Statement);
  const sendList = jsonSender(StatementList);
  const sendVersion = jsonSender(TextVersion);
  const sendDiff = jsonSender(TextDiff);
  const sendPosition = jsonSender(Position);
  const sendMemberStatements = jsonSender(MemberStatementList);

  app.get(
    '/members/:code/statements',
    {
      schema: {
        tags,
        summary: 'The adopted statements the caller may see that were circulated to a member, and where it stood',
        params: MemberCodeParams,
        response: { 200: MemberStatementList, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendMemberStatements(req, reply, await service.memberStatements(req.auth, req.params.code)),
  );

  app.get(
    '/statements',
    {
      schema: {
        tags,
        summary: 'Statements the caller may see',
        querystring: ListStatementsQuery,
        response: { 200: StatementList, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listStatements(req.auth, req.query)),
  );

  app.post(
    '/statements',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Draft a statement (secretariat)',
        body: CreateStatementBody,
        response: { 201: Statement, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const statement = await service.createStatement(req.requireAuth(), req.body);
      reply.code(201).header('location', `/api/v1/statements/${statement.id}`);
      return sendStatement(req, reply, statement);
    },
  );

  app.get(
    '/statements/:id',
    {
      schema: {
        tags,
        summary: 'A statement: its adoption and positions; versions and procedures for its workspace',
        params: StatementIdParams,
        response: { 200: Statement, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendStatement(req, reply, await service.getStatement(req.auth, req.params.id)),
  );

  app.patch(
    '/statements/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Change a statement, or withdraw a draft (secretariat); If-Match with its version',
        params: StatementIdParams,
        body: UpdateStatementBody,
        response: { 200: Statement, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendStatement(
        req,
        reply,
        await service.updateStatement(req.requireAuth(), req.params.id, version, req.body),
      );
    },
  );

  app.post(
    '/statements/:id/versions',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Add the next text version to a draft (secretariat)',
        params: StatementIdParams,
        body: AddTextVersionBody,
        response: { 201: TextVersion, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const version = await service.addVersion(req.requireAuth(), req.params.id, req.body);
      reply.code(201).header('location', `/api/v1/statements/${req.params.id}/versions/${version.number}`);
      return sendVersion(req, reply, version);
    },
  );

  app.get(
    '/statements/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'One text version with its numbered paragraphs (secretariat and circulated members)',
        params: TextVersionParams,
        response: { 200: TextVersion, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendVersion(req, reply, await service.getVersion(req.auth, req.params.id, req.params.number)),
  );

  app.get(
    '/statements/:id/diff',
    {
      schema: {
        tags,
        summary: 'Word-level diff between two text versions (secretariat and circulated members)',
        params: StatementIdParams,
        querystring: DiffQuery,
        response: { 200: TextDiff, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => sendDiff(req, reply, await service.diff(req.auth, req.params.id, req.query)),
  );

  app.post(
    '/statements/:id/adopt',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Record a draft as adopted by consensus at a meeting (secretariat); If-Match with its version',
        params: StatementIdParams,
        body: AdoptAtMeetingBody,
        response: { 200: Statement, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      return sendStatement(
        req,
        reply,
        await service.adoptAtMeeting(req.requireAuth(), req.params.id, version, req.body),
      );
    },
  );

  app.post(
    '/statements/:id/positions',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Attach a member's reservation or explanation of position to an adopted statement",
        params: StatementIdParams,
        body: AddPositionBody,
        response: { 201: Position, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const position = await service.addPosition(req.requireAuth(), req.params.id, req.body);
      reply.code(201);
      return sendPosition(req, reply, position);
    },
  );

  app.delete(
    '/statements/:id/positions/:positionId',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "Remove a position (the secretariat, or a focal point of the member's)",
        params: PositionParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await service.deletePosition(req.requireAuth(), req.params.id, req.params.positionId);
      return reply.code(204).send(null);
    },
  );
};
