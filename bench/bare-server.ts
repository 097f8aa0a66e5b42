import Fastify from 'fastify';

/**
 * The baseline for `npm run bench`: a plain Fastify 5 app, logger off, no plugins.
 *
 * - `GET /bare`: a small JSON object; every ratio in the table is to this route.
 * - `GET /bare/sized/:bytes`: a pre-serialized JSON string of exactly that many bytes, for a
 *   reference row: what a response the size of the members list costs with no framework work.
 */
const app = Fastify({ logger: false });

app.get('/bare', async () => ({ status: 'ok', database: 'none' }));

const bodies = new Map<number, string>();
app.get<{ Params: { bytes: string } }>('/bare/sized/:bytes', async (req, reply) => {
  const bytes = Math.min(Math.max(Number.parseInt(req.params.bytes, 10) || 0, 12), 10_000_000);
  let body = bodies.get(bytes);
  if (body === undefined) {
    body = `{"pad":"${'x'.repeat(bytes - 10)}"}`;
    bodies.set(bytes, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
});

const close = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ host: process.env.HOST || '127.0.0.1', port: Number(process.env.PORT || 0) });
