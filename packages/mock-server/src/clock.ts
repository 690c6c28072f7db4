/**
 * The server's clock. Everything time-driven in the domain (timestamps, token
 * expiry, reminders, file-sync progress) reads it, so tests can freeze it and
 * advance it by days in one call.
 *
 * - A running clock follows real time from its start, plus any advance.
 * - A frozen clock only moves when `advance()` is called.
 * Timers scheduled on the clock fire when clock time reaches them: by real time
 * on a running clock, and on `advance()` on either.
 */
export interface ClockOptions {
  /** The clock's time at creation. Default: the real time now. */
  start?: Date | number;
  /** Frozen clocks move only through `advance()`. Default false. */
  frozen?: boolean;
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

interface Timer {
  id: number;
  due: number;
  run: () => void;
}

export class Clock {
  readonly frozen: boolean;
  #base: number;
  #realStart = performance.now();
  #offset = 0;
  #timers: Timer[] = [];
  #nextId = 1;
  #realTimer: ReturnType<typeof setTimeout> | undefined;
  #advanceListeners = new Set<() => void>();

  constructor(options: ClockOptions = {}) {
    this.frozen = options.frozen ?? false;
    this.#base = options.start === undefined ? Date.now() : Number(options.start);
  }

  /** Milliseconds since the epoch, in clock time. */
  now(): number {
    const real = this.frozen ? 0 : performance.now() - this.#realStart;
    return Math.floor(this.#base + real + this.#offset);
  }

  /** The clock's time as an ISO string. */
  iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Moves clock time forward, firing every timer that comes due, in order. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('The clock only moves forward');
    const target = this.now() + ms;
    // Step through each timer's due time, so a timer that schedules the next one
    // (a sync step, say) runs as often as the span allows.
    while (this.#timers.length > 0 && this.#timers[0]!.due <= target) {
      const timer = this.#timers.shift()!;
      this.#offset += Math.max(0, timer.due - this.now());
      timer.run();
    }
    this.#offset += Math.max(0, target - this.now());
    this.#armRealTimer();
    for (const listener of this.#advanceListeners) listener();
  }

  /** Called after every `advance()` (after the due timers ran). */
  onAdvance(listener: () => void): () => void {
    this.#advanceListeners.add(listener);
    return () => this.#advanceListeners.delete(listener);
  }

  /** Runs `run` once clock time has moved `ms` forward. Returns a handle for `clearTimer`. */
  setTimer(run: () => void, ms: number): number {
    const timer = { id: this.#nextId++, due: this.now() + Math.max(0, ms), run };
    const index = this.#timers.findIndex((other) => other.due > timer.due);
    this.#timers.splice(index === -1 ? this.#timers.length : index, 0, timer);
    this.#armRealTimer();
    return timer.id;
  }

  clearTimer(id: number): void {
    this.#timers = this.#timers.filter((timer) => timer.id !== id);
    this.#armRealTimer();
  }

  /** Cancels every timer (the server is closing). */
  dispose(): void {
    this.#timers = [];
    this.#advanceListeners.clear();
    clearTimeout(this.#realTimer);
  }

  #runDue(): void {
    while (this.#timers.length > 0 && this.#timers[0]!.due <= this.now()) {
      this.#timers.shift()!.run();
    }
    this.#armRealTimer();
  }

  #armRealTimer(): void {
    clearTimeout(this.#realTimer);
    this.#realTimer = undefined;
    if (this.frozen || this.#timers.length === 0) return;
    // setTimeout takes at most 2^31-1 ms (about 24.8 days) and fires at once past it: a long
    // timer (a snooze of weeks) waits in steps; #runDue runs only what is due, then re-arms.
    const wait = Math.min(MAX_TIMEOUT_MS, Math.max(0, this.#timers[0]!.due - this.now()));
    this.#realTimer = setTimeout(() => this.#runDue(), wait);
    this.#realTimer.unref?.();
  }
}
