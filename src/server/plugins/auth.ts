import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth, SessionUser } from '../lib/auth-context.js';
import { AppError } from '../lib/errors.js';
import type { AuthService } from '../modules/auth/auth.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'required': a signed-out request gets 401 before its input is even validated. */
    auth?: 'required';
  }
  interface FastifyRequest {
    auth: Auth;
    /** The acting context, or 401 when signed out. */
    requireAuth(): Auth & { user: SessionUser };
  }
}

/** The session cookie: an opaque token, whose SHA-256 is what the sessions table keeps. */
export const SESSION_COOKIE = 'entente_session';

export const sessionToken = (req: FastifyRequest): string | null => req.cookies[SESSION_COOKIE] ?? null;

function requireAuth(this: FastifyRequest): Auth & { user: SessionUser } {
  if (!this.auth.user) throw new AppError('unauthenticated', 'Sign in first.');
  return this.auth as Auth & { user: SessionUser };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser says came from another site. Browsers send
 * Sec-Fetch-Site (and Origin) on such requests; clients that send neither (curl, the CLI)
 * cannot carry a victim's cookie, so they pass.
 */
function crossSiteRefusal(req: FastifyRequest): AppError | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    if (site === 'same-origin' || site === 'none') return null;
    return new AppError('cross_site_request', 'This request came from another site and was refused.');
  }
  const origin = req.headers.origin;
  if (typeof origin === 'string') {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host === null || host !== req.host) {
      return new AppError('cross_site_request', 'This request came from another origin and was refused.');
    }
  }
  return null;
}

/**
 * For every API request, one hook: the cross-site check, then the session cookie resolved into
 * `req.auth` (signed out: user null). Written with a callback rather than async: a request
 * without a cookie (every public read) is done without a promise or a turn of the event loop.
 * A route with `config: { auth: 'required' }` gets a hook of its own that answers 401 when
 * nobody is signed in, before its input is validated (asking every request for its route's
 * options builds an object each time).
 */
export function registerAuth(app: FastifyInstance, service: AuthService): void {
  app.decorateRequest('auth', null as unknown as Auth);
  app.decorateRequest('requireAuth', requireAuth);
  app.addHook('onRequest', (req, _reply, done) => {
    const refused = crossSiteRefusal(req);
    if (refused) return done(refused);
    const settle = (user: SessionUser | null) => {
      req.auth = { user, requestId: String(req.id), ip: req.ip };
      done();
    };
    const token = sessionToken(req);
    if (!token) return settle(null);
    service.resolveSession(token).then(settle, done);
  });
  app.addHook('onRoute', (route) => {
    if (route.config?.auth !== 'required') return;
    route.onRequest = [...[route.onRequest ?? []].flat(), signedInOnly];
  });
}

function signedInOnly(req: FastifyRequest, _reply: unknown, done: (err?: Error) => void): void {
  done(req.auth.user ? undefined : new AppError('unauthenticated', 'Sign in first.'));
}
