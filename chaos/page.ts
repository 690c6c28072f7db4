/**
 * The chaos page's script (bundled by chaos/harness.ts): a host page with the
 * feed, a badge and the client, and `window.pdChaos` for the driver to act as
 * the user and read what the page shows.
 */
import {
  createClient,
  type BulkFilter,
  type BulkOp,
  type ClientOptions,
  type NotificationRef,
  type PdClient,
} from '@pd-notify/client';
import '@pd-notify/elements';

let client: PdClient | null = null;
const actions: {
  kind: string;
  id: string;
  outcome: 'pending' | 'done' | 'failed';
  /** Once done: the items the server's answer says it changed, at their new versions. */
  changed?: NotificationRef[];
}[] = [];
/** Every status the feed's store went through since the page mounted. */
const statuses: string[] = [];

function act(kind: string, id: string, run: (client: PdClient) => Promise<unknown>): void {
  const action: (typeof actions)[number] = { kind, id, outcome: 'pending' };
  actions.push(action);
  run(client!).then(
    (answer) => {
      action.outcome = 'done';
      action.changed = changedIn(answer);
    },
    () => (action.outcome = 'failed'),
  );
}

/** The items an answer changed: a bulk result's, or the one notification answered. */
function changedIn(answer: unknown): NotificationRef[] {
  if (typeof answer !== 'object' || answer === null) return [];
  if ('items' in answer)
    return (answer as { items: NotificationRef[] }).items.map(({ id, version }) => ({ id, version }));
  if ('id' in answer && 'version' in answer) return [{ id: String(answer.id), version: Number(answer.version) }];
  return [];
}

const chaos = {
  /**
   * Mounts the page's elements on a client of `baseUrl` for `token`; with
   * `expiredFirst`, the page's token source first gives an expired token (the
   * fresh one only when asked to refresh after a 401). `timing`: the client's
   * backoff while the server fails and its request timeout, when not the defaults.
   */
  mount(
    baseUrl: string,
    token: string,
    {
      expiredFirst = false,
      timing = {},
    }: { expiredFirst?: boolean; timing?: Pick<ClientOptions, 'failureBackoff' | 'requestTimeoutMs'> } = {},
  ): void {
    client = createClient({
      baseUrl,
      getToken: ({ refresh }) => (expiredFirst && !refresh ? 'demo-expired' : token),
      pageSize: 100,
      pollInterval: 1000,
      streamRetryMs: 3000,
      ...timing,
    });
    client.$notifications.subscribe(({ status }) => {
      if (statuses.at(-1) !== status) statuses.push(status);
    });
    const provider = document.createElement('pd-provider');
    provider.client = client;
    provider.innerHTML = '<pd-bell-badge id="badge"></pd-bell-badge><pd-activity-feed inline></pd-activity-feed>';
    document.body.append(provider);
  },

  /** Removes the elements and closes the client; resolves once what it held is written to the persisted cache. */
  unmount(): Promise<void> {
    document.querySelector('pd-provider')?.remove();
    const closing = client?.close();
    client = null;
    return closing ?? Promise.resolve();
  },

  /** Signs another user in on the same client (a user switch). */
  setToken: (token: string) => client!.setToken(token),

  markRead: (id: string) => act('read', id, (c) => c.markRead(id)),
  dismiss: (id: string) => act('dismiss', id, (c) => c.dismiss(id)),
  accept: (id: string) => act('accept', id, (c) => c.runAction(id, 'accept-invite')),
  /** One verb on these ids, or on every item matching a filter (no newer than `upToId`): recorded as `bulk <op>`. */
  bulk: (op: BulkOp, target: string[] | { filter: BulkFilter; upToId?: string }) =>
    act(`bulk ${op}`, Array.isArray(target) ? target.join(' ') : (target.upToId ?? 'all'), (c) => c.bulk(op, target)),
  snooze: (id: string, until: string) => act('snooze', id, (c) => c.snooze(id, until)),

  /** Loads every page of older notifications. */
  async loadAll(): Promise<void> {
    while (client?.$notifications.get().hasMore) await client.loadMore().catch(() => {});
  },

  /** What the page holds and shows. */
  state() {
    const notifications = client!.$notifications.get();
    const badge = document.querySelector('pd-bell-badge')?.shadowRoot?.querySelector('.badge');
    return {
      items: notifications.items.map((item) => ({ id: item.id, read: item.readAt !== null, title: item.title })),
      hasMore: notifications.hasMore,
      unread: client!.$unreadCount.get(),
      badge: badge && !badge.hasAttribute('hidden') ? (badge.textContent ?? '').trim() : '',
      connection: client!.$connection.get().status,
      /** Changes waiting for the connection. */
      pending: client!.$connection.get().pending,
      statuses: [...statuses],
      connectionError: client!.$connection.get().error?.kind ?? null,
      /** When the client tries the server next, while it waits to (ms since the epoch). */
      retryAt: client!.$connection.get().retryAt,
      actions: actions.map((action) => ({ ...action })),
    };
  },
};

Object.assign(window, { pdChaos: chaos });
export type Chaos = typeof chaos;
export type PageState = ReturnType<Chaos['state']>;
