/**
 * `createClient()`: the typed client core. It composes, top to bottom: the
 * client's health (one failure state for every request), the HTTP layer, the
 * areas of state (notifications, counts, invitations, preferences, file
 * syncs), the user's changes, the event router, the loader, the user's
 * identity, the persisted cache, and the realtime link (this tab's own, or
 * shared with the user's other tabs). Its stores are lazy: the network starts
 * when a page first observes one, each area loads when first observed, and the
 * network stops a grace period after the last observer left. Reading a store
 * never starts, stops or restarts anything.
 */
import type {
  Acceptance,
  ActionId,
  BulkFilter,
  BulkOp,
  BulkResult,
  Invitation,
  Notification,
  NotificationType,
  Preferences,
  User,
} from '@pd-notify/protocol';
import type { ReadableAtom } from 'nanostores';
import { Announcements, type NotificationHandler } from './announcements.js';
import { Connection } from './connection.js';
import { Demand } from './demand.js';
import { browserEnvironment, canPersist, type Environment } from './env.js';
import { PdError } from './errors.js';
import { Health, type HealthOptions } from './health.js';
import { Identity } from './identity.js';
import { Persisted } from './persist/persisted.js';
import { canShareAcrossTabs, ownLink, type Link, type LinkHandlers, type RealtimeFactory } from './realtime/link.js';
import { Realtime, type TransportMode } from './realtime/realtime.js';
import type { ConnectionState, ConnectionStatus } from './realtime/types.js';
import { Rest } from './rest.js';
import type { Area, AreaContext, AreaName } from './sync/area.js';
import { Changes } from './sync/changes.js';
import { CountsArea } from './sync/counts.js';
import { EventRouter } from './sync/events.js';
import { InvitationsArea, type InvitationsState } from './sync/invitations.js';
import { Loader, type TabSnapshot } from './sync/loader.js';
import type { ClientSnapshot } from './snapshot.js';
import type { Mutations } from './sync/mutations.js';
import {
  NotificationsArea,
  type NotificationFilter,
  type NotificationsState,
  type NotificationView,
} from './sync/notifications.js';
import type { SearchStore } from './sync/search.js';
import { PreferencesArea, type PreferencesDraft, type PreferencesState } from './sync/preferences.js';
import { SyncsArea, type SyncsByTrack } from './sync/syncs.js';
import { tokenHash } from './token-hash.js';
import { Tokens, type TokenSource } from './tokens.js';

export type { NotificationContext, NotificationHandler } from './announcements.js';

export interface ClientOptions {
  /** Where the protocol is served, e.g. `https://notify.example.com`. */
  baseUrl: string;
  /** A fixed bearer token. Give this or `getToken`. */
  token?: string;
  /**
   * Supplies the bearer token, possibly asynchronously. Called once at start, and
   * once more with `{ refresh: true }` after the server refuses a token (401).
   */
  getToken?: TokenSource;
  /** `auto` (default): the event stream, falling back to polling; or only one of them. */
  transport?: TransportMode;
  /** Milliseconds between polls when polling. Default 30000. */
  pollInterval?: number;
  /** A fetch to use instead of the global one (tests, SSR, instrumentation). */
  fetch?: typeof fetch;
  /**
   * How long a request waits for its answer (the event stream: for its
   * headers) before it fails as a `network` error. Default 10000.
   */
  requestTimeoutMs?: number;
  /**
   * While the server fails (no answer, a timeout, 408, 429, 5xx, an answer that
   * is not the protocol), the client sends one probe at a time, waiting between
   * half and all of `baseMs` doubling up to `capMs` (the server's Retry-After a
   * floor), and sends nothing else until an answer comes; then everything
   * observed loads. Back online, the page shown and `refresh()` probe at once.
   * Default `{ baseMs: 1000, capMs: 30000 }`.
   */
  failureBackoff?: HealthOptions;
  /**
   * The reader's language (BCP 47), sent as `Accept-Language` on every request
   * and on the stream, so the server writes the notifications' titles and
   * messages in it; also the language of relative times. Default: the
   * language of the pd elements that show the client's data (as they resolve
   * it: the element's `locale`, its provider's, the nearest `lang`, the
   * document's), else `en`. Given here (or with `setLocale`), it is the host's
   * choice and the elements leave it as it is.
   */
  locale?: string;
  /** Notifications per page. Default 20. */
  pageSize?: number;
  /**
   * Notifications kept in memory as new ones stream in, so a page open for days
   * stays small: older ones are dropped and load again when the user scrolls
   * to them. Never fewer than the user has loaded. Default 500.
   */
  maxItems?: number;
  /** Share one stream among the tabs of this user (Web Locks + BroadcastChannel), in pages. Default true. */
  shareAcrossTabs?: boolean;
  /** How long a hidden page keeps its realtime link before pausing. Default 30000. */
  hiddenGraceMs?: number;
  /** With `auto`, how long to poll after the stream failed before trying it again. Default 60000. */
  streamRetryMs?: number;
  /**
   * How long the network stays up after the last store observer left, so a
   * panel closed and reopened within it costs nothing. Default 5000.
   */
  lingerMs?: number;
  /**
   * Keep what the page showed (the newest notifications, counts, invitations,
   * preferences, file syncs, and where the stream stood) in IndexedDB, per base
   * URL and user, and show it at once on the next visit, before the network
   * answers. Default: on in browsers, off in Node. Turn it off on shared
   * computers.
   */
  persist?: boolean;
  /** Persisted state older than this is dropped, not shown. Default 7 days. */
  persistMaxAgeMs?: number;
  /**
   * The signed-in user's id, when the host knows it: saves the `/v1/me` request
   * a page otherwise makes to find its tabs' stream and its persisted state.
   */
  userId?: string;
  /** Called once with every error the client meets, including ones it recovers from. */
  onError?: (error: PdError) => void;
  /** Page visibility and network signals. Default: the browser's (none in Node). */
  environment?: Environment;
  /**
   * What the host's server loaded for the first paint (`loadSnapshot`, in Node):
   * the client starts from it (no request for what it holds, no `/v1/me`), takes
   * its language unless `locale` is given, and resumes the stream from where the
   * snapshot stood. Ignored (with a warning) when it was taken for another base URL.
   */
  snapshot?: ClientSnapshot;
}

/** The client: stores to read, methods for every protocol operation. */
export interface PdClient {
  /** Notifications, newest first, with `hasMore`, load status and filter: the inbox (see `setFilter`). */
  readonly $notifications: ReadableAtom<NotificationsState>;
  /**
   * The archive, newest first: a store of its own, which loads when observed
   * and is then kept fresh like the inbox (`setFilter(filter, 'archived')`
   * narrows it, `loadMore('archived')` pages it).
   */
  readonly $archived: ReadableAtom<NotificationsState>;
  /** The snoozed notifications, newest first: a store of its own, as `$archived` is. */
  readonly $snoozed: ReadableAtom<NotificationsState>;
  /** Unread notifications (the bell's badge), optimistic. */
  readonly $unreadCount: ReadableAtom<number>;
  /**
   * Unseen notifications (the bell's badge with `badge="unseen"`), optimistic;
   * undefined while the server sends no unseen count (servers older than it).
   */
  readonly $unseenCount: ReadableAtom<number | undefined>;
  /** Pending invitations, most recent first. */
  readonly $invitations: ReadableAtom<InvitationsState>;
  /** Pending invitations (the invitations badge), optimistic. */
  readonly $pendingInviteCount: ReadableAtom<number>;
  /** Server preferences, the local draft and the save status. */
  readonly $preferences: ReadableAtom<PreferencesState>;
  /** idle | connecting | live | polling | offline | error, with the reason and the next retry time. */
  readonly $connection: ReadableAtom<ConnectionState>;
  /** File-sync progress of accepted tracks, by track id. */
  readonly $syncProgress: ReadableAtom<SyncsByTrack>;
  /** The reader's language (see `ClientOptions.locale`). */
  readonly locale: string;

  /**
   * Calls `handler` once for every notification that is new to the user while
   * the client runs: created on the server and delivered live (or replayed
   * after a reconnect), or first seen in a reload newer than anything shown.
   * Never for pages loaded, nor twice for one notification. Fires in every tab;
   * `context.primary` says which one acts for the browser. Returns the
   * unsubscribe. Listening does not start the network: observe a store too.
   */
  onNotification(handler: NotificationHandler): () => void;
  /** Loads the next page of older notifications, of the inbox (default), the archive or the snoozed. */
  loadMore(view?: NotificationView): Promise<void>;
  /**
   * Shows notifications of a category, a track and/or unread only, in the
   * inbox (default), the archive or the snoozed. The inbox's store shows the
   * archive or the snoozed instead when `filter` asks (`archived`, `snoozed`);
   * `$archived` and `$snoozed` always show themselves.
   */
  setFilter(filter: NotificationFilter, view?: NotificationView): Promise<void>;
  /** Narrows `$invitations` to one track (null: all). */
  setInvitationTrack(trackId: string | null): void;
  /**
   * Marks a notification read: shown at once, then sent. Resolves with the
   * server's notification; when the server cannot be reached the change waits
   * (`$connection.pending`) and is sent again once it answers; a refusal rolls
   * it back and rejects with a PdError.
   */
  markRead(id: string): Promise<Notification>;
  /** Marks a notification unread, as `markRead` does. */
  markUnread(id: string): Promise<Notification>;
  /** Marks everything shown read; notifications that arrive meanwhile stay unread. */
  markAllRead(): Promise<void>;
  /**
   * Deletes a notification for good, as `markRead` does (one already gone
   * counts as done). A hard delete, for hosts that want one: the feed's
   * "Dismiss" archives (`archive`), which the user can undo.
   */
  dismiss(id: string): Promise<void>;
  /**
   * Marks notifications seen (what the user has had on screen): these ids (at
   * most 100), or `upToId` and every older unseen one. Optimistic, queued and
   * rolled back like `markRead`; resolves with what changed on the server.
   */
  markSeen(target: readonly string[] | { upToId: string }): Promise<BulkResult>;
  /**
   * Archives a notification (restorable with `unarchive`): it leaves the inbox
   * at once, read and seen, its snooze ended; then sent as `markRead` is.
   * Resolves with the server's notification.
   */
  archive(id: string): Promise<Notification>;
  /** Restores an archived notification to the inbox, where its time places it, as read as it was. */
  unarchive(id: string): Promise<Notification>;
  /**
   * Snoozes a notification until `until` (a Date, or a timestamp with its
   * offset; in the future, at most a year ahead): it leaves the inbox at once,
   * seen, out of the archive, and comes back unread on top when the time comes
   * (the server's clock). An invalid time rejects with `bad-request`.
   */
  snooze(id: string, until: Date | string): Promise<Notification>;
  /** Ends a snooze now: the notification is back where it was (an Undo). */
  unsnooze(id: string): Promise<Notification>;
  /**
   * One verb (`read`, `unread`, `seen`, `archive`, `unarchive`) on many
   * notifications: these ids (at most 500), or every one matching `filter`
   * (the list's filters; `{}` is the whole inbox, loaded or not), no newer
   * than `upToId` (give the top of the list the user saw, so that items
   * arrived meanwhile are left alone). Shown at once on the loaded items the
   * client can tell are covered, queued and rolled back like `markRead`;
   * resolves with what changed on the server.
   */
  bulk(op: BulkOp, target: readonly string[] | { filter: BulkFilter; upToId?: string }): Promise<BulkResult>;
  /**
   * Searches the notifications (`q`: 2 to 100 characters, at least two not
   * white space; case and accents ignored; every word must match the title,
   * the message, the actor's or the track's name), within `filter` (default:
   * the inbox). Resolves with the search's own store: the server's first page
   * of results (`source: 'server'`; the store's `loadMore()` brings the next), or, while the server cannot be reached
   * (the browser offline, no answer), the loaded notifications that match
   * (`source: 'local'`; track names are not matched locally). The store is not
   * kept fresh: search again for newer results. Rejects with `bad-request` for
   * a query the protocol refuses.
   */
  search(q: string, filter?: NotificationFilter): Promise<SearchStore>;
  /** Runs a row action; `accept-invite` answers with the acceptance. */
  runAction(id: string, action: ActionId): Promise<Acceptance | null>;
  /**
   * Accepts an invitation: it shows accepted at once; resolves with the track,
   * the permission granted and the file sync (followed in `$syncProgress`).
   * Waits and is sent again like `markRead` when the server cannot be reached.
   */
  acceptInvitation(id: string): Promise<Acceptance>;
  /** Declines an invitation, as `acceptInvitation` does; resolves with the declined invitation. */
  declineInvitation(id: string): Promise<Invitation>;
  /**
   * Edits the preferences draft; `$preferences` changes when it resolves (the
   * editor loads the first time, so pages without a preferences form never
   * load it). Rejects with a PdError while the preferences are not loaded.
   */
  editPreferences(change: (draft: PreferencesDraft) => PreferencesDraft | void): Promise<void>;
  /** Drops the preferences draft. */
  discardPreferences(): Promise<void>;
  /** After another session saved: take theirs, or keep this draft on top of theirs. */
  resolveIncoming(choice: 'take' | 'keep'): Promise<void>;
  /** Saves the draft; a 409 leaves `$preferences.status` at `conflict`. */
  savePreferences(): Promise<Preferences>;
  /**
   * Turns one kind of notification on or off and saves at once ("Turn off
   * notifications like this"): the preferences option that produces `type`
   * (`NOTIFICATION_KINDS[type].preference`), its category's main switch
   * following as in the settings (on with an option, off when none is left).
   * The server then stops (or starts) producing that type. Loads the
   * preferences first when nothing observes them; a draft open in a
   * preferences form is saved with it. Resolves with whether the option was on
   * before (give it back for an Undo). Rejects with a PdError: `bad-request`
   * for a type no option produces (`reminder`, `support-feedback`), else the
   * load's or the save's.
   */
  setNotificationType(type: NotificationType, on: boolean): Promise<boolean>;
  /**
   * Switches the reader's language: the notifications held load again, written
   * in it, and the stream opens again in it (what another visit persisted in
   * another language is never shown). `from: 'page'` is what the elements
   * pass (their resolved language): it is taken only while the host has not
   * chosen one (`ClientOptions.locale`, or `setLocale` with the default
   * `from: 'host'`).
   */
  setLocale(locale: string, from?: 'host' | 'page'): void;
  /** Retries at once whatever waits to retry, and reloads what the page observes from the server. */
  refresh(): Promise<void>;
  /**
   * The signed-in user (`GET /v1/me`): name, and the address email
   * notifications go to. Asked of the server once per token and browser (the
   * answer is remembered with the persisted cache).
   */
  me(): Promise<User>;
  /**
   * Switches to another token (sign-in, user switch): all state is cleared,
   * including the previous user's persisted state. `userId`: the new user's id,
   * if known (see `ClientOptions.userId`).
   */
  setToken(token: string | TokenSource, userId?: string): void;
  /**
   * Stops all network activity for good. `forget` (sign-out): also drops this
   * user's persisted state; the promise resolves once it is gone.
   */
  close(options?: { forget?: boolean }): Promise<void>;
}

/** The client's methods that are the mutations' own. */
const CHANGES = [
  'markRead',
  'markUnread',
  'markAllRead',
  'dismiss',
  'markSeen',
  'archive',
  'unarchive',
  'snooze',
  'unsnooze',
  'bulk',
  'runAction',
  'acceptInvitation',
  'declineInvitation',
  'search',
] as const satisfies readonly (keyof Mutations & keyof PdClient)[];

/** Creates a client. Nothing happens on the network until a store is observed. */
export function createClient(options: ClientOptions): PdClient {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const snapshot = options.snapshot && fromServer(options.snapshot, baseUrl);
  let locale = options.locale ?? snapshot?.locale ?? 'en';
  /** The host chose the language (the option, or `setLocale`): the elements' no longer counts. */
  let localeChosen = options.locale !== undefined;
  const env = options.environment ?? browserEnvironment;

  const share = (options.shareAcrossTabs ?? true) && canShareAcrossTabs();
  const persist = options.persist ?? canPersist();
  const maxItems = options.maxItems ?? 500;
  let link: Link | null = null;
  const leading = (): boolean => link?.leading ?? false;

  // Every request goes through the client's one failure state.
  const health = new Health(options.failureBackoff);
  const report = reporter(health, options.onError);
  const tokens = new Tokens(tokenSource(options));
  const rest = new Rest({
    baseUrl,
    tokens,
    health,
    language: () => locale,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
  });
  const connection = new Connection(health);
  const announcements = new Announcements(() => link?.leading ?? true);

  // The areas of state, and the user's changes shown in them.
  const changes = new Changes({
    online: () => env.online(),
    leading,
    report,
    broadcast: (message) => link?.share({ kind: 'queue', message }),
    onSize: (size) => connection.pending(size),
    later: health.later(),
  });
  const context: AreaContext = { rest, report, share: (result) => link?.share(result) };
  const counts = new CountsArea(context);
  const pageSize = options.pageSize ?? 20;
  const notifications = new NotificationsArea(context, {
    view: 'inbox',
    inbox: { counts, announce: announcements.announce },
    pageSize,
    maxItems,
  });
  const archived = new NotificationsArea(context, { view: 'archived', pageSize, maxItems });
  const snoozed = new NotificationsArea(context, { view: 'snoozed', pageSize, maxItems });
  const views: Record<NotificationView, NotificationsArea> = { inbox: notifications, archived, snoozed };
  const invitations = new InvitationsArea(context, counts);
  const preferences = new PreferencesArea(context, (mutation) => changes.run(mutation));
  const syncs = new SyncsArea(context);
  const areas = { counts, notifications, archived, snoozed, invitations, preferences, syncs };
  const areaNames = Object.keys(areas) as AreaName[];

  // What the page observes, and when each area loads.
  let linkStatus: ConnectionStatus = 'idle';
  const demand = new Demand<AreaName>(options.lingerMs ?? 5000, {
    active: () => void start(),
    idle: () => void stop(),
    want: (names) => {
      void loader.fill();
      if (names.some((name) => name in views || name === 'notifications'))
        globalThis.requestIdleCallback?.(() => void changes.mutations());
    },
  });
  const router = new EventRouter(Object.values(areas), counts, {
    report,
    ready: (fresh) => {
      // A stream that started without a position replayed nothing: what is held may be behind.
      const behind = fresh && leading() && Object.values(areas).some((area) => area.status === 'ready');
      // One that resumed has replayed everything since: a persisted state shown at start is now current.
      if (!fresh) for (const area of Object.values(areas)) area.confirm();
      loader.link(behind ? 'reload' : 'fill');
    },
    // The leading tab reloads and sends the result to the others.
    missed: (reset) => void (leading() && loader.resync(reset)),
    created: announcements.announce,
  });
  const loader = new Loader({
    areas,
    wants: (name) => demand.wants(name),
    source: () => link,
    position: () => router.lastEventId,
    locale: () => locale,
    setPosition: (id) => router.position(id),
    reloaded: () => void (leading() && loader.collect(areaNames).then((snapshot) => link?.broadcast(snapshot))),
    // The stream's `ready` carries the counts: until it is live, they load over REST only when polling.
    deferred: (name) =>
      name === 'counts' && options.transport !== 'polling' && linkStatus !== 'polling' && linkStatus !== 'live',
    later: health.later(),
  });
  demand.watch(notifications.$notifications, ['notifications']);
  demand.watch(archived.$notifications, ['archived']);
  demand.watch(snoozed.$notifications, ['snoozed']);
  demand.watch(notifications.$unreadCount, ['counts']);
  demand.watch(notifications.$unseenCount, ['counts']);
  demand.watch(invitations.$invitations, ['invitations']);
  demand.watch(invitations.$pendingInviteCount, ['counts']);
  demand.watch(preferences.$preferences, ['preferences']);
  demand.watch(syncs.$syncProgress, ['syncs']);
  demand.watch(connection.$connection, []);

  // Who the user is, and what an earlier visit left.
  const persisted = new Persisted(
    persist
      ? {
          baseUrl,
          maxAgeMs: options.persistMaxAgeMs ?? 7 * 86_400_000,
          maxItems,
          stores: [
            notifications.$notifications,
            archived.$notifications,
            snoozed.$notifications,
            notifications.$unreadCount,
            invitations.$invitations,
            preferences.$preferences,
            syncs.$syncProgress,
          ] as ReadableAtom<unknown>[],
          collect: () => (leading() ? loader.collect(areaNames) : null),
          blank: () => Object.values(areas).every((area) => !area.held || area.status === 'loading'),
          restore: (snapshot) => loader.restore(snapshot, 'cached'),
          mirror: (waiting) => changes.mirror(waiting),
        }
      : null,
  );
  changes.use({
    notifications: [notifications, archived, snoozed].map((view) => view.internals()),
    invitations,
    preferences,
    syncs,
    store: persisted.queueStore,
  });
  const identity = new Identity(
    { rest, tokens, cache: () => persisted.cache(), later: health.later(), lock: `pd-notify identity ${baseUrl}` },
    options.userId ?? snapshot?.userId ?? null,
  );
  // The server's first paint: shown as current (a persisted state, older, is then not shown).
  if (snapshot) {
    loader.restore({ ...snapshot, linked: true }, 'ready');
    for (const view of Object.values(views)) view.flush();
  }

  // The realtime link.
  const linkHandlers: LinkHandlers = {
    onEvent: (wire) => router.apply(wire),
    onState: (state) => {
      linkStatus = state.status;
      connection.link(state);
      if (leading() && (state.status === 'live' || state.status === 'polling')) changes.sendWaiting();
      if (!leading() || loader.linked) return;
      // Polling's first answer asks for a resync, which loads what is observed.
      if (state.status === 'polling') loader.link('nothing');
      // The stream failed before it was ready: load now rather than wait for it (it reloads once ready).
      else if (state.error) loader.link('fill');
    },
    onResync: () => void loader.resync(),
    onError: report,
    onShared: (result) => {
      if (result.kind === 'notification' || result.kind === 'bulk')
        for (const view of Object.values(views))
          view.take(result.kind === 'bulk' ? result.result : result.notification);
      else if (result.kind === 'invitation') invitations.take(result.invitation);
      else changes.heard(result.message);
    },
    onSnapshot: (snapshot) => {
      loader.restore(snapshot);
      if (snapshot.linked) loader.link('fill');
    },
    // Another tab loads what this one lacks only while this tab's link keeps its areas fresh (never while the server fails).
    collect: (names) =>
      loader.collect(names).then((snapshot) => ({
        ...snapshot,
        linked: snapshot.linked && (linkStatus === 'live' || linkStatus === 'polling'),
      })),
    onLeading: () => {
      void loader.fill();
      changes.sendWaiting();
    },
  };
  const factory: RealtimeFactory = (realtimeHandlers, linkEnv) =>
    new Realtime({
      rest,
      handlers: realtimeHandlers,
      env: linkEnv,
      mode: options.transport ?? 'auto',
      pollIntervalMs: options.pollInterval ?? 30_000,
      lastEventId: router.lastEventId,
      ...(options.hiddenGraceMs === undefined ? {} : { hiddenGraceMs: options.hiddenGraceMs }),
      ...(options.streamRetryMs === undefined ? {} : { streamRetryMs: options.streamRetryMs }),
    });

  // Starting and stopping with the page's demand.
  let closed = false;
  let session = 0;
  let unwatch: (() => void) | null = null;
  const retryNow = (): void => {
    health.wake();
    identity.wake();
    loader.wake();
    changes.sendWaiting();
  };
  /**
   * Started from a server's snapshot: nothing starts before the token is there (a tab
   * waiting for it must not lead the user's other tabs), and a token that is not the
   * snapshot's user's (its hash differs: the user changed in between) starts afresh.
   */
  let snapshotToken = snapshot ? (snapshot.tokenHash ?? null) : undefined;
  const start = async (): Promise<void> => {
    if (closed) return;
    const current = ++session;
    unwatch = env.watch(() => {
      if (env.hidden()) persisted.save();
      else if (env.online()) retryNow();
    });
    if (snapshotToken !== undefined) {
      const token = await tokens.current().catch(() => null);
      const same = token === null || snapshotToken === null || (await tokenHash(token)) === snapshotToken;
      if (current !== session) return;
      snapshotToken = undefined;
      if (!same) return client.setToken(token!);
    }
    // Tabs share a link per user, and state persists per user: both need to know who it is.
    const user =
      share || persist
        ? await identity.identify((error) => {
            loader.fail(error);
            connection.unidentified(error, health.probeAt ?? identity.retryAt);
          })
        : null;
    if (current !== session) return;
    if (user) await persisted.show(user);
    // Only pages that share a link across tabs load the code that does it.
    const shared =
      share && user
        ? // Tabs of one language share a stream: it writes its events in that language.
          new (await import('./realtime/tab-link.js')).TabLink(
            `${baseUrl}|${user}|${locale}`,
            factory,
            env,
            linkHandlers,
          )
        : null;
    if (current !== session) return;
    link = shared ?? ownLink(factory, env, linkHandlers);
    link.start();
    void loader.fill();
  };
  /** Stops the network; resolves when what was waiting to be persisted is written. */
  const stop = (): Promise<void> | undefined => {
    const saved = persisted.flush(leading() ? loader.collect(areaNames) : null);
    session++;
    identity.cancel();
    unwatch?.();
    unwatch = null;
    link?.stop();
    link = null;
    linkStatus = 'idle';
    loader.unlink();
    connection.link();
    return saved;
  };

  const client: PdClient = {
    $notifications: notifications.$notifications,
    $archived: archived.$notifications,
    $snoozed: snoozed.$notifications,
    $unreadCount: notifications.$unreadCount,
    $unseenCount: notifications.$unseenCount,
    $invitations: invitations.$invitations,
    $pendingInviteCount: invitations.$pendingInviteCount,
    $preferences: preferences.$preferences,
    $connection: connection.$connection,
    $syncProgress: syncs.$syncProgress,
    get locale() {
      return locale;
    },
    onNotification: (handler) => announcements.listen(handler),
    loadMore: (view = 'inbox') => views[view].loadMore(),
    setFilter: (filter, view = 'inbox') => views[view].setFilter(filter).then(() => {}),
    setInvitationTrack: (trackId) => invitations.setTrack(trackId),
    // The notification changes, each made by the code loaded on the first one (`sync/mutations.ts`).
    ...(Object.fromEntries(
      CHANGES.map((name) => [
        name,
        (...args: unknown[]) =>
          changes.forChange().then((made) => (made[name] as (...args: unknown[]) => Promise<unknown>)(...args)),
      ]),
    ) as Pick<PdClient, (typeof CHANGES)[number]>),
    editPreferences: (change) => preferences.edit((editor) => editor.edit(change)),
    discardPreferences: () => preferences.edit((editor) => editor.discard()),
    resolveIncoming: (choice) => preferences.edit((editor) => editor.resolveIncoming(choice)),
    savePreferences: () => preferences.edit((editor) => editor.save()),
    setNotificationType: (type, on) => preferences.edit((editor) => editor.setType(type, on)),
    me: () => identity.me(),
    setLocale(next, from = 'host') {
      if (from === 'page' && localeChosen) return;
      if (from === 'host') localeChosen = true;
      if (next === locale) return;
      // What is held, and persisted as the page stops, is in the previous language.
      const running = demand.active && !closed;
      if (running) void stop();
      locale = next;
      changes.forget(false);
      for (const view of Object.values(views)) view.rewrite();
      if (running) void start();
    },
    async refresh() {
      retryNow();
      link?.wake();
      await loader.resync();
    },
    setToken(token, user) {
      tokens.use(typeof token === 'string' ? () => token : token);
      const previous = identity.id;
      identity.reset(user ?? null);
      if (previous) void persisted.forget(previous);
      // Their waiting changes are never sent with another user's token (kept ones wait for their next visit).
      changes.drop(new PdError('auth', 'The user changed before this change was sent'));
      changes.forget(true);
      const running = demand.active && !closed;
      void stop();
      for (const area of Object.values(areas)) area.clear();
      router.position('');
      announcements.clear();
      if (running) void start();
    },
    async close(options) {
      const user = identity.id;
      const dropping = options?.forget && user ? persisted.forget(user, { queue: true }) : null;
      changes.drop(new PdError('network', 'The client closed before this change was sent'));
      closed = true;
      demand.stop();
      health.stop();
      await stop();
      await dropping;
    },
  };
  snapshotSources.set(client, {
    baseUrl,
    areas,
    connection: connection.$connection,
    me: () => identity.me(),
    token: () => tokens.current(),
    collect: (names) => loader.collect(names),
  });
  return client;
}

/** What `loadSnapshot` reads of a client it made (snapshot.ts); not part of the API. */
export interface SnapshotSource {
  baseUrl: string;
  areas: Readonly<Record<AreaName, Area<unknown, unknown>>>;
  connection: ReadableAtom<ConnectionState>;
  me(): Promise<User>;
  /** The token in use. */
  token(): Promise<string>;
  collect(names: readonly AreaName[]): Promise<TabSnapshot>;
}

export const snapshotSources = new WeakMap<PdClient, SnapshotSource>();

/** `snapshot` when it was taken for `baseUrl` (else null, with a warning). */
function fromServer(snapshot: ClientSnapshot, baseUrl: string): ClientSnapshot | null {
  if (snapshot.version === 1 && snapshot.baseUrl === baseUrl) return snapshot;
  console.warn(`pd-notify: snapshot of ${snapshot.baseUrl} ignored by a client of ${baseUrl}`);
  return null;
}

/**
 * Reports each error once to the host's `onError`, as a PdError; a request not
 * sent while the server fails is that failure, already reported. What is not a
 * PdError is a bug (ours or a handler's): it is rethrown, not passed off as a
 * network failure.
 */
function reporter(health: Health, onError: ((error: PdError) => void) | undefined): (error: unknown) => PdError {
  const reported = new WeakSet<PdError>();
  return (error) => {
    if (!(error instanceof PdError)) throw error;
    if (!reported.has(error) && !health.notSent(error)) {
      reported.add(error);
      onError?.(error);
    }
    return error;
  };
}

function checkBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/+$/, '');
  } catch {
    // Not a URL: refused below, as another scheme is.
  }
  throw new TypeError(`pd-notify: baseUrl must be an absolute http(s) URL, got "${baseUrl}"`);
}

function tokenSource(options: ClientOptions): TokenSource {
  if (options.getToken) return options.getToken;
  const { token } = options;
  if (token === undefined) {
    return () => {
      throw new PdError('auth', 'pd-notify: no token yet; pass token or getToken, or call setToken() after sign-in');
    };
  }
  return () => token;
}
