import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Lists of up to this many rows are not virtualized. */
const WHOLE_UP_TO = 50;

/** The slice of a list to render, and the room the rows outside it take. */
export interface VirtualWindow {
  /** Index of the first row to render. */
  first: number;
  /** Index after the last row to render. */
  end: number;
  /** Estimated height of the rows before `first`, in px. */
  before: number;
  /** Estimated height of the rows from `end` on, in px. */
  after: number;
  /** The end of the list is within a viewport's height below what is shown: time to load more. */
  nearEnd: boolean;
}

export interface VirtualListOptions<T> {
  /** The scrolling element, once rendered. */
  scroller: () => HTMLElement | null;
  /** A stable key per item (heights are remembered by key). */
  key: (item: T) => string;
  /** The rendered rows; each carries `data-index`. */
  rows: () => Iterable<HTMLElement>;
  /** Height assumed for a row not yet measured, in px. */
  estimate: number;
  /** Called after each update that rendered the list (in a microtask, outside the update), with its window and items. */
  onRendered?: (window: VirtualWindow, items: readonly T[]) => void;
}

/**
 * Renders only the rows in and near the viewport of a scrolling list whose
 * rows have different heights. Rows are measured by a ResizeObserver once laid
 * out (never by an extra update cycle) and remembered by key; rows never seen
 * count as the average measured height. The list
 * itself renders `before` and `after` spacers around the `first`…`end` slice.
 *
 * Written for the feed instead of @lit-labs/virtualizer: that one is 32 KB
 * minified (about 10 KB gzip), a third of the feed's size budget, for features
 * (grid layouts, horizontal scrolling, window scrolling) the feed does not use.
 */
export class VirtualList<T> implements ReactiveController {
  #host: ReactiveControllerHost;
  #options: VirtualListOptions<T>;
  #heights = new Map<string, number>();
  #measuredTotal = 0;
  #items: readonly T[] = [];
  #window: VirtualWindow = { first: 0, end: 0, before: 0, after: 0, nearEnd: false };
  #scroller: HTMLElement | null = null;
  #frame = 0;
  /** Watches the scroller's size: a new size moves the window. */
  #resize = new ResizeObserver(() => this.#host.requestUpdate());
  /** Measures rows once laid out, and again when their size changes; new heights move the window. */
  #measure = new ResizeObserver((entries) => {
    let changed = false;
    for (const { target } of entries) {
      const row = target as HTMLElement;
      const item = this.#items[Number(row.dataset.index)];
      if (!row.isConnected || item === undefined) continue;
      const key = this.#options.key(item);
      const height = row.getBoundingClientRect().height;
      const known = this.#heights.get(key);
      if (height > 0 && known !== height) {
        this.#measuredTotal += height - (known ?? 0);
        this.#heights.set(key, height);
        changed = true;
      }
    }
    if (changed) this.#host.requestUpdate();
  });
  #measured = new Set<Element>();
  #onScroll = () => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#host.requestUpdate();
    });
  };

  constructor(host: ReactiveControllerHost, options: VirtualListOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The rows to render now for `items`, from the scroller's position and size. */
  window(items: readonly T[]): VirtualWindow {
    this.#items = items;
    const scroller = this.#scroller;
    // Rows are rendered a viewport's height beyond each edge, so a fast scroll or
    // a keyboard jump of a page lands on rows already there.
    const viewport = scroller?.clientHeight || 600;
    const top = (scroller?.scrollTop ?? 0) - viewport;
    const bottom = (scroller?.scrollTop ?? 0) + 2 * viewport;
    let offset = 0;
    let first = -1;
    let end = items.length;
    let before = 0;
    for (let index = 0; index < items.length; index++) {
      const height = this.#height(items[index]!);
      if (first < 0 && offset + height > top) {
        first = index;
        before = offset;
      }
      if (offset >= bottom) {
        end = index;
        break;
      }
      offset += height;
    }
    if (first < 0) first = end = items.length;
    const nearEnd = end === items.length;
    // Short lists render whole: nothing to gain, and every row is there for find-in-page.
    if (items.length <= WHOLE_UP_TO)
      return (this.#window = { first: 0, end: items.length, before: 0, after: 0, nearEnd });
    let after = 0;
    for (let index = end; index < items.length; index++) after += this.#height(items[index]!);
    this.#window = { first, end, before, after, nearEnd };
    return this.#window;
  }

  /** Scrolls so that row `index` is in view, as far as needed and no further. */
  scrollToIndex(index: number): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    let top = 0;
    for (let i = 0; i < index && i < this.#items.length; i++) top += this.#height(this.#items[i]!);
    const height = this.#items[index] ? this.#height(this.#items[index]) : 0;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + height > scroller.scrollTop + scroller.clientHeight)
      scroller.scrollTop = top + height - scroller.clientHeight;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    this.#attach(this.#options.scroller());
    const rows = new Set<Element>(this.#options.rows());
    for (const row of this.#measured) if (!rows.has(row)) this.#measure.unobserve(row);
    for (const row of rows) if (!this.#measured.has(row)) this.#measure.observe(row);
    this.#measured = rows;
    // Heights of items no longer in the list are forgotten, so the map stays as small as the list.
    if (this.#heights.size > 2 * this.#items.length + 100) this.#forgetGone();
    const { onRendered } = this.#options;
    // Told after the update, outside it, so what it starts (loading a page) is a new update.
    if (this.#scroller && onRendered) {
      const [window, items] = [this.#window, this.#items];
      queueMicrotask(() => onRendered(window, items));
    }
  }

  hostDisconnected(): void {
    this.#attach(null);
    this.#measure.disconnect();
    this.#measured.clear();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #attach(scroller: HTMLElement | null): void {
    if (scroller === this.#scroller) return;
    this.#scroller?.removeEventListener('scroll', this.#onScroll);
    this.#resize.disconnect();
    this.#scroller = scroller;
    if (!scroller) return;
    scroller.addEventListener('scroll', this.#onScroll, { passive: true });
    // Its first report (the scroller's size) renders the window for it.
    this.#resize.observe(scroller);
  }

  #forgetGone(): void {
    const present = new Set(this.#items.map(this.#options.key));
    for (const [key, height] of this.#heights) {
      if (present.has(key)) continue;
      this.#heights.delete(key);
      this.#measuredTotal -= height;
    }
  }

  #height(item: T): number {
    return (
      this.#heights.get(this.#options.key(item)) ??
      (this.#heights.size ? this.#measuredTotal / this.#heights.size : this.#options.estimate)
    );
  }
}
