/**
 * The event stream, opened through the HTTP layer (so it carries the bearer
 * token and gets the one refresh after a 401) and read with the WHATWG parser.
 * Reconnects with `Last-Event-ID` after capped, jittered backoff (the server's
 * `retry:` and `Retry-After` are floors); a connection that closes at once does
 * not reset the backoff; a 401 that survives the refresh stops with an auth
 * error; 204, a wrong content type or a missing endpoint report the stream
 * unavailable; a watchdog reconnects when nothing at all (not even a heartbeat)
 * arrives for twice the heartbeat interval. Every failure is reported once.
 * While the server fails, the stream waits through the client's health (it
 * probes when nothing else waits); a failure to connect counts toward
 * `maxFailures` only when the server answered something else since the last
 * one (the stream, not the server, is failing), a stream cut early always.
 */
import { PdError, surface } from '../errors.js';
import type { Rest } from '../rest.js';
import { SseOverflowError, SseParser } from '../sse/parser.js';
import { Backoff, type Later } from './backoff.js';
import type { RealtimeHandlers } from './types.js';

export interface EventStreamOptions {
  rest: Rest;
  handlers: RealtimeHandlers;
  /** Called when the server has no usable stream (the caller falls back to polling). */
  onUnavailable(reason: string): void;
  lastEventId?: string;
  /** Assumed until the server's `ready` says otherwise. Default 15000. */
  heartbeatMs?: number;
  /** A connection open this long counts as healthy and resets the backoff. Default 5000. */
  stableMs?: number;
  /** After more than this many failures in a row, report the stream unavailable. Default: never. */
  maxFailures?: number;
  backoff?: Backoff;
}

type Outcome =
  | { kind: 'closed'; healthy: boolean; error: PdError | null }
  | { kind: 'failed'; error: PdError }
  | { kind: 'refused'; error: PdError }
  | { kind: 'unavailable'; reason: string };

export class EventStream {
  lastEventId: string;
  #options: EventStreamOptions;
  #backoff: Backoff;
  #later: Later;
  #heartbeatMs: number;
  #abort: AbortController | null = null;
  #stopped = true;
  #wake: (() => void) | null = null;
  /** Failures in a row that count toward `maxFailures`. */
  #failures = 0;

  constructor(options: EventStreamOptions) {
    this.#options = options;
    this.lastEventId = options.lastEventId ?? '';
    this.#backoff = options.backoff ?? new Backoff();
    this.#later = options.rest.health.later('stream');
    this.#heartbeatMs = options.heartbeatMs ?? 15_000;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    void this.#run();
  }

  stop(): void {
    this.#stopped = true;
    this.#abort?.abort();
    this.#wake?.();
  }

  /** Reconnects now if waiting to reconnect (back online, page shown, an explicit refresh). */
  wake(): void {
    this.#wake?.();
  }

  async #run(): Promise<void> {
    const { handlers, rest } = this.#options;
    /** The server's answers when the stream last failed. */
    let answers = -1;
    while (!this.#stopped) {
      handlers.onState({ status: 'connecting', reason: null, error: null, retryAt: null });
      const outcome = await this.#connect();
      if (this.#stopped) return;
      if (outcome.kind === 'refused') {
        handlers.onError(outcome.error);
        handlers.onState({ status: 'error', reason: 'not signed in', error: outcome.error, retryAt: null });
        this.#stopped = true;
        return;
      }
      if (outcome.kind === 'unavailable') {
        this.#stopped = true;
        this.#options.onUnavailable(outcome.reason);
        return;
      }
      const sent = !rest.health.notSent(outcome.error);
      if (sent) {
        if (outcome.error) handlers.onError(outcome.error);
        if (outcome.kind === 'closed' && outcome.healthy) {
          this.#backoff.reset();
          this.#failures = 0;
        } else if (outcome.kind === 'closed' || rest.health.answers !== answers) {
          this.#failures++;
        }
        answers = rest.health.answers;
      }
      if (this.#failures > (this.#options.maxFailures ?? Infinity)) {
        this.#stopped = true;
        this.#options.onUnavailable('the stream keeps failing');
        return;
      }
      const wait = sent ? Math.max(this.#backoff.next(), outcome.error?.retryAfterMs ?? 0) : 0;
      handlers.onState({
        status: 'connecting',
        reason: rest.health.failure ? 'waiting for the server' : `reconnecting in ${Math.round(wait / 100) / 10}s`,
        error: outcome.error,
        retryAt: rest.health.probeAt ?? Date.now() + wait,
      });
      await this.#sleep(wait);
    }
  }

  async #connect(): Promise<Outcome> {
    const { rest, handlers } = this.#options;
    const abort = new AbortController();
    this.#abort = abort;
    let response: Response;
    try {
      response = await rest.openStream(this.lastEventId, abort.signal);
    } catch (error) {
      const pdError = error as PdError;
      return pdError.kind === 'auth' ? { kind: 'refused', error: pdError } : { kind: 'failed', error: pdError };
    }
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 204 || response.status === 404 || response.status === 405) {
      void response.body?.cancel();
      return { kind: 'unavailable', reason: `the server answered ${response.status} to the stream` };
    }
    if (!/^text\/event-stream\b/i.test(type) || !response.body) {
      void response.body?.cancel();
      return { kind: 'unavailable', reason: `the stream's content type is "${type}"` };
    }

    const openedAt = Date.now();
    let silent = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silent = true;
        abort.abort();
      }, 2 * this.#heartbeatMs);
    };
    const parser = new SseParser({
      onEvent: (message) => {
        if (message.id) this.lastEventId = message.id;
        // A bug while taking an event is not the stream's failure: it shows as what it is.
        try {
          handlers.onEvent(message);
        } catch (error) {
          surface(error);
        }
        if (message.event === 'ready') {
          const heartbeat = readyHeartbeat(message.data);
          if (heartbeat) this.#heartbeatMs = heartbeat;
          arm();
          handlers.onState({ status: 'live', reason: null, error: null, retryAt: null });
        }
      },
      onRetry: (ms) => (this.#backoff.floorMs = ms),
    });
    arm();
    let error: PdError | null = null;
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        arm();
        parser.feed(value);
      }
    } catch (cause) {
      if (cause instanceof SseOverflowError) abort.abort();
      if (!this.#stopped) {
        const message = silent
          ? 'The event stream went silent (no heartbeat)'
          : cause instanceof SseOverflowError
            ? 'The event stream sent an event past the size limit'
            : 'The event stream was cut';
        error = new PdError(cause instanceof SseOverflowError ? 'invalid-response' : 'network', message, { cause });
      }
    } finally {
      clearTimeout(watchdog);
      parser.end();
    }
    return { kind: 'closed', healthy: Date.now() - openedAt >= (this.#options.stableMs ?? 5000), error };
  }

  /** Waits `ms` (while the server fails: until the health runs it), or until woken. */
  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      let cancel = (): void => {};
      const done = (): void => {
        cancel();
        this.#wake = null;
        resolve();
      };
      cancel = this.#later(done, ms);
      this.#wake = done;
    });
  }
}

function readyHeartbeat(data: string): number | null {
  try {
    const value = (JSON.parse(data) as { heartbeatMs?: unknown }).heartbeatMs;
    return typeof value === 'number' && value > 0 ? value : null;
  } catch {
    return null;
  }
}
