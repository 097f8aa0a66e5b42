import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { API_DOCS_PATH, OPENAPI_PATH } from '../../shared/open-data.js';

/** The files of swagger-ui-dist the page loads; nothing else of its folder is served. */
const UI_FILES = new Set(['/swagger-ui.css', '/swagger-ui-bundle.js', '/favicon-32x32.png', '/favicon-16x16.png']);

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Entente API</title>
<link rel="stylesheet" href="${API_DOCS_PATH}/static/swagger-ui.css">
<link rel="icon" type="image/png" href="${API_DOCS_PATH}/static/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${API_DOCS_PATH}/static/swagger-ui-bundle.js"></script>
<script src="${API_DOCS_PATH}/init.js"></script>
</body>
</html>
`;

// A file of its own: the pages' CSP runs no inline script.
const INIT = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(OPENAPI_PATH)}, dom_id: '#swagger-ui', deepLinking: true });\n`;

/**
 * The API's reference: the OpenAPI document that @fastify/swagger builds from the routes' schemas,
 * at OPENAPI_PATH, and Swagger UI (swagger-ui-dist's own files) reading it at API_DOCS_PATH.
 * @fastify/swagger-ui did the same with a YAML copy and theming that Entente does not use, and
 * loading it (its YAML parser, a second copy of @fastify/static) was a tenth of a start
 * (bench/RESULTS.md, start-up).
 */
export async function apiDocs(app: FastifyInstance): Promise<void> {
  const hide = { schema: { hide: true } };
  app.get(OPENAPI_PATH, hide, async () => app.swagger());
  app.get(API_DOCS_PATH, hide, async (_req, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  app.get(`${API_DOCS_PATH}/init.js`, hide, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').send(INIT),
  );
  await app.register(fastifyStatic, {
    root: dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')),
    prefix: `${API_DOCS_PATH}/static/`,
    decorateReply: false,
    allowedPath: (path) => UI_FILES.has(path),
    cacheControl: true,
    maxAge: '1d',
  });
}
