import { hash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  acceptedLanguages,
  chooseLanguage,
  LANGUAGE_COOKIE,
  LANGUAGE_PARAM,
  type Language,
} from '../../../shared/i18n.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { sendCompressed } from '../../plugins/http.js';
import { type Head, parseTemplate, renderPage, type Template } from './head.js';
import type { ListPage } from './head-catalog.js';
import type { PagesService, RecordPage } from './pages.service.js';

/** The reader's language: `?lang=`, else the language cookie, else Accept-Language (as the web app chooses). */
export function readerLanguage(req: FastifyRequest, url: URL): Language {
  return chooseLanguage({
    param: url.searchParams.get(LANGUAGE_PARAM),
    saved: req.cookies?.[LANGUAGE_COOKIE] ?? null,
    accepted: acceptedLanguages(req.headers['accept-language']),
  });
}

/**
 * Writes the built `index.html` with a page's head. The file is read again only when it changed
 * (one stat a request: tests and developers rebuild under a running server), and cut once.
 */
export function createPageWriter(options: { webDist: string; publicUrl?: string | null }) {
  const file = resolve(options.webDist, 'index.html');
  let loaded: { mtimeMs: number; size: number; template: Template } | null = null;

  async function template(): Promise<Template> {
    const now = await stat(file);
    if (!loaded || loaded.mtimeMs !== now.mtimeMs || loaded.size !== now.size) {
      loaded = { mtimeMs: now.mtimeMs, size: now.size, template: parseTemplate(await readFile(file, 'utf8')) };
    }
    return loaded.template;
  }

  // Behind a proxy, the host and scheme are the proxy's (trustProxy); PUBLIC_URL fixes them for good.
  const origin = (req: FastifyRequest): string =>
    options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : `${req.protocol}://${req.host}`;

  // The pages' compressed forms, by their hash: a page is the same for every reader of a language,
  // so brotli runs once per page, not per request. Bounded: emptied when full (any number of
  // addresses may be asked for, though every missing one gives the same page).
  const compressed = new Map<string, Promise<Buffer>>();
  const MAX_KEPT = 2000;

  return {
    /** Sends the page with its head, compressed as the client accepts; 304 when the client has it. */
    async send(req: FastifyRequest, reply: FastifyReply, head: Head, status = 200): Promise<FastifyReply> {
      const body = Buffer.from(renderPage(await template(), head, origin(req)));
      const etag = `"${hash('sha1', body, 'base64url')}"`;
      reply
        .code(status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        // The head is in the reader's language (from these headers), and a 404 depends on the session cookie.
        .header('vary', 'accept-encoding, accept-language, cookie')
        .header('etag', etag);
      if (status === 200 && req.headers['if-none-match']?.split(',').some((t) => t.trim() === etag)) {
        return reply.code(304).send();
      }
      if (compressed.size >= MAX_KEPT) compressed.clear();
      return sendCompressed(req, reply, body, compressed, etag);
    },
  };
}
export type PageWriter = ReturnType<typeof createPageWriter>;

/** The public pages whose head is the same for every record: the home and the lists. */
const LIST_PAGES: [string, ListPage][] = [
  ['/', 'home'],
  ['/members', 'members'],
  ['/meetings', 'meetings'],
  ['/statements', 'statements'],
  ['/decisions', 'decisions'],
  ['/lines-of-effort', 'linesOfEffort'],
  ['/pledges', 'pledges'],
  ['/sources', 'sources'],
  ['/open-data', 'openData'],
  ['/search', 'search'],
];

/** The public pages of one record, and the parameter of the address that names it. */
const RECORD_PAGES: [string, RecordPage, string][] = [
  ['/members/:code', 'member', 'code'],
  ['/meetings/:id', 'meeting', 'id'],
  ['/statements/:id', 'statement', 'id'],
  ['/lines-of-effort/:key', 'lineOfEffort', 'key'],
  ['/indicators/:key', 'indicator', 'key'],
  ['/pledges/:id', 'pledge', 'id'],
];

/** The address without `lang`: the page's stable address, its filters kept (a list's filters are in its query). */
function stablePath(url: URL): string {
  url.searchParams.delete(LANGUAGE_PARAM);
  const query = url.searchParams.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

const requestUrl = (req: FastifyRequest): URL => new URL(req.url, 'http://page');

/**
 * The portal's pages, served with their head written on the server (title, description,
 * canonical address, Open Graph and Twitter card) in the reader's language, so that a link
 * preview, which runs no script, shows the page. Each record is read as the public reads it.
 *
 * A record the public may not see is absent: the site's head, nothing of the record, and 404 to
 * a reader with no session. A reader with a session cookie may be allowed to see it: they get the
 * app (200, still the site's head) and the app asks the API as them.
 */
export const pagesRoutes: FastifyPluginAsync<{ service: PagesService; writer: PageWriter }> = async (
  app: FastifyInstance,
  { service, writer },
) => {
  for (const [path, page] of LIST_PAGES) {
    app.get(path, { schema: { hide: true } }, async (req, reply) => {
      const url = requestUrl(req);
      return writer.send(req, reply, service.listHead(page, readerLanguage(req, url), stablePath(url)));
    });
  }
  for (const [path, page, param] of RECORD_PAGES) {
    app.get(path, { schema: { hide: true } }, async (req, reply) => {
      const url = requestUrl(req);
      const value = (req.params as Record<string, string>)[param] ?? '';
      // The session is not looked up: the head is the public's whoever asks.
      const publicAuth = { user: null, requestId: String(req.id), ip: req.ip };
      const { found, head } = await service.recordHead(publicAuth, page, value, readerLanguage(req, url));
      const signedIn = Boolean(req.cookies?.[SESSION_COOKIE]);
      return writer.send(req, reply, head, found || signedIn ? 200 : 404);
    });
  }
};
