import { sql } from 'drizzle-orm';
import type { Health } from '../../../shared/health.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';

/** Liveness that means something: the answer comes from the database. */
export function createHealthService(deps: { database: Database }) {
  return {
    /** `ok` when the database answers; 503 when it does not (the cause goes to the log, not the client). */
    async check(log: { error(obj: object, msg: string): void }): Promise<Health> {
      try {
        await deps.database.db.execute(sql`select 1`);
      } catch (err) {
        log.error({ err }, 'health check: database unreachable');
        throw new AppError('service_unavailable', 'The database does not answer.');
      }
      return { status: 'ok', database: deps.database.kind };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
