import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import type { Cache } from '../lib/cache.js';
import { sendProblem } from './errors.js';

type LastRun = () => { endedAt: number; ok: boolean; durationMs: number } | null;

export interface MetricsOptions {
  /** The bearer token a scraper sends; unset, `/metrics` answers 404 and nothing is measured. */
  token?: string;
  database: Database;
  cache: Cache;
  /** Background work whose last run is reported ("procedure_sweep", "outbox_drain"). */
  runs: Record<string, LastRun>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Prometheus metrics at `GET /metrics` (prom-client), for an operator's scraper only: off unless
 * a token is set (METRICS_TOKEN), then asked with `Authorization: Bearer <token>`. Each app has
 * its own registry (tests build many apps in one process). Request durations by route pattern
 * (never the raw URL: ids would make a series per record) and status; the database pool; the read
 * cache's hits and misses; the audit trail's last sequence number; background runs' last end.
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): void {
  const { token } = options;
  const schema = { hide: true } as const;
  if (!token) {
    app.get('/metrics', { schema, config: { rateLimit: false } }, (req, reply) =>
      sendProblem(req, reply, 'not_found', 'Metrics are off: set METRICS_TOKEN to turn them on.'),
    );
    return;
  }
  const expected = digest(`Bearer ${token}`);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'entente_' });

  const durations = new Histogram({
    name: 'entente_http_request_duration_seconds',
    help: 'Time from a request to its answer, by route pattern, method and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', (req, reply, done) => {
    // A request no route matched is counted under one label, whatever its path.
    const route = req.routeOptions.url ?? 'unmatched';
    if (route !== '/metrics')
      durations.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });

  const { pool } = options.database;
  new Gauge({
    name: 'entente_db_pool_connections',
    help: "PostgreSQL pool's connections by state (total, idle, waiting clients); absent on PGlite",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });

  const { cache } = options;
  new Counter({
    name: 'entente_cache_lookups_total',
    help: 'Read cache lookups: hit (from memory), miss (read and kept), bypassed (cache off or not listening)',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ result: 'hit' }, cache.stats.hits);
      this.inc({ result: 'miss' }, cache.stats.misses);
      this.inc({ result: 'bypassed' }, cache.stats.bypassed);
    },
  });

  const { db } = options.database;
  new Gauge({
    name: 'entente_audit_last_seq',
    help: "The audit trail's last sequence number (events are never updated or deleted)",
    registers: [registry],
    async collect() {
      const result = (await db.execute(sql`select coalesce(max(seq), 0)::int as seq from audit_events`)) as unknown as {
        rows: { seq: number }[];
      };
      this.set(Number(result.rows[0]?.seq ?? 0));
    },
  });

  const runs = Object.entries(options.runs);
  new Gauge({
    name: 'entente_background_last_run_timestamp_seconds',
    help: 'When each background task (procedure_sweep, outbox_drain) last ended, in Unix seconds',
    labelNames: ['task', 'outcome'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [task, lastRun] of runs) {
        const run = lastRun();
        if (run) this.set({ task, outcome: run.ok ? 'ok' : 'failed' }, run.endedAt / 1000);
      }
    },
  });

  app.get('/metrics', { schema, config: { rateLimit: false } }, async (req, reply) => {
    const given = digest(req.headers.authorization ?? '');
    if (!timingSafeEqual(given, expected)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(req, reply, 'unauthenticated', 'Metrics need the bearer token METRICS_TOKEN sets.');
    }
    const body = await registry.metrics();
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(body);
  });
}
