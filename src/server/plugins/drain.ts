import type { IncomingMessage, RequestListener, Server } from 'node:http';
import { PROBLEM_TYPE, problemOf } from './errors.js';
import { genReqId } from './request-context.js';

/** Reads a proxy may send again to another process (nginx retries no other method). */
const RETRIED = new Set(['GET', 'HEAD']);

/** A read that came through a proxy (which says so in X-Forwarded-For or RFC 7239's Forwarded): the proxy can take it elsewhere. */
const proxiedRead = (req: IncomingMessage): boolean =>
  RETRIED.has(req.method ?? '') &&
  (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined);

/**
 * How a process answers once it drains (SIGTERM, main.ts), installed only then, so that serving
 * costs nothing extra until a process stops:
 * - every answer closes its connection, so that clients and the proxy open new ones elsewhere;
 * - a read that came through a proxy (it carries X-Forwarded-For or Forwarded) is answered 503 at once. The
 *   proxy sends it to another process and takes this one out of its rotation (nginx:
 *   `proxy_next_upstream http_503` with `max_fails`, docs/production.md). So nothing waits in
 *   this process's accept queue when its listener closes: the kernel resets a connection still
 *   queued then, and a write on it would be lost (a proxy retries only reads; a 502);
 * - everything else is served: writes, which a proxy would not send again, and every request
 *   from a client that talks to the process directly.
 */
export function drainRequests(server: Server): void {
  const handlers = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    res.setHeader('connection', 'close');
    if (!proxiedRead(req)) {
      for (const handle of handlers) handle.call(server, req, res);
      return;
    }
    const problem = problemOf(
      'service_unavailable',
      'This process is shutting down: another one answers.',
      req.url ?? '/',
      genReqId(req),
    );
    res.writeHead(503, { 'content-type': PROBLEM_TYPE, 'retry-after': '1' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(problem));
  });
}
