/**
 * `$connection`, one store for what the page needs to say about the network:
 * the realtime link's state; until the link starts, a failure to identify the
 * user; while the server fails (the client's health), that failure and when the
 * next probe goes, rather than each waiting step's own; and the changes waiting
 * to be sent.
 */
import { atom, type ReadableAtom } from 'nanostores';
import type { PdError } from './errors.js';
import type { Health } from './health.js';
import type { ConnectionState, ConnectionStatus, LinkState } from './realtime/types.js';

const IDLE: LinkState = { status: 'idle', reason: null, error: null, retryAt: null };

export class Connection {
  readonly $connection: ReadableAtom<ConnectionState>;
  #store = atom<ConnectionState>({ ...IDLE, pending: 0 });
  #health: Health;
  #link: LinkState = IDLE;
  #pending = 0;

  constructor(health: Health) {
    this.$connection = this.#store;
    this.#health = health;
    health.onChange(() => this.#publish());
  }

  /** The link's state (idle once it stopped). */
  link(state: LinkState = IDLE): void {
    this.#link = state;
    this.#publish();
  }

  /** The user could not be identified (the link cannot start yet); retried at `retryAt`. */
  unidentified(error: PdError, retryAt: number | null): void {
    const status: ConnectionStatus =
      error.kind === 'auth' ? 'error' : error.kind === 'network' ? 'offline' : 'connecting';
    this.link({ status, reason: `could not identify the user (${error.message}); retrying`, error, retryAt });
  }

  /** How many changes wait to be sent. */
  pending(size: number): void {
    this.#pending = size;
    this.#publish();
  }

  #publish(): void {
    const { failure, probeAt } = this.#health;
    const link = this.#link;
    const waiting = failure && link.status !== 'live' && link.status !== 'idle' && link.status !== 'error';
    const state: ConnectionState = waiting
      ? {
          status: failure.kind === 'network' ? 'offline' : link.status === 'polling' ? 'polling' : 'connecting',
          reason: link.reason,
          error: failure,
          retryAt: probeAt,
          pending: this.#pending,
        }
      : { ...link, pending: this.#pending };
    const now = this.#store.value!;
    if (
      now.status !== state.status ||
      now.reason !== state.reason ||
      now.error !== state.error ||
      now.retryAt !== state.retryAt ||
      now.pending !== state.pending
    ) {
      this.#store.set(state);
    }
  }
}
