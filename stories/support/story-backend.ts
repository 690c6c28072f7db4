/**
 * The stories' backend: the reference server's domain (store, seed, frozen
 * clock) running in the page, reached through the client's injected `fetch`.
 * Every reviewer sees the same data; a scenario can hold requests forever
 * (loading, "Accepting…", "Saving…"), fail them, or keep the stream down.
 */
import { createClient, type Invitation, type PdClient } from '@pd-notify/client';
import { Clock, ProblemError, Store, applySeed, type SeedName } from '@pd-notify/mock-server/domain';

export interface Scenario {
  /** The demo seed (default) or an empty store. */
  seed?: SeedName;
  /** The signed-in demo user. Default `alice`. */
  user?: string;
  /** More data for this story (runs after the seed). */
  setup?: (store: Store, user: string) => void;
  /** Requests (`"METHOD /path"`) that never answer. */
  hang?: RegExp;
  /** Requests (`"METHOD /path"`) answered with this error status. */
  fail?: { match: RegExp; status: number };
  /** `down`: the event stream is refused, so the client polls (the connection indicator shows). */
  stream?: 'live' | 'down';
  /** Locale of the client (relative times). */
  locale?: string;
}

export const STORY_ORIGIN = 'https://pd-notify.stories';

const json = (status: number, body: unknown): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/** One of the demo user's pending invitations (for a card shown on its own). */
export function demoInvitation(index = 0): Invitation {
  const store = new Store({ clock: new Clock({ frozen: true }) });
  applySeed(store, 'demo', window.location.origin);
  return store.listInvitations('alice', 'pending')[index]!;
}

/** A client whose backend is a store in this page, seeded for the story. */
export function storyClient(scenario: Scenario = {}): PdClient {
  const user = scenario.user ?? 'alice';
  const store = new Store({ clock: new Clock({ frozen: true }) });
  applySeed(store, scenario.seed ?? 'demo', `${window.location.origin}`);
  scenario.setup?.(store, user);

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}`;
    if (scenario.hang?.test(key)) return new Promise<Response>(() => {});
    if (scenario.fail?.match.test(key)) {
      return json(scenario.fail.status, { type: 'about:blank', title: 'Story failure', status: scenario.fail.status });
    }
    try {
      return await answer(store, user, request, url, scenario.stream ?? 'live');
    } catch (error) {
      if (error instanceof ProblemError) return json(error.status, error.toProblem());
      throw error;
    }
  };
  return createClient({
    baseUrl: STORY_ORIGIN,
    token: `demo-${user}`,
    fetch,
    shareAcrossTabs: false,
    ...(scenario.locale ? { locale: scenario.locale } : {}),
  });
}

async function answer(
  store: Store,
  user: string,
  request: Request,
  url: URL,
  stream: 'live' | 'down',
): Promise<Response> {
  const q = url.searchParams;
  const body = async <T>(): Promise<T> => {
    const text = await request.text();
    return (text ? JSON.parse(text) : {}) as T;
  };
  // "GET notifications", "POST notifications/:id/read", ...: the resource, then the rest with ids as ":id".
  const [, , resource = '', id = '', ...rest] = url.pathname.split('/');
  const route = `${request.method} ${[resource, id && !['read-all'].includes(id) ? ':id' : id, ...rest].filter(Boolean).join('/')}`;
  switch (route) {
    case 'GET notifications':
      return json(
        200,
        store.listNotifications(user, {
          limit: Number(q.get('limit') ?? 20),
          ...(q.get('cursor') ? { cursor: q.get('cursor')! } : {}),
          ...(q.get('category') ? { category: q.get('category') as never } : {}),
          ...(q.get('trackId') ? { trackId: q.get('trackId')! } : {}),
          ...(q.get('unread') ? { unread: q.get('unread') === 'true' } : {}),
        }),
      );
    case 'POST notifications/read-all':
      return json(200, store.readAll(user, (await body<{ upToId?: string }>()).upToId));
    case 'POST notifications/:id/read':
      return json(200, store.markRead(user, id));
    case 'POST notifications/:id/unread':
      return json(200, store.markUnread(user, id));
    case `POST notifications/:id/actions/${rest[1]}`:
      return json(200, store.runAction(user, id, rest[1] as never));
    case 'DELETE notifications/:id':
      store.dismiss(user, id);
      return new Response(null, { status: 204 });
    case 'GET me':
      return json(200, store.me(user));
    case 'GET counts':
      return json(200, store.counts(user));
    case 'GET invitations':
      return json(200, { items: store.listInvitations(user, 'pending') });
    case 'POST invitations/:id/accept':
      return json(200, store.acceptInvitation(user, id));
    case 'POST invitations/:id/decline':
      return json(200, store.declineInvitation(user, id));
    case 'GET preferences':
      return json(200, store.getPreferences(user));
    case 'PUT preferences':
      return json(200, store.savePreferences(user, await body()));
    case 'GET syncs':
      return json(200, { items: store.listSyncs(user) });
    case 'GET events':
      return stream === 'down' ? json(503, { title: 'Stream down in this story', status: 503 }) : events(store, user);
    default:
      return json(404, { title: `No story endpoint for ${route}`, status: 404 });
  }
}

/** The event stream: `ready`, then the store's events for the user as they happen. */
function events(store: Store, user: string): Response {
  const encoder = new TextEncoder();
  let unsubscribe = (): void => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const ready = { heartbeatMs: 3_600_000, serverTime: store.clock.iso() };
      controller.enqueue(
        encoder.encode(`id: ${store.log.latestId(user)}\nevent: ready\ndata: ${JSON.stringify(ready)}\n\n`),
      );
      unsubscribe = store.log.subscribe(user, (event) =>
        controller.enqueue(encoder.encode(`id: ${event.id}\nevent: ${event.event}\ndata: ${event.json}\n\n`)),
      );
    },
    cancel() {
      unsubscribe();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}
