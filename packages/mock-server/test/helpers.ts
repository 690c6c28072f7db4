/** Starts a reference server for one test file, with a frozen clock and the control API. */
import { http, type Caller } from '@pd-notify/conformance';
import { Clock, startServer, type RunningServer, type ServerOptions } from '../src/index.js';

export const START = Date.parse('2026-11-23T09:00:00.000Z');
export const DAY = 86_400_000;

export interface TestServer {
  server: RunningServer;
  url: string;
  as: (userId: 'alice' | 'ben' | 'chloe' | 'dev') => Caller;
  /** POSTs to the control API (DELETE with `method`); throws unless it answers 2xx. */
  control: <T = unknown>(path: string, body?: unknown, method?: string) => Promise<T>;
  close: () => Promise<void>;
}

export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const server = await startServer({
    seed: 'empty',
    control: true,
    heartbeatMs: 100,
    clock: new Clock({ start: START, frozen: true }),
    ...options,
  });
  const raw = http(server.url);
  return {
    server,
    url: server.url,
    as: (userId) => http(server.url, `demo-${userId}`),
    control: async <T>(path: string, body?: unknown, method = 'POST'): Promise<T> => {
      const reply = await raw<T>(method, path, body === undefined ? {} : { body });
      if (reply.status >= 300) throw new Error(`control ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    },
    close: () => server.close(),
  };
}

/** Adds a track owned by `ownerId` with the given members, straight into the store. */
export function addTrack(
  t: TestServer,
  id: string,
  ownerId: string,
  members: [string, 'view' | 'edit' | 'full'][] = [],
  dueDate: number | null = null,
): void {
  t.server.store.addTrack({
    id,
    name: `Track ${id}`,
    artworkUrl: null,
    stage: 'idea',
    dueDate,
    ownerId,
    members: new Map(members),
    fileCount: 10,
  });
}
