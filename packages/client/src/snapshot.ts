/**
 * Server rendering: the host's server loads what the first paint needs through the
 * client (in Node), renders the elements from it, and writes it into the page; the
 * browser's client starts from it (`ClientOptions.snapshot`) and resumes the stream
 * from where it stood, so the page shows the user's counts before any script runs
 * and asks nothing again.
 */
import { createClient, takeSnapshot, type ClientOptions, type ClientSnapshot } from './client.js';
import { PdError } from './errors.js';

/** Options of {@link loadSnapshot}: how to reach the server as whom, and what to load. */
export interface SnapshotOptions extends Pick<
  ClientOptions,
  'baseUrl' | 'token' | 'getToken' | 'locale' | 'fetch' | 'pageSize' | 'requestTimeoutMs'
> {
  /** Also the inbox's first page (for a page that shows the feed at once). Default false: the counts only. */
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
    return await Promise.race([takeSnapshot(client, feed ? ['counts', 'notifications'] : ['counts']), timeout]);
  } finally {
    clearTimeout(timer);
    await client.close();
  }
}

/** Whether `value` is a snapshot this client can start from (e.g. read back from a page). */
export function isClientSnapshot(value: unknown): value is ClientSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const snapshot = value as Partial<ClientSnapshot>;
  return (
    snapshot.version === 1 &&
    typeof snapshot.baseUrl === 'string' &&
    typeof snapshot.userId === 'string' &&
    typeof snapshot.locale === 'string' &&
    typeof snapshot.lastEventId === 'string' &&
    typeof snapshot.areas === 'object' &&
    snapshot.areas !== null
  );
}
