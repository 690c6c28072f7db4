/**
 * `@pd-notify/mock-server/handler`: the whole reference server as one Hono app
 * whose `fetch` is `(request: Request) => Promise<Response>`, on the Fetch API
 * alone (no Node APIs): CORS, compression, the control API, fault injection,
 * authentication, the rate limit, the `/v1` routes and the event stream.
 * `startServer()` serves it over Node's http; Storybook runs it in the page as
 * the stories' backend.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { artworkSvg } from './artwork.js';
import { Clock } from './clock.js';
import { controlRoutes } from './control.js';
import { DEFAULT_CORS_ORIGINS, corsAllowList } from './cors.js';
import type { ServerEnv, Transport } from './env.js';
import { Faults } from './faults.js';
import { IdempotencyKeys } from './idempotency.js';
import { COMPRESSIBLE, problemResponse, textResponse } from './json.js';
import { ProblemError } from './problem.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { protocolRoutes } from './routes.js';
import { applySeed, type SeedName } from './seed.js';
import { Store } from './store/store.js';
import { StreamHub } from './stream.js';

export type { Transport } from './env.js';

export interface HandlerOptions {
  /** The server's own origin, for the URLs in its data (artwork). */
  baseUrl: string;
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
  /** Answers extra paths outside `/v1` before the API (e.g. a demo page); undefined passes. */
  extraHandler?: (request: Request, url: URL) => Response | undefined | Promise<Response | undefined>;
}

export interface ReferenceHandler {
  /**
   * Answers one request. Never rejects: every failure is a problem+json answer.
   * `transport`: what the server serving it can do (drop a connection).
   */
  fetch: (request: Request, transport?: Transport) => Promise<Response>;
  /** The live store. Replaced by a control reset. */
  readonly store: Store;
  readonly clock: Clock;
  /** Cuts the open streams and stops the timers. */
  close(): void;
}

/**
 * Routes match the path as sent, percent-encoding kept: path ids are decoded
 * (and refused when they do not decode) only after authentication.
 */
function rawPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const end = url.slice(start).search(/[?#]/);
  return end === -1 ? url.slice(start) : url.slice(start, start + end);
}

export function createHandler(options: HandlerOptions): ReferenceHandler {
  const clock = options.clock ?? new Clock();
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  const allowList = corsAllowList(options.corsOrigins ?? DEFAULT_CORS_ORIGINS);
  const limiter =
    options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? { requests: 300, windowMs: 1000 });
  const faults = new Faults();
  const newStore = (): Store =>
    new Store({
      clock,
      ...(options.logCapacity === undefined ? {} : { logCapacity: options.logCapacity }),
      ...(options.syncStepMs === undefined ? {} : { syncStepMs: options.syncStepMs }),
    });
  const streamOptions = {
    faults,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    retryMs: options.retryMs ?? 2000,
    maxStreamsPerUser: options.maxStreamsPerUser ?? 20,
  };
  let store: Store;
  let streams: StreamHub;
  let app: Hono<ServerEnv>;

  /** A fresh store with `seed`, and the app over it. */
  const start = (seed: SeedName): void => {
    store = newStore();
    streams = new StreamHub({ ...streamOptions, store });
    applySeed(store, seed, options.baseUrl);
    app = new Hono<ServerEnv>({ getPath: rawPath });
    app.onError((error) => {
      if (error instanceof ProblemError) return problemResponse(error);
      console.error('pd-mock-server: unexpected error', error);
      return problemResponse(new ProblemError('serverError', 500, 'The server failed to handle the request'));
    });
    app.notFound((c) => problemResponse(new ProblemError('notFound', 404, `No endpoint at ${c.req.path}`)));
    const gzip = compress({ encoding: 'gzip', threshold: COMPRESSIBLE.minBytes, contentTypeFilter: COMPRESSIBLE.type });
    // Without Accept-Encoding there is nothing to choose (textHeaders says Vary itself).
    app.use((c, next) => (c.req.header('accept-encoding') === undefined ? next() : gzip(c, next)));
    app.use(allowList);
    app.use(
      methodNotAllowed({
        app,
        onMethodNotAllowed: (c, methods) =>
          problemResponse(
            new ProblemError('methodNotAllowed', 405, `${c.req.method} is not allowed on ${c.req.path}`, {
              headers: { Allow: methods.sort().join(', ') },
            }),
          ),
      }),
    );
    app.get('/artwork/:file{[a-z0-9-]{1,64}\\.svg}', (c) =>
      textResponse(200, artworkSvg(c.req.param('file').slice(0, -'.svg'.length)), {
        'Content-Type': 'image/svg+xml',
        'Cache-Control': 'public, max-age=86400',
      }),
    );
    if (control) app.route('/', control);
    const extra = options.extraHandler;
    if (extra) {
      app.use(async (c, next) => {
        if (c.req.path.startsWith('/v1/')) return next();
        const answer = await extra(c.req.raw, new URL(c.req.url));
        if (answer) return answer;
        await next();
      });
    }
    app.use('/v1/*', faults.middleware);
    app.route(
      '/',
      protocolRoutes({
        store,
        bodyLimit,
        limiter,
        idempotency: new IdempotencyKeys(clock),
        openStream: streams.open,
      }),
    );
  };

  const control = options.control
    ? controlRoutes({
        store: () => store,
        faults,
        bodyLimit,
        reset: (seed) => {
          streams.closeAll();
          store.dispose();
          faults.clear();
          start(seed);
        },
        restart: () => {
          store.log.restart();
          streams.closeAll();
        },
        dropStreams: () => streams.closeAll(),
        streamCounts: () => streams.counts(),
      })
    : null;
  start(options.seed ?? 'demo');
  const stopReminders = clock.onAdvance(() => store.checkReminders());
  const reminderTimer = clock.frozen ? undefined : setInterval(() => store.checkReminders(), 30_000);
  reminderTimer?.unref?.();

  return {
    fetch: async (request, transport) => app.fetch(request, { transport }),
    get store() {
      return store;
    },
    clock,
    close() {
      stopReminders();
      clearInterval(reminderTimer);
      streams.closeAll();
      store.dispose();
      clock.dispose();
    },
  };
}
