import { type SQL, sql } from 'drizzle-orm';

/**
 * What time it is, asked in one place. Anything a deadline or an expiry decides (sessions, the
 * sign-in throttle, silence procedures) is computed in SQL with `sql()`: the database's `now()`
 * in production, so every process agrees whatever its own clock says. Tests inject a clock they
 * set, and nothing they assert depends on today's date.
 */
export interface Clock {
  /** The current instant as SQL: the database's `now()`, or the instant a test set. */
  sql(): SQL<Date>;
  /** The current instant in this process, for what is only shown (which meetings are upcoming). */
  now(): Date;
}

export const systemClock: Clock = {
  sql: () => sql<Date>`now()`,
  now: () => new Date(),
};

export interface SettableClock extends Clock {
  set(to: Date | string): void;
  /** Moves the clock forward (or back, with a negative value). */
  advance(ms: number): void;
}

/** A clock that stands still at `start` until a test moves it. */
export function fixedClock(start: Date | string): SettableClock {
  let at = new Date(start);
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock: not an instant: ${String(start)}`);
  return {
    sql: () => sql<Date>`${at.toISOString()}::timestamptz`,
    now: () => new Date(at),
    set: (to) => {
      at = new Date(to);
    },
    advance: (ms) => {
      at = new Date(at.getTime() + ms);
    },
  };
}

/** `clock.sql()` plus or minus a whole number of minutes, in SQL. */
export const minutesFrom = (clock: Clock, minutes: number): SQL<Date> =>
  sql<Date>`(${clock.sql()} + make_interval(mins => ${minutes}))`;
