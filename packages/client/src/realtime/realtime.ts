/**
 * Chooses and runs the realtime link: the event stream, polling, or (`auto`) the
 * stream with a fallback to polling and a return to the stream later. Pauses
 * after a grace period while the page is hidden or the browser is offline, and
 * catches up once on return.
 */
import type { Environment } from '../env.js';
import type { Rest } from '../rest.js';
import { EventStream } from './event-stream.js';
import type { Poller } from './poller.js';
import type { RealtimeHandlers } from './types.js';

export type TransportMode = 'auto' | 'sse' | 'polling';

export interface RealtimeOptions {
  rest: Rest;
  handlers: RealtimeHandlers;
  env: Environment;
  mode: TransportMode;
  pollIntervalMs: number;
  /** How long a hidden page keeps its link before pausing. Default 30000. */
  hiddenGraceMs?: number;
  /** In `auto`, how long to poll before trying the stream again. Default 60000. */
  streamRetryMs?: number;
  lastEventId?: string;
}

export class Realtime {
  #options: RealtimeOptions;
  #stream: EventStream;
  /** Polling instead of the stream (the poller's code loads on first use: most pages never poll). */
  #polling = false;
  #poller: Poller | null = null;
  /** Bumped when polling starts or stops, so a poller whose code arrives too late is not started. */
  #pollGeneration = 0;
  #running = false;
  #paused = false;
  #pauseTimer: ReturnType<typeof setTimeout> | undefined;
  #streamRetry: ReturnType<typeof setTimeout> | undefined;
  #unwatch: (() => void) | null = null;

  constructor(options: RealtimeOptions) {
    this.#options = options;
    this.#stream = new EventStream({
      rest: options.rest,
      handlers: options.handlers,
      ...(options.lastEventId ? { lastEventId: options.lastEventId } : {}),
      ...(options.mode === 'auto' ? { maxFailures: 4 } : {}),
      onUnavailable: (reason) => this.#fallBack(reason),
    });
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#unwatch = this.#options.env.watch(() => this.#applyEnvironment());
    this.#paused = !this.#options.env.online();
    if (this.#paused) this.#reportPaused();
    else this.#resume();
    this.#applyEnvironment();
  }

  /** Tries at once whatever is waiting to retry (an explicit refresh). */
  wake(): void {
    if (!this.#running || this.#paused) return;
    this.#stream.wake();
    this.#poller?.wake();
  }

  stop(): void {
    this.#running = false;
    this.#unwatch?.();
    this.#unwatch = null;
    clearTimeout(this.#pauseTimer);
    clearTimeout(this.#streamRetry);
    this.#stream.stop();
    this.#stopPoller();
  }

  #applyEnvironment(): void {
    if (!this.#running) return;
    const { env } = this.#options;
    clearTimeout(this.#pauseTimer);
    if (!env.online()) {
      this.#pause();
    } else if (env.hidden()) {
      if (!this.#paused) this.#pauseTimer = setTimeout(() => this.#pause(), this.#options.hiddenGraceMs ?? 30_000);
    } else if (this.#paused) {
      this.#resume();
    } else {
      this.wake(); // back online or shown: a link waiting to retry tries now
    }
  }

  #pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    clearTimeout(this.#streamRetry);
    this.#stream.stop();
    this.#stopPoller();
    this.#reportPaused();
  }

  #reportPaused(): void {
    const offline = !this.#options.env.online();
    this.#options.handlers.onState({
      status: 'offline',
      reason: offline ? 'the browser is offline' : 'paused while the page is hidden',
      error: null,
      retryAt: null,
    });
  }

  #resume(): void {
    this.#paused = false;
    if (this.#options.mode === 'polling' || this.#polling) {
      this.#startPolling(this.#options.mode === 'polling' ? 'polling' : 'stream unavailable, polling');
    } else {
      // Reconnecting with Last-Event-ID replays what was missed: that is the catch-up.
      this.#stream.start();
    }
    // A new poller's first answer asks for a resync: the catch-up when polling.
  }

  #fallBack(reason: string): void {
    if (!this.#running) return;
    if (this.#options.mode === 'sse') {
      this.#options.handlers.onState({
        status: 'error',
        reason: `no event stream: ${reason}`,
        error: null,
        retryAt: null,
      });
      return;
    }
    this.#startPolling(`${reason}; polling`);
    clearTimeout(this.#streamRetry);
    this.#streamRetry = setTimeout(() => {
      if (!this.#running || this.#paused) return;
      this.#polling = false;
      this.#stopPoller();
      this.#stream.start();
    }, this.#options.streamRetryMs ?? 60_000);
  }

  #startPolling(reason: string): void {
    this.#stopPoller();
    this.#polling = true;
    const generation = this.#pollGeneration;
    void import('./poller.js').then(({ Poller }) => {
      if (generation !== this.#pollGeneration) return;
      this.#poller = new Poller({
        rest: this.#options.rest,
        handlers: this.#options.handlers,
        intervalMs: this.#options.pollIntervalMs,
        reason,
      });
      this.#poller.start();
    });
  }

  #stopPoller(): void {
    this.#pollGeneration++;
    this.#poller?.stop();
    this.#poller = null;
  }
}
