/**
 * When the persisted cache is read and written (browsers only, loaded on
 * demand): read once at start to show an earlier visit at once; written a
 * second after the stores change, when the page is hidden, and when the client
 * stops; forgotten on a user switch or a sign-out. Only the tab that holds the
 * link writes, so the user's tabs never race.
 */
import { onNotify, type ReadableAtom } from 'nanostores';
import type { TabSnapshot } from '../sync/loader.js';
import { PersistedCache, type PersistOptions } from './cache.js';

export interface PersistenceOptions extends PersistOptions {
  /** The stores whose changes are worth writing. */
  stores: readonly ReadableAtom<unknown>[];
  /** What this tab holds now, or null when it must not write (it does not hold the link). */
  collect(): Promise<TabSnapshot> | null;
}

export class Persistence {
  readonly cache: PersistedCache;
  #options: PersistenceOptions;
  #user: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped when a user's state is dropped: a write prepared before then is not made. */
  #forgotten = 0;

  constructor(options: PersistenceOptions) {
    this.#options = options;
    this.cache = new PersistedCache(options);
    for (const store of options.stores) onNotify(store, () => this.#schedule());
  }

  /** The user whose state is written from now on (null: none). */
  use(user: string | null): void {
    this.#user = user;
  }

  /** The user's state from an earlier visit, or null. */
  read(user: string): Promise<TabSnapshot | null> {
    return this.cache.read(user).catch(() => null);
  }

  /**
   * Writes now, if a write is waiting for its moment; `collected` is what the
   * tab held when it stopped (the link is gone by the time this runs).
   */
  flush(collected: Promise<TabSnapshot> | null): Promise<void> {
    return this.#timer === undefined ? Promise.resolve() : this.save(collected);
  }

  /** Writes what this tab holds (a full disk or private mode: the page works, the next visit loads). */
  async save(collected = this.#options.collect()): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const user = this.#user;
    const epoch = this.#forgotten;
    if (!user || !collected) return;
    try {
      const snapshot = await collected;
      if (epoch === this.#forgotten) await this.cache.write(user!, snapshot);
    } catch {
      // not written: the next visit loads from the server
    }
  }

  /** Drops the user's state (and, on sign-out, their waiting changes), and any write on its way. */
  async forget(user: string, options?: { queue?: boolean }): Promise<void> {
    this.#forgotten++;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#user === user) this.#user = null;
    await this.cache.forget(user, options);
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => void this.save(), 1000);
  }
}
