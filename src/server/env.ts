import { z } from 'zod';
import { DEFAULT_DATA_DIR } from './db/pglite-early.js';

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting Entente reads, in one place, validated once at start-up. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a reverse proxy that sets X-Forwarded-*: needed for the real client address and Secure cookies. */
  TRUST_PROXY: Bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(60 * 12),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Serve hot public reads (the member registry) from memory, invalidated on every write. */
  READ_CACHE: Bool.default(true),
  /** Seed the demo coalition into an empty database at start-up. */
  SEED_DEMO: Bool.default(true),
  /** The SMTP server mail is sent through (`smtp://user:pass@host:587`, `smtps://…`); unset: mail is logged. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of Entente's mail. */
  MAIL_FROM: z.string().min(3).optional(),
  /** How often each process sends the outbox's due mail, in milliseconds. */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /**
   * How often each process applies the procedures whose deadline has passed and sends their
   * reminders, in milliseconds. Reads apply a passed deadline themselves: this only decides how
   * soon an adoption nobody looks at is made (and notified).
   */
  PROCEDURE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /**
   * Turns on Prometheus metrics at `GET /metrics`, asked with `Authorization: Bearer <token>`;
   * unset, metrics are off (404). At least 16 characters.
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * The site's address as readers reach it (`https://entente.example.org`): pages' canonical
   * links and link previews name it. Unset: the request's scheme and host (behind a proxy, with
   * TRUST_PROXY).
   */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+\/?$/, 'must be an http:// or https:// origin, with no path')
    .optional(),
  /**
   * On SIGTERM, how long the process keeps serving before it closes its listener, in
   * milliseconds: readiness (`/api/v1/health/ready`) answers 503 at once and every answer closes
   * its connection, so that a load balancer or reverse proxy moves its traffic to the other
   * processes first; then requests in flight finish (up to 10 s) and the process exits. SIGINT
   * (Ctrl-C) skips it. Behind a load balancer that polls readiness, set it above the time that
   * balancer needs to notice (interval × failures).
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(2000),
  /** Serve the built web app from this folder (empty: API only). */
  WEB_DIST: z.string().default('dist/web'),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Reads the settings from `source`, or throws one message naming every bad setting. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
