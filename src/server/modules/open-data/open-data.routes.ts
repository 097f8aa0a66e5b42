import { Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OpenDataCatalog } from '../../../shared/open-data.js';
import { notFound } from '../../lib/errors.js';
import { jsonSender } from '../../plugins/http.js';
import type { OpenDataService } from './open-data.service.js';

const tags = ['open data'];
const DOWNLOAD_FILE = /^([a-z][a-z-]*)\.(csv|json)$/;
const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8; header=present', json: 'application/json; charset=utf-8' };

/**
 * The download compressed as it is written, when the client takes it: a stream cannot go through
 * jsonSender (which compresses a whole body once), and a CSV compresses ten to one. Brotli at
 * quality 4 as there; gzip otherwise; raw for a client that takes neither.
 */
function encoder(accepted: string | undefined) {
  const encoding = accepted ? negotiate(accepted, ['br', 'gzip']) : null;
  if (encoding === 'br') {
    return { encoding, stream: createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) };
  }
  if (encoding === 'gzip') return { encoding, stream: createGzip({ level: 6 }) };
  return null;
}

export const openDataRoutes: FastifyPluginAsyncZod<{ service: OpenDataService }> = async (app, { service }) => {
  const sendCatalog = jsonSender(OpenDataCatalog);

  app.get(
    '/open-data',
    {
      schema: {
        tags,
        summary: 'The open data: every dataset with its columns and download URLs, and the feeds',
        response: { 200: OpenDataCatalog },
      },
    },
    async (req, reply) => sendCatalog(req, reply, service.catalog(req.auth)),
  );

  app.get(
    '/open-data/:file',
    {
      schema: {
        tags,
        summary:
          'A dataset as CSV (RFC 4180, UTF-8 with a byte order mark, a header row) or JSON ({ dataset, columns, items }), streamed',
        params: z.object({ file: z.string().max(100) }),
      },
    },
    async (req, reply) => {
      const match = DOWNLOAD_FILE.exec(req.params.file);
      if (!match) throw notFound(`Dataset file ${req.params.file}`);
      const format = match[2] as 'csv' | 'json';
      const { fileName, chunks } = service.download(req.auth, match[1] as string, format);
      reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        // Rows change with any write of their module; a download is read afresh each time.
        .header('cache-control', 'no-cache')
        .header('vary', 'accept-encoding');
      const source = Readable.from(chunks);
      const compress = encoder(req.headers['accept-encoding']);
      if (!compress) return reply.send(source);
      // A failed read destroys the compressor with its error, which ends the response.
      source.on('error', (err) => compress.stream.destroy(err));
      return reply.header('content-encoding', compress.encoding).send(source.pipe(compress.stream));
    },
  );
};
