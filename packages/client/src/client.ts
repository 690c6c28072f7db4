/**
 * `createClient()`: the typed client core. It composes the areas of state
 * (notifications, counts, invitations, preferences, file syncs), the event
 * router, the loader, and the realtime link (this tab's own, or shared with the
 * user's other tabs). Its stores are lazy: the network starts when a page first
 * observes one, each area loads when first observed, and the network stops a
 * grace period after the last observer left. Reading a store never starts,
 * stops or restarts anything.
 */
import type { Acceptance, ActionId, Invitation, Notification, Preferences, User } from '@pd-notify/protocol';
import { atom, type ReadableAtom } from 'nanostores';
import { Demand } from './demand.js';
import { browserEnvironment, canPersist, type Environment } from './env.js';
import { PdError } from './errors.js';
import { Retry } from './realtime/backoff.js';
import { Realtime, type TransportMode } from './realtime/realtime.js';
import { canShareAcrossTabs, ownLink, type Link, type LinkHandlers, type RealtimeFactory } from './realtime/link.js';
import type { ConnectionState, LinkState } from './realtime/types.js';
import { Rest } from './rest.js';
import type { AreaContext, AreaName } from './sync/area.js';
import { CountsArea } from './sync/counts.js';
import { EventRouter } from './sync/events.js';
import { InvitationsArea, type InvitationsState } from './sync/invitations.js';
import type { Persistence } from './persist/persistence.js';
import { Loader } from './sync/loader.js';
import type { Mutations } from './sync/mutations.js';
import type { ActionQueue } from './offline/queue.js';
import { NotificationsArea, type NotificationFilter, type NotificationsState } from './sync/notifications.js';
import { PreferencesArea, type PreferencesDraft, type PreferencesState } from './sync/preferences.js';
import { SyncsArea, type SyncsByTrack } from './sync/syncs.js';
import { Tokens, type TokenSource } from './tokens.js';

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
  /** BCP 47 locale for relative times and texts. Default `en`. */
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
}

/** Where a notification came from, for `onNotification` handlers. */
export interface NotificationContext {
  /**
   * True in exactly one tab of the browser for this user (the tab that holds
   * the realtime link): the one that should act for the whole browser, e.g.
   * show a system notification. True in every client that does not share
   * across tabs.
   */
  primary: boolean;
}

/** Hears of a notification new to the user. */
export type NotificationHandler = (notification: Notification, context: NotificationContext) => void;

/** The client: stores to read, methods for every protocol operation. */
export interface PdClient {
  /** Notifications, newest first, with `hasMore`, load status and filter. */
  readonly $notifications: ReadableAtom<NotificationsState>;
  /** Unread notifications (the bell's badge), optimistic. */
  readonly $unreadCount: ReadableAtom<number>;
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
  /** The locale for texts and relative times. */
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
  /** Loads the next page of older notifications. */
  loadMore(): Promise<void>;
  /** Shows notifications of a category, a track and/or unread only. */
  setFilter(filter: NotificationFilter): Promise<void>;
  /** Narrows `$invitations` to one track (null: all). */
  setInvitationTrack(trackId: string | null): void;
  markRead(id: string): Promise<Notification>;
  markUnread(id: string): Promise<Notification>;
  /** Marks everything shown read; notifications that arrive meanwhile stay unread. */
  markAllRead(): Promise<void>;
  dismiss(id: string): Promise<void>;
  /** Runs a row action; `accept-invite` answers with the acceptance. */
  runAction(id: string, action: ActionId): Promise<Acceptance | null>;
  acceptInvitation(id: string): Promise<Acceptance>;
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
  /** Retries at once whatever waits to retry, and reloads what the page observes from the server. */
  refresh(): Promise<void>;
  /** The signed-in user (`GET /v1/me`): name, and the address email notifications go to. */
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

/** How many notification ids `onNotification` remembers, to announce each once. */
const ANNOUNCED_BOUND = 1000;

/** Creates a client. Nothing happens on the network until a store is observed. */
export function createClient(options: ClientOptions): PdClient {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const env = options.environment ?? browserEnvironment;
  const reported = new WeakSet<PdError>();
  const report = (error: unknown): PdError => {
    const pdError = error instanceof PdError ? error : new PdError('network', String(error), { cause: error });
    if (!reported.has(pdError)) {
      reported.add(pdError);
      options.onError?.(pdError);
    }
    return pdError;
  };
  const tokens = new Tokens(tokenSource(options));
  const rest = new Rest({ baseUrl, tokens, ...(options.fetch ? { fetch: options.fetch } : {}) });
  let link: Link | null = null;
  const context: AreaContext = { rest, report, share: (result) => link?.share(result) };

  const handlers = new Set<NotificationHandler>();
  const announced = new Set<string>();
  const announce = (notification: Notification): void => {
    if (announced.has(notification.id)) return;
    announced.add(notification.id);
    if (announced.size > ANNOUNCED_BOUND) announced.delete(announced.values().next().value!);
    const primary = link?.leading ?? true;
    for (const handler of [...handlers]) handler(notification, { primary });
  };

  const counts = new CountsArea(context);
  const notifications = new NotificationsArea(context, {
    counts,
    announce,
    pageSize: options.pageSize ?? 20,
    maxItems: options.maxItems ?? 500,
  });
  const invitations = new InvitationsArea(context, counts);
  const preferences = new PreferencesArea(context, (mutation) => mutate().then((changes) => changes.run(mutation)));
  const syncs = new SyncsArea(context);
  const areas = { counts, notifications, invitations, preferences, syncs };
  const $connection = atom<ConnectionState>({ status: 'idle', reason: null, error: null, retryAt: null, pending: 0 });
  let linkState: LinkState = $connection.value!;
  /** Changes waiting for the connection. */
  let pending = 0;
  const setConnection = (state: LinkState = linkState): void => {
    linkState = state;
    const now = $connection.value!;
    if (
      now.status !== state.status ||
      now.reason !== state.reason ||
      now.error !== state.error ||
      now.retryAt !== state.retryAt ||
      now.pending !== pending
    ) {
      $connection.set({ ...state, pending });
    }
  };

  const leading = (): boolean => link?.leading ?? false;
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
    created: announce,
  });
  /** The changes the user makes, loaded on the first one, or when the browser is idle after a feed is observed. */
  let mutations: Promise<Mutations> | null = null;
  const mutate = (): Promise<Mutations> =>
    (mutations ??= import('./sync/mutations.js').then(
      ({ Mutations }) =>
        new Mutations({
          notifications: notifications.internals(),
          invitations,
          preferences,
          syncs,
          offline: () => !env.online(),
          queue: actionQueue,
        }),
    ));
  /** Changes waiting for the connection, loaded the first time one waits (or one is kept from an earlier visit). */
  let queue: Promise<ActionQueue> | null = null;
  const actionQueue = (): Promise<ActionQueue> =>
    (queue ??= Promise.all([import('./offline/queue.js'), mutate()]).then(
      ([{ ActionQueue }, changes]) =>
        new ActionQueue({
          show: (change) => changes.show(change),
          send: (change) => changes.send(change),
          settledElsewhere: (change, result, error) => changes.settledElsewhere(change, result, error),
          report,
          store: persist
            ? {
                put: async (change) => userId && (await persisted()).cache.putQueued(userId, change),
                delete: async (key) => userId && (await persisted()).cache.deleteQueued(userId, key),
              }
            : null,
          broadcast: (message) => link?.share({ kind: 'queue', message }),
          leading,
          online: () => env.online(),
          onSize: (size) => {
            pending = size;
            setConnection();
          },
        }),
    ));
  /** Sends what waits, if anything does (the link is back, the browser is online, a refresh). */
  const sendWaiting = (): void => void queue?.then((waiting) => waiting.send());
  const demand = new Demand<AreaName>(options.lingerMs ?? 5000, {
    active: () => void start(),
    idle: () => void stop(),
    want: (names) => {
      void loader.fill();
      if (names.includes('notifications')) globalThis.requestIdleCallback?.(() => void mutate());
    },
  });
  const loader = new Loader({
    areas,
    wants: (name) => demand.wants(name),
    source: () => link,
    position: () => router.lastEventId,
    setPosition: (id) => router.position(id),
    reloaded: () => {
      if (leading())
        void loader.collect(Object.keys(areas) as AreaName[]).then((snapshot) => link?.broadcast(snapshot));
    },
  });
  demand.watch(notifications.$notifications, ['notifications']);
  demand.watch(notifications.$unreadCount, ['counts']);
  demand.watch(invitations.$invitations, ['invitations']);
  demand.watch(invitations.$pendingInviteCount, ['counts']);
  demand.watch(preferences.$preferences, ['preferences']);
  demand.watch(syncs.$syncProgress, ['syncs']);
  demand.watch($connection, []);

  const linkHandlers: LinkHandlers = {
    onEvent: (wire) => router.apply(wire),
    onState: (state) => {
      setConnection(state);
      if (leading() && (state.status === 'live' || state.status === 'polling')) sendWaiting();
      if (!leading() || loader.linked) return;
      // Polling's first answer asks for a resync, which loads what is observed.
      if (state.status === 'polling') loader.link('nothing');
      // The stream failed before it was ready: load now rather than wait for it (it reloads once ready).
      else if (state.error) loader.link('fill');
    },
    onResync: () => void loader.resync(),
    onError: report,
    onShared: (result) => {
      if (result.kind === 'notification') notifications.take(result.notification);
      else if (result.kind === 'invitation') invitations.take(result.invitation);
      else {
        const { message } = result;
        void actionQueue().then((waiting) =>
          message.kind === 'queued' ? waiting.mirror(message.change) : void waiting.settled(message),
        );
      }
    },
    onSnapshot: (snapshot) => {
      loader.restore(snapshot);
      if (snapshot.linked) loader.link('fill');
    },
    collect: (names) => loader.collect(names),
    onLeading: () => {
      void loader.fill();
      sendWaiting();
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

  let closed = false;
  let session = 0;
  /** The user, from the host, the persisted cache, or `/v1/me` (asked once per token, only by pages that need it). */
  let userId: string | null = options.userId ?? null;
  const identify = new Retry();
  let unwatch: (() => void) | null = null;

  const persist = options.persist ?? canPersist();
  let persistence: Promise<Persistence> | null = null;
  /** The persisted cache's code and database, opened the first time a page needs them. */
  const persisted = (): Promise<Persistence> =>
    (persistence ??= import('./persist/persistence.js').then(
      ({ Persistence }) =>
        new Persistence({
          baseUrl,
          maxAgeMs: options.persistMaxAgeMs ?? 7 * 86_400_000,
          maxItems: options.maxItems ?? 500,
          stores: [
            notifications.$notifications,
            notifications.$unreadCount,
            invitations.$invitations,
            preferences.$preferences,
            syncs.$syncProgress,
          ] as ReadableAtom<unknown>[],
          collect: () => (link?.leading ? loader.collect(Object.keys(areas) as AreaName[]) : null),
        }),
    ));
  /** Shows the user's persisted state, if any, while nothing else is shown, and their changes still waiting. */
  const showPersisted = async (store: Persistence, user: string): Promise<void> => {
    store.use(user);
    const [snapshot, waiting] = await Promise.all([store.read(user), store.cache.listQueued(user).catch(() => [])]);
    if (snapshot && Object.values(areas).every((area) => !area.held || area.status === 'loading')) {
      loader.restore(snapshot, 'cached');
    }
    if (waiting.length > 0) {
      const changes = await actionQueue();
      for (const change of waiting) changes.mirror(change);
    }
  };

  const start = async (): Promise<void> => {
    if (closed) return;
    const current = ++session;
    unwatch = env.watch(() => {
      if (env.hidden()) void persistence?.then((store) => store.save());
      else if (env.online()) {
        identify.wake();
        loader.wake();
        sendWaiting();
      }
    });
    const share = (options.shareAcrossTabs ?? true) && canShareAcrossTabs();
    const store = persist ? await persisted() : null;
    if (store) {
      userId ??= await tokens
        .current()
        .then((token) => store.cache.userOf(token))
        .catch(() => null);
      if (current !== session) return;
      if (userId) await showPersisted(store, userId);
    }
    while ((share || store) && userId === null) {
      try {
        const user = (await rest.me()).id;
        userId = user;
        identify.succeeded();
        if (store) {
          void tokens
            .current()
            .then((token) => store.cache.rememberUser(token, user))
            .catch(() => {});
          await showPersisted(store, user);
        }
      } catch (error) {
        if (current !== session) return;
        const pdError = report(error);
        loader.fail(pdError);
        const retried = new Promise<void>((resolve) => identify.schedule(resolve, pdError.retryAfterMs ?? 0));
        setConnection({
          status: pdError.kind === 'auth' ? 'error' : pdError.kind === 'network' ? 'offline' : 'connecting',
          reason: `could not identify the user (${pdError.message}); retrying`,
          error: pdError,
          retryAt: identify.at,
        });
        await retried;
      }
      if (current !== session) return;
    }
    // Only pages that share a link across tabs load the code that does it.
    const shared = share
      ? new (await import('./realtime/tab-link.js')).TabLink(`${baseUrl}|${userId}`, factory, env, linkHandlers)
      : null;
    if (current !== session) return;
    link = shared ?? ownLink(factory, env, linkHandlers);
    link.start();
    void loader.fill();
  };
  /** Stops the network; resolves when what was waiting to be persisted is written. */
  const stop = (): Promise<void> | undefined => {
    const held = link?.leading ? loader.collect(Object.keys(areas) as AreaName[]) : null;
    const saved = persistence?.then((store) => store.flush(held));
    session++;
    identify.cancel();
    unwatch?.();
    unwatch = null;
    link?.stop();
    link = null;
    loader.unlink();
    setConnection({ status: 'idle', reason: null, error: null, retryAt: null });
    return saved;
  };

  return {
    $notifications: notifications.$notifications,
    $unreadCount: notifications.$unreadCount,
    $invitations: invitations.$invitations,
    $pendingInviteCount: invitations.$pendingInviteCount,
    $preferences: preferences.$preferences,
    $connection,
    $syncProgress: syncs.$syncProgress,
    locale: options.locale ?? 'en',
    onNotification(handler) {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
    loadMore: () => notifications.loadMore(),
    setFilter: (filter) => notifications.setFilter(filter).then(() => {}),
    setInvitationTrack: (trackId) => invitations.setTrack(trackId),
    markRead: (id) => mutate().then((changes) => changes.markRead(id)),
    markUnread: (id) => mutate().then((changes) => changes.markUnread(id)),
    markAllRead: () => mutate().then((changes) => changes.markAllRead()),
    dismiss: (id) => mutate().then((changes) => changes.dismiss(id)),
    runAction: (id, action) => mutate().then((changes) => changes.runAction(id, action)),
    acceptInvitation: (id) => mutate().then((changes) => changes.accept(id)),
    declineInvitation: (id) => mutate().then((changes) => changes.decline(id)),
    editPreferences: (change) => preferences.edit((editor) => editor.edit(change)),
    discardPreferences: () => preferences.edit((editor) => editor.discard()),
    resolveIncoming: (choice) => preferences.edit((editor) => editor.resolveIncoming(choice)),
    savePreferences: () => preferences.edit((editor) => editor.save()),
    me: () => rest.me(),
    async refresh() {
      identify.wake();
      link?.wake();
      sendWaiting();
      await loader.resync();
    },
    setToken(token, user) {
      tokens.use(typeof token === 'string' ? () => token : token);
      const previous = userId;
      userId = user ?? null;
      if (previous) void persistence?.then((store) => store.forget(previous));
      // Their waiting changes are never sent with another user's token (kept ones wait for their next visit).
      void queue?.then((waiting) => waiting.drop(new PdError('auth', 'The user changed before this change was sent')));
      const running = demand.active && !closed;
      void stop();
      for (const area of Object.values(areas)) area.clear();
      router.position('');
      announced.clear();
      if (running) void start();
    },
    async close(options) {
      const user = userId;
      const dropping =
        options?.forget && user ? persistence?.then((store) => store.forget(user, { queue: true })) : null;
      void queue?.then((waiting) =>
        waiting.drop(new PdError('network', 'The client closed before this change was sent')),
      );
      closed = true;
      demand.stop();
      await stop();
      await dropping;
    },
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
