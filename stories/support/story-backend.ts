/**
 * The stories' backend: the reference server itself, as a fetch handler
 * (`@pd-notify/mock-server/handler`) running in the page with a frozen clock,
 * reached through the client's injected `fetch`. Every reviewer sees the same
 * data; a scenario can hold requests forever (loading, "Accepting…",
 * "Saving…"), fail them, change the data just before one (another session's
 * save), or keep the stream down.
 */
import { createClient, type Environment, type Invitation, type PdClient } from '@pd-notify/client';
import { Clock, Store, applySeed, type SeedName } from '@pd-notify/mock-server/domain';
import { createHandler } from '@pd-notify/mock-server/handler';

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
  /** Changes the store (as another session would) just before a matching request (`"METHOD /path"`) is answered. */
  meanwhile?: { match: RegExp; change: (store: Store, user: string) => void };
  /** `down`: the event stream is refused, so the client polls (the connection indicator shows). */
  stream?: 'live' | 'down';
  /** Locale of the client (relative times). */
  locale?: string;
  /** `false`: the client behaves as in a browser that is offline (the connection says so). */
  online?: boolean;
}

export const STORY_ORIGIN = 'https://pd-notify.stories';

/** A browser that is offline, as the client sees one. */
const offline: Environment = { hidden: () => false, online: () => false, watch: () => () => {} };

/** A scenario's failure, as a problem+json answer. */
const problem = (status: number, title: string): Response =>
  new Response(JSON.stringify({ type: 'about:blank', title, status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/** One of the demo user's pending invitations (for a card shown on its own). */
export function demoInvitation(index = 0): Invitation {
  const store = new Store({ clock: new Clock({ frozen: true }) });
  applySeed(store, 'demo', window.location.origin);
  return store.listInvitations('alice', 'pending')[index]!;
}

/** A client whose backend is the reference server's handler in this page, seeded for the story. */
export function storyClient(scenario: Scenario = {}): PdClient {
  const user = scenario.user ?? 'alice';
  const server = createHandler({
    baseUrl: window.location.origin,
    seed: scenario.seed ?? 'demo',
    clock: new Clock({ frozen: true }),
    heartbeatMs: 3_600_000,
    rateLimit: false,
  });
  scenario.setup?.(server.store, user);

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const key = `${request.method} ${new URL(request.url).pathname}`;
    if (scenario.hang?.test(key)) return new Promise<Response>(() => {});
    if (scenario.fail?.match.test(key)) return problem(scenario.fail.status, 'Story failure');
    if (scenario.stream === 'down' && key === 'GET /v1/events') return problem(503, 'Stream down in this story');
    if (scenario.meanwhile?.match.test(key)) scenario.meanwhile.change(server.store, user);
    return server.fetch(request);
  };
  return createClient({
    baseUrl: STORY_ORIGIN,
    token: `demo-${user}`,
    fetch,
    shareAcrossTabs: false,
    // Every story starts from its own seed: nothing persisted by the story shown before it.
    persist: false,
    ...(scenario.locale ? { locale: scenario.locale } : {}),
    ...(scenario.online === false ? { environment: offline } : {}),
  });
}
