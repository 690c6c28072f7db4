/**
 * The pd-notify protocol, written once.
 *
 * These valibot schemas are the single source of truth: the TypeScript types are
 * inferred from them (`types.ts`), the server validates request bodies with them,
 * the client validates server payloads with them, and `docs/openapi.json` is
 * generated from them (`scripts/write-openapi.ts`).
 */
import * as v from 'valibot';
import { ACTION_IDS, BULK_OPS, CATEGORIES, NOTIFICATION_TYPES, PREFERENCE_OPTIONS, STAGES } from './constants.js';

export * from './constants.js';

const timestamp = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.description('An RFC 3339 date-time in UTC, e.g. 2026-11-23T09:00:00.000Z'),
);
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.regex(/^[hH][tT][tT][pP][sS]?:\/\//),
  v.description('An absolute http(s) URL; any other scheme is refused.'),
);

export const CategorySchema = v.picklist(CATEGORIES);

export const NotificationTypeSchema = v.picklist(NOTIFICATION_TYPES);

export const PrioritySchema = v.picklist(['normal', 'high']);

export const ActionIdSchema = v.picklist(ACTION_IDS);

export const ActorSchema = v.object({
  id,
  name: v.pipe(v.string(), v.maxLength(200)),
  avatarUrl: v.optional(v.nullable(httpUrl)),
});

export const NotificationSchema = v.object({
  id,
  /** Increases by one on every change; a client never lets an older version overwrite a newer one. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  type: NotificationTypeSchema,
  category: CategorySchema,
  title: v.pipe(v.string(), v.maxLength(500)),
  message: v.pipe(v.string(), v.maxLength(5000)),
  createdAt: timestamp,
  readAt: v.nullable(timestamp),
  priority: PrioritySchema,
  trackId: v.optional(v.nullable(id)),
  trackName: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.maxLength(200),
        v.description(
          "The track's name, as the user sees it, for a feed that writes its own phrasing (a group's title: “Ben Okafor and 2 others commented on …”). Absent: a server older than this field.",
        ),
      ),
    ),
  ),
  widget: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100)))),
  invitationId: v.optional(v.nullable(id)),
  actor: v.optional(v.nullable(ActorSchema)),
  actions: v.array(ActionIdSchema),
  /** The action the user already took, if any (actions are then spent). */
  actionTaken: v.optional(v.nullable(ActionIdSchema)),
  seenAt: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.isoTimestamp(),
        v.description(
          'When the user first had it on screen (marking read also marks seen). Absent: a server older than this field.',
        ),
      ),
    ),
  ),
  archivedAt: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.isoTimestamp(),
        v.description(
          'When it was archived (it is then read and out of the default list). Absent: a server older than this field.',
        ),
      ),
    ),
  ),
  snoozedUntil: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.isoTimestamp(),
        v.description(
          'While snoozed, when it comes back (out of the default list until then). Absent: a server older than this field.',
        ),
      ),
    ),
  ),
  groupKey: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.minLength(1),
        v.maxLength(200),
        v.description(
          'Notifications with the same key read well together (comments on one track, stage changes of one track, invitations from one person): a feed may show consecutive ones as one row. Null for those that stand alone. Absent: a server older than this field.',
        ),
      ),
    ),
  ),
});

export const NotificationPageSchema = v.object({
  items: v.array(NotificationSchema),
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: v.nullable(v.string()),
  total: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      v.description(
        'How many items match the filters on every page together (for "select all N matching"). Absent: a server older than this field.',
      ),
    ),
  ),
});

export const NotificationRefSchema = v.object({ id, version: v.pipe(v.number(), v.integer()) });

export const ReadAllRequestSchema = v.object({
  /**
   * The newest notification the user has seen. It and every older unread item are
   * marked read; items newer than it (arrived meanwhile) stay unread. Without it,
   * every unread item at the time of the request is marked read.
   */
  upToId: v.optional(id),
});

export const ReadAllResultSchema = v.object({
  readAt: timestamp,
  items: v.array(NotificationRefSchema),
});

/** A search: 2 to 100 characters, at least two of them not white space (see docs/protocol.md for the matching). */
export const SearchQuerySchema = v.pipe(
  v.string(),
  v.minLength(2),
  v.maxLength(100),
  v.regex(/\S[\s\S]*\S/, 'At least two characters that are not white space'),
);

export const SeenRequestSchema = v.object({
  /** These notifications (at most 100) become seen. Exactly one of `ids` and `upToId`. */
  ids: v.optional(v.pipe(v.array(id), v.minLength(1), v.maxLength(100))),
  /** It and every older unseen notification become seen. Exactly one of `ids` and `upToId`. */
  upToId: v.optional(id),
});

export const SnoozeRequestSchema = v.object({
  /** When it comes back: in the future, at most a year ahead. */
  until: timestamp,
});

/** What a bulk change does to each item (see docs/protocol.md for each one's fields). */
export const BulkOpSchema = v.picklist(BULK_OPS);

/**
 * The list's own filters, for a bulk change of every item that matches. Each
 * absent boolean is false, as in the list (so `{}` is the inbox). Unknown keys
 * are refused: a filter a server does not know must never widen a change.
 */
export const BulkFilterSchema = v.strictObject({
  category: v.optional(CategorySchema),
  trackId: v.optional(id),
  unread: v.optional(v.boolean()),
  archived: v.optional(v.boolean()),
  snoozed: v.optional(v.boolean()),
  q: v.optional(SearchQuerySchema),
});

export const BulkRequestSchema = v.object({
  op: BulkOpSchema,
  /** These notifications (at most 500). Exactly one of `ids` and `filter`. */
  ids: v.optional(v.pipe(v.array(id), v.minLength(1), v.maxLength(500))),
  /** Every notification that matches. Exactly one of `ids` and `filter`. */
  filter: v.optional(BulkFilterSchema),
  /**
   * With `filter` only: the newest item the user saw match (the top of their
   * list); items newer than it, arrived meanwhile, are left alone.
   */
  upToId: v.optional(id),
});

/**
 * What a batch change changed (`POST /v1/notifications/bulk`, `POST
 * /v1/notifications/seen`, and the `notifications.bulk` event): the op, its
 * time, and each changed item with its new version. Items it left as they were
 * are not listed.
 */
export const BulkResultSchema = v.object({
  op: BulkOpSchema,
  at: timestamp,
  items: v.array(NotificationRefSchema),
});

export const PermissionSchema = v.picklist(['view', 'edit', 'full']);
export const InvitationStatusSchema = v.picklist(['pending', 'accepted', 'declined']);

export const TrackRefSchema = v.object({
  id,
  name: v.pipe(v.string(), v.maxLength(200)),
  artworkUrl: v.nullable(httpUrl),
});

export const InvitationSchema = v.object({
  id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  track: TrackRefSchema,
  sender: ActorSchema,
  permission: PermissionSchema,
  status: InvitationStatusSchema,
  sentAt: timestamp,
  respondedAt: v.nullable(timestamp),
});

export const InvitationListSchema = v.object({ items: v.array(InvitationSchema) });

export const StageSchema = v.picklist(STAGES);

export const TrackSchema = v.object({
  id,
  name: v.pipe(v.string(), v.maxLength(200)),
  artworkUrl: v.nullable(httpUrl),
  stage: StageSchema,
  dueDate: v.nullable(timestamp),
  ownerId: id,
  /** The requesting user's permission on this track (`full` for the owner). */
  permission: PermissionSchema,
});

export const TrackListSchema = v.object({ items: v.array(TrackSchema) });

export const SyncProgressSchema = v.object({
  trackId: id,
  filesDone: v.pipe(v.number(), v.integer(), v.minValue(0)),
  filesTotal: v.pipe(v.number(), v.integer(), v.minValue(0)),
  done: v.boolean(),
});

export const SyncListSchema = v.object({ items: v.array(SyncProgressSchema) });

export const AcceptanceSchema = v.object({
  invitation: InvitationSchema,
  track: TrackSchema,
  permission: PermissionSchema,
  sync: SyncProgressSchema,
});

export const ActionResultSchema = v.object({
  notification: NotificationSchema,
  /** Present when the action was `accept-invite`. */
  acceptance: v.optional(AcceptanceSchema),
});

/**
 * Where a category's notifications reach the user. `browser` (a system
 * notification while no page of the app is in front) is left out by servers
 * older than it: absent means off.
 */
export const ChannelsSchema = v.object({
  inApp: v.boolean(),
  email: v.boolean(),
  browser: v.optional(
    v.pipe(
      v.boolean(),
      v.description(
        'System notifications in the browser (default off). Absent (a server older than this channel): off. In a save, absent: the stored value is kept.',
      ),
    ),
  ),
});

function categoryPreferences<const O extends readonly string[]>(options: O) {
  return v.object({
    /** The category's main switch. Off: nothing of the category is produced. */
    enabled: v.boolean(),
    options: v.strictObject(
      Object.fromEntries(options.map((option) => [option, v.boolean()])) as {
        [K in O[number]]: v.BooleanSchema<undefined>;
      },
    ),
    channels: ChannelsSchema,
  });
}

export const PreferenceCategoriesSchema = v.strictObject({
  trackActivity: categoryPreferences(PREFERENCE_OPTIONS.trackActivity),
  collaborators: categoryPreferences(PREFERENCE_OPTIONS.collaborators),
  dueDates: categoryPreferences(PREFERENCE_OPTIONS.dueDates),
  projects: categoryPreferences(PREFERENCE_OPTIONS.projects),
  system: categoryPreferences(PREFERENCE_OPTIONS.system),
});

export const ReminderLeadDaysSchema = v.picklist([1, 3, 7]);

export const PreferencesSchema = v.object({
  /** Increases on every save. Saving with an older version answers 409. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  categories: PreferenceCategoriesSchema,
  reminderLeadDays: ReminderLeadDaysSchema,
  updatedAt: timestamp,
});

export const PreferencesUpdateSchema = v.strictObject({
  /** The version the edit was based on. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  categories: PreferenceCategoriesSchema,
  reminderLeadDays: ReminderLeadDaysSchema,
});

export const CountsSchema = v.object({
  unreadNotifications: v.pipe(v.number(), v.integer(), v.minValue(0)),
  unseenNotifications: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      v.description(
        'Notifications of the default list (not archived, not snoozed) not yet seen. Absent: a server older than this field.',
      ),
    ),
  ),
  pendingInvitations: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const UserSchema = v.object({
  id,
  name: v.pipe(v.string(), v.maxLength(200)),
  avatarUrl: v.nullable(httpUrl),
  email: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.maxLength(320),
        v.description(
          'Where email notifications go. Null: the user has no address; absent: a server older than this field.',
        ),
      ),
    ),
  ),
});

/** RFC 9457 problem details; `type` is one of `PROBLEM_TYPES`. */
export const ProblemSchema = v.object({
  type: v.string(),
  title: v.string(),
  status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)),
  detail: v.optional(v.string()),
  /** For 400s: the JSON path of the offending field, e.g. `categories.system.enabled`. */
  field: v.optional(v.string()),
});

/**
 * Sent once the stream has caught up (after any replay): where it stands, how
 * often heartbeats come, and the counts at that point (so a bell needs no other
 * request; a server may leave them out, and clients then ask `GET /v1/counts`).
 */
export const ReadyEventSchema = v.object({
  heartbeatMs: v.pipe(v.number(), v.integer(), v.minValue(1)),
  serverTime: timestamp,
  counts: v.optional(CountsSchema),
});

/** Sent instead of a replay when `Last-Event-ID` is unknown or older than the log: resync. */
export const ResetEventSchema = v.object({
  reason: v.picklist(['unknown-id', 'too-old']),
});

export const NotificationRemovedEventSchema = NotificationRefSchema;

/** Every event on the stream: its `event:` name and the schema of its `data:`. */
export const EVENT_SCHEMAS = {
  ready: ReadyEventSchema,
  reset: ResetEventSchema,
  'notification.created': NotificationSchema,
  'notification.updated': NotificationSchema,
  'notification.removed': NotificationRemovedEventSchema,
  'notifications.read': ReadAllResultSchema,
  'notifications.bulk': BulkResultSchema,
  counts: CountsSchema,
  'invitation.created': InvitationSchema,
  'invitation.updated': InvitationSchema,
  'preferences.updated': PreferencesSchema,
  'sync.progress': SyncProgressSchema,
} as const;
export type EventName = keyof typeof EVENT_SCHEMAS;
export const EVENT_NAMES = Object.keys(EVENT_SCHEMAS) as EventName[];

/** The named schemas that appear in the OpenAPI document's `components.schemas`. */
export const COMPONENT_SCHEMAS = {
  Notification: NotificationSchema,
  NotificationPage: NotificationPageSchema,
  NotificationRef: NotificationRefSchema,
  ReadAllRequest: ReadAllRequestSchema,
  ReadAllResult: ReadAllResultSchema,
  SeenRequest: SeenRequestSchema,
  SnoozeRequest: SnoozeRequestSchema,
  BulkFilter: BulkFilterSchema,
  BulkRequest: BulkRequestSchema,
  BulkResult: BulkResultSchema,
  Invitation: InvitationSchema,
  InvitationList: InvitationListSchema,
  Track: TrackSchema,
  TrackList: TrackListSchema,
  SyncProgress: SyncProgressSchema,
  SyncList: SyncListSchema,
  Acceptance: AcceptanceSchema,
  ActionResult: ActionResultSchema,
  Preferences: PreferencesSchema,
  PreferencesUpdate: PreferencesUpdateSchema,
  Counts: CountsSchema,
  User: UserSchema,
  Problem: ProblemSchema,
  ReadyEvent: ReadyEventSchema,
  ResetEvent: ResetEventSchema,
} as const;
