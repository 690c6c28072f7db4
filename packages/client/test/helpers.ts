/** Test helpers: a reference server per file, waiting on store conditions, recording fetch. */
import { after, before, beforeEach } from 'node:test';
import { startServer, type RunningServer, type ServerOptions } from '@pd-notify/mock-server';
import type { ReadableAtom } from 'nanostores';
import { createClient, type ClientOptions, type Environment, type PdClient } from '../src/index.js';
export { eventually } from './eventually.js';

export async function referenceServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ seed: 'demo', control: true, heartbeatMs: 200, retryMs: 50, rateLimit: false, ...options });
}

/**
 * The reference server of a test file: started before its tests, reset to its
 * seed before each, closed after them. Returns how to get it.
 */
export function referenceServerForFile(options: ServerOptions = {}): () => RunningServer {
  let current: RunningServer | undefined;
  before(async () => {
    current = await referenceServer(options);
  });
  after(() => current?.close());
  beforeEach(() => control(current!, '/control/reset', { seed: options.seed ?? 'demo' }));
  return () => current!;
}

/** Every store of a client. */
export const allStores = (client: PdClient): ReadableAtom<unknown>[] => [
  client.$notifications,
  client.$unreadCount,
  client.$invitations,
  client.$pendingInviteCount,
  client.$preferences,
  client.$connection,
  client.$syncProgress,
];

/** A fetch whose answers are computed at once (from the server's state now) and delivered on `release()`. */
export function heldFetch(): { fetch: typeof fetch; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    await gate;
    return response;
  };
  return { fetch: held, release };
}

/** Resolves with the store's value once `predicate` holds (checked on every change). */
export function until<T>(store: ReadableAtom<T>, predicate: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    let unsubscribe = (): void => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(
        new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(store.get()).slice(0, 400)}`),
      );
    }, timeoutMs);
    unsubscribe = store.subscribe((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      queueMicrotask(() => unsubscribe());
      resolve(value);
    });
  });
}

export interface Call {
  method: string;
  path: string;
  /** Where it went: scheme, host and port. */
  origin: string;
  /** The credentials mode of the request. */
  credentials: RequestCredentials;
  authorization: string | null;
  status: number | null;
}

/** A fetch that records every call (method, path, status) and can rewrite answers. */
export function recordingFetch(rewrite?: (url: URL, response: Response) => Response): {
  fetch: typeof fetch;
  calls: Call[];
} {
  const calls: Call[] = [];
  const recorder: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const call: Call = {
      method: request.method,
      path: url.pathname,
      origin: url.origin,
      credentials: request.credentials,
      authorization: request.headers.get('authorization'),
      status: null,
    };
    calls.push(call);
    const response = await fetch(input, init);
    call.status = response.status;
    if (!rewrite) return response;
    const replaced = rewrite(url, response);
    // A replaced answer's real body is dropped, as a proxy would: the server sees the request end.
    if (replaced !== response) void response.body?.cancel();
    return replaced;
  };
  return { fetch: recorder, calls };
}

/** Calls the server's control API. */
export async function control(server: RunningServer, path: string, body?: unknown, method = 'POST'): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export const notify = (server: RunningServer, title: string, userId = 'alice') =>
  control(server, '/control/act', { action: 'notify', userId, type: 'service-announcement', title, message: 'm' });

/** A client for the server with test-friendly defaults; `live` subscribes to every store until `stop()`. */
export function clientFor(server: RunningServer, options: Partial<ClientOptions> = {}): PdClient & { stop(): void } {
  const client = createClient({ baseUrl: server.url, token: 'demo-alice', shareAcrossTabs: false, ...options });
  const stops = allStores(client).map((store) => store.listen(() => {}));
  return Object.assign(client, {
    stop() {
      for (const stop of stops) stop();
      client.close();
    },
  });
}

export async function serverCounts(server: RunningServer, token = 'demo-alice') {
  const response = await fetch(`${server.url}/v1/counts`, { headers: { Authorization: `Bearer ${token}` } });
  return (await response.json()) as { unreadNotifications: number; pendingInvitations: number };
}

export async function streamCount(server: RunningServer, userId = 'alice'): Promise<number> {
  const state = (await control(server, '/control/state', undefined, 'GET')) as { streams: Record<string, number> };
  return state.streams[userId] ?? 0;
}

/**
 * A network the test cuts: while `down`, every request fails as an unreachable
 * server does (TypeError from fetch); `lose` sends that many mutations to the
 * server and loses their answers. `sent` lists the mutations that went out.
 */
export function cuttableNetwork() {
  const state = { down: false, lose: 0, sent: [] as string[] };
  const fetcher: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (state.down) throw new TypeError('fetch failed');
    if (request.method !== 'GET') state.sent.push(`${request.method} ${new URL(request.url).pathname}`);
    const response = await fetch(request);
    if (request.method !== 'GET' && state.lose > 0) {
      state.lose--;
      void response.body?.cancel();
      throw new TypeError('fetch failed: the connection closed before the answer');
    }
    return response;
  };
  return { state, fetch: fetcher };
}

/** An environment whose `online` the test sets (`set(false)` is the browser going offline). */
export function offlineEnvironment() {
  const listeners = new Set<() => void>();
  const state = { online: true };
  const env: Environment = {
    hidden: () => false,
    online: () => state.online,
    watch(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return {
    env,
    set(online: boolean) {
      state.online = online;
      for (const listener of listeners) listener();
    },
  };
}
