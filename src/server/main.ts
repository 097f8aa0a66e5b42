import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import pino from 'pino';
import { openConfiguredDatabase } from './db/open.js';
import { type Env, EnvError, loadEnv } from './env.js';
import { loggerOptions } from './lib/logger.js';

/**
 * Connections the kernel holds for the process to accept (capped by `net.core.somaxconn`, 4096 on
 * current Linux). Node's default, 511, overflows when a proxy opens a connection per request and
 * hundreds are in flight while the event loop is busy; an overflowing connection is dropped, and
 * its client tries again only after 1, then 3, then 7 seconds (bench/RESULTS.md, issue 12).
 */
const LISTEN_BACKLOG = 4096;

/** How long a stopping process waits for its open connections to deliver their last request. */
const CONNECTIONS_DRAIN_MS = 1000;

/**
 * Closes the listener (new connections are refused: a proxy tries another process), then waits up
 * to CONNECTIONS_DRAIN_MS for the open connections to end: each answer now closes its connection,
 * and a connection accepted a moment ago still has its request to deliver and have answered.
 * `server.close()` would instead close at once every connection with no request parsed yet, and
 * a request already sent on one of those would be lost (a reset, a proxy's 502).
 */
async function stopAccepting(server: Server): Promise<void> {
  if (!server.listening) return;
  NetServer.prototype.close.call(server);
  const until = performance.now() + CONNECTIONS_DRAIN_MS;
  while (performance.now() < until) {
    const open = await new Promise<number>((resolve) => server.getConnections((_err, n) => resolve(n ?? 0)));
    if (open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function settingsOrExit(): Env {
  try {
    return loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * Start-up: settings → database (migrated, seeded when empty) → app → listen; graceful close on
 * signals. Each phase's time is logged at debug level (`LOG_LEVEL=debug`).
 */
async function main(): Promise<void> {
  const started = performance.now();
  const env = settingsOrExit();
  const log = pino(loggerOptions(env) as pino.LoggerOptions);
  const phase = async <T>(name: string, work: Promise<T> | (() => Promise<T>)): Promise<T> => {
    const from = performance.now();
    const result = await (typeof work === 'function' ? work() : work);
    log.debug({ phase: name, ms: Math.round(performance.now() - from) }, `start-up: ${name}`);
    return result;
  };
  // From the process's start: Node itself, and the code that had to load before this line ran.
  log.debug({ phase: 'node and first code', ms: Math.round(started) }, 'start-up: node and first code');

  // PGlite starts opening its database in a worker thread, and the rest of the server's code
  // loads, and the app is built, meanwhile on this one.
  const opening = openConfiguredDatabase(env, { deferReady: true, worker: true });
  const code = phase(
    'code load',
    Promise.all([import('./app.js'), import('./db/seed/demo.js'), import('./modules/users/users.service.js')]),
  );
  const database = await opening;
  const [{ buildApp }, { isEmpty, seedDemo }, { createUsersService }] = await code;
  const { systemAuth } = await import('./lib/auth-context.js');

  // Built before the database answers: building asks nothing of it, and fills the gaps while
  // PGlite reads and compiles its WebAssembly.
  const app = await phase('app build', () =>
    buildApp({
      database,
      logger: loggerOptions(env),
      webDist: env.WEB_DIST || null,
      publicUrl: env.PUBLIC_URL ?? null,
      trustProxy: env.TRUST_PROXY,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      metricsToken: env.METRICS_TOKEN,
      disableCache: !env.READ_CACHE,
      session: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS },
      mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    }),
  );
  await phase('database open', database.ready);
  await phase('migrations', () => database.migrate());
  if (env.SEED_DEMO && (await phase('seed check', () => isEmpty(database.db)))) {
    const counts = await phase('demo seed', () => seedDemo(database.db));
    process.stdout.write(
      `Loaded the demo coalition: ${counts.members} members, ${counts.people} people, ${counts.actors} actors, ${counts.meetings} meetings, ${counts.statements} statements, ${counts.indicators} indicators with ${counts.values} report values, ${counts.pledges} pledges.\n`,
    );
  }
  const firstAdmin = await phase('first administrator', () =>
    createUsersService({ db: database.db }).ensureFirstAdmin(systemAuth('first-start')),
  );
  if (firstAdmin) {
    // Printed once, to the terminal only (never to the log): it is the only copy of this password.
    process.stdout.write(
      `\nFirst start: an administrator account was created.\n  email:    ${firstAdmin.email}\n  password: ${firstAdmin.password}\nKeep it now; it will not be shown again.\n\n`,
    );
  }

  // A SIGTERM (an orchestrator, systemd, `docker stop`) drains: readiness answers 503, a read that
  // came through a proxy is answered 503 for the proxy to send elsewhere, and every answer closes
  // its connection (plugins/drain.ts), while the process keeps serving the rest for
  // SHUTDOWN_GRACE_MS so that a proxy or load balancer sends what comes next elsewhere; then the
  // listener closes, the requests in flight finish, and the database closes. SIGINT (Ctrl-C at a
  // terminal) does not wait.
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    const grace = signal === 'SIGTERM' ? env.SHUTDOWN_GRACE_MS : 0;
    app.startDraining();
    if (grace > 0) {
      app.log.info({ signal, graceMs: grace }, 'draining: readiness answers 503; still serving for the grace period');
      await new Promise((resolve) => setTimeout(resolve, grace));
    }
    app.log.info({ signal }, 'closing: finishing requests in flight');
    const timer = setTimeout(() => {
      app.log.error('close took over 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    try {
      await stopAccepting(app.server);
      await app.close();
      await database.close();
      app.log.info('closed');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while closing');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));

  try {
    await phase('listen', () => app.listen({ host: env.HOST, port: env.PORT, backlog: LISTEN_BACKLOG }));
  } catch (err) {
    app.log.error({ err }, 'could not listen');
    await database.close();
    process.exit(1);
  }
  app.log.info(
    { database: database.kind, startupMs: Math.round(performance.now()) },
    `Entente is at http://${env.HOST}:${env.PORT}`,
  );

  // Mail waits in the outbox until a process sends it; every process drains, claiming rows so that
  // each is sent once. Stopped by app.close().
  app.outbox.start(env.OUTBOX_INTERVAL_MS);
  if (!env.SMTP_URL) app.log.info('no SMTP_URL set: mail is logged, not sent');
  // Procedures whose deadline passed are settled by any read that comes first; every process also
  // sweeps them (and sends the reminders) on an interval. Stopped by app.close().
  app.procedureSweeper.start(env.PROCEDURE_SWEEP_INTERVAL_MS);

  // Serving already. A moment later (so that the first health check is not queued behind it) the
  // reads every page starts with are loaded into the cache, so that the first visitors do not each
  // pay a miss; a visitor who comes meanwhile shares the same load.
  setTimeout(() => {
    void phase('cache warm-up', () =>
      Promise.all(['/api/v1/members', '/api/v1/meetings'].map((url) => app.inject({ url }))),
    ).catch((err) => app.log.warn({ err }, 'cache warm-up failed'));
  }, 1000).unref();
}

main().catch((err) => {
  process.stderr.write(`Entente could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
