/**
 * The `/v1` protocol endpoints (see docs/protocol.md). A route answers only
 * after authentication and the rate limit (so a path or method that does not
 * exist is a 404 or 405 for anyone); a change also passes the body limit and
 * its idempotency key.
 */
import {
  ActionIdSchema,
  BulkFilterSchema,
  BulkRequestSchema,
  CategorySchema,
  InvitationStatusSchema,
  PreferencesUpdateSchema,
  ReadAllRequestSchema,
  SearchQuerySchema,
  SeenRequestSchema,
  SnoozeRequestSchema,
} from '@pd-notify/protocol';
import { Hono, type Context, type Handler, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { ServerEnv } from './env.js';
import type { IdempotencyKeys } from './idempotency.js';
import { jsonText, limitBody, pathParam, query, readJson, validate } from './json.js';
import { ProblemError, invalid } from './problem.js';
import type { RateLimiter } from './rate-limit.js';
import type { Store } from './store/store.js';
import { TaggedAnswers } from './tagged.js';
import { negotiate, spokenHeaders, stringifyIn } from './texts.js';

const booleanParam = v.pipe(
  v.picklist(['true', 'false']),
  v.transform((value) => value === 'true'),
);

const ListQuerySchema = v.object({
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(100)),
    '20',
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  category: v.optional(CategorySchema),
  trackId: v.optional(v.pipe(v.string(), v.maxLength(128))),
  unread: v.optional(booleanParam),
  archived: v.optional(booleanParam),
  snoozed: v.optional(booleanParam),
  q: v.optional(SearchQuerySchema),
});

/** valibot takes an empty array for an object of optional keys: as a filter, that would be every item. */
const BulkBodySchema = v.object({
  ...BulkRequestSchema.entries,
  filter: v.optional(
    v.pipe(
      v.custom<object>(
        (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
        'filter must be an object',
      ),
      BulkFilterSchema,
    ),
  ),
});

/** Exactly one of two alternative fields: neither names the first, both the second. */
function oneOf(body: Record<string, unknown>, first: string, second: string): void {
  const has = (key: string) => body[key] !== undefined;
  if (!has(first) && !has(second)) throw invalid(first, `Send ${first} or ${second}`);
  if (has(first) && has(second)) throw invalid(second, `Send ${first} or ${second}, not both`);
}

const ActionParamsSchema = v.object({ actionId: ActionIdSchema });

const InvitationQuerySchema = v.object({
  status: v.optional(InvitationStatusSchema, 'pending'),
  trackId: v.optional(v.pipe(v.string(), v.maxLength(128))),
});

/** The scheme is case-insensitive (RFC 9110 §11.1), then 1*SP and the token (§11.4). */
const BEARER = /^Bearer +([\x21-\x7e]{1,512})$/i;

export interface RouteOptions {
  store: Store;
  bodyLimit: number;
  /** Null: no rate limit. */
  limiter: RateLimiter | null;
  idempotency: IdempotencyKeys;
  openStream: Handler<ServerEnv>;
}

export function protocolRoutes({ store, bodyLimit, limiter, idempotency, openStream }: RouteOptions): Hono<ServerEnv> {
  /** Sets the request's user from its bearer token, within the token's rate limit. */
  const authenticate = (c: Context<ServerEnv>): void => {
    c.set('language', negotiate(c.req.header('accept-language')));
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const userId = token === undefined ? null : store.authenticate(token);
    if (userId === null) {
      throw new ProblemError(
        'unauthorized',
        401,
        token === undefined ? 'A bearer token is required' : 'The token is unknown or expired',
        { headers: { 'WWW-Authenticate': token === undefined ? 'Bearer' : 'Bearer error="invalid_token"' } },
      );
    }
    const wait = limiter?.hit(token!) ?? 0;
    if (wait > 0) {
      throw new ProblemError('rateLimited', 429, 'Too many requests for this token', {
        headers: { 'Retry-After': String(wait) },
      });
    }
    c.set('userId', userId);
  };
  const limit = limitBody(bodyLimit);
  const api = new Hono<ServerEnv>();
  // A read authenticates in its own handler (one layer less per request than a middleware, which reads are most of).
  const read = (path: string, handler: Handler<ServerEnv>) =>
    api.get(path, (c, next) => {
      authenticate(c);
      return handler(c, next);
    });
  const authenticated: MiddlewareHandler<ServerEnv> = (c, next) => {
    authenticate(c);
    return next();
  };
  const change = (method: 'POST' | 'PUT' | 'DELETE', path: string, handler: Handler<ServerEnv>) =>
    api.on(method, path, authenticated, limit, idempotency.middleware, handler);

  const tagged = new TaggedAnswers();
  /** Tagged with the state of everything the user can see: the id of their newest event. */
  const cached = (c: Context<ServerEnv>, body: () => unknown): Response =>
    tagged.answer(c, store.log.latestId(c.get('userId')), body);
  /** A JSON answer, its notifications written in the request's language. */
  const ok = (c: Context<ServerEnv>, body: unknown): Response =>
    jsonText(200, stringifyIn(body, c.get('language')), spokenHeaders(c.get('language')));
  const notificationId = (c: Context<ServerEnv>) => pathParam(c, 'notificationId');
  const invitationId = (c: Context<ServerEnv>) => pathParam(c, 'invitationId');

  read('/v1/me', (c) => ok(c, store.me(c.get('userId'))));
  read('/v1/notifications', (c) =>
    tagged.answer(c, store.listTag(c.get('userId')), () => {
      const q = query(c, ListQuerySchema);
      return store.listNotifications(c.get('userId'), {
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        ...(q.category === undefined ? {} : { category: q.category }),
        ...(q.trackId === undefined ? {} : { trackId: q.trackId }),
        ...(q.unread === undefined ? {} : { unread: q.unread }),
        ...(q.archived === undefined ? {} : { archived: q.archived }),
        ...(q.snoozed === undefined ? {} : { snoozed: q.snoozed }),
        ...(q.q === undefined ? {} : { q: q.q, language: c.get('language') }),
      });
    }),
  );
  change('POST', '/v1/notifications/seen', async (c) => {
    const body = await readJson(c, SeenRequestSchema);
    oneOf(body, 'ids', 'upToId');
    return ok(c, store.markSeen(c.get('userId'), body.ids ? { ids: body.ids } : { upToId: body.upToId! }));
  });
  change('POST', '/v1/notifications/bulk', async (c) => {
    const body = await readJson(c, BulkBodySchema);
    oneOf(body, 'ids', 'filter');
    if (body.ids && body.upToId !== undefined) throw invalid('upToId', 'upToId goes with filter only');
    const target = body.ids
      ? { ids: body.ids }
      : {
          filter: { ...body.filter!, language: c.get('language') },
          ...(body.upToId === undefined ? {} : { upToId: body.upToId }),
        };
    return ok(c, store.bulk(c.get('userId'), body.op, target));
  });
  change('POST', '/v1/notifications/read-all', async (c) => {
    const body = await readJson(c, ReadAllRequestSchema, true);
    return ok(c, store.readAll(c.get('userId'), body.upToId));
  });
  read('/v1/notifications/:notificationId', (c) => ok(c, store.getNotification(c.get('userId'), notificationId(c))));
  change('DELETE', '/v1/notifications/:notificationId', (c) => {
    store.dismiss(c.get('userId'), notificationId(c));
    return new Response(null, { status: 204 });
  });
  change('POST', '/v1/notifications/:notificationId/read', (c) =>
    ok(c, store.markRead(c.get('userId'), notificationId(c))),
  );
  change('POST', '/v1/notifications/:notificationId/unread', (c) =>
    ok(c, store.markUnread(c.get('userId'), notificationId(c))),
  );
  change('POST', '/v1/notifications/:notificationId/archive', (c) =>
    ok(c, store.archive(c.get('userId'), notificationId(c))),
  );
  change('POST', '/v1/notifications/:notificationId/unarchive', (c) =>
    ok(c, store.unarchive(c.get('userId'), notificationId(c))),
  );
  change('POST', '/v1/notifications/:notificationId/snooze', async (c) => {
    const id = notificationId(c);
    const { until } = await readJson(c, SnoozeRequestSchema);
    return ok(c, store.snooze(c.get('userId'), id, until));
  });
  change('POST', '/v1/notifications/:notificationId/unsnooze', (c) =>
    ok(c, store.unsnooze(c.get('userId'), notificationId(c))),
  );
  change('POST', '/v1/notifications/:notificationId/actions/:actionId', (c) => {
    const id = notificationId(c);
    const { actionId } = validate(ActionParamsSchema, { actionId: pathParam(c, 'actionId') });
    return ok(c, store.runAction(c.get('userId'), id, actionId));
  });
  read('/v1/invitations', (c) =>
    cached(c, () => {
      const q = query(c, InvitationQuerySchema);
      return { items: store.listInvitations(c.get('userId'), q.status, q.trackId) };
    }),
  );
  change('POST', '/v1/invitations/:invitationId/accept', (c) =>
    ok(c, store.acceptInvitation(c.get('userId'), invitationId(c))),
  );
  change('POST', '/v1/invitations/:invitationId/decline', (c) =>
    ok(c, store.declineInvitation(c.get('userId'), invitationId(c))),
  );
  read('/v1/preferences', (c) => ok(c, store.getPreferences(c.get('userId'))));
  change('PUT', '/v1/preferences', async (c) => {
    const body = await readJson(c, PreferencesUpdateSchema);
    return ok(c, store.savePreferences(c.get('userId'), body));
  });
  read('/v1/counts', (c) => cached(c, () => store.counts(c.get('userId'))));
  read('/v1/tracks', (c) => ok(c, { items: store.listTracks(c.get('userId')) }));
  read('/v1/tracks/:trackId', (c) => ok(c, store.getTrack(c.get('userId'), pathParam(c, 'trackId'))));
  read('/v1/syncs', (c) => ok(c, { items: store.listSyncs(c.get('userId')) }));
  read('/v1/events', openStream);
  return api;
}
