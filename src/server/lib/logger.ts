import type { FastifyServerOptions } from 'fastify';
import type { Env } from '../env.js';

/**
 * pino settings: JSON lines with the request id; the session cookie and any password
 * never reach a log line, whatever a future log call passes.
 */
export function loggerOptions(env: Pick<Env, 'LOG_LEVEL'>): FastifyServerOptions['logger'] {
  return {
    level: env.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}
