/**
 * The event stream over fetch (so the Authorization header is sent), with the
 * WHATWG parser. Reconnects with `Last-Event-ID` after capped, jittered backoff
 * (the server's `retry:` is the floor); a connection that closes at once does
 * not reset the backoff; a 401 asks for a fresh token once, then stops with an
 * auth error; 204, a wrong content type or a missing endpoint report the stream
 * unavailable; a watchdog reconnects when nothing at all (not even a heartbeat)
 * arrives for twice the heartbeat interval.
 */
import { PdError, kindOfStatus, parseRetryAfter } from '../errors.js';
import type { Rest } from '../rest.js';
import { SseOverflowError, SseParser } from '../sse/parser.js';
import { Backoff } from './backoff.js';
import type { RealtimeHandlers } from './types.js';

export interface EventStreamOptions {
  rest: Rest;
  fetch: typeof fetch;
  handlers: RealtimeHandlers;
  /** Called when the server has no usable stream (the caller falls back to polling). */
  onUnavailable(reason: string): void;
  lastEventId?: string;
  /** Assumed until the server's `ready` says otherwise. Default 15000. */
  heartbeatMs?: number;
  /** A connection open this long counts as healthy and resets the backoff. Default 5000. */
  stableMs?: number;
  /** After this many failures in a row, report the stream unavailable. Default: never. */
  maxFailures?: number;
  backoff?: Backoff;
}

export class EventStream {
  lastEventId: string;
  #options: EventStreamOptions;
  #backoff: Backoff;
  #heartbeatMs: number;
  #abort: AbortController | null = null;
  #stopped = true;
  #wake: (() => void) | null = null;

  constructor(options: EventStreamOptions) {
    this.#options = options;
    this.lastEventId = options.lastEventId ?? '';
    this.#backoff = options.backoff ?? new Backoff();
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

  async #run(): Promise<void> {
    const { handlers, rest } = this.#options;
    let refused: Promise<string> | null = null;
    while (!this.#stopped) {
      handlers.onState({ status: 'connecting', reason: null, error: null });
      const token: Promise<string> = refused ? rest.refreshAfter(refused) : rest.token();
      const outcome = await this.#connect(token, refused !== null);
      if (this.#stopped) return;
      refused = null;
      if (outcome.kind === 'unauthorized') {
        if (!outcome.refreshed) {
          refused = token;
          continue;
        }
        handlers.onState({ status: 'error', reason: 'not signed in', error: outcome.error });
        this.#stopped = true;
        return;
      }
      if (outcome.kind === 'unavailable') {
        this.#stopped = true;
        this.#options.onUnavailable(outcome.reason);
        return;
      }
      if (outcome.kind === 'closed' && outcome.healthy) this.#backoff.reset();
      if (this.#backoff.attempt >= (this.#options.maxFailures ?? Infinity)) {
        this.#stopped = true;
        this.#options.onUnavailable('the stream keeps failing');
        return;
      }
      const wait = Math.max(this.#backoff.next(), outcome.kind === 'failed' ? (outcome.error.retryAfterMs ?? 0) : 0);
      handlers.onState({
        status: 'connecting',
        reason: `reconnecting in ${Math.round(wait / 100) / 10}s`,
        error: outcome.kind === 'failed' ? outcome.error : null,
      });
      await this.#sleep(wait);
    }
  }

  async #connect(
    tokenPromise: Promise<string>,
    refreshed: boolean,
  ): Promise<
    | { kind: 'closed'; healthy: boolean }
    | { kind: 'failed'; error: PdError }
    | { kind: 'unauthorized'; refreshed: boolean; error: PdError }
    | { kind: 'unavailable'; reason: string }
  > {
    const { rest, handlers } = this.#options;
    const abort = new AbortController();
    this.#abort = abort;
    let token: string;
    try {
      token = await tokenPromise;
    } catch (cause) {
      return { kind: 'unauthorized', refreshed: true, error: new PdError('auth', 'Could not get a token', { cause }) };
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    let response: Response;
    try {
      response = await this.#options.fetch(`${rest.baseUrl}/v1/events`, {
        headers,
        signal: abort.signal,
        cache: 'no-store',
      });
    } catch (cause) {
      return { kind: 'failed', error: new PdError('network', 'The event stream could not connect', { cause }) };
    }
    if (response.status === 401) {
      void response.body?.cancel();
      return { kind: 'unauthorized', refreshed, error: new PdError('auth', 'The token was refused', { status: 401 }) };
    }
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 204 || response.status === 404 || response.status === 405) {
      void response.body?.cancel();
      return { kind: 'unavailable', reason: `the server answered ${response.status} to the stream` };
    }
    if (!response.ok) {
      void response.body?.cancel();
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return {
        kind: 'failed',
        error: new PdError(kindOfStatus(response.status), `The event stream answered ${response.status}`, {
          status: response.status,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        }),
      };
    }
    if (!/^text\/event-stream\b/i.test(type) || !response.body) {
      void response.body?.cancel();
      return { kind: 'unavailable', reason: `the stream's content type is "${type}"` };
    }

    const openedAt = Date.now();
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => abort.abort(), 2 * this.#heartbeatMs);
    };
    const parser = new SseParser({
      onEvent: (message) => {
        if (message.id) this.lastEventId = message.id;
        if (message.event === 'ready') {
          rest.tokenWorked(tokenPromise);
          const heartbeat = readyHeartbeat(message.data);
          if (heartbeat) this.#heartbeatMs = heartbeat;
          arm();
          handlers.onState({ status: 'live', reason: null, error: null });
        }
        handlers.onEvent(message);
      },
      onRetry: (ms) => (this.#backoff.floorMs = ms),
    });
    arm();
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
    } finally {
      clearTimeout(watchdog);
      parser.end();
    }
    return { kind: 'closed', healthy: Date.now() - openedAt >= (this.#options.stableMs ?? 5000) };
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
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
