/**
 * Polling: asks for the counts with If-None-Match at an interval with jitter; a
 * 304 changes nothing, anything else asks the client to resync. Failures are
 * reported and back off; while the server fails, polls wait through the
 * client's health like every retry.
 */
import type { PdError } from '../errors.js';
import type { Rest } from '../rest.js';
import { Backoff, timer } from './backoff.js';
import type { RealtimeHandlers } from './types.js';

export interface PollerOptions {
  rest: Rest;
  handlers: RealtimeHandlers;
  intervalMs: number;
  /** Shown in `$connection.reason`. */
  reason: string;
}

export class Poller {
  #options: PollerOptions;
  #etag: string | null = null;
  #cancel = (): void => {};
  #running = false;
  #backoff = new Backoff();

  constructor(options: PollerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#poll();
  }

  stop(): void {
    this.#running = false;
    this.#cancel();
  }

  /** Polls now if the last poll failed (back online, page shown, an explicit refresh). */
  wake(): void {
    if (!this.#running || this.#backoff.attempt === 0) return;
    this.#cancel();
    void this.#poll();
  }

  async #poll(): Promise<void> {
    const { rest, handlers, intervalMs, reason } = this.#options;
    let wait = intervalMs * (0.8 + Math.random() * 0.4);
    let failed = false;
    try {
      const { data, etag } = await rest.pollCounts(this.#etag);
      if (!this.#running) return;
      this.#etag = etag;
      this.#backoff.reset();
      handlers.onState({ status: 'polling', reason, error: null, retryAt: null });
      if (data) handlers.onResync();
    } catch (error) {
      if (!this.#running) return;
      const pdError = error as PdError;
      const sent = !rest.health.notSent(pdError);
      if (sent) handlers.onError(pdError);
      if (pdError.kind === 'auth') {
        handlers.onState({ status: 'error', reason: 'not signed in', error: pdError, retryAt: null });
        this.#running = false;
        return;
      }
      failed = true;
      wait = sent ? Math.max(this.#backoff.next(), pdError.retryAfterMs ?? 0) : 0;
      const status = pdError.kind === 'network' ? 'offline' : 'polling';
      const retryAt = rest.health.probeAt ?? Date.now() + wait;
      handlers.onState({ status, reason: pdError.message, error: pdError, retryAt });
    }
    if (this.#running) this.#cancel = (failed ? rest.health.later() : timer)(() => void this.#poll(), wait);
  }
}
