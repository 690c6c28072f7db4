/**
 * The stories' backend: the reference server itself, as a fetch handler
 * (`@pd-notify/mock-server/handler`) running in the page with a frozen clock,
 * reached through the client's injected `fetch`. Every reviewer sees the same
 * data; a scenario can hold requests forever (loading, "Accepting…",
 * "Saving…"), fail them, change the data just before one (another session's
 * save), or keep the stream down.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { createClient, type Environment, type Invitation, type PdClient } from '@pd-notify/client';
import { Clock, Store, applySeed, type SeedName } from '@pd-notify/mock-server/domain';
import { createHandler } from '@pd-notify/mock-server/handler';
import { html } from 'lit';
import { lookOf } from './globals.js';
import { LONG_TRACK_NAME } from './render.js';

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
  /** Requests (`"METHOD /path"`) that cannot reach the server (the connection dropped): the client queues its changes. */
  unreachable?: RegExp;
  /** Changes the store (as another session would) just before a matching request (`"METHOD /path"`) is answered. */
  meanwhile?: { match: RegExp; change: (store: Store, user: string) => void };
  /**
   * `down`: no event stream; the client polls from the start, the state it reaches
   * once the stream cannot get through (the connection indicator shows), without
   * the backoff's random wait before it.
   */
  stream?: 'live' | 'down';
  /** Locale of the client (relative times). */
  locale?: string;
  /** `false`: the client starts as in a browser that is offline (the connection says so); see `setOnline()`. */
  online?: boolean;
}

export const STORY_ORIGIN = 'https://pd-notify.stories';

/**
 * The browser's network as a story's client sees it: online unless the
 * scenario starts offline, and switched by the story (`setOnline()`), never by
 * the real browser's events. Page visibility is the page's.
 */
class StoryNetwork implements Environment {
  #online: boolean;
  #listeners = new Set<() => void>();

  constructor(online: boolean) {
    this.#online = online;
  }

  hidden = (): boolean => document.visibilityState === 'hidden';
  online = (): boolean => this.#online;

  watch(onChange: () => void): () => void {
    this.#listeners.add(onChange);
    document.addEventListener('visibilitychange', onChange);
    return () => {
      this.#listeners.delete(onChange);
      document.removeEventListener('visibilitychange', onChange);
    };
  }

  set(online: boolean): void {
    this.#online = online;
    for (const listener of this.#listeners) listener();
  }
}

const networks = new WeakMap<PdClient, StoryNetwork>();

/** The story's browser goes offline (or back online): the client of the story's provider is told, as by the browser. */
export function setOnline(canvas: HTMLElement, online: boolean): void {
  const client = canvas.querySelector<HTMLElement & { client: PdClient | null }>('pd-provider')?.client;
  const network = client && networks.get(client);
  if (!network) throw new Error('The story has no backend (parameters.scenario)');
  network.set(online);
}

/** A scenario's failure, as a problem+json answer. */
const problem = (status: number, title: string): Response =>
  new Response(JSON.stringify({ type: 'about:blank', title, status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/**
 * Chloé's track with a long name (its cover's initials, "NL", are its name's):
 * the demo user is invited to it 20 minutes before the story, or already works on it.
 */
export function addLongNamedTrack(store: Store, user: string, as: 'invited' | 'member' = 'invited'): void {
  store.addTrack({
    id: 'northern-lights',
    name: LONG_TRACK_NAME,
    artworkUrl: `${window.location.origin}/artwork/northern-lights.svg`,
    stage: 'mixing',
    dueDate: null,
    ownerId: 'chloe',
    fileCount: 14,
    members: new Map(as === 'member' ? [[user, 'edit']] : []),
  });
  if (as === 'invited') store.invite('chloe', 'northern-lights', user, 'edit', store.clock.now() - 20 * 60_000);
}

/** The demo user's pending invitation to `trackId` (for a card shown on its own), with `setup` applied first. */
export function demoInvitation(trackId: string, setup?: Scenario['setup']): Invitation {
  const store = new Store({ clock: new Clock({ frozen: true }) });
  applySeed(store, 'demo', window.location.origin);
  setup?.(store, 'alice');
  const invitation = store.listInvitations('alice', 'pending').find((pending) => pending.track.id === trackId);
  if (!invitation) throw new Error(`The demo user has no pending invitation to ${trackId}`);
  return invitation;
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
    if (scenario.unreachable?.test(key)) throw new TypeError('Failed to fetch');
    if (scenario.meanwhile?.match.test(key)) scenario.meanwhile.change(server.store, user);
    return server.fetch(request);
  };
  const network = new StoryNetwork(scenario.online ?? true);
  const client = createClient({
    baseUrl: STORY_ORIGIN,
    token: `demo-${user}`,
    fetch,
    shareAcrossTabs: false,
    // Every story starts from its own seed: nothing persisted by the story shown before it.
    persist: false,
    environment: network,
    ...(scenario.stream === 'down' ? { transport: 'polling' as const } : {}),
    ...(scenario.locale ? { locale: scenario.locale } : {}),
  });
  networks.set(client, network);
  return client;
}

/** The clients of the stories shown, by story id (several at once on a docs page). */
const clients = new Map<string, { locale: string; client: PdClient }>();

/**
 * Puts a story inside a `<pd-provider>` whose client runs `parameters.scenario`
 * (the demo data unless the story says otherwise; `scenario: false` for none),
 * in the toolbar's language. A story keeps its client while its args or the
 * theme change, so a control does not reload its data; another story, or
 * another language, gets a fresh one.
 */
export const withBackend: Decorator = (story, context) => {
  const scenario = context.parameters.scenario as Scenario | false | undefined;
  if (scenario === false) return story();
  const { locale } = lookOf(context.globals);
  if (context.viewMode === 'story') {
    for (const [id, held] of clients) {
      if (id === context.id) continue;
      void held.client.close();
      clients.delete(id);
    }
  }
  let held = clients.get(context.id);
  if (held?.locale !== locale) {
    void held?.client.close();
    held = { locale, client: storyClient({ ...scenario, locale }) };
    clients.set(context.id, held);
  }
  return html`<pd-provider .client=${held.client}>${story()}</pd-provider>`;
};
