import { z } from 'zod';

const DatabaseKind = z.enum(['pglite', 'postgresql']);

/** GET /api/v1/health: the database answers. */
export const Health = z.object({ status: z.literal('ok'), database: DatabaseKind });
export type Health = z.infer<typeof Health>;

/** GET /api/v1/health/live: the process answers (no database asked: a restart would not help a database down). */
export const Liveness = z.object({ status: z.literal('ok') });
export type Liveness = z.infer<typeof Liveness>;

/** GET /api/v1/health/ready: the database answers and has every migration of this build. */
export const Readiness = z.object({
  status: z.literal('ok'),
  database: DatabaseKind,
  migrations: z.literal('current'),
});
export type Readiness = z.infer<typeof Readiness>;
