import { buildApp } from './app.js';
import { openConfiguredDatabase } from './db/open.js';
import { isEmpty, seedDemo } from './db/seed/demo.js';
import { EnvError, loadEnv } from './env.js';
import { systemAuth } from './lib/auth-context.js';
import { loggerOptions } from './lib/logger.js';
import { createUsersService } from './modules/users/users.service.js';

/** Start-up: settings → database (migrated, seeded when empty) → app → listen; graceful close on signals. */
async function main(): Promise<void> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  const database = await openConfiguredDatabase(env);
  await database.migrate();
  if (env.SEED_DEMO && (await isEmpty(database.db))) {
    const counts = await seedDemo(database.db);
    process.stdout.write(
      `Loaded the demo coalition: ${counts.members} members, ${counts.people} people, ${counts.actors} actors, ${counts.meetings} meetings.\n`,
    );
  }
  const firstAdmin = await createUsersService({ db: database.db }).ensureFirstAdmin(systemAuth('first-start'));
  if (firstAdmin) {
    // Printed once, to the terminal only (never to the log): it is the only copy of this password.
    process.stdout.write(
      `\nFirst start: an administrator account was created.\n  email:    ${firstAdmin.email}\n  password: ${firstAdmin.password}\nKeep it now; it will not be shown again.\n\n`,
    );
  }

  const app = await buildApp({
    database,
    logger: loggerOptions(env),
    webDist: env.WEB_DIST || null,
    trustProxy: env.TRUST_PROXY,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    disableCache: !env.READ_CACHE,
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS },
  });

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing: finishing requests in flight');
    const timer = setTimeout(() => {
      app.log.error('close took over 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    try {
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
    await app.listen({ host: env.HOST, port: env.PORT });
  } catch (err) {
    app.log.error({ err }, 'could not listen');
    await database.close();
    process.exit(1);
  }
  app.log.info({ database: database.kind }, `Entente is at http://${env.HOST}:${env.PORT}`);
}

main().catch((err) => {
  process.stderr.write(`Entente could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
