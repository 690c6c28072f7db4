/** Capped exponential backoff with jitter; the server's `retry:` hint is a floor. */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /**
   * `full` (default): uniform in [0, ceiling]. `equal`: uniform in [ceiling/2,
   * ceiling], so the number of attempts in a given time has a bound.
   */
  jitter?: 'full' | 'equal';
  random?: () => number;
}

export class Backoff {
  attempt = 0;
  floorMs = 0;
  #base: number;
  #cap: number;
  #least: number;
  #random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.#base = options.baseMs ?? 1000;
    this.#cap = options.capMs ?? 10_000;
    this.#least = options.jitter === 'equal' ? 0.5 : 0;
    this.#random = options.random ?? Math.random;
  }

  /** The next delay, within the jitter's range of min(cap, base·2^attempt), never below the floor. */
  next(): number {
    const ceiling = Math.min(this.#cap, this.#base * 2 ** this.attempt);
    this.attempt++;
    const share = this.#least + (1 - this.#least) * this.#random();
    return Math.max(this.floorMs, Math.floor(share * ceiling));
  }

  reset(): void {
    this.attempt = 0;
  }
}

/** Runs `task` after `ms`; returns how to cancel it. */
export type Later = (task: () => void, ms: number) => () => void;

/** A plain timer. */
export const timer: Later = (task, ms) => {
  const id = setTimeout(task, ms);
  return () => clearTimeout(id);
};

/** Runs a failed step again after backoff, or at once when woken (back online, page shown, refresh). */
export class Retry {
  /** When the scheduled run is due (ms since the epoch), or null. */
  at: number | null = null;
  #backoff: Backoff;
  #later: Later;
  #cancel: (() => void) | null = null;
  #task: (() => void) | null = null;

  /** `later`: how a run waits (the client's health parks it while the server fails). */
  constructor(backoff: Backoff = new Backoff(), later: Later = timer) {
    this.#backoff = backoff;
    this.#later = later;
  }

  /** Runs `task` after the next backoff delay (at least `floorMs`, e.g. Retry-After); replaces a scheduled one. */
  schedule(task: () => void, floorMs = 0): void {
    this.cancel();
    const delay = Math.max(this.#backoff.next(), floorMs);
    this.#task = task;
    this.at = Date.now() + delay;
    this.#cancel = this.#later(() => this.wake(), delay);
  }

  /** Runs the scheduled task now, if any. */
  wake(): void {
    const task = this.#task;
    this.cancel();
    task?.();
  }

  /** The step worked: the next failure starts from the shortest delay again. */
  succeeded(): void {
    this.#backoff.reset();
  }

  cancel(): void {
    this.#cancel?.();
    this.#cancel = null;
    this.#task = null;
    this.at = null;
  }
}
