import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a row stays at least half visible before it counts as seen, in ms. */
const DWELL = 1000;
/** How long queued ids wait for others before they are sent together, in ms (from the first). */
const DEBOUNCE = 250;
/** The most ids one `mark()` call sends (the protocol's limit for `POST /v1/notifications/seen`). */
const BATCH = 100;

/** What a {@link SeenMarker} needs from the list it watches. */
export interface SeenMarkerOptions {
  /** The scrolling list element (IntersectionObserver root), or null while not rendered. */
  scroller(): HTMLElement | null;
  /** The row elements currently rendered (each has data-index). */
  rows(): Iterable<HTMLElement>;
  /** The ids of the unseen notifications a rendered row shows (a group's row shows several); none for an unknown row. */
  unseenOf(row: HTMLElement): readonly string[];
  /** Whether the panel is shown (dropdown open or inline). Nothing is marked while not shown or while document.hidden. */
  shown(): boolean;
  /** Sends a batch of ids (at most 100 per call) to be marked seen. Errors are the caller's (swallow them). */
  mark(ids: string[]): Promise<unknown>;
}

/**
 * Marks seen what the user has had on screen (issue #24): a row of an unseen
 * notification that stays at least half visible in the scroller for a second,
 * while the panel is shown and the page is not hidden, is queued; what is
 * queued is sent in one batch 250 ms after the first id (at most 100 ids per
 * `mark()` call). Leaving view, the panel closing or the page being hidden
 * before the second is up cancels that row's timer (it starts again when the
 * row is back in view).
 *
 * An id is sent once per marker; when its `mark()` call rejects, it may be
 * sent again the next time its row is seen. Rows may be reused for other
 * notifications (a virtualized list): each update checks which notification
 * every visible row shows, and a row's second counts for that notification only.
 *
 * Rows are (re)observed after every update of the host, with an
 * IntersectionObserver rooted at `scroller()` (threshold 0.5), made again when
 * the scroller element changes. Disconnecting the host stops the observer and
 * the timers and sends what was already queued.
 */
export class SeenMarker implements ReactiveController {
  #host: ReactiveControllerHost;
  #options: SeenMarkerOptions;
  #root: HTMLElement | null = null;
  #observer: IntersectionObserver | null = null;
  /** The rows observed. */
  #observed = new Set<HTMLElement>();
  /** The rows at least half visible, as the observer last reported. */
  #visible = new Set<HTMLElement>();
  /** A running timer per row: the notifications it counts for (their ids, joined by spaces). */
  #timers = new Map<HTMLElement, { id: string; timer: ReturnType<typeof setTimeout> }>();
  /** Ids queued or sent (not again), until a `mark()` that carried them rejects. */
  #done = new Set<string>();
  #queue: string[] = [];
  #flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SeenMarkerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#armAll);
    // Observing starts after an update: reconnected, the host may have none coming.
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const root = this.#options.scroller();
    if (root !== this.#root) {
      this.#stop();
      this.#root = root;
      if (root) this.#observer = new IntersectionObserver(this.#onEntries, { root, threshold: 0.5 });
    }
    const rows = new Set(root ? this.#options.rows() : []);
    for (const row of this.#observed) {
      if (rows.has(row)) continue;
      this.#observer?.unobserve(row);
      this.#visible.delete(row);
    }
    for (const row of rows) if (!this.#observed.has(row)) this.#observer!.observe(row);
    this.#observed = rows;
    // A row may now show another notification, or one seen meanwhile; the panel may have closed.
    this.#armAll();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#armAll);
    this.#stop();
    this.#root = null;
    this.#flush();
  }

  /** Stops observing and cancels every row's timer (what is queued stays queued). */
  #stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#observed.clear();
    this.#visible.clear();
    for (const { timer } of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #onEntries = (entries: IntersectionObserverEntry[], observer: IntersectionObserver): void => {
    if (observer !== this.#observer) return;
    for (const { target, isIntersecting, intersectionRatio } of entries) {
      const row = target as HTMLElement;
      // A row no longer rendered (reported before it was unobserved) is not in view.
      if (!this.#observed.has(row)) continue;
      if (isIntersecting && intersectionRatio >= 0.5) this.#visible.add(row);
      else this.#visible.delete(row);
      this.#arm(row);
    }
  };

  #armAll = (): void => {
    for (const row of new Set([...this.#timers.keys(), ...this.#visible])) this.#arm(row);
  };

  /** Starts, keeps or cancels the timer of `row`: it runs while the row shows an unseen notification not yet sent. */
  #arm(row: HTMLElement): void {
    const id = this.#due(row);
    const running = this.#timers.get(row);
    if (running?.id === id) return;
    if (running) clearTimeout(running.timer);
    this.#timers.delete(row);
    if (id) this.#timers.set(row, { id, timer: setTimeout(() => this.#seen(row, id), DWELL) });
  }

  /** The ids `row` would be marked with if it stays in view (joined by spaces), or undefined. */
  #due(row: HTMLElement): string | undefined {
    if (!this.#visible.has(row) || !this.#options.shown() || document.hidden) return undefined;
    const ids = this.#options.unseenOf(row).filter((id) => !this.#done.has(id));
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  /** `row`'s second is up: queue its ids if it still shows them, in view. */
  #seen(row: HTMLElement, due: string): void {
    this.#timers.delete(row);
    if (this.#due(row) !== due) return this.#arm(row);
    for (const id of due.split(' ')) {
      this.#done.add(id);
      this.#queue.push(id);
    }
    this.#flushTimer ??= setTimeout(this.#flush, DEBOUNCE);
  }

  /** Sends what is queued, 100 ids per call; ids of a call that rejects may be sent again. */
  #flush = (): void => {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const ids = this.#queue.splice(0);
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      // An async wrapper: a mark() that throws rather than rejects is handled alike.
      (async () => this.#options.mark(batch))().catch(() => {
        for (const id of batch) this.#done.delete(id);
      });
    }
  };
}
