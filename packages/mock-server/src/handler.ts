/**
 * `@pd-notify/mock-server/handler`: the whole reference server as a fetch
 * handler, `(request: Request) => Promise<Response>`, on the Fetch API alone (no
 * Node APIs): CORS, the control API, fault injection, authentication, the rate
 * limit, the `/v1` routes and the event stream. `startServer()` serves it over
 * Node's http; Storybook runs it in the page as the stories' backend.
 */
import { artworkSvg } from './artwork.js';
import { Clock } from './clock.js';
import { controlRoutes } from './control.js';
import { CORS_HEADERS, CorsPolicy, DEFAULT_CORS_ORIGINS } from './cors.js';
import { Faults } from './faults.js';
import { decodeParams, problemResponse, type Router } from './http.js';
import { ProblemError } from './problem.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { IdempotencyKeys } from './idempotency.js';
import { protocolRoutes } from './routes.js';
import { applySeed, type SeedName } from './seed.js';
import { Store } from './store.js';
import { StreamHub } from './stream.js';

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
  /** Answers one request. Never rejects: every failure is a problem+json answer. */
  fetch: (request: Request) => Promise<Response>;
  /** The live store. Replaced by a control reset. */
  readonly store: Store;
  readonly clock: Clock;
  /** Cuts the open streams and stops the timers. */
  close(): void;
}

export function createHandler(options: HandlerOptions): ReferenceHandler {
  const clock = options.clock ?? new Clock();
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  const cors = new CorsPolicy(options.corsOrigins ?? DEFAULT_CORS_ORIGINS);
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
  let api: Router;
  let idempotency: IdempotencyKeys;
  const start = (seed: SeedName): void => {
    store = newStore();
    streams = new StreamHub({ ...streamOptions, store });
    api = protocolRoutes({ store, bodyLimit, openStream: streams.open });
    idempotency = new IdempotencyKeys(clock);
    applySeed(store, seed, options.baseUrl);
  };
  start(options.seed ?? 'demo');

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
  const stopReminders = clock.onAdvance(() => store.checkReminders());
  const reminderTimer = clock.frozen ? undefined : setInterval(() => store.checkReminders(), 30_000);
  reminderTimer?.unref?.();

  const route = async (request: Request, url: URL): Promise<Response> => {
    const artwork = /^\/artwork\/([a-z0-9-]{1,64})\.svg$/.exec(url.pathname);
    if (artwork && request.method === 'GET') {
      return new Response(artworkSvg(artwork[1]!), {
        headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' },
      });
    }
    if (control && url.pathname.startsWith('/control/')) {
      const { handler, params } = control.match(request.method, url.pathname);
      return handler({ request, url, params: decodeParams(params), userId: '' });
    }
    if (options.extraHandler && !url.pathname.startsWith('/v1/')) {
      const answer = await options.extraHandler(request, url);
      if (answer) return answer;
    }
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
    const { handler, params } = api.match(request.method, url.pathname);
    // The scheme is case-insensitive (RFC 9110 §11.1), then 1*SP and the token (§11.4).
    const token = /^Bearer +([\x21-\x7e]{1,512})$/i.exec(request.headers.get('authorization') ?? '')?.[1];
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
    const answer = async () => handler({ request, url, params: decodeParams(params), userId });
    return request.method === 'GET' || request.method === 'HEAD'
      ? answer()
      : idempotency.run(userId, request, url, answer);
  };

  /** CORS around the route: refuses unknown origins, answers preflights, labels answers for allowed ones. */
  const fetch = async (request: Request): Promise<Response> => {
    const origin = request.headers.get('origin');
    try {
      if (origin !== null && !cors.allows(origin)) {
        throw new ProblemError('originNotAllowed', 403, `The origin ${origin} is not allowed`);
      }
      const response =
        origin !== null && request.method === 'OPTIONS'
          ? new Response(null, { status: 204, headers: CORS_HEADERS })
          : await route(request, new URL(request.url)).catch(answerProblem);
      if (origin !== null) {
        response.headers.set('Access-Control-Allow-Origin', origin);
        response.headers.append('Vary', 'Origin');
        if (request.method !== 'OPTIONS') {
          response.headers.set('Access-Control-Expose-Headers', CORS_HEADERS['Access-Control-Expose-Headers']);
        }
      }
      return response;
    } catch (error) {
      return answerProblem(error);
    }
  };

  return {
    fetch,
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

/** A problem's answer; anything else is a bug, logged and answered 500. */
function answerProblem(error: unknown): Response {
  if (error instanceof ProblemError) return problemResponse(error);
  console.error('pd-mock-server: unexpected error', error);
  return problemResponse(new ProblemError('serverError', 500, 'The server failed to handle the request'));
}
