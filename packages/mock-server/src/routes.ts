/** The `/v1` protocol endpoints (see docs/protocol.md). */
import {
  ActionIdSchema,
  CategorySchema,
  InvitationStatusSchema,
  PreferencesUpdateSchema,
  ReadAllRequestSchema,
} from '@pd-notify/protocol';
import * as v from 'valibot';
import { Router, readJson, sendCached, sendJson, validate, type Context } from './http.js';
import type { Store } from './store.js';

const ListQuerySchema = v.object({
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(100)),
    '20',
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  category: v.optional(CategorySchema),
  trackId: v.optional(v.pipe(v.string(), v.maxLength(128))),
  unread: v.optional(
    v.pipe(
      v.picklist(['true', 'false']),
      v.transform((value) => value === 'true'),
    ),
  ),
});

const InvitationQuerySchema = v.object({
  status: v.optional(InvitationStatusSchema, 'pending'),
  trackId: v.optional(v.pipe(v.string(), v.maxLength(128))),
});

function query<S extends v.GenericSchema>(ctx: Context, schema: S): v.InferOutput<S> {
  const entries: Record<string, string> = {};
  for (const [key, value] of ctx.url.searchParams) entries[key] = value;
  return validate(schema, entries);
}

export interface RouteOptions {
  store: Store;
  bodyLimit: number;
  openStream: (ctx: Context) => void;
}

export function protocolRoutes({ store, bodyLimit, openStream }: RouteOptions): Router {
  /** The ETag of everything a user can see: the id of their newest event. */
  const etag = (ctx: Context): string => `"${store.log.latestId(ctx.userId)}"`;
  const ok = (ctx: Context, body: unknown): void => sendJson(ctx.res, 200, body);

  return new Router()
    .on('GET', '/v1/me', (ctx) => ok(ctx, store.me(ctx.userId)))
    .on('GET', '/v1/notifications', (ctx) => {
      const q = query(ctx, ListQuerySchema);
      sendCached(ctx, etag(ctx), () =>
        store.listNotifications(ctx.userId, {
          limit: q.limit,
          ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
          ...(q.category === undefined ? {} : { category: q.category }),
          ...(q.trackId === undefined ? {} : { trackId: q.trackId }),
          ...(q.unread === undefined ? {} : { unread: q.unread }),
        }),
      );
    })
    .on('POST', '/v1/notifications/read-all', async (ctx) => {
      const body = await readJson(ctx.req, ReadAllRequestSchema, bodyLimit, true);
      ok(ctx, store.readAll(ctx.userId, body.upToId));
    })
    .on('GET', '/v1/notifications/:id', (ctx) => ok(ctx, store.getNotification(ctx.userId, ctx.params.id!)))
    .on('DELETE', '/v1/notifications/:id', (ctx) => {
      store.dismiss(ctx.userId, ctx.params.id!);
      ctx.res.writeHead(204).end();
    })
    .on('POST', '/v1/notifications/:id/read', (ctx) => ok(ctx, store.markRead(ctx.userId, ctx.params.id!)))
    .on('POST', '/v1/notifications/:id/unread', (ctx) => ok(ctx, store.markUnread(ctx.userId, ctx.params.id!)))
    .on('POST', '/v1/notifications/:id/actions/:action', (ctx) => {
      const action = validate(ActionIdSchema, ctx.params.action);
      ok(ctx, store.runAction(ctx.userId, ctx.params.id!, action));
    })
    .on('GET', '/v1/invitations', (ctx) => {
      const q = query(ctx, InvitationQuerySchema);
      sendCached(ctx, etag(ctx), () => ({ items: store.listInvitations(ctx.userId, q.status, q.trackId) }));
    })
    .on('POST', '/v1/invitations/:id/accept', (ctx) => ok(ctx, store.acceptInvitation(ctx.userId, ctx.params.id!)))
    .on('POST', '/v1/invitations/:id/decline', (ctx) => ok(ctx, store.declineInvitation(ctx.userId, ctx.params.id!)))
    .on('GET', '/v1/preferences', (ctx) => ok(ctx, store.getPreferences(ctx.userId)))
    .on('PUT', '/v1/preferences', async (ctx) => {
      const body = await readJson(ctx.req, PreferencesUpdateSchema, bodyLimit);
      ok(ctx, store.savePreferences(ctx.userId, body));
    })
    .on('GET', '/v1/counts', (ctx) => sendCached(ctx, etag(ctx), () => store.counts(ctx.userId)))
    .on('GET', '/v1/tracks', (ctx) => ok(ctx, { items: store.listTracks(ctx.userId) }))
    .on('GET', '/v1/tracks/:id', (ctx) => ok(ctx, store.getTrack(ctx.userId, ctx.params.id!)))
    .on('GET', '/v1/syncs', (ctx) => ok(ctx, { items: store.listSyncs(ctx.userId) }))
    .on('GET', '/v1/events', openStream);
}
