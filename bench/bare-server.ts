import Fastify from 'fastify';

/**
 * The baseline for `npm run bench`: a plain Fastify 5 app, logger off, no plugins.
 *
 * - `GET /bare`: a small JSON object; every ratio in the table is to this route.
 * - `GET /bare/body`: the body given in BARE_BODY (the run passes Entente's members list), sent
 *   as a ready-made string: what sending the very same bytes costs with no framework work.
 */
const app = Fastify({ logger: false });

app.get('/bare', async () => ({ status: 'ok', database: 'none' }));

const body = process.env.BARE_BODY;
if (body) {
  app.get('/bare/body', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
}

const close = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ host: process.env.HOST || '127.0.0.1', port: Number(process.env.PORT || 0) });
