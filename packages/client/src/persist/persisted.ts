/**
 * The client's side of the persisted cache (`persistence.ts`, whose code and
 * database load the first time a page needs them): shows an earlier visit's
 * state while nothing else is shown and its changes still waiting, saves when
 * the page is hidden and when the client stops, and forgets a user on a switch
 * or a sign-out. Off where state cannot persist (Node, SSR) or when the host
 * says so.
 */
import type { ReadableAtom } from 'nanostores';
import type { QueueStore } from '../offline/queue.js';
import type { Queued } from '../sync/change.js';
import type { TabSnapshot } from '../sync/loader.js';
import type { PersistedCache } from './cache.js';
import type { Persistence } from './persistence.js';

export interface PersistedOptions {
  baseUrl: string;
  maxAgeMs: number;
  maxItems: number;
  /** The stores whose changes are worth writing. */
  stores: readonly ReadableAtom<unknown>[];
  /** What this tab holds now, or null when it must not write (it does not hold the link). */
  collect(): Promise<TabSnapshot> | null;
  /** Whether the page shows nothing yet but what is loading (an earlier visit may show meanwhile). */
  blank(): boolean;
  /** Shows an earlier visit's state. */
  restore(snapshot: TabSnapshot): void;
  /** Shows an earlier visit's changes that still wait. */
  mirror(changes: Queued[]): Promise<void>;
}

export class Persisted {
  /** Where waiting changes are kept for the next visit, or null when nothing persists. */
  readonly queueStore: QueueStore | null;
  #options: PersistedOptions | null;
  #persistence: Promise<Persistence> | null = null;
  #user: string | null = null;

  /** `options`: null when state does not persist. */
  constructor(options: PersistedOptions | null) {
    this.#options = options;
    this.queueStore = options && {
      put: async (change) => this.#user && (await this.#load()).cache.putQueued(this.#user, change),
      delete: async (key) => this.#user && (await this.#load()).cache.deleteQueued(this.#user, key),
    };
  }

  /** The cache (for the user of a token), loaded now; null when nothing persists. */
  cache(): Promise<PersistedCache> | null {
    return this.#options && this.#load().then((persistence) => persistence.cache);
  }

  /** Writes `user`'s state from now on, and shows their earlier visit while nothing else is shown. */
  async show(user: string): Promise<void> {
    const options = this.#options;
    if (!options) return;
    this.#user = user;
    const store = await this.#load();
    store.use(user);
    const [snapshot, waiting] = await Promise.all([store.read(user), store.cache.listQueued(user).catch(() => [])]);
    if (snapshot && options.blank()) options.restore(snapshot);
    if (waiting.length > 0) await options.mirror(waiting);
  }

  /** The page is hidden: writes now (a reload or a close may follow). */
  save(): void {
    void this.#persistence?.then((store) => store.save());
  }

  /** Writes what waits to be written, with `held`: what the tab held when it stopped. */
  flush(held: Promise<TabSnapshot> | null): Promise<void> | undefined {
    return this.#persistence?.then((store) => store.flush(held));
  }

  /** Drops a user's state (`queue`: their waiting changes too, on sign-out). */
  forget(user: string, options?: { queue?: boolean }): Promise<void> | undefined {
    if (this.#user === user) this.#user = null;
    return this.#persistence?.then((store) => store.forget(user, options));
  }

  #load(): Promise<Persistence> {
    const { baseUrl, maxAgeMs, maxItems, stores, collect } = this.#options!;
    return (this.#persistence ??= import('./persistence.js').then(
      ({ Persistence }) => new Persistence({ baseUrl, maxAgeMs, maxItems, stores, collect }),
    ));
  }
}
