import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { repeating } from '../../lib/repeating.js';
import { type ClaimedMail, claimDue, markAttemptFailed, markSent } from './notifications.repo.js';

/** One plain-text message. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes: SMTP, or the log when no server is set. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * Sends through the SMTP server of `url` (`smtp://user:pass@host:587`, `smtps://…` for TLS from the
 * start). nodemailer is loaded with the first message, not at start-up.
 */
export function smtpTransport(url: string, from: string): MailTransport {
  let transporter: Promise<Transporter> | undefined;
  const connect = () =>
    (transporter ??= import('nodemailer').then((nodemailer) => nodemailer.default.createTransport(url, { from })));
  return {
    send: async (mail) => {
      await (await connect()).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    // A transport that never loaded has nothing to close (and its failure was the sends' to report).
    close: () => {
      void transporter?.then(
        (t) => t.close(),
        () => {},
      );
    },
  };
}

/** No SMTP server set: each mail is logged (never its body) and counted as sent. */
export function logTransport(log: FastifyBaseLogger): MailTransport {
  return {
    send: async (mail) => {
      log.info({ to: mail.to, subject: mail.subject }, 'mail not sent (no SMTP_URL set): logged instead');
    },
    close: () => {},
  };
}

export interface OutboxSettings {
  /** Rows claimed at a time. */
  batchSize?: number;
  /** A claim older than this is a process that died mid-send: the row is claimable again. */
  leaseSeconds?: number;
  /** Attempts before a row is given up (`failed_at`). */
  maxAttempts?: number;
}

/** Seconds to wait before attempt `attempts + 1`: one minute, doubling, at most six hours. */
export const retryDelaySeconds = (attempts: number): number => Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 3600);

/**
 * Sends the outbox's due mail. Any number of app processes run one on the same database: each
 * claims rows before sending them, so a row is sent by one of them (and once, unless a process
 * dies between the SMTP server's answer and marking the row sent: then it is sent again after
 * the lease; mail is at-least-once there, as any outbox over SMTP is).
 */
export function createOutboxDrainer(options: {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  transport: MailTransport;
  settings?: OutboxSettings;
}) {
  const { db, clock, log, transport } = options;
  const batchSize = options.settings?.batchSize ?? 20;
  const leaseSeconds = options.settings?.leaseSeconds ?? 300;
  const maxAttempts = options.settings?.maxAttempts ?? 8;
  const worker = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

  async function sendOne(mail: ClaimedMail): Promise<boolean> {
    try {
      await transport.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retry = mail.attempts < maxAttempts;
      const retryAt = retry
        ? sql<Date>`(${clock.sql()} + make_interval(secs => ${retryDelaySeconds(mail.attempts)}))`
        : null;
      await markAttemptFailed(db, mail.id, worker, message, retryAt, clock.sql());
      log.warn({ outboxId: mail.id, attempts: mail.attempts, retry, err: message }, 'mail not sent');
      return false;
    }
    await markSent(db, mail.id, worker, clock.sql());
    return true;
  }

  async function drain(stopped: () => boolean): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    // Batch after batch until nothing is due: a failed row waits for its next attempt, so this ends.
    while (!stopped()) {
      const claimed = await claimDue(db, clock.sql(), worker, batchSize, leaseSeconds);
      if (claimed.length === 0) break;
      for (const mail of claimed) {
        if (await sendOne(mail)) sent += 1;
        else failed += 1;
      }
    }
    if (sent + failed > 0) log.info({ sent, failed }, 'outbox drained');
    return { sent, failed };
  }

  const runner = repeating({ work: drain, log, failure: 'outbox drain failed' });

  return {
    worker,
    /** Sends what is due now, once; a call while a drain runs in this process waits for that one. */
    drainOnce: runner.runOnce,
    /** Drains every `intervalMs` until stopped; a failed drain is logged and tried again next time. */
    start: runner.start,
    /** The last drain that ended (metrics). */
    lastRun: runner.lastRun,
    /** Stops the interval and waits for a drain in progress (it finishes its current mail). */
    async stop(): Promise<void> {
      await runner.stop();
      transport.close();
    },
  };
}

export type OutboxDrainer = ReturnType<typeof createOutboxDrainer>;
