/**
 * PGlite in a worker thread: it opens its database here, beside the server's main thread, so that
 * a start does not wait for PGlite's WebAssembly after the app is built (bench/RESULTS.md,
 * start-up). The main thread talks to it through `pglite-remote.ts`, which gives drizzle the same
 * client surface as PGlite itself.
 *
 * Self-contained on purpose (PGlite and Node only, erasable TypeScript): Node runs this file as
 * it is in tests and development, and the build bundles it as `dist/server/pglite-worker.js`.
 */

import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { Results, Transaction } from '@electric-sql/pglite';

// This thread's modules come from Node's compile cache too (start.ts turns it on for the main one).
if (!process.env.NODE_DISABLE_COMPILE_CACHE) module.enableCompileCache?.();
const { PGlite } = await import('@electric-sql/pglite');

/** What the main thread sends; every request has an `id` that its answer repeats. */
export type Request =
  | {
      id: number;
      op: 'query';
      tx?: number;
      text: string;
      params: unknown[];
      rowMode?: 'array' | 'object';
      rawTypes?: number[];
    }
  | { id: number; op: 'exec'; tx?: number; text: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; channel: string }
  | { id: number; op: 'close' };

/** What the worker sends: answers, the database's readiness, and notifications. */
export type Message =
  | { id: number; ok: true; value?: unknown }
  | { id: number; ok: false; error: ErrorFields }
  | { ready: true }
  | { ready: false; error: ErrorFields }
  | { notify: string; payload: string };

/** An error's message, name and PostgreSQL fields (code, constraint, detail…): all that crosses. */
export type ErrorFields = Record<string, string | number | boolean | undefined> & { message: string };

export interface WorkerOptions {
  dataDir: string;
  /** Start parameters after PGlite's own (`-c name=value`…). */
  extraStartParams: string[];
}

/** The error's own fields that cross a thread unchanged: PostgreSQL's (code, constraint…) and the message. */
function errorFields(err: unknown): ErrorFields {
  if (!(err instanceof Error)) return { message: String(err) };
  const fields: ErrorFields = { message: err.message, name: err.name };
  for (const [key, value] of Object.entries(err)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value as string | number | boolean;
  }
  return fields;
}

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread');
const options = workerData as WorkerOptions;
const post = (message: Message) => port.postMessage(message);

const pg = new PGlite(options.dataDir, {
  startParams: [...PGlite.defaultStartParams, ...options.extraStartParams],
});
pg.waitReady.then(
  () => post({ ready: true }),
  (err: unknown) => post({ ready: false, error: errorFields(err) }),
);

/** Open transactions by number: each holds PGlite's transaction until the main thread ends it. */
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean) => void; done: Promise<void> }>();
let lastTransaction = 0;
const listening = new Map<string, () => Promise<void>>();
/** Thrown inside PGlite's transaction to roll it back; not an error to report. */
const ROLLBACK = Symbol('rollback');

/** Identity parsers for the types drizzle reads as text (the OIDs it named), made once per set. */
const parserSets = new Map<string, Record<number, (value: string) => string>>();
function rawParsers(oids: number[] | undefined) {
  if (!oids) return undefined;
  const key = oids.join();
  let parsers = parserSets.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(oids.map((oid) => [oid, (value: string) => value]));
    parserSets.set(key, parsers);
  }
  return parsers;
}

/** A result as plain data, to cross to the main thread. */
const plain = ({ rows, fields, affectedRows }: Results) => ({ rows, fields, affectedRows });

function client(tx: number | undefined): Pick<Transaction, 'query' | 'exec'> {
  if (tx === undefined) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error('Transaction is closed');
  return open.tx;
}

/** Starts a transaction and answers with its number once BEGIN has run. */
function begin(): Promise<number> {
  return new Promise((started, failed) => {
    const number = ++lastTransaction;
    let end!: (commit: boolean) => void;
    const ended = new Promise<boolean>((resolve) => {
      end = resolve;
    });
    let began = false;
    const done = pg
      .transaction(async (tx) => {
        began = true;
        transactions.set(number, { tx, end, done });
        started(number);
        if (!(await ended)) throw ROLLBACK;
      })
      .catch((err: unknown) => {
        if (err !== ROLLBACK) throw err;
      })
      .finally(() => transactions.delete(number));
    done.catch((err: unknown) => {
      if (!began) failed(err);
    });
  });
}

async function run(request: Request): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      return plain(
        await client(request.tx).query(request.text, request.params, {
          rowMode: request.rowMode,
          parsers: rawParsers(request.rawTypes),
        }),
      );
    }
    case 'exec':
      return (await client(request.tx).exec(request.text)).map(plain);
    case 'begin':
      return begin();
    case 'end': {
      const open = transactions.get(request.tx);
      if (!open) throw new Error('Transaction is closed');
      open.end(request.commit);
      await open.done;
      return undefined;
    }
    case 'listen':
      if (!listening.has(request.channel)) {
        listening.set(
          request.channel,
          await pg.listen(request.channel, (payload) => post({ notify: request.channel, payload })),
        );
      }
      return undefined;
    case 'unlisten':
      await listening.get(request.channel)?.();
      listening.delete(request.channel);
      return undefined;
    case 'close':
      await pg.close();
      return undefined;
  }
}

port.on('message', (request: Request) => {
  run(request).then(
    (value) => post({ id: request.id, ok: true, value }),
    (err: unknown) => post({ id: request.id, ok: false, error: errorFields(err) }),
  );
});
