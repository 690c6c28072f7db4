/**
 * A notifications area: a window of notifications (first page, then older
 * pages on demand, bounded in memory) and its filter. The inbox's
 * (`$notifications`) also keeps the bell's unread and unseen counts and tells
 * the page about new notifications; the archive's and the snoozed's (`$archived`,
 * `$snoozed`) are views of their own, loaded when observed. The mutations
 * (`mutations.ts`) show their changes in every view at once.
 */
import type {
  BulkResult,
  Category,
  EventName,
  Notification,
  NotificationPage,
  NotificationRef,
  ReadAllResult,
} from '@pd-notify/protocol/wire';
import { atom } from 'nanostores';
import type { PdError } from '../errors.js';
import { Area, type AreaContext, type LoadStatus } from './area.js';
import type { CountsArea } from './counts.js';
import { NotificationList } from './notification-list.js';

/**
 * Which notifications a view holds (the server filters too). `archived` and
 * `snoozed` switch the inbox's store to the archive or the snoozed; the
 * `$archived` and `$snoozed` stores are always theirs.
 */
export interface NotificationFilter {
  category?: Category | null;
  trackId?: string | null;
  unread?: boolean | null;
  /** The archive (archived items only) instead of the inbox. */
  archived?: boolean | null;
  /** The snoozed items instead of the inbox. */
  snoozed?: boolean | null;
}

/**
 * The feed's state. `status`: `idle` until a page observes the store;
 * `loading` until the first page is applied; `ready` once `items` holds it (and
 * stays `ready` while later reloads run); `error` when a load failed (`items`
 * keeps what was shown before; the load is retried with backoff).
 */
export interface NotificationsState {
  /** Newest first, with optimistic changes applied. */
  items: readonly Notification[];
  /** More (older) items can be loaded with `loadMore()`. */
  hasMore: boolean;
  /**
   * How many notifications match the filter on the server, as it counted them with the last first
   * page loaded (for "select all N matching"); undefined before, or from a server that does not say.
   */
  total: number | undefined;
  status: LoadStatus;
  /** True while `loadMore()` runs. */
  loadingMore: boolean;
  error: PdError | null;
  filter: NotificationFilter;
  /** Ids of notifications with a change waiting for the connection (shown already, not yet on the server). */
  pending: readonly string[];
}

export interface NotificationsSnapshot {
  items: readonly Notification[];
  /** Where the next older page starts; null with `hasMore` when only the first page can lead there again. */
  cursor: string | null;
  hasMore: boolean;
  total?: number | undefined;
  filter: NotificationFilter;
}

/**
 * The views a notifications area can be: the inbox (`$notifications`: the
 * inbox unless its filter asks for the archive or the snoozed), the archive
 * (`$archived`) and the snoozed (`$snoozed`).
 */
export type NotificationView = 'inbox' | 'archived' | 'snoozed';

/** A notifications area's state, as the mutations change it. */
export interface NotificationsInternals {
  list: NotificationList;
  /** Publishes the stores (once per microtask). */
  publish(): void;
  context: AreaContext;
  /** Takes a notification or a batch change the server answered (an item that left the view is dropped). */
  take(taken: Notification | BulkResult): void;
}

/** Tells the page about notifications new to the user (see `PdClient.onNotification`). */
export type Announce = (notification: Notification) => void;

/** A change the server sent: a version of a notification (`created`: just made), a removal, or a read-all. */
type Change =
  | { kind: 'item'; item: Notification; created: boolean }
  | { kind: 'removed'; ref: NotificationRef }
  | { kind: 'read'; result: ReadAllResult }
  | { kind: 'bulk'; result: BulkResult };

export class NotificationsArea extends Area<NotificationPage, NotificationsSnapshot> {
  readonly name: 'notifications' | 'archived' | 'snoozed';
  readonly $notifications = atom<NotificationsState>({
    items: [],
    hasMore: false,
    total: undefined,
    status: 'idle',
    loadingMore: false,
    error: null,
    filter: {},
    pending: [],
  });
  /** Unread notifications, optimistic (the inbox's; 0 in the other views). */
  readonly $unreadCount = atom(0);
  /** Unseen notifications, optimistic; undefined while the server has sent no unseen count (or in the other views). */
  readonly $unseenCount = atom<number | undefined>(undefined);

  #view: NotificationView;
  #counts: CountsArea | null;
  #announce: Announce;
  #pageSize: number;
  #maxItems: number;
  #list = new NotificationList({
    shows: (item) => inView(item, this.#filter),
    // Brought in by a change from another view: only once this view holds a window it fits in.
    admits: (item) => this.status !== 'idle' && matches(item, this.#filter) && this.#inWindow(item),
  });
  #filter: NotificationFilter = {};
  #cursor: string | null = null;
  #hasMore = false;
  #total: number | undefined;
  /** Ids the stream changed while a load was in flight. */
  #touched: Set<string> | null = null;
  /**
   * The changes themselves, in order: a load that replaces what is held takes
   * them again over its page (they were measured against versions that no
   * longer count).
   */
  #arrived: Change[] | null = null;
  #loadingMore: Promise<void> | null = null;
  /** How many items the user asked to see by loading more pages: never trimmed below. */
  #loadedByUser = 0;
  /** Older items were dropped to bound memory: the next `loadMore` walks down from the first page. */
  #refilling = false;
  #publishQueued = false;
  /** The verbs' code (`verbs.ts`, for batch events), loaded with the first page. */
  #verbs: typeof import('./verbs.js') | null = null;

  constructor(
    context: AreaContext,
    options: {
      view: NotificationView;
      /** The inbox's: its counts, and what tells the page about new notifications. */
      inbox?: { counts: CountsArea; announce: Announce };
      pageSize: number;
      maxItems: number;
    },
  ) {
    super(context);
    this.#view = options.view;
    this.name = options.view === 'inbox' ? 'notifications' : options.view;
    this.#counts = options.inbox?.counts ?? null;
    this.#announce = options.inbox?.announce ?? (() => {});
    this.#pageSize = options.pageSize;
    this.#maxItems = options.maxItems;
    this.#filter = this.#scoped({});
    this.#counts?.onChange(() => this.publish());
    this.$notifications.set({ ...this.$notifications.get(), filter: this.#filter });
  }

  /** A filter as this view holds it: the archive's and the snoozed's always show themselves. */
  #scoped(filter: NotificationFilter): NotificationFilter {
    return this.#view === 'inbox'
      ? { ...filter }
      : { ...filter, archived: this.#view === 'archived' || null, snoozed: this.#view === 'snoozed' || null };
  }

  // ------------------------------------------------------------------ loading

  protected begin(): void {
    this.#touched = new Set();
    this.#arrived = [];
  }

  protected end(): void {
    this.#touched = null;
    this.#arrived = null;
  }

  protected async fetch(): Promise<NotificationPage> {
    // The code for batch events comes with the first page (loaded beside it, never delaying it), so that
    // every event after it is applied as it comes.
    const [page] = await Promise.all([
      this.context.rest.listNotifications({ ...this.#filter, limit: this.#pageSize }),
      // Its chunk failing to load never fails the page: a batch event then reloads it.
      this.#verbs ??
        import('./verbs.js').then(
          (verbs) => (this.#verbs = verbs),
          () => null,
        ),
    ]);
    return page;
  }

  protected commit(page: NotificationPage): void {
    const touched = this.#touched ?? new Set<string>();
    const arrived = this.#arrived ?? [];
    this.end();
    const keepOlder = !this.replace && this.#list.size > 0;
    const announceAfter = this.status === 'ready' ? this.#list.view()[0] : undefined;
    // Replacing: what is held is void. In another id space its ids may name other notifications, and its
    // versions hide newer ones: the stream's changes during the load are taken again below, over the page.
    if (this.replace) this.#list.clear();
    this.#list.replaceHead(page.items, page.nextCursor === null, (id) => touched.has(id), keepOlder);
    this.#total = page.total;
    if (!keepOlder || (this.#cursor === null && !this.#refilling) || page.nextCursor === null) {
      this.#cursor = page.nextCursor;
      this.#hasMore = page.nextCursor !== null;
      this.#refilling = false;
      if (!keepOlder) this.#loadedByUser = 0;
    }
    if (this.replace) for (const change of arrived) this.#change(change);
    if (announceAfter) this.#announceNewerThan(announceAfter, page.items);
  }

  protected capture(): NotificationsSnapshot {
    return {
      items: this.#list.items(),
      cursor: this.#cursor,
      hasMore: this.#hasMore,
      total: this.#total,
      filter: this.#filter,
    };
  }

  /** Takes another tab's window: only when it shows the same filter. */
  override accepts(snapshot: NotificationsSnapshot): boolean {
    return sameFilter(snapshot.filter, this.#filter);
  }

  protected adopt(snapshot: NotificationsSnapshot): void {
    const before = this.status === 'ready' ? this.#list.view()[0] : undefined;
    this.#list.clear();
    this.#list.mergePage(snapshot.items);
    this.#cursor = snapshot.cursor;
    this.#hasMore = snapshot.hasMore;
    this.#total = snapshot.total;
    this.#loadedByUser = 0;
    // Older items exist but no cursor leads to them: the next loadMore walks down from the first page.
    this.#refilling = snapshot.hasMore && snapshot.cursor === null;
    if (before) this.#announceNewerThan(before, snapshot.items);
  }

  protected reset(): void {
    this.#list.clear();
    this.#cursor = null;
    this.#hasMore = false;
    this.#total = undefined;
    this.#loadedByUser = 0;
    this.#refilling = false;
  }

  /** Loads the next page of older notifications; a call while one loads waits for that one. */
  loadMore(): Promise<void> {
    if (!this.#loadingMore && this.#hasMore && (this.#cursor !== null || this.#refilling)) {
      this.#loadingMore = this.#loadNextPage().finally(() => {
        this.#loadingMore = null;
        this.publish();
      });
    }
    return this.#loadingMore ?? Promise.resolve();
  }

  async #loadNextPage(): Promise<void> {
    const generation = this.generation;
    const filter = this.#filter;
    this.publish();
    try {
      const oldest = this.#list.oldest();
      for (;;) {
        const page = await this.context.rest.listNotifications({
          ...filter,
          cursor: this.#cursor,
          limit: this.#pageSize,
        });
        if (generation !== this.generation || filter !== this.#filter) return;
        this.#list.mergePage(page.items);
        this.#cursor = page.nextCursor;
        this.#hasMore = page.nextCursor !== null;
        const last = page.items.at(-1);
        // Refilling after a trim: pages of items still held bring nothing new; walk on past them.
        if (!this.#refilling || !this.#hasMore || !last || !oldest || last.createdAt < oldest.createdAt) break;
      }
      this.#refilling = false;
      this.#loadedByUser = this.#list.size;
    } catch (error) {
      throw this.context.report(error);
    }
  }

  /**
   * What is held was written in another language: answers on their way (a
   * page, the next page) are dropped, and the next load replaces everything.
   */
  rewrite(): void {
    if (!this.held) return;
    this.generation++;
    this.replace = true;
    this.stale = true;
  }

  /** Shows another slice of the notifications; loads it from the server. */
  setFilter(filter: NotificationFilter): Promise<boolean> {
    this.generation++;
    this.#filter = this.#scoped(filter);
    this.reset();
    this.replace = true;
    this.status = 'loading';
    this.publish();
    return this.load();
  }

  // ------------------------------------------------------------------ the stream

  apply(name: EventName, data: unknown): void {
    switch (name) {
      case 'notification.created':
      case 'notification.updated':
        if (this.held)
          this.#receive({ kind: 'item', item: data as Notification, created: name === 'notification.created' });
        return;
      case 'notification.removed':
        this.#receive({ kind: 'removed', ref: data as NotificationRef });
        return;
      case 'notifications.read':
        this.#receive({ kind: 'read', result: data as ReadAllResult });
        return;
      case 'notifications.bulk':
        // Like an item: nothing to change while nothing is held (a page with a bell only loads no list for it).
        if (this.held) this.#receive({ kind: 'bulk', result: data as BulkResult });
    }
  }

  /** Takes a notification, or a batch change, from the server (its answer to a change, or another tab's). */
  take(taken: Notification | BulkResult): void {
    if (!this.held) return;
    this.#receive('op' in taken ? { kind: 'bulk', result: taken } : { kind: 'item', item: taken, created: false });
  }

  #receive(change: Change): void {
    const ids =
      change.kind === 'item'
        ? [change.item.id]
        : change.kind === 'removed'
          ? [change.ref.id]
          : change.result.items.map((ref: NotificationRef) => ref.id);
    for (const id of ids) this.#touched?.add(id);
    this.#arrived?.push(change);
    if (this.#change(change) && change.kind === 'item' && change.created) this.#bound();
    this.publish();
  }

  /** Applies a change to what is held, version permitting; returns whether anything changed. */
  #change(change: Change): boolean {
    switch (change.kind) {
      case 'item': {
        const { item } = change;
        // Archived, snoozed or restored: out of the view it left, as a removal at that version (a later one brings it back).
        if (!inView(item, this.#filter)) return this.#counted(this.#list.remove(item), -1);
        const fits = matches(item, this.#filter);
        // Not held, yet inserted within the window loaded: it was not in the view before (created, or moved in).
        const entering = fits && this.#list.get(item.id) === undefined;
        const changed = this.#list.upsert(item, this.#inWindow(item) && fits, change.created);
        return entering ? this.#counted(changed, 1) : changed;
      }
      case 'removed':
        return this.#counted(this.#list.remove(change.ref), -1);
      case 'read':
        return this.#list.markRead(change.result.items, change.result.readAt);
      case 'bulk':
        // Before the first page (and with it the code for batch events) came: the page is loaded again.
        return (
          this.#verbs?.applyBulk(
            this.#list,
            this.#filter,
            change.result,
            (ids) => this.#fetch(ids),
            () => this.#counted(true, -1),
          ) ?? this.#fetch([])
        );
    }
  }

  /** Whether an item's time places it within the window loaded (anywhere, when the list is complete). */
  #inWindow(item: Notification): boolean {
    const oldest = this.#list.oldest();
    return !this.#hasMore || !oldest || item.createdAt >= oldest.createdAt;
  }

  /** Keeps the server's count of matches with what came and went since it was counted. */
  #counted(changed: boolean, by: 1 | -1): boolean {
    if (changed && this.#total !== undefined) this.#total = Math.max(0, this.#total + by);
    return changed;
  }

  /** Fetches items that missed a change (or the first page again, when they are many). */
  #fetch(ids: string[]): false {
    if (ids.length > this.#pageSize || !this.#verbs) {
      this.stale = true;
      void this.load();
    } else {
      for (const id of ids) {
        // Taken as any server version is: inserted only when it belongs to what is shown then.
        this.context.rest.getNotification(id).then(
          (item) => this.take(item),
          (error: unknown) => this.context.report(error),
        );
      }
    }
    return false;
  }

  /**
   * Drops the oldest items once arrivals have doubled the bound (past what the
   * user loaded); they load again when the user scrolls to them. Trimming a
   * whole bound at a time keeps rows the user may be reading from vanishing one
   * by one.
   */
  #bound(): void {
    const max = this.#maxItems;
    const keep = Math.max(max, this.#loadedByUser);
    if (this.#list.size <= keep + max || this.#loadingMore || this.#touched) return;
    this.#list.trimTo(keep);
    this.#cursor = null;
    this.#hasMore = true;
    this.#refilling = true;
  }

  /** Announces what a reload brought that is newer than what was shown, as the stream would have. */
  #announceNewerThan(newest: Notification, items: readonly Notification[]): void {
    for (const item of items) if (item.createdAt > newest.createdAt) this.#announce(item);
  }

  // ------------------------------------------------------------------ mutations

  /** What the mutations (loaded on first use, `notification-actions.ts`) work on. */
  internals(): NotificationsInternals {
    return {
      list: this.#list,
      publish: () => this.publish(),
      context: this.context,
      take: (taken) => this.take(taken),
    };
  }

  // ------------------------------------------------------------------ publishing

  /** Recomputes the stores once per microtask, however many changes came in. */
  protected publish(): void {
    if (this.#publishQueued) return;
    this.#publishQueued = true;
    queueMicrotask(() => this.flush());
  }

  /** Publishes what is queued now, not in a microtask (a server's snapshot, shown from the first render). */
  flush(): void {
    if (!this.#publishQueued) return;
    this.#publishQueued = false;
    // What the view admits from other views depends on the status and the window, not only on the list.
    this.#list.rulesDependOn([this.status, this.#hasMore, this.#filter, this.#list.oldest()]);
    this.$notifications.set({
      items: this.#list.view(),
      hasMore: this.#hasMore,
      total: this.#total,
      status: this.status,
      loadingMore: this.#loadingMore !== null,
      error: this.error,
      filter: this.#filter,
      pending: this.#list.pendingIds(),
    });
    if (!this.#counts) return;
    this.$unreadCount.set(this.#list.unreadCount(this.#counts.value.unreadNotifications));
    // Undefined while the server sends no unseen count (and 0 stays 0: no optimistic change makes an item unseen).
    const unseen = this.#counts.value.unseenNotifications;
    this.$unseenCount.set(unseen && this.#list.shownCount(unseen, (item) => !item.seenAt));
  }
}

/** Whether an item is in the place the filter shows: the inbox (default), the archive, or the snoozed. */
export function inView(item: Notification, filter: NotificationFilter): boolean {
  return !item.archivedAt === !filter.archived && !item.snoozedUntil === !filter.snoozed;
}

function matches(item: Notification, filter: NotificationFilter): boolean {
  if (!inView(item, filter)) return false;
  if (filter.category && item.category !== filter.category) return false;
  if (filter.trackId && item.trackId !== filter.trackId) return false;
  if (filter.unread != null && (item.readAt === null) !== filter.unread) return false;
  return true;
}

function sameFilter(a: NotificationFilter, b: NotificationFilter): boolean {
  return FILTER_KEYS.every((key) => (a[key] ?? null) === (b[key] ?? null));
}

const FILTER_KEYS = ['category', 'trackId', 'unread', 'archived', 'snoozed'] as const;
