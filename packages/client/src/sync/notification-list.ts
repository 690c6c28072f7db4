/**
 * The notifications a client holds, newest first: the server's confirmed state
 * ("base", merged by version, with tombstones for removals) and on top of it the
 * optimistic changes of mutations still in flight ("overlays"). The view is base
 * with every overlay applied, so a failed mutation rolls back by dropping its
 * overlay, and server events that arrive meanwhile are never lost.
 */
import type { Notification, NotificationRef } from '@pd-notify/protocol';

/** How many removals are remembered. */
const MAX_REMOVALS = 1000;

/** An optimistic change: returns the item as it will be, or null when it will be gone. */
export interface Overlay {
  readonly id: number;
  apply(item: Notification): Notification | null;
  /**
   * Items of other views it may bring into this one (restored to the inbox, archived into the archive),
   * as the server last sent them: shown when the changes make them belong here.
   */
  readonly enter?: readonly Notification[];
  /** For mark-all-read: the newest item covered; the unread count is estimated from it. */
  readonly upTo?: Notification;
  /** Waiting in the offline queue for the connection (the page shows it as pending). */
  queued?: boolean;
}

const newer = (a: Notification, b: Notification): boolean => a.createdAt > b.createdAt;

/** Which items a list's view shows, once the optimistic changes are applied. */
export interface ViewRules {
  /** An item held belongs to the view (the inbox, the archive, the snoozed). */
  shows(item: Notification): boolean;
  /** An item brought in from another view belongs to it: its place, its filter, the window loaded. */
  admits(item: Notification): boolean;
}

const EVERY_ITEM: ViewRules = { shows: () => true, admits: () => true };

export class NotificationList {
  #rules: ViewRules;
  #base = new Map<string, Notification>();
  /** Ids in base, newest first. */
  #order: string[] = [];
  /** Removed ids and the version of their removal (a removal may arrive before its creation). */
  #removed = new Map<string, number>();
  #overlays: Overlay[] = [];
  #nextOverlay = 1;
  #view: Notification[] | null = null;
  /** What the rules last depended on (see `rulesDependOn`). */
  #rulesKey: readonly unknown[] = [];

  constructor(rules: ViewRules = EVERY_ITEM) {
    this.#rules = rules;
  }

  /**
   * What the view admits depends on `key` (the list's status, its window): a new key computes the
   * view again where changes bring items in; the same key keeps it (a publish per event costs nothing).
   */
  rulesDependOn(key: readonly unknown[]): void {
    if (key.length === this.#rulesKey.length && key.every((part, index) => part === this.#rulesKey[index])) return;
    this.#rulesKey = key;
    if (this.#overlays.some((overlay) => overlay.enter)) this.#view = null;
  }

  /** Items with optimistic changes applied, newest first (those the changes move out of the view left out). */
  view(): readonly Notification[] {
    if (this.#view) return this.#view;
    const held: Notification[] = [];
    const { shows, admits } = this.#rules;
    for (const id of this.#order) {
      const item = this.#overlaid(this.#base.get(id)!);
      if (item && shows(item)) held.push(item);
    }
    // Items optimistic changes bring in (once the server's version is held, that one counts), merged in by time.
    const entering: Notification[] = [];
    for (const entered of this.#entering()) {
      const item = this.#overlaid(entered);
      if (item && shows(item) && admits(item)) entering.push(item);
    }
    if (entering.length === 0) return (this.#view = held);
    entering.sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0));
    const view: Notification[] = [];
    let next = 0;
    for (const item of held) {
      while (next < entering.length && newer(entering[next]!, item)) view.push(entering[next++]!);
      view.push(item);
    }
    while (next < entering.length) view.push(entering[next++]!);
    this.#view = view;
    return view;
  }

  #overlaid(base: Notification): Notification | null {
    let item: Notification | null = base;
    for (const overlay of this.#overlays) {
      item = overlay.apply(item);
      if (!item) break;
    }
    return item;
  }

  /** Items optimistic changes bring in that the list does not hold, each once (the latest change's). */
  #entering(): Notification[] {
    const entering = new Map<string, Notification>();
    for (const overlay of this.#overlays)
      for (const item of overlay.enter ?? []) if (!this.#base.has(item.id)) entering.set(item.id, item);
    return [...entering.values()];
  }

  /** The server's confirmed items (no optimistic changes), newest first. */
  items(): Notification[] {
    return this.#order.map((id) => this.#base.get(id)!);
  }

  get(id: string): Notification | undefined {
    return this.#base.get(id);
  }

  get size(): number {
    return this.#order.length;
  }

  /** Keeps the newest `count` items; forgets the older ones. */
  trimTo(count: number): void {
    for (const id of this.#order.splice(count)) this.#base.delete(id);
    this.#view = null;
  }

  /** The oldest item held (the end of the loaded window). */
  oldest(): Notification | undefined {
    const id = this.#order[this.#order.length - 1];
    return id === undefined ? undefined : this.#base.get(id);
  }

  /**
   * Takes a version of an item from the server. Older or equal versions than the
   * one held, and versions at or below a removal, are ignored. Returns whether
   * anything changed. A new item is inserted only when `insertNew` says so (it
   * belongs to the loaded window and the current filter); `arrivedNewest` when
   * it was just created (see `#insertOrdered`).
   */
  upsert(item: Notification, insertNew: boolean, arrivedNewest = false): boolean {
    const removedAt = this.#removed.get(item.id);
    if (removedAt !== undefined && removedAt >= item.version) return false;
    const held = this.#base.get(item.id);
    if (held) {
      if (held.version >= item.version) return false;
      this.#base.set(item.id, item);
      if (held.createdAt !== item.createdAt) {
        this.#order.splice(this.#order.indexOf(item.id), 1);
        this.#insertOrdered(item, arrivedNewest);
      }
    } else {
      if (!insertNew) return false;
      this.#base.set(item.id, item);
      this.#insertOrdered(item, arrivedNewest);
    }
    this.#view = null;
    return true;
  }

  /** A removal: forgets the item and remembers the removal's version. */
  remove(ref: NotificationRef): boolean {
    const previous = this.#removed.get(ref.id) ?? 0;
    if (ref.version > previous) {
      this.#removed.delete(ref.id);
      this.#removed.set(ref.id, ref.version);
      // Removals are remembered to refuse late creations of the same item; the oldest are forgotten past a bound.
      if (this.#removed.size > MAX_REMOVALS) this.#removed.delete(this.#removed.keys().next().value!);
    }
    const held = this.#base.get(ref.id);
    if (!held || held.version >= ref.version) return false;
    this.#base.delete(ref.id);
    this.#order.splice(this.#order.indexOf(ref.id), 1);
    this.#view = null;
    return true;
  }

  /** Applies a read-all result: each listed item becomes read at `readAt`, version permitting. */
  markRead(refs: readonly NotificationRef[], readAt: string): boolean {
    let changed = false;
    for (const ref of refs) {
      const held = this.#base.get(ref.id);
      if (held && held.version < ref.version) {
        this.#base.set(ref.id, {
          ...held,
          readAt: held.readAt ?? readAt,
          seenAt: held.seenAt ?? readAt,
          version: ref.version,
        });
        changed = true;
      }
    }
    if (changed) this.#view = null;
    return changed;
  }

  /**
   * Replaces the window's head with a fresh first page from the server: items in
   * the page's span that the page no longer has are gone (unless `keep` says they
   * came from the stream meanwhile); items older than the page stay when
   * `keepOlder` (the rest of a loaded window).
   */
  replaceHead(
    page: readonly Notification[],
    complete: boolean,
    keep: (id: string) => boolean,
    keepOlder: boolean,
  ): void {
    const inPage = new Set(page.map((item) => item.id));
    const last = page[page.length - 1];
    for (const id of [...this.#order]) {
      if (inPage.has(id) || keep(id)) continue;
      const held = this.#base.get(id)!;
      // Items created at the same instant as the page's last one may come after it in
      // the server's order (creation order breaks ties, and the client cannot see it).
      const olderThanPage = !complete && last !== undefined && held.createdAt <= last.createdAt;
      if (olderThanPage && keepOlder) continue;
      this.#base.delete(id);
      this.#order.splice(this.#order.indexOf(id), 1);
    }
    this.mergePage(page);
  }

  /**
   * Takes a page from the server: its items are inserted or updated, and those
   * created at the same instant are put in the page's order (the server's
   * creation order, which their times cannot tell).
   */
  mergePage(page: readonly Notification[]): void {
    for (const item of page) this.upsert(item, true);
    for (let start = 0, end = 1; start < page.length; start = end, end = start + 1) {
      while (end < page.length && page[end]!.createdAt === page[start]!.createdAt) end++;
      if (end - start < 2) continue;
      const ids = page
        .slice(start, end)
        .map((item) => item.id)
        .filter((id) => this.#base.has(id));
      const slots = ids.map((id) => this.#order.indexOf(id)).sort((a, b) => a - b);
      slots.forEach((slot, index) => (this.#order[slot] = ids[index]!));
    }
    this.#view = null;
  }

  /** Forgets everything (a new filter, a new user). */
  clear(): void {
    this.#base.clear();
    this.#order = [];
    this.#removed.clear();
    this.#view = null;
  }

  addOverlay(apply: Overlay['apply'], upTo?: Notification, enter?: readonly Notification[]): Overlay {
    const overlay: Overlay = {
      id: this.#nextOverlay++,
      apply,
      ...(upTo ? { upTo } : {}),
      ...(enter?.length ? { enter } : {}),
    };
    this.#overlays.push(overlay);
    this.#view = null;
    return overlay;
  }

  dropOverlay(overlay: Overlay): void {
    this.#overlays = this.#overlays.filter((other) => other !== overlay);
    this.#view = null;
  }

  /** Ids of the items a change waiting in the offline queue affects. */
  pendingIds(): string[] {
    const queued = this.#overlays.filter((overlay) => overlay.queued);
    if (queued.length === 0) return [];
    const changed = this.#order.filter((id) => {
      const item = this.#base.get(id)!;
      return queued.some((overlay) => overlay.apply(item) !== item);
    });
    // And the items they bring in from another view.
    const waiting = new Set(queued.flatMap((overlay) => (overlay.enter ?? []).map((item) => item.id)));
    const brought = this.view().filter((item) => !this.#base.has(item.id) && waiting.has(item.id));
    return [...changed, ...brought.map((item) => item.id)];
  }

  /**
   * The unread count to show: the server's count, adjusted for optimistic
   * changes the server has not confirmed yet. While a mark-all-read is in flight,
   * only items newer than its point can still be unread.
   */
  unreadCount(serverCount: number): number {
    const markAll = this.#overlays.findLast((overlay) => overlay.upTo);
    if (markAll) {
      return this.view().filter((item) => item.readAt === null && newer(item, markAll.upTo!)).length;
    }
    return this.shownCount(serverCount, (item) => item.readAt === null);
  }

  /**
   * A server count of items `counted` (the unseen ones, say), adjusted for the
   * items optimistic changes move in or out of it.
   */
  shownCount(count: number, counted: (item: Notification) => boolean): number {
    if (this.#overlays.length > 0) {
      const view = new Map(this.view().map((item) => [item.id, item]));
      for (const [id, base] of this.#base) {
        const shown = view.get(id);
        count += Number(shown !== undefined && counted(shown)) - Number(counted(base));
      }
      // Brought in from another view (unsnoozed, say): not in the server's count yet.
      for (const item of this.#entering()) {
        const shown = view.get(item.id);
        count += Number(shown !== undefined && counted(shown));
      }
    }
    return Math.max(0, count);
  }

  /**
   * Inserts by creation time, newest first. Items created at the same instant
   * are ordered by the server in creation order, which the client cannot see:
   * one that `arrivedNewest` (a creation event from the stream) goes before
   * them, as the server puts it; one from a page goes after them, as pages
   * come newest first.
   */
  #insertOrdered(item: Notification, arrivedNewest: boolean): void {
    let low = 0;
    let high = this.#order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const held = this.#base.get(this.#order[mid]!)!.createdAt;
      if (held > item.createdAt || (held === item.createdAt && !arrivedNewest)) low = mid + 1;
      else high = mid;
    }
    this.#order.splice(low, 0, item.id);
  }
}
