import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorFields, Message, Request, WorkerOptions } from './pglite-worker.js';

/**
 * PostgreSQL settings PGlite starts with, beside its own: shared buffers of 16 MB instead of
 * PostgreSQL's 128 MB. PGlite allocates and zeroes its shared memory in WebAssembly at every
 * start: opening the demo's folder took 900 ms with 128 MB, 500 ms with 16 MB (bench/RESULTS.md,
 * start-up). A page that is not in the buffers is one `read(2)` from the kernel's page cache away
 * (PGlite's Node file system), and the demo's database is 11 MB; uncached reads were no slower.
 */
const PGLITE_SETTINGS = ['shared_buffers=16MB'];

/** The settings as start parameters, to follow PGlite's own (`PGlite.defaultStartParams`). */
export const PGLITE_EXTRA_START_PARAMS = PGLITE_SETTINGS.flatMap((setting) => ['-c', setting]);

/** A query's result as PGlite gives it. */
export interface RemoteResult<Row = Record<string, unknown>> {
  rows: Row[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** drizzle's parsers: all of them hand the text on unchanged, so only their type OIDs cross. */
  parsers?: Record<number, unknown>;
}

/** The part of PGlite's surface that drizzle and Entente use, on one connection or a transaction. */
export interface RemoteQueries {
  query<Row = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<RemoteResult<Row>>;
  exec(text: string): Promise<RemoteResult[]>;
}

export interface RemoteTransaction extends RemoteQueries {
  rollback(): Promise<void>;
  readonly closed: boolean;
}

export interface RemotePglite extends RemoteQueries {
  /** Resolves when the worker's database answers; queries made before then wait for it. */
  waitReady: Promise<void>;
  transaction<T>(work: (tx: RemoteTransaction) => Promise<T>): Promise<T>;
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** An error thrown in the worker, with its PostgreSQL fields, as the main thread sees it. */
function toError(fields: ErrorFields): Error {
  const { message, name, ...rest } = fields;
  const error = Object.assign(new Error(message), rest);
  if (typeof name === 'string') error.name = name;
  return error;
}

/** The worker's file: built beside this code in dist/server, or the TypeScript source that Node runs as it is. */
function workerFile(): URL {
  const built = new URL('./pglite-worker.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : new URL('./pglite-worker.ts', import.meta.url);
}

/**
 * Opens PGlite on `options.dataDir` in a worker thread and returns a client for it. Queries,
 * transactions (one at a time, as PGlite runs them; other queries wait) and LISTEN behave as on
 * PGlite itself; an error keeps its PostgreSQL fields but not its class.
 */
export function openPgliteWorker(options: { dataDir: string }): RemotePglite {
  const workerData: WorkerOptions = { dataDir: options.dataDir, extraStartParams: PGLITE_EXTRA_START_PARAMS };
  const worker = new Worker(workerFile(), { workerData });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let lastId = 0;
  let stopped: Error | null = null;

  let markReady!: () => void;
  let failReady!: (err: Error) => void;
  const waitReady = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  // A start that fails is reported by whoever awaits it; this keeps it from also being unhandled.
  waitReady.catch(() => {});

  const stop = (err: Error) => {
    stopped ??= err;
    failReady(err);
    for (const { reject } of pending.values()) reject(err);
    pending.clear();
  };
  worker.on('message', (message: Message) => {
    if ('notify' in message) {
      for (const onMessage of listeners.get(message.notify) ?? []) onMessage(message.payload);
    } else if ('ready' in message) {
      if (message.ready) markReady();
      else failReady(toError(message.error));
    } else {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) call?.resolve(message.value);
      else call?.reject(toError(message.error));
    }
  });
  worker.on('error', (err) => stop(err));
  worker.on('exit', (code) => stop(new Error(`PGlite's worker stopped (exit code ${code})`)));

  type Call = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;
  const call = <T>(request: Call): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++lastId;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        worker.postMessage({ ...request, id });
      } catch (err) {
        // A parameter that cannot cross a thread (a function, a symbol): nothing was sent.
        pending.delete(id);
        reject(err);
      }
    });
  };

  const queries = (tx?: number): RemoteQueries => ({
    query: (text, params = [], queryOptions = {}) =>
      call({
        op: 'query',
        tx,
        text,
        params,
        rowMode: queryOptions.rowMode,
        rawTypes: queryOptions.parsers ? Object.keys(queryOptions.parsers).map(Number) : undefined,
      }),
    exec: (text) => call({ op: 'exec', tx, text }),
  });

  return {
    ...queries(),
    waitReady,
    async transaction<T>(work: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
      const number = await call<number>({ op: 'begin' });
      let closed = false;
      /** COMMIT or ROLLBACK, once: the transaction is then over, as PGlite's own. */
      const end = async (commit: boolean) => {
        if (closed) return;
        closed = true;
        await call({ op: 'end', tx: number, commit });
      };
      const tx: RemoteTransaction = {
        ...queries(number),
        rollback: () => end(false),
        get closed() {
          return closed;
        },
      };
      let result: T;
      try {
        result = await work(tx);
      } catch (err) {
        await end(false).catch(() => {});
        throw err;
      }
      await end(true);
      return result;
    },
    async listen(channel, onMessage) {
      let channelListeners = listeners.get(channel);
      if (!channelListeners) {
        channelListeners = new Set();
        listeners.set(channel, channelListeners);
        await call({ op: 'listen', channel });
      }
      channelListeners.add(onMessage);
      return async () => {
        channelListeners.delete(onMessage);
        if (channelListeners.size === 0 && listeners.get(channel) === channelListeners) {
          listeners.delete(channel);
          await call({ op: 'unlisten', channel }).catch(() => {});
        }
      };
    },
    async close() {
      if (!stopped) await call({ op: 'close' }).catch(() => {});
      stopped ??= new Error('PGlite is closed');
      await worker.terminate();
    },
  };
}
