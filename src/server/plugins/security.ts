import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** Content-Security-Policy: scripts only from us; Mantine sets inline style attributes. */
export const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  },
};

/**
 * The headers helmet sets, worked out once: helmet is run at start-up against a response that
 * only records what is set. They are the same for every request, so building them per request
 * (as @fastify/helmet does, CSP parsing included) only costs time.
 */
function securityHeaders(): [string, string][] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string | string[]) => headers.push([name, String(value)]),
    removeHeader: () => {},
  } as unknown as ServerResponse;
  helmet({ contentSecurityPolicy, crossOriginEmbedderPolicy: false })({} as IncomingMessage, recorder, () => {});
  return headers;
}

/**
 * JSON answers are never pages: the OWASP REST set, half of helmet's (which is for documents):
 * nothing may run or be framed, no other site may read it, no sniffing, no referrer, HTTPS only.
 */
const API_HEADERS: [string, string][] = [
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
  ['cross-origin-resource-policy', 'same-origin'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
];

/**
 * On every response: the security headers and the request id, so that a user can quote it when
 * reporting a problem. Pages and files get helmet's headers with our CSP; the API gets its own
 * shorter set. One synchronous hook, the headers worked out at start-up: bench/layers.ts measured
 * helmet rebuilt per request at about 40 µs, half the cost of a cached read, and every header
 * set costs a little more.
 */
export function registerResponseHeaders(app: FastifyInstance): void {
  const pageHeaders = securityHeaders();
  app.addHook('onRequest', (req, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of req.url.startsWith('/api/v1/') ? API_HEADERS : pageHeaders) res.setHeader(name, value);
    res.setHeader('x-request-id', req.id);
    done();
  });
}
