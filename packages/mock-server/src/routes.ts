/** The `/v1` protocol endpoints (see docs/protocol.md). */
import {
  ActionIdSchema,
  CategorySchema,
  InvitationStatusSchema,
  PreferencesUpdateSchema,
  ReadAllRequestSchema,
} from '@pd-notify/protocol';
import * as v from 'valibot';
import { Router, cached, json, readJson, validate, type Context, type Handler } from './http.js';
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

const ActionParamsSchema = v.object({ actionId: ActionIdSchema });

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
  openStream: Handler;
}

export function protocolRoutes({ store, bodyLimit, openStream }: RouteOptions): Router {
  /** The state of everything a user can see: the id of their newest event. */
  const etag = (ctx: Context): string => store.log.latestId(ctx.userId);
  const ok = (body: unknown): Response => json(200, body);

  return new Router()
    .on('GET', '/v1/me', (ctx) => ok(store.me(ctx.userId)))
    .on('GET', '/v1/notifications', (ctx) => {
      const q = query(ctx, ListQuerySchema);
      return cached(ctx, etag(ctx), () =>
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
      const body = await readJson(ctx.request, ReadAllRequestSchema, bodyLimit, true);
      return ok(store.readAll(ctx.userId, body.upToId));
    })
    .on('GET', '/v1/notifications/:notificationId', (ctx) =>
      ok(store.getNotification(ctx.userId, ctx.params.notificationId!)),
    )
    .on('DELETE', '/v1/notifications/:notificationId', (ctx) => {
      store.dismiss(ctx.userId, ctx.params.notificationId!);
      return new Response(null, { status: 204 });
    })
    .on('POST', '/v1/notifications/:notificationId/read', (ctx) =>
      ok(store.markRead(ctx.userId, ctx.params.notificationId!)),
    )
    .on('POST', '/v1/notifications/:notificationId/unread', (ctx) =>
      ok(store.markUnread(ctx.userId, ctx.params.notificationId!)),
    )
    .on('POST', '/v1/notifications/:notificationId/actions/:actionId', (ctx) => {
      const { actionId } = validate(ActionParamsSchema, ctx.params);
      return ok(store.runAction(ctx.userId, ctx.params.notificationId!, actionId));
    })
    .on('GET', '/v1/invitations', (ctx) => {
      const q = query(ctx, InvitationQuerySchema);
      return cached(ctx, etag(ctx), () => ({ items: store.listInvitations(ctx.userId, q.status, q.trackId) }));
    })
    .on('POST', '/v1/invitations/:invitationId/accept', (ctx) =>
      ok(store.acceptInvitation(ctx.userId, ctx.params.invitationId!)),
    )
    .on('POST', '/v1/invitations/:invitationId/decline', (ctx) =>
      ok(store.declineInvitation(ctx.userId, ctx.params.invitationId!)),
    )
    .on('GET', '/v1/preferences', (ctx) => ok(store.getPreferences(ctx.userId)))
    .on('PUT', '/v1/preferences', async (ctx) => {
      const body = await readJson(ctx.request, PreferencesUpdateSchema, bodyLimit);
      return ok(store.savePreferences(ctx.userId, body));
    })
    .on('GET', '/v1/counts', (ctx) => cached(ctx, etag(ctx), () => store.counts(ctx.userId)))
    .on('GET', '/v1/tracks', (ctx) => ok({ items: store.listTracks(ctx.userId) }))
    .on('GET', '/v1/tracks/:trackId', (ctx) => ok(store.getTrack(ctx.userId, ctx.params.trackId!)))
    .on('GET', '/v1/syncs', (ctx) => ok({ items: store.listSyncs(ctx.userId) }))
    .on('GET', '/v1/events', openStream);
}
