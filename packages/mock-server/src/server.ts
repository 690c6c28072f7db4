/** `startServer()`: the reference server of the pd-notify protocol on Node's http. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { artworkSvg } from './artwork.js';
import { Clock } from './clock.js';
import { controlRoutes } from './control.js';
import { CORS_HEADERS, CorsPolicy, DEFAULT_CORS_ORIGINS } from './cors.js';
import { Faults } from './faults.js';
import { sendProblem, type Context, type Router } from './http.js';
import { ProblemError } from './problem.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { protocolRoutes } from './routes.js';
import { applySeed, type SeedName } from './seed.js';
import { Store } from './store.js';
import { StreamHub } from './stream.js';

export interface ServerOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `demo`. */
  seed?: SeedName;
  /** Default: a running clock starting now. Pass a frozen one to drive time from tests. */
  clock?: Clock;
  /** Enables the control API under `/control`. Default false. */
  control?: boolean;
  /** Milliseconds between heartbeat comments on the stream. Default 15000. */
  heartbeatMs?: number;
  /** The `retry:` hint sent to stream clients, in ms. Default 2000. */
  retryMs?: number;
  /** Allowed browser origins (`http://localhost:*` style wildcards for the port). */
  corsOrigins?: readonly string[];
  /** Largest accepted request body in bytes. Default 64 KiB. */
  bodyLimit?: number;
  /** Requests per token and window; false turns the limit off. Default 300 per second. */
  rateLimit?: RateLimitOptions | false;
  /** Events kept per user for replay. Default 1000. */
  logCapacity?: number;
  /** Open streams allowed per user. Default 20. */
  maxStreamsPerUser?: number;
  /** Clock time between two file-sync steps. Default 400 ms. */
  syncStepMs?: number;
  /** Serves extra paths before the API (e.g. a demo page). Return true when handled. */
  extraHandler?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
}

export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The live store (for in-process tests). Replaced by a control reset. */
  readonly store: Store;
  readonly clock: Clock;
  close(): Promise<void>;
}

/** Starts the server and resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? new Clock();
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const cors = new CorsPolicy(options.corsOrigins ?? DEFAULT_CORS_ORIGINS);
  const limiter =
    options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? { requests: 300, windowMs: 1000 });
  const faults = new Faults();
  let baseUrl = '';
  const newStore = (): Store =>
    new Store({
      clock,
      ...(options.logCapacity === undefined ? {} : { logCapacity: options.logCapacity }),
      ...(options.syncStepMs === undefined ? {} : { syncStepMs: options.syncStepMs }),
    });
  let store = newStore();
  const streamOptions = {
    faults,
    heartbeatMs,
    retryMs: options.retryMs ?? 2000,
    maxStreamsPerUser: options.maxStreamsPerUser ?? 20,
  };
  let streams = new StreamHub({ ...streamOptions, store });
  let api: Router = protocolRoutes({ store, bodyLimit, openStream: streams.open });

  const reset = (seed: SeedName): void => {
    streams.closeAll();
    store.dispose();
    store = newStore();
    streams = new StreamHub({ ...streamOptions, store });
    api = protocolRoutes({ store, bodyLimit, openStream: streams.open });
    faults.clear();
    applySeed(store, seed, baseUrl);
  };
  const control = options.control
    ? controlRoutes({
        store: () => store,
        faults,
        bodyLimit,
        reset,
        restart: () => {
          store.log.restart();
          streams.closeAll();
        },
        dropStreams: () => streams.closeAll(),
        streamCounts: () => streams.counts(),
      })
    : null;
  const stopReminders = clock.onAdvance(() => store.checkReminders());
  const reminderTimer = clock.frozen ? undefined : setInterval(() => store.checkReminders(), 30_000);
  reminderTimer?.unref();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://server');
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (!cors.allows(origin)) {
        throw new ProblemError('originNotAllowed', 403, `The origin ${origin} is not allowed`);
      }
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS).end();
        return;
      }
      res.setHeader('Access-Control-Expose-Headers', CORS_HEADERS['Access-Control-Expose-Headers']);
    }
    const artwork = /^\/artwork\/([a-z0-9-]{1,64})\.svg$/.exec(url.pathname);
    if (artwork && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' });
      res.end(artworkSvg(artwork[1]!));
      return;
    }
    if (control && url.pathname.startsWith('/control/')) {
      const { handler, params } = control.match(req.method ?? 'GET', url.pathname);
      await handler({ req, res, url, params, userId: '' });
      return;
    }
    if (options.extraHandler && !url.pathname.startsWith('/v1/') && (await options.extraHandler(req, res, url))) return;
    if (!url.pathname.startsWith('/v1/')) throw new ProblemError('notFound', 404, `No endpoint at ${url.pathname}`);

    const latency = faults.settings.latencyMs;
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    const injected = faults.takeError(url.pathname);
    if (injected) {
      const kind = injected.status === 429 ? 'rateLimited' : injected.status >= 500 ? 'unavailable' : 'validation';
      throw new ProblemError(kind, injected.status, `Injected fault: HTTP ${injected.status}`, {
        headers: injected.retryAfter === undefined ? {} : { 'Retry-After': injected.retryAfter },
      });
    }
    const { handler, params } = api.match(req.method ?? 'GET', url.pathname);
    const token = /^Bearer ([\x21-\x7e]{1,512})$/.exec(req.headers.authorization ?? '')?.[1];
    const userId = token === undefined ? null : store.authenticate(token);
    if (userId === null) {
      throw new ProblemError(
        'unauthorized',
        401,
        token === undefined ? 'A bearer token is required' : 'The token is unknown or expired',
        {
          headers: { 'WWW-Authenticate': token === undefined ? 'Bearer' : 'Bearer error="invalid_token"' },
        },
      );
    }
    const wait = limiter?.hit(token!) ?? 0;
    if (wait > 0) {
      throw new ProblemError('rateLimited', 429, 'Too many requests for this token', {
        headers: { 'Retry-After': String(wait) },
      });
    }
    const ctx: Context = { req, res, url, params, userId };
    await handler(ctx);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof ProblemError) {
        sendProblem(res, error);
        return;
      }
      console.error('pd-mock-server: unexpected error', error);
      sendProblem(res, new ProblemError('serverError', 500, 'The server failed to handle the request'));
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;
  applySeed(store, options.seed ?? 'demo', baseUrl);

  return {
    url: baseUrl,
    get store() {
      return store;
    },
    clock,
    async close() {
      stopReminders();
      clearInterval(reminderTimer);
      streams.closeAll();
      store.dispose();
      clock.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
