/**
 * The client's one failure state. Every request asks `admit()` before it goes
 * and says how it ended (`settle`). While the server answers, everything goes.
 * Once a request finds it failing (no answer, a timeout, 408, 429, 5xx, or an
 * answer that is not the protocol), nothing goes but one probe at a time, on
 * backoff with jitter (between half and all of 1 s, 2 s, 4 s … 30 s; the
 * server's Retry-After a floor), however many areas wait: other requests fail at
 * once with the episode's not-sent error, and the steps waiting to retry are
 * parked here. When a probe is due (at once on `wake()`: back online, the page
 * shown, `refresh()`), the parked steps run and the first request among them is
 * the probe; the event stream probes only when no other step waits. The first
 * answer ends the episode and runs every parked step.
 */
import { PdError } from './errors.js';
import { Backoff, timer, type Later } from './realtime/backoff.js';

export interface HealthOptions {
  /** The first probe's delay at most (at least half of it). Default 1000. */
  baseMs?: number;
  /** The longest wait between probes. Default 30000. */
  capMs?: number;
}

const BASE_MS = 1000;
const CAP_MS = 30_000;

/**
 * The most probes a window of failure can see after the request that found the
 * server failing: each waits at least half its step (base·2^k, capped).
 */
export function probesWithin(windowMs: number, { baseMs = BASE_MS, capMs = CAP_MS }: HealthOptions = {}): number {
  let probes = 0;
  for (let at = 0; ; probes++) {
    at += Math.min(capMs, baseMs * 2 ** probes) / 2;
    if (at > windowMs) return probes;
  }
}

/** Who waits: the event stream probes only when no one else waits. */
export type Waiter = 'rest' | 'stream';

/** Whether a failure says the server is failing, rather than refusing this one request. */
export function isFailing(error: PdError): boolean {
  return (
    error.kind === 'network' ||
    error.kind === 'server' ||
    error.kind === 'rate-limited' ||
    error.kind === 'invalid-response' ||
    error.status === 408
  );
}

export class Health {
  /** The failure that stopped sending, or null while the server answers. */
  failure: PdError | null = null;
  /** When the next probe may go, while failing (ms since the epoch). */
  probeAt: number | null = null;
  /** Answers received so far (any status that is not a failure). */
  answers = 0;
  #notSent: PdError | null = null;
  #probing = false;
  #backoff: Backoff;
  #cancelTimer: (() => void) | null = null;
  #parked = new Map<() => void, Waiter>();
  #listeners = new Set<() => void>();

  constructor(options: HealthOptions = {}) {
    this.#backoff = new Backoff({ baseMs: options.baseMs ?? BASE_MS, capMs: options.capMs ?? CAP_MS, jitter: 'equal' });
  }

  /** Calls back when an episode starts or ends, or its next probe moves; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Whether `error` is a request not sent because the server is failing. */
  notSent(error: unknown): boolean {
    return error !== null && error === this.#notSent;
  }

  /** Before a request: whether it is the probe; throws the not-sent error when it may not go. */
  admit(): boolean {
    if (!this.failure) return false;
    if (this.#probing || Date.now() < this.probeAt!) throw this.#notSent!;
    this.#probing = true;
    return true;
  }

  /** After a request: its failure, null when the server answered, or `aborted` when the client gave it up. */
  settle(probe: boolean, outcome: PdError | null | 'aborted'): void {
    if (probe) this.#probing = false;
    if (outcome === 'aborted') {
      if (probe) this.#due();
    } else if (outcome === null || !isFailing(outcome)) {
      this.answers++;
      this.#recover();
    } else if (probe || !this.failure) {
      // Requests sent together fail together: only the first, or a probe, moves the next probe.
      this.#fail(outcome);
    }
  }

  /** Waits `ms`, or while failing until a probe is due or an answer came: how every retry of the client waits. */
  later(waiter: Waiter = 'rest'): Later {
    return (task, ms) => {
      if (!this.failure) return timer(task, ms);
      this.#parked.set(task, waiter);
      return () => void this.#parked.delete(task);
    };
  }

  /** Back online, the page shown, an explicit refresh: probes now if failing. */
  wake(): void {
    if (!this.failure) return;
    this.probeAt = Date.now();
    this.#due();
  }

  /** Forgets the parked steps and the timer (the client closed). */
  stop(): void {
    this.#cancelTimer?.();
    this.#parked.clear();
  }

  #fail(error: PdError): void {
    this.#notSent ??= new PdError('network', `Not sent: the server is failing (${error.message})`, { cause: error });
    this.failure = error;
    const wait = Math.max(this.#backoff.next(), error.retryAfterMs ?? 0);
    this.probeAt = Date.now() + wait;
    this.#cancelTimer?.();
    this.#cancelTimer = timer(() => this.#due(), wait);
    this.#changed();
  }

  #recover(): void {
    this.#backoff.reset();
    if (!this.failure) return;
    this.failure = this.#notSent = this.probeAt = null;
    this.#cancelTimer?.();
    this.#run(() => true);
    this.#changed();
  }

  /** A probe may go: the parked steps run (the stream's only if no other step took the probe). */
  #due(): void {
    if (!this.failure || this.#probing) return;
    if (![...this.#parked.values()].includes('rest')) return this.#run(() => true);
    this.#run((waiter) => waiter === 'rest');
    // Every step started above asks admission before this timer fires.
    timer(() => {
      if (this.failure && !this.#probing) this.#run(() => true);
    }, 0);
  }

  #run(which: (waiter: Waiter) => boolean): void {
    for (const [task, waiter] of [...this.#parked]) {
      if (!which(waiter)) continue;
      this.#parked.delete(task);
      task();
    }
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
