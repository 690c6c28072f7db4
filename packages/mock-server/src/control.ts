/**
 * The control API (`/control/*`) for tests and demos: act as a collaborator,
 * move the clock, inject faults, reset. Off unless the server is started with
 * `control: true` (`--control`); never expose it to the internet.
 */
import {
  ActionIdSchema,
  NotificationTypeSchema,
  PermissionSchema,
  PrioritySchema,
  StageSchema,
} from '@pd-notify/protocol';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { ServerEnv } from './env.js';
import { FaultsSchema, type Faults } from './faults.js';
import { json, limitBody, query, readJson } from './json.js';
import { SEEDS, type SeedName } from './seed.js';
import type { Store } from './store/store.js';

const text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const isoDate = v.pipe(v.string(), v.isoTimestamp());
const httpUrl = v.pipe(v.string(), v.regex(/^[hH][tT][tT][pP][sS]?:\/\//));

export const ActSchema = v.variant('action', [
  v.strictObject({
    action: v.literal('invite'),
    as: text(64),
    trackId: text(128),
    userId: text(64),
    permission: PermissionSchema,
  }),
  v.strictObject({ action: v.literal('comment'), as: text(64), trackId: text(128), text: text(5000) }),
  v.strictObject({ action: v.literal('stage'), as: text(64), trackId: text(128), stage: StageSchema }),
  v.strictObject({
    action: v.literal('metadata'),
    as: text(64),
    trackId: text(128),
    name: v.optional(text(200)),
    artworkUrl: v.optional(v.nullable(httpUrl)),
    dueDate: v.optional(v.nullable(isoDate)),
  }),
  v.strictObject({
    action: v.literal('notify'),
    userId: text(64),
    type: NotificationTypeSchema,
    title: v.pipe(v.string(), v.maxLength(500)),
    message: v.pipe(v.string(), v.maxLength(5000)),
    priority: v.optional(PrioritySchema),
    trackId: v.optional(text(128)),
    widget: v.optional(text(100)),
    actions: v.optional(v.array(ActionIdSchema)),
    /** Create this many at once (titles get " 1", " 2", … appended). */
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000))),
  }),
]);

export interface ControlOptions {
  store: () => Store;
  faults: Faults;
  bodyLimit: number;
  reset: (seed: SeedName) => void;
  restart: () => void;
  dropStreams: () => void;
  streamCounts: () => Record<string, number>;
}

export function controlRoutes(options: ControlOptions): Hono<ServerEnv> {
  const { faults } = options;
  const read = <S extends v.GenericSchema>(c: Context<ServerEnv>, schema: S) => readJson(c, schema, true);
  const limit = limitBody(options.bodyLimit);

  return new Hono<ServerEnv>()
    .use('/control/*', async (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next)))
    .get('/control/state', () => {
      const store = options.store();
      return json(200, {
        now: store.clock.iso(),
        epoch: store.log.epoch,
        streams: options.streamCounts(),
        faults: faults.settings,
      });
    })
    .get('/control/outbox', (c) => {
      const { userId } = query(c, v.object({ userId: v.optional(text(64)) }));
      return json(200, { items: options.store().outbox(userId) });
    })
    .post('/control/reset', async (c) => {
      const body = await read(c, v.object({ seed: v.optional(v.picklist(SEEDS), 'demo') }));
      options.reset(body.seed);
      return json(200, { seed: body.seed });
    })
    .post('/control/restart', () => {
      options.restart();
      return json(200, { epoch: options.store().log.epoch });
    })
    .post('/control/streams/drop', () => {
      options.dropStreams();
      return json(200, {});
    })
    .post('/control/clock/advance', async (c) => {
      const body = await read(c, v.object({ ms: v.pipe(v.number(), v.minValue(0), v.maxValue(400 * 86_400_000)) }));
      const store = options.store();
      store.clock.advance(body.ms);
      return json(200, { now: store.clock.iso() });
    })
    .post('/control/faults', async (c) => {
      faults.set(await read(c, FaultsSchema));
      return json(200, faults.settings);
    })
    .delete('/control/faults', () => {
      faults.clear();
      return json(200, {});
    })
    .post('/control/tokens', async (c) => {
      const body = await read(
        c,
        v.object({ userId: text(64), ttlMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
      );
      return json(200, { token: options.store().issueToken(body.userId, body.ttlMs) });
    })
    .post('/control/act', async (c) => {
      const body = await read(c, ActSchema);
      const store = options.store();
      switch (body.action) {
        case 'invite':
          return json(200, store.invite(body.as, body.trackId, body.userId, body.permission));
        case 'comment':
          return json(200, { delivered: store.comment(body.as, body.trackId, body.text) });
        case 'stage':
          return json(200, { delivered: store.changeStage(body.as, body.trackId, body.stage) });
        case 'metadata': {
          const { action: _action, as, trackId, ...change } = body;
          return json(200, { delivered: store.updateMetadata(as, trackId, change) });
        }
        case 'notify': {
          const { action: _action, userId, count, ...input } = body;
          store.me(userId);
          if (count === undefined) return json(200, { notification: store.deliver(userId, input) });
          for (let i = 1; i <= count; i++) store.deliver(userId, { ...input, title: `${input.title} ${i}` });
          return json(200, { delivered: count });
        }
      }
    });
}
