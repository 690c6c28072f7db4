/**
 * The REST layer: typed calls for every protocol operation, on fetch. Per-request
 * timeout; automatic retries only for reads (GET), with capped exponential
 * backoff and full jitter, honouring Retry-After; never an automatic retry of a
 * mutation. A 401 asks `getToken` for a fresh token and tries once more. Every
 * answer is validated against the protocol's schemas; every failure is a PdError.
 */
import {
  AcceptanceCheck,
  ActionResultCheck,
  CountsCheck,
  InvitationCheck,
  InvitationListCheck,
  NotificationCheck,
  NotificationPageCheck,
  PreferencesCheck,
  ReadAllResultCheck,
  SyncListCheck,
  TrackListCheck,
  UserCheck,
  wireProblem,
  type ActionId,
  type Category,
  type Counts,
  type InvitationStatus,
  type PreferencesUpdate,
  type Problem,
  type TypedWireCheck,
} from '@pd-notify/protocol/wire';
import { PdError, kindOfStatus, parseRetryAfter } from './errors.js';
import { Backoff } from './realtime/backoff.js';

/** Statuses after which a read is tried again. */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** A Retry-After longer than this is not waited for: the read fails with it instead. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Supplies the bearer token; `refresh` is true after the server refused the previous one. */
export type TokenSource = (context: { refresh: boolean }) => string | Promise<string>;

export interface RestOptions {
  baseUrl: string;
  getToken: TokenSource;
  fetch?: typeof fetch;
  /** Per-request timeout in ms. Default 10000. */
  timeoutMs?: number;
  /** Retries of a failed read. Default 3. */
  retries?: number;
  /** Random source of the retry jitter (tests). Default Math.random. */
  random?: () => number;
}

export interface ListQuery {
  limit?: number;
  cursor?: string | null;
  category?: Category | null;
  trackId?: string | null;
  unread?: boolean | null;
}

export interface Conditional<T> {
  /** null when the server answered 304 Not Modified. */
  data: T | null;
  etag: string | null;
}

interface RequestSpec<T> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** How the answer is checked; null when there is no body to read. */
  check: TypedWireCheck<T> | null;
  json?: unknown;
  searchParams?: Record<string, string>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export class Rest {
  readonly baseUrl: string;
  #fetchImpl: typeof fetch;
  #timeoutMs: number;
  #retries: number;
  #random: (() => number) | undefined;
  #getToken: TokenSource;
  #token: Promise<string> | null = null;
  #refreshed: Promise<string> | null = null;

  constructor(options: RestOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#getToken = options.getToken;
    this.#fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retries = options.retries ?? 3;
    this.#random = options.random;
  }

  /** Uses another token source from now on (sign-in, user switch). */
  setTokenSource(getToken: TokenSource): void {
    this.#getToken = getToken;
    this.#token = null;
    this.#refreshed = null;
  }

  /**
   * A fresh token after `used` was refused: asks the source once, however many
   * requests were refused with the same token at the same time.
   */
  refreshAfter(used: Promise<string>): Promise<string> {
    if (this.#token !== used) return this.token();
    // A refreshed token that is refused too is final: no second refresh, no loop.
    if (used === this.#refreshed) return used;
    this.#refreshed = this.token(true);
    return this.#refreshed;
  }

  /** A request or the stream succeeded with `used`: a later refusal may refresh again. */
  tokenWorked(used: Promise<string>): void {
    if (used === this.#refreshed) this.#refreshed = null;
  }

  /** The current token (asks the source once and caches it). */
  token(refresh = false): Promise<string> {
    if (refresh || !this.#token) {
      const pending = Promise.resolve(this.#getToken({ refresh }));
      this.#token = pending;
      pending.catch(() => {
        if (this.#token === pending) this.#token = null;
      });
    }
    return this.#token;
  }

  me = () => this.#get('v1/me', UserCheck);

  listNotifications = (query: ListQuery = {}, signal?: AbortSignal) =>
    this.#send({
      method: 'get',
      path: 'v1/notifications',
      check: NotificationPageCheck,
      searchParams: compact({
        limit: query.limit?.toString(),
        cursor: query.cursor,
        category: query.category,
        trackId: query.trackId,
        unread: query.unread == null ? null : String(query.unread),
      }),
      ...(signal ? { signal } : {}),
    });

  markRead = (id: string) => this.#post(`v1/notifications/${enc(id)}/read`, NotificationCheck);
  markUnread = (id: string) => this.#post(`v1/notifications/${enc(id)}/unread`, NotificationCheck);
  markAllRead = (upToId?: string) =>
    this.#post('v1/notifications/read-all', ReadAllResultCheck, upToId === undefined ? {} : { upToId });
  dismiss = (id: string) => this.#send({ method: 'delete', path: `v1/notifications/${enc(id)}`, check: null });
  runAction = (id: string, action: ActionId) =>
    this.#post(`v1/notifications/${enc(id)}/actions/${enc(action)}`, ActionResultCheck);

  listInvitations = (status: InvitationStatus = 'pending') =>
    this.#send({ method: 'get', path: 'v1/invitations', check: InvitationListCheck, searchParams: { status } });
  acceptInvitation = (id: string) => this.#post(`v1/invitations/${enc(id)}/accept`, AcceptanceCheck);
  declineInvitation = (id: string) => this.#post(`v1/invitations/${enc(id)}/decline`, InvitationCheck);

  getPreferences = () => this.#get('v1/preferences', PreferencesCheck);
  savePreferences = (update: PreferencesUpdate) =>
    this.#send({ method: 'put', path: 'v1/preferences', check: PreferencesCheck, json: update });

  getCounts = () => this.#get('v1/counts', CountsCheck);
  listTracks = () => this.#get('v1/tracks', TrackListCheck);
  listSyncs = () => this.#get('v1/syncs', SyncListCheck);

  #get<T>(path: string, check: TypedWireCheck<T>): Promise<T> {
    return this.#send({ method: 'get', path, check });
  }

  #post<T>(path: string, check: TypedWireCheck<T>, json?: unknown): Promise<T> {
    return this.#send({ method: 'post', path, check, ...(json === undefined ? {} : { json }) });
  }

  /** Counts with If-None-Match: `data` is null when nothing changed since `etag`. */
  async pollCounts(etag: string | null): Promise<Conditional<Counts>> {
    const response = await this.#fetch({
      method: 'get',
      path: 'v1/counts',
      check: CountsCheck,
      ...(etag ? { headers: { 'If-None-Match': etag } } : {}),
    });
    const newTag = response.headers.get('etag');
    if (response.status === 304) return { data: null, etag: newTag ?? etag };
    return { data: await this.#parse(response, CountsCheck), etag: newTag };
  }

  async #send<T = void>(spec: RequestSpec<T>): Promise<T> {
    const response = await this.#fetch(spec);
    if (spec.check === null) return undefined as T;
    return this.#parse(response, spec.check);
  }

  async #fetch(spec: RequestSpec<unknown>, retried = false): Promise<Response> {
    const used = this.token();
    let token: string;
    try {
      token = await used;
    } catch (cause) {
      throw new PdError('auth', 'Could not get a token', { cause });
    }
    try {
      const response = await this.#attempts(spec, token);
      this.tokenWorked(used);
      return response;
    } catch (error) {
      const pdError = await toPdError(error);
      if (pdError.kind === 'auth' && pdError.status === 401 && !retried) {
        // Ask for a fresh token once; requests refused with a token already replaced just retry.
        void this.refreshAfter(used).catch(() => {});
        return this.#fetch(spec, true);
      }
      throw pdError;
    }
  }

  /**
   * One request, tried again while it is a read that failed in a way worth
   * retrying (no answer, or a status of RETRY_STATUSES), waiting for
   * Retry-After when the server sent one, else capped exponential backoff
   * with full jitter. Resolves with a 2xx or 304 response; throws the last
   * failure (a non-2xx Response, or what fetch threw).
   */
  async #attempts(spec: RequestSpec<unknown>, token: string): Promise<Response> {
    const url = new URL(`${this.baseUrl}/${spec.path}`);
    for (const [key, value] of Object.entries(spec.searchParams ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...spec.headers };
    if (spec.json !== undefined) headers['Content-Type'] = 'application/json';
    const backoff = new Backoff({ baseMs: 300, ...(this.#random ? { random: this.#random } : {}) });
    for (;;) {
      const timeout = AbortSignal.timeout(this.#timeoutMs);
      let outcome: Response | unknown;
      try {
        outcome = await this.#fetchImpl(url, {
          method: spec.method.toUpperCase(),
          headers,
          ...(spec.json === undefined ? {} : { body: JSON.stringify(spec.json) }),
          signal: spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout,
        });
      } catch (error) {
        outcome = timeout.aborted && !spec.signal?.aborted ? new TimeoutFailure(error) : error;
      }
      if (outcome instanceof Response && (outcome.ok || outcome.status === 304)) return outcome;
      const retryAfterMs =
        outcome instanceof Response ? parseRetryAfter(outcome.headers.get('retry-after')) : undefined;
      const worthRetrying =
        outcome instanceof Response
          ? RETRY_STATUSES.includes(outcome.status)
          : !(outcome instanceof TimeoutFailure) && !spec.signal?.aborted;
      if (
        spec.method !== 'get' ||
        !worthRetrying ||
        backoff.attempt >= this.#retries ||
        (retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS
      ) {
        throw outcome;
      }
      const delay = retryAfterMs ?? backoff.next();
      if (retryAfterMs !== undefined) backoff.attempt++;
      if (outcome instanceof Response) void outcome.body?.cancel();
      await wait(delay, spec.signal);
    }
  }

  async #parse<T>(response: Response, check: TypedWireCheck<T>): Promise<T> {
    let data: unknown;
    try {
      data = await response.json();
    } catch (cause) {
      throw new PdError('invalid-response', `The server's answer to ${response.url} is not JSON`, {
        status: response.status,
        cause,
      });
    }
    const problem = wireProblem(check, data);
    if (problem) {
      throw new PdError('invalid-response', `The server's answer does not follow the protocol at ${problem}`, {
        status: response.status,
      });
    }
    return data as T;
  }
}

/** A request that got no answer within its timeout. */
class TimeoutFailure {
  constructor(readonly cause: unknown) {}
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

/** Turns a refused answer, or whatever fetch threw, into a PdError. */
async function toPdError(failure: unknown): Promise<PdError> {
  if (failure instanceof PdError) return failure;
  if (failure instanceof Response) {
    let problem: Problem | undefined;
    try {
      const body: unknown = await failure.json();
      if (body && typeof body === 'object' && typeof (body as Problem).type === 'string') problem = body as Problem;
    } catch {
      // not a problem+json body
    }
    const retryAfterMs = parseRetryAfter(failure.headers.get('retry-after'));
    return new PdError(kindOfStatus(failure.status), problem?.detail ?? problem?.title ?? `HTTP ${failure.status}`, {
      status: failure.status,
      ...(problem ? { problem } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (failure instanceof TimeoutFailure) {
    return new PdError('network', 'The request timed out', { cause: failure.cause });
  }
  if (failure instanceof DOMException && failure.name === 'AbortError') {
    return new PdError('network', 'The request was aborted', { cause: failure });
  }
  return new PdError('network', 'The server could not be reached', { cause: failure });
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

function compact(params: Record<string, string | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value != null) out[key] = value;
  return out;
}
