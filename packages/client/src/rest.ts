/**
 * The HTTP layer, on ky: typed calls for every protocol operation and the
 * opening of the event stream. ky sends the bearer token (beforeRequest), asks
 * for a fresh one once after a 401 and tries again (afterResponse), and times
 * requests out. ky retries nothing else: every request goes through the
 * client's health (`health.ts`), whose one backoff stands for every retry, so a
 * failing server gets one probe at a time however many areas wait. Every answer
 * is validated against the protocol; every failure becomes a PdError here, in
 * one place.
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
import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import { PdError, kindOfStatus, parseRetryAfter } from './errors.js';
import { Health } from './health.js';
import type { Tokens } from './tokens.js';

export interface RestOptions {
  baseUrl: string;
  tokens: Tokens;
  fetch?: typeof fetch;
  /** Per-request timeout in ms. Default 10000. */
  timeoutMs?: number;
  /** The client's failure state, which every request goes through. Default: one of its own. */
  health?: Health;
  /** The reader's language, sent as `Accept-Language` (the server writes notifications in it). */
  language?: () => string;
}

export interface ListQuery {
  limit?: number;
  cursor?: string | null;
  category?: Category | null;
  trackId?: string | null;
  unread?: boolean | null;
  /** Only archived items (default: the inbox). */
  archived?: boolean | null;
  /** Only snoozed items (default: the inbox). */
  snoozed?: boolean | null;
  /** A search, 2 to 100 characters. */
  q?: string | null;
}

export interface Conditional<T> {
  /** null when the server answered 304 Not Modified. */
  data: T | null;
  etag: string | null;
}

export class Rest {
  readonly baseUrl: string;
  readonly health: Health;
  #ky: KyInstance;

  constructor({ baseUrl, tokens, fetch, timeoutMs = 10_000, health = new Health(), language }: RestOptions) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.health = health;
    this.#ky = ky.create({
      prefixUrl: this.baseUrl,
      timeout: timeoutMs,
      ...(fetch ? { fetch } : {}),
      // Only the retry afterResponse forces once a token was refreshed.
      retry: { limit: 1, methods: [] },
      hooks: {
        beforeRequest: [
          async (request) => {
            request.headers.set('Authorization', `Bearer ${await tokens.current()}`);
            if (language) request.headers.set('Accept-Language', language());
          },
        ],
        afterResponse: [
          async (request, _options, response) => {
            const used = request.headers.get('Authorization')?.slice('Bearer '.length) ?? '';
            if (response.status !== 401) {
              if (response.ok) tokens.worked(used);
              return;
            }
            // One fresh token, then once more; requests refused with a token already replaced just retry.
            if ((await tokens.refreshAfter(used)) !== null) return ky.retry({ delay: 0, code: 'TOKEN_REFRESHED' });
          },
        ],
      },
    });
  }

  me = () => this.#get('v1/me', UserCheck);

  listNotifications = (query: ListQuery = {}) =>
    this.#get('v1/notifications', NotificationPageCheck, {
      // Every filter given (null and undefined are left out).
      searchParams: Object.fromEntries(
        Object.entries(query).filter((entry): entry is [string, string | number | boolean] => entry[1] != null),
      ),
    });
  getNotification = (id: string) => this.#get(`v1/notifications/${enc(id)}`, NotificationCheck);

  // Mutations carry an idempotency key: one sent again (a replay after the answer was lost) is applied once.
  markRead = (id: string, key?: string) => this.post(`v1/notifications/${enc(id)}/read`, NotificationCheck, key);
  markUnread = (id: string, key?: string) => this.post(`v1/notifications/${enc(id)}/unread`, NotificationCheck, key);
  markAllRead = (upToId?: string, key?: string) =>
    this.post('v1/notifications/read-all', ReadAllResultCheck, key, upToId === undefined ? {} : { upToId });
  dismiss = (id: string, key?: string) =>
    this.#exchange(`v1/notifications/${enc(id)}`, { method: 'delete', headers: idempotent(key) }, async () => {});
  runAction = (id: string, action: ActionId, key?: string) =>
    this.post(`v1/notifications/${enc(id)}/actions/${enc(action)}`, ActionResultCheck, key);

  listInvitations = (status: InvitationStatus = 'pending') =>
    this.#get('v1/invitations', InvitationListCheck, { searchParams: { status } });
  acceptInvitation = (id: string, key?: string) => this.post(`v1/invitations/${enc(id)}/accept`, AcceptanceCheck, key);
  declineInvitation = (id: string, key?: string) =>
    this.post(`v1/invitations/${enc(id)}/decline`, InvitationCheck, key);

  getPreferences = () => this.#get('v1/preferences', PreferencesCheck);
  savePreferences = (update: PreferencesUpdate, key?: string) =>
    this.#get('v1/preferences', PreferencesCheck, { method: 'put', json: update, headers: idempotent(key) });

  getCounts = () => this.#get('v1/counts', CountsCheck);
  listTracks = () => this.#get('v1/tracks', TrackListCheck);
  listSyncs = () => this.#get('v1/syncs', SyncListCheck);

  /** Counts with If-None-Match: `data` is null when nothing changed since `etag`. */
  pollCounts(etag: string | null): Promise<Conditional<Counts>> {
    return this.#exchange(
      'v1/counts',
      {
        ...(etag ? { headers: { 'If-None-Match': etag } } : {}),
        throwHttpErrors: (status) => status !== 304,
      },
      async (response) => ({
        data: response.status === 304 ? null : await parse(response, CountsCheck),
        etag: response.headers.get('etag') ?? (response.status === 304 ? etag : null),
      }),
    );
  }

  /**
   * Opens the event stream (its timeout ends once the headers come; no retry
   * but the one after a refreshed token): the response for the stream to judge
   * when the server has no stream for it (204, 404, 405, another content type);
   * a PdError for a refusal.
   */
  openStream(lastEventId: string, signal: AbortSignal): Promise<Response> {
    return this.#exchange(
      'v1/events',
      {
        headers: { Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
        throwHttpErrors: (status) => status !== 404 && status !== 405,
        cache: 'no-store',
        signal,
      },
      async (response) => response,
    );
  }

  #get<T>(path: string, check: TypedWireCheck<T>, options: Options = {}): Promise<T> {
    return this.#exchange(path, options, (response) => parse(response, check));
  }

  /**
   * A mutation: POST with its idempotency key, the answer checked against the
   * protocol. The inbox's verbs (seen, archive, snooze, bulk) are sent with it
   * from the code loaded on the first change (`sync/mutations.ts`), so that
   * the client's start does not carry them.
   */
  post<T>(path: string, check: TypedWireCheck<T>, key?: string, json?: unknown): Promise<T> {
    return this.#get(path, check, {
      method: 'post',
      headers: idempotent(key),
      ...(json === undefined ? {} : { json }),
    });
  }

  /** Sends a request through the client's health and reads its answer; throws a PdError. */
  async #exchange<T>(path: string, options: Options, read: (response: Response) => Promise<T>): Promise<T> {
    const probe = this.health.admit();
    let outcome: PdError | null | 'aborted' = null;
    try {
      return await read(await this.#ky(path, options));
    } catch (error) {
      const pdError = await toPdError(error);
      outcome = options.signal?.aborted ? 'aborted' : pdError;
      throw pdError;
    } finally {
      this.health.settle(probe, outcome);
    }
  }
}

/** Reads an answer's JSON and checks it against the protocol. */
async function parse<T>(response: Response, check: TypedWireCheck<T>): Promise<T> {
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

/** Turns what ky threw (a refused answer, a timeout, no answer at all) into a PdError. */
export async function toPdError(failure: unknown): Promise<PdError> {
  if (failure instanceof PdError) return failure;
  if (failure instanceof HTTPError) return errorOfResponse(failure.response);
  if (failure instanceof TimeoutError) return new PdError('network', 'The request timed out', { cause: failure });
  if (failure instanceof DOMException && failure.name === 'AbortError') {
    return new PdError('network', 'The request was aborted', { cause: failure });
  }
  return new PdError('network', 'The server could not be reached', { cause: failure });
}

/** The PdError of a refused answer, with the server's problem details and Retry-After. */
export async function errorOfResponse(response: Response, fallback = `HTTP ${response.status}`): Promise<PdError> {
  let problem: Problem | undefined;
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && typeof (body as Problem).type === 'string') problem = body as Problem;
  } catch {
    // not a problem+json body
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  return new PdError(kindOfStatus(response.status), problem?.detail ?? problem?.title ?? fallback, {
    status: response.status,
    ...(problem ? { problem } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** The Idempotency-Key header of a mutation, when it has a key. */
function idempotent(key: string | undefined): Record<string, string> {
  return key ? { 'Idempotency-Key': key } : {};
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
