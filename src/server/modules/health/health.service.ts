import { sql } from 'drizzle-orm';
import type { Health, Liveness, Readiness } from '../../../shared/health.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';

type Log = { error(obj: object, msg: string): void };

/** Liveness, readiness, and a health answer that means something: it comes from the database. */
export function createHealthService(deps: { database: Database; draining?: () => boolean }) {
  /** The database answers `select 1`; 503 when it does not (the cause goes to the log, not the client). */
  async function databaseAnswers(log: Log, what: string): Promise<void> {
    try {
      await deps.database.db.execute(sql`select 1`);
    } catch (err) {
      log.error({ err }, `${what}: database unreachable`);
      throw new AppError('service_unavailable', 'The database does not answer.');
    }
  }

  return {
    async check(log: Log): Promise<Health> {
      await databaseAnswers(log, 'health check');
      return { status: 'ok', database: deps.database.kind };
    },

    /** The process is up and its event loop turns: nothing else is asked. */
    live(): Liveness {
      return { status: 'ok' };
    },

    /**
     * Ready for traffic: the database answers and has this build's last migration (503 otherwise).
     * A process shutting down answers 503 at once, while it still serves what it is sent.
     */
    async ready(log: Log): Promise<Readiness> {
      if (deps.draining?.()) throw new AppError('service_unavailable', 'This process is shutting down.');
      await databaseAnswers(log, 'readiness');
      if (!(await deps.database.migrationsCurrent()))
        throw new AppError('service_unavailable', "The database lacks this build's migrations.");
      return { status: 'ok', database: deps.database.kind, migrations: 'current' };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
