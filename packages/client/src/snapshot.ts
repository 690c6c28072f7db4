/**
 * Server rendering: the host's server loads what the first paint needs through the
 * client (in Node), renders the elements from it, and writes it into the page; the
 * browser's client starts from it (`ClientOptions.snapshot`) and resumes the stream
 * from where it stood, so the page shows the user's counts before any script runs
 * and asks nothing again. Only `loadSnapshot`'s users load this module's code.
 */
import { createClient, snapshotSources, type ClientOptions, type PdClient } from './client.js';
import { PdError } from './errors.js';
import { tokenHash } from './token-hash.js';
import type { TabSnapshot } from './sync/loader.js';

/** What the host's server loaded for the first paint: see `loadSnapshot`. Plain JSON; holds no token. */
export interface ClientSnapshot {
  /** The format's version (1). */
  version: 1;
  /** The base URL it was loaded from: a client of another ignores it. */
  baseUrl: string;
  /** The signed-in user's id (the browser's client then needs no `/v1/me`). */
  userId: string;
  /** The language its notifications are written in. */
  locale: string;
  /** Where the stream stood: the browser's stream resumes from it. */
  lastEventId: string;
  /**
   * A SHA-256 of the token it was loaded with (not the token): a browser's client
   * given another user's token starts afresh instead of showing it. Null where Web
   * Crypto is missing.
   */
  tokenHash: string | null;
  /** What was loaded: the counts, and the inbox's first page when asked for. */
  areas: TabSnapshot['areas'];
}

/** Options of {@link loadSnapshot}: how to reach the server as whom, and what to load. */
export interface SnapshotOptions extends Pick<
  ClientOptions,
  'baseUrl' | 'token' | 'getToken' | 'locale' | 'fetch' | 'pageSize' | 'requestTimeoutMs'
> {
  /** Also the inbox's first page (for a page with the feed, which loads it while closed). Default false: the counts only. */
  feed?: boolean;
  /** How long the whole load may take before it fails as a `network` error. Default 10000. */
  timeoutMs?: number;
}

/**
 * Loads the signed-in user's counts (and, with `feed`, the inbox's first page) and
 * where their event stream stands, for a server-rendered first paint. The result
 * is plain JSON and holds no token: write it into the page for the browser's
 * client (`<pd-provider snapshot="…">` or `createClient({ snapshot })`). Rejects
 * with the `PdError` the server gave (`auth` for a refused token).
 */
export async function loadSnapshot(options: SnapshotOptions): Promise<ClientSnapshot> {
  const { feed = false, timeoutMs = 10_000, ...connection } = options;
  const client = createClient({ ...connection, transport: 'sse', persist: false, shareAcrossTabs: false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PdError('network', `pd-notify: no snapshot within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([take(client, feed), timeout]);
  } finally {
    clearTimeout(timer);
    await client.close();
  }
}

/** Observes the counts (and the inbox) of `client` until loaded with the stream ready, and gives their snapshot. */
async function take(client: PdClient, feed: boolean): Promise<ClientSnapshot> {
  const source = snapshotSources.get(client)!;
  const names = feed ? (['counts', 'notifications'] as const) : (['counts'] as const);
  const stores = [client.$unreadCount, ...(feed ? [client.$notifications] : [])];
  const stops = stores.map((store) => store.listen(() => {}));
  const user = source.me();
  user.catch(() => {});
  try {
    // Loaded, with the stream ready (its position is where the browser resumes); the first failure ends it.
    await new Promise<void>((resolve, reject) => {
      const unlisten: (() => void)[] = [];
      let again: ReturnType<typeof setTimeout> | undefined;
      let done = false;
      const finish = (error?: PdError): void => {
        done = true;
        clearTimeout(again);
        for (const stop of unlisten) stop();
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (done) return;
        clearTimeout(again);
        const { status, error } = source.connection.get();
        const failed = error ?? names.map((name) => source.areas[name].error).find(Boolean);
        if (failed) finish(failed);
        else if (status === 'live' && names.every((name) => source.areas[name].status === 'ready')) finish();
        // The ready event's counts are taken just after the link says live.
        else if (status === 'live') again = setTimeout(check, 10);
      };
      for (const store of [source.connection, ...stores]) unlisten.push(store.listen(check));
      check();
    });
    const { id: userId } = await user;
    const { locale = client.locale, lastEventId, areas } = await source.collect(names);
    const hash = await tokenHash(await source.token());
    return { version: 1, baseUrl: source.baseUrl, userId, locale, lastEventId, tokenHash: hash, areas };
  } finally {
    for (const stop of stops) stop();
  }
}

/** Whether `value` is a snapshot a client can start from (e.g. read back from a page). */
export function isClientSnapshot(value: unknown): value is ClientSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const snapshot = value as Partial<ClientSnapshot>;
  return (
    snapshot.version === 1 &&
    typeof snapshot.baseUrl === 'string' &&
    typeof snapshot.userId === 'string' &&
    typeof snapshot.locale === 'string' &&
    typeof snapshot.lastEventId === 'string' &&
    (typeof snapshot.tokenHash === 'string' || snapshot.tokenHash === null) &&
    typeof snapshot.areas === 'object' &&
    snapshot.areas !== null
  );
}
