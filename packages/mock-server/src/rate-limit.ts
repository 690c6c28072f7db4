/** A fixed-window request limit per token: `requests` per `windowMs` of real time. */
export interface RateLimitOptions {
  requests: number;
  windowMs: number;
}

export class RateLimiter {
  #windows = new Map<string, { start: number; count: number }>();

  constructor(readonly options: RateLimitOptions) {}

  /** Counts a request; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.options.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count++;
    if (window.count <= this.options.requests) return 0;
    return Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000));
  }
}
