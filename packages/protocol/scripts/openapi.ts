/**
 * Builds the OpenAPI 3.1 document of the protocol. Components come from the
 * valibot schemas (the single source of truth); paths are described here once.
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema';
import { COMPONENT_SCHEMAS, EVENT_NAMES, EVENT_SCHEMAS } from '../src/index.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string): Json => ({ 'application/json': { schema: ref(name) } });
const ok = (name: string, description = 'OK'): Json => ({ description, content: json(name) });
const problem = (name: string): Json => ({ $ref: `#/components/responses/${name}` });
/** Refusals any request can get: no or a bad token, a foreign origin, the rate limit, server trouble. */
const ALWAYS = ['401', '403', '429', '500', '503'];
/** The operation's own refusals, then every one in `ALWAYS`, in status order. */
const errors = (...codes: string[]): Json =>
  Object.fromEntries(
    [...new Set([...codes, ...ALWAYS])].sort().map((code) => [code, problem(PROBLEM_RESPONSES[code]!)]),
  );
/** Refusals of an operation with a JSON body. */
const BODY = ['400', '413', '415'];
/** Refusals of an operation on a path id: a mis-encoded id (400), nothing of this user's (404). */
const ID = ['400', '404'];

const PROBLEM_RESPONSES: Record<string, string> = {
  '400': 'BadRequest',
  '401': 'Unauthorized',
  '403': 'OriginNotAllowed',
  '404': 'NotFound',
  '409': 'Conflict',
  '413': 'PayloadTooLarge',
  '415': 'UnsupportedMediaType',
  '422': 'IdempotencyKeyReused',
  '429': 'RateLimited',
  '500': 'ServerError',
  '503': 'Unavailable',
};

const etag = { ETag: { required: true, schema: { type: 'string' } } };
/** A 200 of a cached list or count, and the 304 that answers a matching If-None-Match. */
const cached = (name: string): Json => ({
  '200': { description: 'OK', headers: etag, content: json(name) },
  '304': { description: 'Not modified: the `If-None-Match` tag still matches', headers: etag },
});

const idParam = (name: string, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});

const pathParams = {
  notificationId: idParam('notificationId', 'A notification of the requesting user.'),
  invitationId: idParam('invitationId', 'An invitation addressed to the requesting user.'),
  trackId: idParam('trackId', 'A track the requesting user owns or collaborates on.'),
};

const paths: Json = {
  '/v1/me': {
    get: {
      operationId: 'getMe',
      summary: 'The user the token belongs to',
      responses: { '200': ok('User'), ...errors() },
    },
  },
  '/v1/notifications': {
    get: {
      operationId: 'listNotifications',
      summary: 'Notifications, newest first, one page at a time',
      description:
        'Keyset pagination: `nextCursor` points after the last item of the page, so items that arrive meanwhile never shift later pages. Supports `If-None-Match` (304 when nothing changed).',
      parameters: [
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        { name: 'cursor', in: 'query', schema: { type: 'string' } },
        {
          name: 'category',
          in: 'query',
          schema: { type: 'string', enum: ['collaboration', 'deadline', 'workflow', 'reminder', 'system', 'support'] },
        },
        { name: 'trackId', in: 'query', schema: { type: 'string' } },
        { name: 'unread', in: 'query', schema: { type: 'boolean' } },
        {
          name: 'archived',
          in: 'query',
          description: '`true`: only archived items; `false` (the default): none.',
          schema: { type: 'boolean', default: false },
        },
        {
          name: 'snoozed',
          in: 'query',
          description: '`true`: only snoozed items; `false` (the default): none.',
          schema: { type: 'boolean', default: false },
        },
        {
          name: 'q',
          in: 'query',
          description:
            'A search, case- and accent-insensitive, over the title, the message, the actor’s name and the track’s name: every word must appear in one of them.',
          schema: { type: 'string', minLength: 2, maxLength: 100, pattern: '\\S[\\s\\S]*\\S' },
        },
      ],
      responses: { ...cached('NotificationPage'), ...errors('400') },
    },
  },
  '/v1/notifications/seen': {
    post: {
      operationId: 'markSeen',
      summary: 'Mark notifications seen: these ids, or every one up to a point',
      description:
        'Exactly one of `ids` (at most 100) and `upToId` (it and every older unseen notification). Answers what changed (`op: "seen"`), also sent as one `notifications.bulk` event.',
      requestBody: { required: true, content: json('SeenRequest') },
      responses: { '200': ok('BulkResult'), ...errors(...BODY, '404') },
    },
  },
  '/v1/notifications/bulk': {
    post: {
      operationId: 'bulkChange',
      summary: 'Read, unread, seen, archive or unarchive many notifications at once',
      description:
        'Exactly one of `ids` (at most 500; every one must be the user’s, else 404 and nothing changes) and `filter` (every notification that matches, up to `upToId` when given). Answers what changed, also sent as one `notifications.bulk` event.',
      requestBody: { required: true, content: json('BulkRequest') },
      responses: { '200': ok('BulkResult'), ...errors(...BODY, '404') },
    },
  },
  '/v1/notifications/{notificationId}': {
    parameters: [pathParams.notificationId],
    get: {
      operationId: 'getNotification',
      summary: 'One notification',
      responses: { '200': ok('Notification'), ...errors(...ID) },
    },
    delete: {
      operationId: 'dismissNotification',
      summary: 'Dismiss (remove) a notification without navigating',
      responses: { '204': { description: 'Dismissed' }, ...errors(...ID) },
    },
  },
  '/v1/notifications/{notificationId}/read': {
    parameters: [pathParams.notificationId],
    post: {
      operationId: 'markRead',
      summary: 'Mark read (idempotent)',
      responses: { '200': ok('Notification'), ...errors(...ID) },
    },
  },
  '/v1/notifications/{notificationId}/unread': {
    parameters: [pathParams.notificationId],
    post: {
      operationId: 'markUnread',
      summary: 'Mark unread (idempotent)',
      responses: { '200': ok('Notification'), ...errors(...ID) },
    },
  },
  '/v1/notifications/{notificationId}/archive': {
    parameters: [pathParams.notificationId],
    post: {
      operationId: 'archive',
      summary: 'Archive (restorable): out of the default list, and read',
      responses: { '200': ok('Notification'), ...errors(...ID) },
    },
  },
  '/v1/notifications/{notificationId}/unarchive': {
    parameters: [pathParams.notificationId],
    post: {
      operationId: 'unarchive',
      summary: 'Restore an archived notification to the default list',
      responses: { '200': ok('Notification'), ...errors(...ID) },
    },
  },
  '/v1/notifications/{notificationId}/snooze': {
    parameters: [pathParams.notificationId],
    post: {
      operationId: 'snooze',
      summary: 'Snooze until a time: out of the default list, back unread on top when it comes',
      description:
        '`until` must be in the future and at most a year ahead (400 otherwise). Snoozing an archived item takes it out of the archive.',
      requestBody: { required: true, content: json('SnoozeRequest') },
      responses: { '200': ok('Notification'), ...errors(...BODY, ...ID) },
    },
  },
  '/v1/notifications/{notificationId}/unsnooze': {
    parameters: [pathParams.notificationId],
    post: {
      operationId: 'unsnooze',
      summary: 'Back to the default list now, where it was',
      responses: { '200': ok('Notification'), ...errors(...ID) },
    },
  },
  '/v1/notifications/read-all': {
    post: {
      operationId: 'markAllRead',
      summary: 'Mark every notification up to a point read',
      requestBody: { required: false, content: json('ReadAllRequest') },
      responses: { '200': ok('ReadAllResult'), ...errors(...BODY, '404') },
    },
  },
  '/v1/notifications/{notificationId}/actions/{actionId}': {
    parameters: [
      pathParams.notificationId,
      {
        name: 'actionId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          enum: ['accept-invite', 'feedback-resolved', 'feedback-still-open', 'feedback-not-needed'],
        },
      },
    ],
    post: {
      operationId: 'runAction',
      summary: "Run one of the notification's actions",
      description:
        "The action must be listed in the notification's `actions` and not spent (409 otherwise). `accept-invite` accepts the linked invitation and answers with the acceptance.",
      responses: { '200': ok('ActionResult'), ...errors(...ID, '409') },
    },
  },
  '/v1/invitations': {
    get: {
      operationId: 'listInvitations',
      summary: 'Invitations, most recent first',
      parameters: [
        {
          name: 'status',
          in: 'query',
          schema: { type: 'string', enum: ['pending', 'accepted', 'declined'], default: 'pending' },
        },
        { name: 'trackId', in: 'query', schema: { type: 'string' } },
      ],
      responses: { ...cached('InvitationList'), ...errors('400') },
    },
  },
  '/v1/invitations/{invitationId}/accept': {
    parameters: [pathParams.invitationId],
    post: {
      operationId: 'acceptInvitation',
      summary: 'Accept: grants the permission and starts the file sync',
      description:
        'Answers with the track and the granted permission. Sync progress is then pushed as `sync.progress` events until `done`. The sender gets a `membership` notification.',
      responses: { '200': ok('Acceptance'), ...errors(...ID, '409') },
    },
  },
  '/v1/invitations/{invitationId}/decline': {
    parameters: [pathParams.invitationId],
    post: {
      operationId: 'declineInvitation',
      summary: 'Decline (dismiss) an invitation',
      responses: { '200': ok('Invitation'), ...errors(...ID, '409') },
    },
  },
  '/v1/preferences': {
    get: {
      operationId: 'getPreferences',
      summary: 'Notification preferences',
      responses: { '200': ok('Preferences'), ...errors() },
    },
    put: {
      operationId: 'savePreferences',
      summary: 'Save preferences; takes effect at once',
      description:
        'The body carries the `version` the edit started from. If another session saved meanwhile the answer is 409 and nothing changes.',
      requestBody: { required: true, content: json('PreferencesUpdate') },
      responses: { '200': ok('Preferences'), ...errors(...BODY, '409') },
    },
  },
  '/v1/counts': {
    get: {
      operationId: 'getCounts',
      summary: 'Unread and unseen notifications, and pending invitations',
      responses: { ...cached('Counts'), ...errors() },
    },
  },
  '/v1/tracks': {
    get: {
      operationId: 'listTracks',
      summary: 'Tracks the user owns or collaborates on',
      responses: { '200': ok('TrackList'), ...errors() },
    },
  },
  '/v1/tracks/{trackId}': {
    parameters: [pathParams.trackId],
    get: { operationId: 'getTrack', summary: 'One track', responses: { '200': ok('Track'), ...errors(...ID) } },
  },
  '/v1/syncs': {
    get: {
      operationId: 'listSyncs',
      summary: 'File-sync progress of accepted tracks',
      responses: { '200': ok('SyncList'), ...errors() },
    },
  },
  '/v1/events': {
    get: {
      operationId: 'streamEvents',
      summary: 'The event stream (Server-Sent Events)',
      description: `A \`text/event-stream\`. Every event has an \`id\` increasing per user. Send the last id seen in \`Last-Event-ID\` to resume: the missed events are replayed, or a \`reset\` event asks the client to resync. Event names: ${EVENT_NAMES.map((name) => `\`${name}\``).join(', ')}. A comment line is sent as heartbeat.`,
      parameters: [
        { name: 'Last-Event-ID', in: 'header', schema: { type: 'string', pattern: '^[a-z0-9]{1,16}-\\d{1,15}$' } },
      ],
      responses: {
        '200': { description: 'The stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...errors('400'),
      },
    },
  },
};

/** Every GET also as HEAD: the same responses, headers only. */
function withHead(all: Json): Json {
  return Object.fromEntries(
    Object.entries(all).map(([path, item]) => {
      const get = (item as Json).get as Json | undefined;
      if (!get) return [path, item];
      const responses = Object.fromEntries(
        Object.entries(get.responses as Record<string, Json>).map(([code, response]) => {
          const { content: _content, ...headersOnly } = response;
          return [code, headersOnly];
        }),
      );
      const head = {
        operationId: `${get.operationId as string}Head`,
        summary: `${get.summary as string}: headers only`,
        ...(get.parameters ? { parameters: get.parameters } : {}),
        responses,
      };
      return [path, { ...(item as Json), head }];
    }),
  );
}

const retryAfter = (required: boolean): Json => ({
  'Retry-After': {
    required,
    description: 'Seconds to wait, or an HTTP-date.',
    schema: { type: 'string' },
  },
});

const problemResponse = (description: string, extraHeaders: Json = {}): Json => ({
  description,
  headers: extraHeaders,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

/** Each stream event's name and the component schema of its `data`. */
function eventComponents(): Record<string, string> {
  const components = Object.entries(COMPONENT_SCHEMAS);
  return Object.fromEntries(
    EVENT_NAMES.map((name) => {
      const found = components.find(([, schema]) => schema === EVENT_SCHEMAS[name]);
      if (!found) throw new Error(`The event ${name} has no named component schema`);
      return [name, found[0]];
    }),
  );
}

/** Every operation that changes something takes an `Idempotency-Key` (and can be refused for reusing one). */
function withIdempotency(all: Json): Json {
  return Object.fromEntries(
    Object.entries(all).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item as Json).map(([method, operation]) => {
          if (!['post', 'put', 'delete'].includes(method)) return [method, operation];
          const op = operation as Json;
          return [
            method,
            {
              ...op,
              parameters: [
                ...((op.parameters as Json[] | undefined) ?? []),
                { $ref: '#/components/parameters/IdempotencyKey' },
              ],
              responses: Object.fromEntries(
                Object.entries({
                  ...(op.responses as Json),
                  '409': problem('Conflict'),
                  '422': problem('IdempotencyKeyReused'),
                }).sort(([a], [b]) => a.localeCompare(b)),
              ),
            },
          ];
        }),
      ),
    ]),
  );
}

/** The whole OpenAPI 3.1 document. */
export function buildOpenApi(): Json {
  const schemas = toJsonSchemaDefs(COMPONENT_SCHEMAS, { target: 'draft-2020-12' });
  const rewritten = JSON.parse(JSON.stringify(schemas).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const schema of Object.values(rewritten) as Json[]) delete schema.$schema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'pd-notify protocol',
      version: '1.0.0',
      description:
        'Generated from packages/protocol/src/schema.ts by `npm run build:schema`. Do not edit by hand; see docs/protocol.md. ' +
        'A method a path does not list is answered `MethodNotAllowed` (405, with `Allow`). Requests that cannot be parsed as HTTP are refused before any operation, with problem+json and `Connection: close`: 400 `malformed-request`, 408 `request-timeout`, 431 `headers-too-large`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearer: [] }],
    'x-pd-events': eventComponents(),
    paths: withHead(withIdempotency(paths)),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A key the client makes for this change (e.g. a random UUID). The same request sent again with the same key gets the first answer again (with `Idempotent-Replayed: true`) and is not applied twice; keys are kept 24 hours. Sent with another request, the key is refused (422); while its first request is still being handled, 409.',
          schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
        },
      },
      schemas: rewritten,
      responses: {
        BadRequest: problemResponse('The request is malformed; `field` names the offending field.'),
        Unauthorized: problemResponse('Missing, unknown or expired token.', {
          'WWW-Authenticate': { required: true, schema: { type: 'string' } },
        }),
        OriginNotAllowed: problemResponse('A browser origin outside the CORS allow-list.'),
        MethodNotAllowed: problemResponse('The path exists; the method does not. `Allow` lists its methods.', {
          Allow: { required: true, schema: { type: 'string' } },
        }),
        NotFound: problemResponse("No such resource for this user (another user's resource is also 404)."),
        Conflict: problemResponse(
          'Stale version, the resource is no longer in a state that allows this, or a request with the same `Idempotency-Key` is still being handled.',
        ),
        IdempotencyKeyReused: problemResponse('The `Idempotency-Key` was already used for another request.'),
        PayloadTooLarge: problemResponse('The body is larger than the server accepts.'),
        UnsupportedMediaType: problemResponse('The body is not application/json.'),
        RateLimited: problemResponse(
          'Too many requests for this token, or too many open streams for this user; retry after `Retry-After`.',
          retryAfter(true),
        ),
        ServerError: problemResponse('The server failed to handle the request.'),
        Unavailable: problemResponse(
          'The service is down or overloaded for a while; retry after `Retry-After` when sent.',
          retryAfter(false),
        ),
      },
    },
  };
}
