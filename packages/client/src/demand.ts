/**
 * What the page observes. A store counts as observed while it has a listener
 * (subscribe or listen); a bare `get()` does not count: nanostores gives a
 * `get()` on an unobserved store a listener for a moment, so observation is
 * read once the current task's synchronous work is done. The client is active
 * while any store is observed, and goes idle after the last one has been left
 * for `graceMs` (a panel closed and reopened within it costs nothing).
 */
import { onStart, onStop, type ReadableAtom } from 'nanostores';

export interface DemandHandlers<Name extends string> {
  /** These areas just became observed. */
  want(names: Name[]): void;
  /** The first store is observed (after the client was idle). */
  active(): void;
  /** No store has been observed for the grace period. */
  idle(): void;
}

export class Demand<Name extends string> {
  #handlers: DemandHandlers<Name>;
  #graceMs: number;
  #observed = new Map<ReadableAtom<unknown>, readonly Name[]>();
  #wanted = new Set<Name>();
  #active = false;
  #queued = false;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(graceMs: number, handlers: DemandHandlers<Name>) {
    this.#graceMs = graceMs;
    this.#handlers = handlers;
  }

  /** Observing `store` wants `names`. */
  watch(store: ReadableAtom<unknown>, names: readonly Name[]): void {
    onStart(store, () => {
      this.#observed.set(store, names);
      this.#queue();
    });
    onStop(store, () => {
      this.#observed.delete(store);
      this.#queue();
    });
  }

  /** Whether a page observes the area now. */
  wants(name: Name): boolean {
    return this.#wanted.has(name);
  }

  get active(): boolean {
    return this.#active;
  }

  /** Forgets the state (the client closed). */
  stop(): void {
    clearTimeout(this.#idleTimer);
    this.#active = false;
  }

  #queue(): void {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#evaluate();
    });
  }

  #evaluate(): void {
    const wanted = new Set([...this.#observed.values()].flat());
    const added = [...wanted].filter((name) => !this.#wanted.has(name));
    this.#wanted = wanted;
    if (this.#observed.size > 0) {
      clearTimeout(this.#idleTimer);
      this.#idleTimer = undefined;
      if (!this.#active) {
        this.#active = true;
        this.#handlers.active();
      }
      if (added.length) this.#handlers.want(added);
    } else if (this.#active && this.#idleTimer === undefined) {
      this.#idleTimer = setTimeout(() => {
        this.#idleTimer = undefined;
        this.#active = false;
        this.#handlers.idle();
      }, this.#graceMs);
    }
  }
}
