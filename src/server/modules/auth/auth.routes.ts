import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Me, SessionState, SetLanguageBody, SignInBody } from '../../../shared/auth.js';
import { SESSION_COOKIE, sessionToken } from '../../plugins/auth.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { AuthService } from './auth.service.js';

const cookieOptions = (req: FastifyRequest) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  // Secure whenever the browser reached us over HTTPS (directly, or through a trusted proxy).
  secure: req.protocol === 'https',
});

const clearSession = (req: FastifyRequest, reply: FastifyReply) =>
  reply.clearCookie(SESSION_COOKIE, cookieOptions(req));

export const authRoutes: FastifyPluginAsyncZod<{ service: AuthService }> = async (app, { service }) => {
  const sendMe = jsonSender(Me);
  const sendSession = jsonSender(SessionState);

  app.post(
    '/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: SignInBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { token, maxAgeSeconds } = await service.signIn(req.auth, req.body, {
        previousToken: sessionToken(req),
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: maxAgeSeconds });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'Sign out of this browser', response: { 204: z.null() } } },
    async (req, reply) => {
      await service.signOut(req.auth, sessionToken(req));
      clearSession(req, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['auth'],
        summary: 'End every session of the signed-in user',
        response: { 204: z.null(), ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      await service.signOutEverywhere(req.requireAuth());
      clearSession(req, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Me, ...errorResponses(401) } } },
    async (req, reply) => sendMe(req, reply, service.me(req.auth)),
  );

  app.put(
    '/auth/me/language',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['auth'],
        summary:
          "Save the signed-in user's interface language (their own preference: no If-Match, the last choice wins)",
        body: SetLanguageBody,
        response: { 204: z.null(), ...errorResponses(400, 401) },
      },
    },
    async (req, reply) => {
      await service.setLanguage(req.requireAuth(), req.body.language);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, or null when signed out',
        response: { 200: SessionState },
      },
    },
    async (req, reply) => sendSession(req, reply, service.session(req.auth)),
  );
};
