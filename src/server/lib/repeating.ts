import type { FastifyBaseLogger } from 'fastify';

/**
 * Background work that every process runs on an interval (the outbox's drainer, the procedures'
 * sweeper): one run at a time in a process (a run asked for while one is under way waits for that
 * one), a failed run logged and tried again at the next tick, and a stop that waits for the run
 * in progress. The work reads `stopped()` to end early between its batches.
 */
export function repeating<T>(options: {
  work: (stopped: () => boolean) => Promise<T>;
  log: FastifyBaseLogger;
  /** Logged when a run fails, e.g. "outbox drain failed". */
  failure: string;
}) {
  let running: Promise<T> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const isStopped = () => stopped;
  /** The last run that ended (metrics): when it ended, whether it succeeded, how long it took. */
  let lastRun: { endedAt: number; ok: boolean; durationMs: number } | null = null;

  /** Runs the work now, once; a call while a run is under way in this process waits for that one. */
  function runOnce(): Promise<T> {
    if (!running) {
      const started = performance.now();
      const ended = (ok: boolean) => {
        lastRun = { endedAt: Date.now(), ok, durationMs: performance.now() - started };
      };
      running = options
        .work(isStopped)
        .then(
          (result) => {
            ended(true);
            return result;
          },
          (err: unknown) => {
            ended(false);
            throw err;
          },
        )
        .finally(() => {
          running = null;
        });
    }
    return running;
  }

  return {
    runOnce,
    lastRun: () => lastRun,
    /** Runs every `intervalMs` until stopped. */
    start(intervalMs: number): void {
      stopped = false;
      const tick = () => {
        timer = setTimeout(async () => {
          try {
            await runOnce();
          } catch (err) {
            options.log.error({ err }, options.failure);
          }
          if (!stopped) tick();
        }, intervalMs);
        timer.unref();
      };
      tick();
    },
    /** Stops the interval and waits for a run in progress. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
