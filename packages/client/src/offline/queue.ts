/**
 * Changes waiting for the connection. A change that cannot reach the server
 * stays shown, is kept here (and in IndexedDB, so closing the page keeps it for
 * the next visit), and is told to the user's other tabs, which show it too. The
 * tab that holds the link sends the waiting changes again, in the order they
 * joined the queue (a sequence number, kept with them) and each with its own idempotency key (so each is applied exactly
 * once), when the connection is back: on its own backoff, and at once when the
 * stream comes back, the browser is online again, or on `refresh()`. A change
 * the server refuses is rolled back alone and reported; the promise of the tab
 * that made it settles with the outcome.
 */
import { PdError, type PdErrorKind } from '../errors.js';
import { Backoff, Retry, type Later } from '../realtime/backoff.js';
import type { Queued, Shown } from '../sync/change.js';

/** What the tabs tell each other about the queue. */
export type QueueMessage =
  | { kind: 'queued'; change: Queued }
  | {
      kind: 'settled';
      key: string;
      result: unknown;
      error: { kind: PdErrorKind; message: string; status?: number } | null;
    };

/** Where waiting changes are kept across visits. */
export interface QueueStore {
  put(change: Queued): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

export interface QueueOptions {
  show(change: Queued): Shown;
  send(change: Queued): Promise<unknown>;
  /** Another tab sent a change this tab shows: its outcome, to show here too. */
  settledElsewhere(change: Queued, result: unknown, error: PdError | null): Promise<void>;
  report(error: PdError): void;
  store: QueueStore | null;
  /** Tells the other tabs. */
  broadcast(message: QueueMessage): void;
  /** Whether this tab sends the waiting changes (it holds the link). */
  leading(): boolean;
  /** Whether the browser says it is online (sending waits for the `online` event otherwise). */
  online(): boolean;
  /** The number of waiting changes changed. */
  onSize(size: number): void;
  /** How a retry waits (the client's health). */
  later: Later;
}

interface Waiting {
  change: Queued;
  shown: Shown;
  /** The promise of the tab that made the change. */
  settle?: { resolve(value: unknown): void; reject(error: PdError): void };
}

export class ActionQueue {
  #options: QueueOptions;
  #waiting = new Map<string, Waiting>();
  #retry: Retry;
  #sending = false;
  /** The last sequence number given or seen. */
  #seq = 0;

  constructor(options: QueueOptions) {
    this.#options = options;
    this.#retry = new Retry(new Backoff(), options.later);
  }

  get size(): number {
    return this.#waiting.size;
  }

  /** Keeps a change this tab made; resolves or rejects when it is sent. */
  add(made: Queued, shown: Shown): Promise<unknown> {
    const change = { ...made, seq: ++this.#seq };
    return new Promise((resolve, reject) => {
      this.#keep({ change, shown, settle: { resolve, reject } });
      void this.#options.store?.put(change).catch(() => {});
      this.#options.broadcast({ kind: 'queued', change });
      this.#retry.schedule(() => void this.send());
    });
  }

  /** Shows a change another tab made, or one kept from an earlier visit. */
  mirror(change: Queued, show = this.#options.show): void {
    this.#seq = Math.max(this.#seq, change.seq ?? 0);
    if (!this.#waiting.has(change.key)) this.#keep({ change, shown: show(change) });
  }

  /** The tab that sends told how a change ended. */
  async settled(message: Extract<QueueMessage, { kind: 'settled' }>): Promise<void> {
    const waiting = this.#waiting.get(message.key);
    if (!waiting) return;
    const { error } = message;
    const pdError = error
      ? new PdError(error.kind, error.message, error.status === undefined ? {} : { status: error.status })
      : null;
    await this.#options.settledElsewhere(waiting.change, message.result, pdError);
    this.#finish(message.key, pdError, message.result);
  }

  /** Sends the waiting changes, oldest first (only the tab that holds the link; one pass at a time). */
  async send(): Promise<void> {
    if (this.#sending || !this.#options.leading() || !this.#options.online() || this.#waiting.size === 0) return;
    this.#sending = true;
    this.#retry.cancel();
    try {
      const oldestFirst = [...this.#waiting.values()].sort((a, b) => (a.change.seq ?? 0) - (b.change.seq ?? 0));
      for (const { change } of oldestFirst) {
        let result: unknown;
        try {
          result = await this.#options.send(change);
        } catch (error) {
          const pdError = error as PdError;
          if (later(pdError)) {
            this.#retry.schedule(() => void this.send(), pdError.retryAfterMs ?? 0);
            return;
          }
          // Dismissing what is already gone is done, not refused.
          if (!(change.kind === 'dismiss' && pdError.kind === 'not-found')) {
            this.#options.report(pdError);
            this.#done(change.key, pdError, undefined);
            continue;
          }
        }
        this.#done(change.key, null, result);
      }
      this.#retry.succeeded();
    } finally {
      this.#sending = false;
    }
  }

  /** Drops every change waiting, with `error` for the promises (the user changed); kept ones stay stored. */
  drop(error: PdError): void {
    for (const key of [...this.#waiting.keys()]) this.#finish(key, error, undefined);
    this.#retry.cancel();
  }

  #keep(waiting: Waiting): void {
    waiting.shown.queued();
    this.#waiting.set(waiting.change.key, waiting);
    this.#options.onSize(this.#waiting.size);
  }

  #done(key: string, error: PdError | null, result: unknown): void {
    void this.#options.store?.delete(key).catch(() => {});
    this.#options.broadcast({
      kind: 'settled',
      key,
      result,
      error: error && {
        kind: error.kind,
        message: error.message,
        ...(error.status === undefined ? {} : { status: error.status }),
      },
    });
    this.#finish(key, error, result);
  }

  #finish(key: string, error: PdError | null, result: unknown): void {
    const waiting = this.#waiting.get(key);
    if (!waiting) return;
    this.#waiting.delete(key);
    waiting.shown.undo();
    if (error) waiting.settle?.reject(error);
    else waiting.settle?.resolve(result);
    this.#options.onSize(this.#waiting.size);
  }
}

/** Failures worth sending the change again later: no answer, the server overloaded or failing. */
function later(error: PdError): boolean {
  return error.kind === 'network' || error.kind === 'server' || error.kind === 'rate-limited';
}
