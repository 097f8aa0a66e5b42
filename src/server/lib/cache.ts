import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Listen, Tx } from '../db/client.js';

const CHANNEL = 'entente_cache';

interface Entry {
  generation: string;
  /** The load in flight: every request that misses meanwhile waits for this one read. */
  pending?: Promise<unknown>;
  value?: unknown;
}

/**
 * Read-through cache of small, hot, public reads (the member registry), correct across processes.
 *
 * Every write that touches a tag sends `pg_notify` in its own transaction, so every process
 * sharing the database drops that tag when the write commits; the writing process also drops
 * it at once, so it reads its own writes. While the LISTEN connection is down the cache is
 * bypassed: a missed notification can never leave a stale entry. A load that raced a write
 * (started before, finished after) is not stored, thanks to the per-tag generation.
 */
export class Cache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private enabled: boolean;
  private unlisten: (() => Promise<void>) | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Counted for metrics: served from memory, read from the database, or read with the cache off or bypassed. */
  readonly stats = { hits: 0, misses: 0, bypassed: 0 };

  constructor(
    private readonly options: {
      /** Another process may write the same database (PostgreSQL): listen for its changes. */
      crossProcess: boolean;
      listen?: Listen;
      log?: FastifyBaseLogger;
      maxEntries?: number;
      disabled?: boolean;
    },
  ) {
    this.enabled = !options.crossProcess && !options.disabled;
  }

  /** Subscribes to other processes' changes; until that succeeds the cache stays bypassed. */
  async start(): Promise<void> {
    if (!this.options.crossProcess || this.options.disabled || !this.options.listen) return;
    try {
      this.unlisten = await this.options.listen(
        CHANNEL,
        (tag) => this.invalidate(tag),
        () => this.onLost(),
      );
      this.clear();
      this.enabled = true;
    } catch (err) {
      this.options.log?.warn({ err }, 'cache listener could not connect; cache bypassed, retrying');
      this.scheduleRetry();
    }
  }

  private onLost(): void {
    if (this.stopped) return;
    this.enabled = false;
    this.clear();
    this.options.log?.warn('cache listener lost; cache bypassed until it reconnects');
    this.unlisten?.().catch(() => {});
    this.unlisten = null;
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start();
    }, 1000);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.unlisten?.();
  }

  private generation(tag: string): number {
    return this.generations.get(tag) ?? 0;
  }

  /** One string for the generations of several tags: it changes when any of them does. */
  private generationOf(tags: string[]): string {
    return tags.map((t) => this.generation(t)).join('.');
  }

  private clear(): void {
    this.entries.clear();
    for (const tag of this.generations.keys()) this.generations.set(tag, this.generation(tag) + 1);
  }

  /**
   * The cached value of `key`, or what `load` returns. `tags` are what the value depends on; a
   * write to any of them drops it. A load that a write raced is returned but not stored.
   *
   * Requests that miss while a load of the same generation is in flight share it instead of
   * each reading the database: right after a write (an attendance recorded during a ministerial)
   * every reader misses at once, and one read serves them all. A load started before the write
   * is never shared with a request that came after it: the write changed the generation.
   */
  async get<T>(tags: string | string[], key: string, load: () => Promise<T>): Promise<T> {
    const list = typeof tags === 'string' ? [tags] : tags;
    const fullKey = `${list.join('+')}:${key}`;
    const generation = this.generationOf(list);
    if (!this.enabled) {
      this.stats.bypassed++;
      return load();
    }
    const known = this.entries.get(fullKey);
    if (known && known.generation === generation) {
      this.stats.hits++;
      return (known.pending ? known.pending : known.value) as T;
    }
    this.stats.misses++;
    const entry: Entry = { generation };
    const pending = load();
    entry.pending = pending;
    if (this.entries.size >= (this.options.maxEntries ?? 500)) this.entries.clear();
    this.entries.set(fullKey, entry);
    try {
      const value = await pending;
      if (this.entries.get(fullKey) === entry) {
        // Kept only if nothing was written meanwhile (and the cache was not turned off).
        if (this.enabled && this.generationOf(list) === generation) {
          entry.value = value;
          entry.pending = undefined;
        } else {
          this.entries.delete(fullKey);
        }
      }
      return value;
    } catch (err) {
      // A failed load (a missing record, a database error) is not kept: the next request tries again.
      if (this.entries.get(fullKey) === entry) this.entries.delete(fullKey);
      throw err;
    }
  }

  /** Drops every entry under `tag` in this process. */
  invalidate(tag: string): void {
    this.generations.set(tag, this.generation(tag) + 1);
  }

  /** Inside a write's transaction: tells every other process to drop `tag` when it commits. */
  async announce(tx: Tx, tag: string): Promise<void> {
    if (this.options.crossProcess) await tx.execute(sql`select pg_notify(${CHANNEL}, ${tag})`);
  }
}
