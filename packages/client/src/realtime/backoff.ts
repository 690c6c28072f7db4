/** Capped exponential backoff with full jitter; the server's `retry:` hint is a floor. */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

export class Backoff {
  attempt = 0;
  floorMs = 0;
  #base: number;
  #cap: number;
  #random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.#base = options.baseMs ?? 1000;
    this.#cap = options.capMs ?? 10_000;
    this.#random = options.random ?? Math.random;
  }

  /** The next delay: uniform in [0, min(cap, base·2^attempt)], never below the floor. */
  next(): number {
    const ceiling = Math.min(this.#cap, this.#base * 2 ** this.attempt);
    this.attempt++;
    return Math.max(this.floorMs, Math.floor(this.#random() * ceiling));
  }

  reset(): void {
    this.attempt = 0;
  }
}

/** Runs a failed step again after backoff, or at once when woken (back online, page shown, refresh). */
export class Retry {
  /** When the scheduled run is due (ms since the epoch), or null. */
  at: number | null = null;
  #backoff: Backoff;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #task: (() => void) | null = null;

  constructor(backoff: Backoff = new Backoff()) {
    this.#backoff = backoff;
  }

  /** Runs `task` after the next backoff delay (at least `floorMs`, e.g. Retry-After); replaces a scheduled one. */
  schedule(task: () => void, floorMs = 0): void {
    this.cancel();
    const delay = Math.max(this.#backoff.next(), floorMs);
    this.#task = task;
    this.at = Date.now() + delay;
    this.#timer = setTimeout(() => this.wake(), delay);
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
    clearTimeout(this.#timer);
    this.#task = null;
    this.at = null;
  }
}
