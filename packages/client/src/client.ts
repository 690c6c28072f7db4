/**
 * `createClient()`: the typed client core. Its stores are lazy: the network starts
 * when the first store gets a subscriber and stops after the last one leaves.
 */
import type { Acceptance, ActionId, Invitation, Notification, Preferences, SyncProgress } from '@pd-notify/protocol';
import { onMount, type ReadableAtom } from 'nanostores';
import { browserEnvironment, type Environment } from './env.js';
import { PdError } from './errors.js';
import { Realtime, type TransportMode } from './realtime/realtime.js';
import { TabLink, canShareAcrossTabs, ownLink, type Link, type RealtimeFactory } from './realtime/tab-link.js';
import type { ConnectionState } from './realtime/types.js';
import { Rest, type TokenSource } from './rest.js';
import {
  SyncEngine,
  type InvitationsState,
  type NotificationFilter,
  type NotificationsState,
  type PreferencesDraft,
  type PreferencesState,
} from './sync/engine.js';

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
  /** Share one stream among the tabs of this user (Web Locks + BroadcastChannel). Default true. */
  shareAcrossTabs?: boolean;
  /** How long a hidden page keeps its realtime link before pausing. Default 30000. */
  hiddenGraceMs?: number;
  /** With `auto`, how long to poll after the stream failed before trying it again. Default 60000. */
  streamRetryMs?: number;
  /** Called with every error the client meets, including ones it recovers from. */
  onError?: (error: PdError) => void;
  /** Page visibility and network signals. Default: the browser's (none in Node). */
  environment?: Environment;
}

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
  /** connecting | live | polling | offline | error, with the reason. */
  readonly $connection: ReadableAtom<ConnectionState>;
  /** File-sync progress of accepted tracks, by track id. */
  readonly $syncProgress: ReadableAtom<Readonly<Record<string, SyncProgress>>>;
  /** The locale for texts and relative times. */
  readonly locale: string;

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
  /** Refetches everything from the server. */
  refresh(): Promise<void>;
  /** Switches to another token (sign-in, user switch): all state is cleared. */
  setToken(token: string | TokenSource): void;
  /** Stops all network activity for good. */
  close(): void;
}

/** Creates a client. Nothing happens on the network until a store is subscribed. */
export function createClient(options: ClientOptions): PdClient {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const fetcher = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const env = options.environment ?? browserEnvironment;
  const onError = options.onError ?? (() => {});
  const rest = new Rest({ baseUrl, getToken: tokenSource(options), fetch: fetcher });
  let link: Link | null = null;
  const engine: SyncEngine = new SyncEngine({
    rest,
    pageSize: options.pageSize ?? 20,
    ...(options.maxItems === undefined ? {} : { maxItems: options.maxItems }),
    onError,
    share: (result) => link?.share(result),
  });

  const factory: RealtimeFactory = (handlers, linkEnv, lastEventId) =>
    new Realtime({
      rest,
      fetch: fetcher,
      handlers,
      env: linkEnv,
      mode: options.transport ?? 'auto',
      pollIntervalMs: options.pollInterval ?? 30_000,
      ...(options.hiddenGraceMs === undefined ? {} : { hiddenGraceMs: options.hiddenGraceMs }),
      ...(options.streamRetryMs === undefined ? {} : { streamRetryMs: options.streamRetryMs }),
      ...(lastEventId ? { lastEventId } : {}),
    });
  const handlers = {
    onEvent: (wire: Parameters<SyncEngine['applyWireEvent']>[0]) => engine.applyWireEvent(wire),
    onState: (state: ConnectionState) => engine.setConnection(state),
    onResync: () => void engine.resync().catch(() => {}),
    onShared: (result: Parameters<SyncEngine['applyShared']>[0]) => engine.applyShared(result),
  };

  let subscribers = 0;
  let closed = false;
  let session = 0;

  const start = async (): Promise<void> => {
    const current = ++session;
    const initial = engine.resync().catch(() => {});
    const share = (options.shareAcrossTabs ?? true) && canShareAcrossTabs();
    let key = '';
    if (share) {
      try {
        key = `${baseUrl}|${(await rest.me()).id}`;
      } catch (error) {
        engine.setConnection({ status: 'error', reason: 'could not identify the user', error: error as PdError });
        return;
      }
    }
    await initial;
    if (current !== session || subscribers === 0 || closed) return;
    link = share ? new TabLink(key, factory, env, handlers) : ownLink(factory, env, handlers);
    link.start();
  };
  const stop = (): void => {
    session++;
    link?.stop();
    link = null;
    engine.setConnection({ status: 'idle', reason: null, error: null });
  };

  const stores = [
    engine.$notifications,
    engine.$unreadCount,
    engine.$invitations,
    engine.$pendingInviteCount,
    engine.$preferences,
    engine.$connection,
    engine.$syncProgress,
  ] as const;
  for (const store of stores) {
    onMount(store as ReadableAtom<unknown>, () => {
      if (++subscribers === 1 && !closed) void start();
      return () => {
        if (--subscribers === 0) stop();
      };
    });
  }

  return {
    $notifications: engine.$notifications,
    $unreadCount: engine.$unreadCount,
    $invitations: engine.$invitations,
    $pendingInviteCount: engine.$pendingInviteCount,
    $preferences: engine.$preferences,
    $connection: engine.$connection,
    $syncProgress: engine.$syncProgress,
    locale: options.locale ?? 'en',
    loadMore: () => engine.loadMore(),
    setFilter: (filter) => engine.setFilter(filter),
    setInvitationTrack: (trackId) => engine.setInvitationTrack(trackId),
    markRead: (id) => engine.markRead(id),
    markUnread: (id) => engine.markUnread(id),
    markAllRead: () => engine.markAllRead(),
    dismiss: (id) => engine.dismiss(id),
    runAction: (id, action) => engine.runAction(id, action),
    acceptInvitation: (id) => engine.acceptInvitation(id),
    declineInvitation: (id) => engine.declineInvitation(id),
    editPreferences: (change) => engine.editPreferences(change),
    discardPreferences: () => engine.discardPreferences(),
    resolveIncoming: (choice) => engine.resolveIncoming(choice),
    savePreferences: () => engine.savePreferences(),
    refresh: () => engine.resync(),
    setToken(token) {
      rest.setTokenSource(typeof token === 'string' ? () => token : token);
      const wasRunning = subscribers > 0 && !closed;
      if (wasRunning) stop();
      engine.clear();
      if (wasRunning) void start();
    },
    close() {
      closed = true;
      stop();
    },
  };
}

function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`pd-notify: baseUrl must be an absolute http(s) URL, got "${baseUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`pd-notify: baseUrl must be an http(s) URL, got "${baseUrl}"`);
  }
  return url.href.replace(/\/+$/, '');
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
