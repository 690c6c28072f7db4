/**
 * Who the signed-in user is (the key of their tabs' shared stream and of their
 * persisted state): the host's `userId`, else the persisted cache's record for
 * this token, else `GET /v1/me`. The server is asked once per token: the answer
 * serves `me()` too and is remembered in the cache (by a hash of the token), so
 * a later visit and the user's other tabs ask nothing. Tabs look up one at a
 * time (a Web Lock), so a tab opened while another asks reads its answer. A
 * failure is retried through the client's health.
 */
import type { User } from '@pd-notify/protocol/wire';
import type { PdError } from './errors.js';
import type { PersistedCache } from './persist/cache.js';
import { Backoff, Retry, type Later } from './realtime/backoff.js';
import type { Rest } from './rest.js';
import type { Tokens } from './tokens.js';

export interface IdentityOptions {
  rest: Rest;
  tokens: Tokens;
  /** The persisted cache, or null where state does not persist. */
  cache(): Promise<PersistedCache> | null;
  /** How a retry waits (the client's health). */
  later: Later;
  /** The Web Lock tabs take to look up one at a time: one per base URL. */
  lock: string;
}

export class Identity {
  /** The user's id, once known. */
  id: string | null;
  #options: IdentityOptions;
  #user: Promise<User> | null = null;
  #retry: Retry;
  /** Ends the wait of `identify()` between two tries. */
  #waiting: (() => void) | null = null;
  /** Bumped by `cancel()` and `reset()`: an identification under way stops. */
  #generation = 0;

  constructor(options: IdentityOptions, userId: string | null) {
    this.#options = options;
    this.id = userId;
    this.#retry = new Retry(new Backoff(), options.later);
  }

  /** The signed-in user: this token's remembered user, or the server's answer (asked once). */
  me(): Promise<User> {
    const user = (this.#user ??= this.#lookUp());
    user.catch(() => {
      if (this.#user === user) this.#user = null;
    });
    return user;
  }

  /**
   * The user's id, once known; failures are retried (each told to `failed`).
   * Null when `cancel()` or `reset()` came first.
   */
  async identify(failed: (error: PdError) => void): Promise<string | null> {
    const generation = this.#generation;
    while (this.id === null) {
      try {
        const { id } = await this.me();
        if (generation !== this.#generation) return null;
        this.id = id;
        this.#retry.succeeded();
      } catch (error) {
        if (generation !== this.#generation) return null;
        const pdError = error as PdError;
        failed(pdError);
        await new Promise<void>((resolve) => {
          this.#waiting = resolve;
          this.#retry.schedule(resolve, pdError.retryAfterMs ?? 0);
        });
        if (generation !== this.#generation) return null;
      }
    }
    return this.id;
  }

  /** When the next try is due, while waiting for one. */
  get retryAt(): number | null {
    return this.#retry.at;
  }

  /** Tries again now (back online, the page shown, a refresh). */
  wake(): void {
    this.#retry.wake();
  }

  /** Stops identifying (the client stopped); what is known stays. */
  cancel(): void {
    this.#generation++;
    this.#retry.cancel();
    this.#waiting?.();
    this.#waiting = null;
  }

  /** Another token: forgets the user (`userId`: the new one's, when the host knows it). */
  reset(userId: string | null): void {
    this.cancel();
    this.id = userId;
    this.#user = null;
  }

  async #lookUp(): Promise<User> {
    const { rest, tokens, lock } = this.#options;
    const token = await tokens.current();
    const cache = await this.#options.cache()?.catch(() => null);
    if (!cache) return rest.me();
    const ask = async (): Promise<User> => {
      const known = await cache.userOf(token).catch(() => null);
      if (known) return known;
      const user = await rest.me();
      await cache.rememberUser(token, user).catch(() => {});
      return user;
    };
    const locks = globalThis.navigator?.locks;
    return locks ? locks.request(lock, ask) : ask();
  }
}
