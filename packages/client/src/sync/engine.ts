/**
 * The sync engine: the client's single source of truth. It loads state over REST,
 * applies stream events idempotently and in version order, resyncs on a reset or
 * a gap, and runs mutations optimistically with rollback. Elements and custom UIs
 * only read its stores.
 */
import {
  EVENT_CHECKS,
  wireProblem,
  parseEventId,
  type Acceptance,
  type ActionId,
  type Category,
  type Counts,
  type EventId,
  type EventName,
  type Invitation,
  type Notification,
  type Preferences,
  type PreferencesUpdate,
  type SyncProgress,
} from '@pd-notify/protocol/wire';
import { atom, type ReadableAtom } from 'nanostores';
import { PdError } from '../errors.js';
import type { Rest } from '../rest.js';
import type { ConnectionState, WireEvent } from '../realtime/types.js';
import { NotificationList, type Overlay } from './notification-list.js';
import type { PreferencesEditor } from './preferences-editor.js';

/** Which notifications `$notifications` holds (the server filters too). */
export interface NotificationFilter {
  category?: Category | null;
  trackId?: string | null;
  unread?: boolean | null;
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface NotificationsState {
  /** Newest first, with optimistic changes applied. */
  items: readonly Notification[];
  /** More (older) items can be loaded with `loadMore()`. */
  hasMore: boolean;
  status: LoadStatus;
  /** True while `loadMore()` runs. */
  loadingMore: boolean;
  error: PdError | null;
  filter: NotificationFilter;
}

export interface InvitationsState {
  /** Pending invitations, most recent first, narrowed by `trackId` when set. */
  items: readonly Invitation[];
  status: LoadStatus;
  error: PdError | null;
  trackId: string | null;
}

/** The editable part of the preferences. */
export type PreferencesDraft = Omit<PreferencesUpdate, 'version'>;

export interface PreferencesState {
  /** What the server holds. */
  server: Preferences | null;
  /** The user's unsaved edit, or null. */
  draft: PreferencesDraft | null;
  dirty: boolean;
  status: 'idle' | 'loading' | 'ready' | 'saving' | 'saved' | 'conflict' | 'error';
  error: PdError | null;
  /** Saved in another session while this draft was unsaved: the user chooses (`resolveIncoming`). */
  incoming: Preferences | null;
}

/** What a tab tells the other tabs after a mutation, so they converge at once. */
export type SharedResult =
  { kind: 'notification'; notification: Notification } | { kind: 'invitation'; invitation: Invitation };

export interface EngineOptions {
  rest: Rest;
  pageSize: number;
  /** Notifications kept in memory as new ones stream in, unless the user loaded more. Default 500. */
  maxItems?: number;
  onError: (error: PdError) => void;
  /** Sends a mutation's result to the other tabs. */
  share: (result: SharedResult) => void;
}

const emptyCounts: Counts = { unreadNotifications: 0, pendingInvitations: 0 };

export class SyncEngine {
  readonly $notifications = atom<NotificationsState>({
    items: [],
    hasMore: false,
    status: 'idle',
    loadingMore: false,
    error: null,
    filter: {},
  });
  readonly $unreadCount = atom(0);
  readonly $invitations = atom<InvitationsState>({ items: [], status: 'idle', error: null, trackId: null });
  readonly $pendingInviteCount = atom(0);
  readonly $preferences = atom<PreferencesState>({
    server: null,
    draft: null,
    dirty: false,
    status: 'idle',
    error: null,
    incoming: null,
  });
  readonly $connection = atom<ConnectionState>({ status: 'idle', reason: null, error: null });
  readonly $syncProgress = atom<Readonly<Record<string, SyncProgress>>>({});

  #options: EngineOptions;
  #list = new NotificationList();
  #cursor: string | null = null;
  #hasMore = false;
  #counts: Counts = emptyCounts;
  #invitations = new Map<string, Invitation>();
  #invitationOverrides = new Map<string, Invitation>();
  #lastEvent: EventId | null = null;
  /**
   * What the stream changed since the running resync started: notification ids,
   * invitation ids, and whether counts arrived. A response computed before those
   * events must not overwrite them.
   */
  #touched: Set<string> | null = null;
  #touchedInvitations = new Set<string>();
  #countsFromStream = false;
  #resyncing: Promise<void> | null = null;
  #resyncWanted = false;
  #dropOlderPages = false;
  #generation = 0;
  #flushQueued = false;
  #loadingMore: Promise<void> | null = null;
  /** How many items the user asked to see by loading more pages: never trimmed below. */
  #loadedByUser = 0;
  /** Older items were dropped to bound memory: the next `loadMore` walks down from the first page. */
  #refilling = false;

  constructor(options: EngineOptions) {
    this.#options = options;
  }

  // ------------------------------------------------------------------ loading

  /**
   * Refetches the first page, the counts, the invitations, the preferences (a
   * newer version arriving while a draft is open becomes `incoming`) and the syncs. Concurrent calls share one run; a call during
   * a run schedules exactly one more.
   */
  resync(dropOlderPages = false): Promise<void> {
    this.#resyncWanted = true;
    this.#dropOlderPages ||= dropOlderPages;
    this.#resyncing ??= this.#runResyncs();
    return this.#resyncing;
  }

  async #runResyncs(): Promise<void> {
    try {
      while (this.#resyncWanted) {
        this.#resyncWanted = false;
        const drop = this.#dropOlderPages;
        this.#dropOlderPages = false;
        await this.#load(drop);
      }
    } finally {
      // Same synchronous step as the loop's last check: no request can slip in between.
      this.#resyncing = null;
    }
  }

  async #load(dropOlderPages: boolean): Promise<void> {
    const { rest } = this.#options;
    const generation = this.#generation;
    const filter = this.$notifications.get().filter;
    this.#touched = new Set();
    this.#touchedInvitations.clear();
    this.#countsFromStream = false;
    if (this.$notifications.get().status === 'idle' || this.$notifications.get().status === 'error') {
      this.$notifications.set({ ...this.$notifications.get(), status: 'loading', error: null });
    }
    if (this.$invitations.get().status !== 'ready')
      this.$invitations.set({ ...this.$invitations.get(), status: 'loading' });
    const prefs = this.$preferences.get();
    if (prefs.status === 'idle') this.$preferences.set({ ...prefs, status: 'loading' });
    const [page, counts, invitations, preferences, syncs] = await Promise.allSettled([
      rest.listNotifications({ ...filter, limit: this.#options.pageSize }),
      rest.getCounts(),
      rest.listInvitations(),
      rest.getPreferences(),
      rest.listSyncs(),
    ]);
    if (generation !== this.#generation) return;
    const touched = this.#touched;
    this.#touched = null;

    if (page.status === 'fulfilled') {
      const keepOlder = !dropOlderPages && this.#list.size > 0;
      this.#list.replaceHead(page.value.items, page.value.nextCursor === null, (id) => touched.has(id), keepOlder);
      if (!keepOlder || (this.#cursor === null && !this.#refilling) || page.value.nextCursor === null) {
        this.#cursor = page.value.nextCursor;
        this.#hasMore = page.value.nextCursor !== null;
        this.#refilling = false;
        if (!keepOlder) this.#loadedByUser = 0;
      }
      this.$notifications.set({ ...this.$notifications.get(), status: 'ready', error: null });
    } else {
      this.#fail(this.$notifications, page.reason);
    }
    if (counts.status === 'fulfilled' && !this.#countsFromStream) this.#counts = counts.value;
    if (invitations.status === 'fulfilled') {
      const fresh = new Map(invitations.value.items.map((inv) => [inv.id, inv]));
      for (const id of this.#touchedInvitations) {
        const held = this.#invitations.get(id);
        if (held && held.version > (fresh.get(id)?.version ?? -1)) fresh.set(id, held);
      }
      this.#invitations = fresh;
      this.$invitations.set({ ...this.$invitations.get(), status: 'ready', error: null });
    } else {
      this.#fail(this.$invitations, invitations.reason);
    }
    if (preferences.status === 'fulfilled') this.#takeServerPreferences(preferences.value);
    else if (preferences.status === 'rejected') this.#fail(this.$preferences, preferences.reason);
    if (syncs.status === 'fulfilled') {
      this.$syncProgress.set(Object.fromEntries(syncs.value.items.map((sync) => [sync.trackId, sync])));
    }
    this.#publish();
  }

  /** Loads the next (older) page into `$notifications`; a call while one loads waits for that one. */
  loadMore(): Promise<void> {
    if (!this.#loadingMore && this.#hasMore && (this.#cursor !== null || this.#refilling)) {
      this.#loadingMore = this.#loadNextPage().finally(() => (this.#loadingMore = null));
    }
    return this.#loadingMore ?? Promise.resolve();
  }

  async #loadNextPage(): Promise<void> {
    const state = this.$notifications.get();
    const generation = this.#generation;
    this.$notifications.set({ ...state, loadingMore: true });
    try {
      const oldest = this.#list.oldest();
      for (;;) {
        const page = await this.#options.rest.listNotifications({
          ...state.filter,
          cursor: this.#cursor,
          limit: this.#options.pageSize,
        });
        if (generation !== this.#generation) return;
        this.#list.mergePage(page.items);
        this.#cursor = page.nextCursor;
        this.#hasMore = page.nextCursor !== null;
        const last = page.items.at(-1);
        // Refilling after a trim: pages of items still held bring nothing new; walk on past them.
        if (!this.#refilling || !this.#hasMore || !last || !oldest || last.createdAt < oldest.createdAt) break;
      }
      this.#refilling = false;
      this.#loadedByUser = this.#list.size;
      this.$notifications.set({ ...this.$notifications.get(), loadingMore: false });
      this.#publish();
    } catch (error) {
      this.$notifications.set({ ...this.$notifications.get(), loadingMore: false });
      throw this.#report(error);
    }
  }

  /** Shows another slice of the notifications; reloads from the server. */
  setFilter(filter: NotificationFilter): Promise<void> {
    this.#list.clear();
    this.#cursor = null;
    this.#hasMore = false;
    this.#loadedByUser = 0;
    this.#refilling = false;
    this.$notifications.set({ ...this.$notifications.get(), filter: { ...filter }, items: [], status: 'loading' });
    return this.resync(true);
  }

  /** Narrows `$invitations` to one track (null for all). */
  setInvitationTrack(trackId: string | null): void {
    this.$invitations.set({ ...this.$invitations.get(), trackId });
    this.#publish();
  }

  /** Forgets everything (the token changed to another user). */
  clear(): void {
    this.#generation++;
    this.#list.clear();
    this.#cursor = null;
    this.#hasMore = false;
    this.#loadedByUser = 0;
    this.#refilling = false;
    this.#counts = emptyCounts;
    this.#invitations.clear();
    this.#invitationOverrides.clear();
    this.#lastEvent = null;
    this.$notifications.set({
      items: [],
      hasMore: false,
      status: 'idle',
      loadingMore: false,
      error: null,
      filter: this.$notifications.get().filter,
    });
    this.$invitations.set({ items: [], status: 'idle', error: null, trackId: this.$invitations.get().trackId });
    this.$preferences.set({ server: null, draft: null, dirty: false, status: 'idle', error: null, incoming: null });
    this.$syncProgress.set({});
    this.#publish();
  }

  // ------------------------------------------------------------------ the stream

  /** Takes one event off the wire (from this tab's stream or the leader tab's). */
  applyWireEvent(wire: WireEvent): void {
    const name = wire.event as EventName;
    const check = EVENT_CHECKS[name];
    if (!check) return; // an event this client does not know: forward compatible
    let data: unknown;
    try {
      data = JSON.parse(wire.data);
    } catch (cause) {
      this.#report(new PdError('invalid-response', `The ${name} event's data is not JSON`, { cause }));
      return;
    }
    const problem = wireProblem(check, data);
    if (problem) {
      this.#report(new PdError('invalid-response', `The ${name} event does not follow the protocol at ${problem}`));
      return;
    }
    const id = parseEventId(wire.id);
    const last = this.#lastEvent;
    let gap = false;
    if (id && last && id.epoch === last.epoch) {
      if (name !== 'ready' && name !== 'reset' && id.seq <= last.seq) return; // a duplicate
      gap = id.seq > last.seq + 1;
    } else if (id && last && name !== 'reset') {
      gap = true; // a new id space without a reset
    }
    if (id) this.#lastEvent = id;
    this.#apply(name, data);
    if (name === 'reset') void this.resync(true).catch(() => {});
    else if (gap) void this.resync().catch(() => {});
  }

  setConnection(state: ConnectionState): void {
    const current = this.$connection.get();
    if (current.status !== state.status || current.reason !== state.reason || current.error !== state.error) {
      this.$connection.set(state);
    }
  }

  #apply(name: EventName, data: unknown): void {
    switch (name) {
      case 'notification.created':
      case 'notification.updated':
        this.#takeNotification(data as Notification, name === 'notification.created');
        break;
      case 'notification.removed': {
        const ref = data as { id: string; version: number };
        this.#touched?.add(ref.id);
        this.#list.remove(ref);
        break;
      }
      case 'notifications.read': {
        const result = data as { readAt: string; items: { id: string; version: number }[] };
        for (const ref of result.items) this.#touched?.add(ref.id);
        this.#list.markRead(result.items, result.readAt);
        break;
      }
      case 'counts':
        this.#counts = data as Counts;
        if (this.#touched) this.#countsFromStream = true;
        break;
      case 'invitation.created':
      case 'invitation.updated':
        this.#takeInvitation(data as Invitation);
        break;
      case 'preferences.updated':
        this.#takeServerPreferences(data as Preferences);
        break;
      case 'sync.progress': {
        const sync = data as SyncProgress;
        this.$syncProgress.set({ ...this.$syncProgress.get(), [sync.trackId]: sync });
        break;
      }
      case 'ready':
      case 'reset':
        break;
    }
    this.#publish();
  }

  /** Takes a mutation result shared by another tab. */
  applyShared(result: SharedResult): void {
    if (result.kind === 'notification') this.#takeNotification(result.notification);
    else this.#takeInvitation(result.invitation);
    this.#publish();
  }

  #takeNotification(item: Notification, created = false): void {
    this.#touched?.add(item.id);
    const oldest = this.#list.oldest();
    const inWindow = !this.#hasMore || !oldest || item.createdAt >= oldest.createdAt;
    const inserted = this.#list.upsert(item, inWindow && matches(item, this.$notifications.get().filter), created);
    if (inserted && created) this.#bound();
  }

  /**
   * Drops the oldest items once arrivals have doubled the bound (past what the
   * user loaded); they load again when the user scrolls to them. Trimming a
   * whole bound at a time keeps rows the user may be reading from vanishing one
   * by one.
   */
  #bound(): void {
    const max = this.#options.maxItems ?? 500;
    const keep = Math.max(max, this.#loadedByUser);
    if (this.#list.size <= keep + max || this.#loadingMore || this.#resyncing) return;
    this.#list.trimTo(keep);
    this.#cursor = null;
    this.#hasMore = true;
    this.#refilling = true;
  }

  #takeInvitation(invitation: Invitation): void {
    const held = this.#invitations.get(invitation.id);
    if (held && held.version >= invitation.version) return;
    if (this.#touched) this.#touchedInvitations.add(invitation.id);
    this.#invitations.set(invitation.id, invitation);
  }

  #takeServerPreferences(preferences: Preferences): void {
    const state = this.$preferences.get();
    if (state.server && state.server.version >= preferences.version) return;
    if (state.dirty) {
      this.$preferences.set({ ...state, incoming: preferences });
      return;
    }
    this.$preferences.set({ ...state, server: preferences, draft: null, status: 'ready', error: null, incoming: null });
  }

  // ------------------------------------------------------------------ mutations

  markRead(id: string): Promise<Notification> {
    return this.#mutateNotification(
      (item) => (item.id === id && item.readAt === null ? { ...item, readAt: new Date().toISOString() } : item),
      () => this.#options.rest.markRead(id),
    );
  }

  markUnread(id: string): Promise<Notification> {
    return this.#mutateNotification(
      (item) => (item.id === id ? { ...item, readAt: null } : item),
      () => this.#options.rest.markUnread(id),
    );
  }

  /**
   * Marks read everything up to the newest notification shown; notifications that
   * arrive while the request runs stay unread.
   */
  async markAllRead(): Promise<void> {
    const upTo = this.#list.view()[0];
    if (!upTo) return;
    const readAt = new Date().toISOString();
    await this.#optimistic(
      (item) => (item.readAt === null && item.createdAt <= upTo.createdAt ? { ...item, readAt } : item),
      async () => {
        const result = await this.#options.rest.markAllRead(upTo.id);
        this.#list.markRead(result.items, result.readAt);
      },
      upTo,
    );
  }

  dismiss(id: string): Promise<void> {
    return this.#optimistic(
      (item) => (item.id === id ? null : item),
      async () => {
        await this.#options.rest.dismiss(id);
        const held = this.#list.get(id);
        if (held) this.#list.remove({ id, version: held.version + 1 });
      },
    );
  }

  async runAction(id: string, action: ActionId): Promise<Acceptance | null> {
    const held = this.#list.get(id);
    const invitationId = action === 'accept-invite' ? held?.invitationId : null;
    const undoInvitation = invitationId ? this.#overrideInvitation(invitationId, 'accepted') : null;
    try {
      let acceptance: Acceptance | null = null;
      await this.#mutateNotification(
        (item) =>
          item.id === id ? { ...item, actionTaken: action, readAt: item.readAt ?? new Date().toISOString() } : item,
        async () => {
          const result = await this.#options.rest.runAction(id, action);
          if (result.acceptance) {
            acceptance = result.acceptance;
            this.#takeAcceptance(result.acceptance);
          }
          return result.notification;
        },
      );
      return acceptance;
    } finally {
      undoInvitation?.();
      this.#publish();
    }
  }

  acceptInvitation(id: string): Promise<Acceptance> {
    return this.#answerInvitation(id, 'accepted', async () => {
      const acceptance = await this.#options.rest.acceptInvitation(id);
      this.#takeAcceptance(acceptance);
      return acceptance;
    });
  }

  declineInvitation(id: string): Promise<Invitation> {
    return this.#answerInvitation(id, 'declined', async () => {
      const invitation = await this.#options.rest.declineInvitation(id);
      this.#takeInvitation(invitation);
      this.#options.share({ kind: 'invitation', invitation });
      return invitation;
    });
  }

  /** Shows the invitation answered while `request` runs; reports a failure and shows it pending again. */
  async #answerInvitation<T>(id: string, status: 'accepted' | 'declined', request: () => Promise<T>): Promise<T> {
    const undo = this.#overrideInvitation(id, status);
    try {
      return await request();
    } catch (error) {
      throw this.#report(error);
    } finally {
      undo();
      this.#publish();
    }
  }

  /**
   * The preferences editor, loaded the first time a draft is edited or saved:
   * pages without a preferences form never load it.
   */
  #editor: Promise<PreferencesEditor> | null = null;

  #withEditor<T>(use: (editor: PreferencesEditor) => T | Promise<T>): Promise<T> {
    this.#editor ??= import('./preferences-editor.js').then(
      ({ PreferencesEditor }) =>
        new PreferencesEditor(this.$preferences, this.#options.rest, (error) => this.#report(error)),
    );
    return this.#editor.then(use);
  }

  /** Changes the preferences draft (starting from the server's version). */
  editPreferences(change: (draft: PreferencesDraft) => PreferencesDraft | void): Promise<void> {
    return this.#withEditor((editor) => editor.edit(change));
  }

  /** Drops the unsaved draft (and any incoming version is taken). */
  discardPreferences(): Promise<void> {
    return this.#withEditor((editor) => editor.discard());
  }

  /**
   * Another session saved while this draft was open: `take` shows theirs (the
   * draft is dropped); `keep` replays this draft's changes on top of theirs.
   */
  resolveIncoming(choice: 'take' | 'keep'): Promise<void> {
    return this.#withEditor((editor) => editor.resolveIncoming(choice));
  }

  /**
   * Saves the draft. On a 409 (saved elsewhere meanwhile) the server's version is
   * loaded, the user's changes are replayed on top of it and the status is
   * `conflict`, so the user decides.
   */
  savePreferences(): Promise<Preferences> {
    return this.#withEditor((editor) => editor.save());
  }

  /** A mutation of one notification: shown at once, then the server's answer taken and shared with the other tabs. */
  #mutateNotification(
    apply: (item: Notification) => Notification,
    request: () => Promise<Notification>,
  ): Promise<Notification> {
    return this.#optimistic(apply, async () => {
      const result = await request();
      this.#list.upsert(result, false);
      this.#options.share({ kind: 'notification', notification: result });
      return result;
    });
  }

  /**
   * Shows `apply`'s change while `request` runs; whatever the outcome the change
   * is dropped (the server's answer, taken by `request`, is what stays), and a
   * failure is reported and rethrown.
   */
  async #optimistic<T>(apply: Overlay['apply'], request: () => Promise<T>, upTo?: Notification): Promise<T> {
    const overlay = this.#list.addOverlay(apply, upTo);
    this.#publish();
    try {
      return await request();
    } catch (error) {
      throw this.#report(error);
    } finally {
      this.#list.dropOverlay(overlay);
      this.#publish();
    }
  }

  #takeAcceptance(acceptance: Acceptance): void {
    this.#takeInvitation(acceptance.invitation);
    this.#options.share({ kind: 'invitation', invitation: acceptance.invitation });
    this.$syncProgress.set({ ...this.$syncProgress.get(), [acceptance.sync.trackId]: acceptance.sync });
  }

  /** Shows an invitation answered until the request settles; returns the undo. */
  #overrideInvitation(id: string, status: 'accepted' | 'declined'): () => void {
    const held = this.#invitations.get(id);
    if (!held) return () => {};
    const override = { ...held, status };
    this.#invitationOverrides.set(id, override);
    this.#publish();
    return () => {
      if (this.#invitationOverrides.get(id) === override) this.#invitationOverrides.delete(id);
    };
  }

  // ------------------------------------------------------------------ publishing

  /** Recomputes the derived stores once per microtask, however many changes came in. */
  #publish(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      this.#flush();
    });
  }

  #flush(): void {
    const notifications = this.$notifications.get();
    this.$notifications.set({ ...notifications, items: this.#list.view(), hasMore: this.#hasMore });
    this.$unreadCount.set(this.#list.unreadCount(this.#counts.unreadNotifications));
    const invitations = [...this.#invitations.values()].map((inv) => this.#invitationOverrides.get(inv.id) ?? inv);
    const pending = invitations.filter((inv) => inv.status === 'pending');
    const pendingDelta = [...this.#invitationOverrides.values()].filter(
      (inv) => this.#invitations.get(inv.id)?.status === 'pending',
    ).length;
    const trackId = this.$invitations.get().trackId;
    this.$invitations.set({
      ...this.$invitations.get(),
      items: pending
        .filter((inv) => !trackId || inv.track.id === trackId)
        .sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0)),
    });
    this.$pendingInviteCount.set(Math.max(0, this.#counts.pendingInvitations - pendingDelta));
  }

  #fail(store: ReadableAtom<{ status: string; error: PdError | null }>, reason: unknown): void {
    const error = this.#report(reason);
    const writable = store as unknown as { get(): object; set(value: object): void };
    writable.set({ ...writable.get(), status: 'error', error });
  }

  #report(error: unknown): PdError {
    const pdError = error instanceof PdError ? error : new PdError('network', String(error), { cause: error });
    this.#options.onError(pdError);
    return pdError;
  }
}

function matches(item: Notification, filter: NotificationFilter): boolean {
  if (filter.category && item.category !== filter.category) return false;
  if (filter.trackId && item.trackId !== filter.trackId) return false;
  if (filter.unread != null && (item.readAt === null) !== filter.unread) return false;
  return true;
}
