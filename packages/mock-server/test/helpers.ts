/** Starts a reference server for one test file (in process, or as the CLI in a child process). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { http, type Caller } from '@pd-notify/conformance';
import type { EventName } from '@pd-notify/protocol';
import { Clock, startServer, type RunningServer, type ServerOptions } from '../src/index.js';
import { applySeed } from '../src/seed.js';
import { Store } from '../src/store/store.js';

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

export interface CliServer {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** What it printed so far. */
  stdout: () => string;
  stderr: () => string;
  /** SIGTERM, then its exit code. */
  stop: () => Promise<number | null>;
}

const CLI = new URL('../src/cli.ts', import.meta.url).pathname;

/** Runs the CLI with `args`. */
export function runCli(...args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args]);
}

/** Runs the CLI and resolves once its output has its URL and passes `ready`. */
export async function startCli(args: string[], ready = (_stdout: string) => true): Promise<CliServer> {
  const child = runCli(...args);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const match = /reference server: (http:\/\/\S+)/.exec(out);
      if (match && ready(out)) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}${err}`)));
  });
  return {
    url,
    child,
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

/** A store on a frozen clock at START with the demo users and nothing else, and the events it publishes. */
export function emptyStore(): { store: Store; clock: Clock; events: (userId: string, name?: EventName) => unknown[] } {
  const clock = new Clock({ start: START, frozen: true });
  const store = new Store({ clock, syncStepMs: 400 });
  const published: { userId: string; event: EventName; data: unknown }[] = [];
  applySeed(store, 'empty', 'http://localhost');
  for (const userId of ['alice', 'ben', 'chloe', 'dev']) {
    store.log.subscribe(userId, (logged) =>
      published.push({ userId, event: logged.event, data: JSON.parse(logged.json) }),
    );
  }
  return {
    store,
    clock,
    events: (userId, name) =>
      published.filter((e) => e.userId === userId && (name === undefined || e.event === name)).map((e) => e.data),
  };
}
