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
    this.#cap = options.capMs ?? 30_000;
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
