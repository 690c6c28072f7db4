// Generated from schema.ts by scripts/write-wire-checks.ts (npm run build:schema): do not edit.
import type { Acceptance, ActionResult, Actor, BulkResult, Channels, Counts, Invitation, InvitationList, Notification, NotificationPage, NotificationRef, Preferences, ReadAllResult, ReadyEvent, ResetEvent, SyncList, SyncProgress, Track, TrackList, User } from './types.js';
import type { TypedWireCheck } from './wire-check.js';

export const ActorCheck: TypedWireCheck<Actor> = ['o', { id: ['s', 1, 128], name: ['s', null, 200], avatarUrl: ['?', ['N', ['s', null, 2048, "^[hH][tT][tT][pP][sS]?:\\/\\/"]]] }, false];
export const NotificationCheck: TypedWireCheck<Notification> = ['o', { id: ['s', 1, 128], version: ['i', 1], type: 's', category: ['e', "collaboration", "deadline", "workflow", "reminder", "system", "support"], title: ['s', null, 500], message: ['s', null, 5000], createdAt: 't', readAt: ['N', 't'], priority: ['e', "normal", "high"], trackId: ['?', ['N', ['s', 1, 128]]], trackName: ['?', ['N', ['s', null, 200]]], widget: ['?', ['N', ['s', null, 100]]], invitationId: ['?', ['N', ['s', 1, 128]]], actor: ['?', ['N', ActorCheck]], actions: ['a', ['e', "accept-invite", "feedback-resolved", "feedback-still-open", "feedback-not-needed"]], actionTaken: ['?', ['N', ['e', "accept-invite", "feedback-resolved", "feedback-still-open", "feedback-not-needed"]]], seenAt: ['?', ['N', 't']], archivedAt: ['?', ['N', 't']], snoozedUntil: ['?', ['N', 't']], groupKey: ['?', ['N', ['s', 1, 200]]] }, false];
export const NotificationPageCheck: TypedWireCheck<NotificationPage> = ['o', { items: ['a', NotificationCheck], nextCursor: ['N', 's'], total: ['?', ['i', 0]] }, false];
export const NotificationRefCheck: TypedWireCheck<NotificationRef> = ['o', { id: ['s', 1, 128], version: 'i' }, false];
export const ReadAllResultCheck: TypedWireCheck<ReadAllResult> = ['o', { readAt: 't', items: ['a', NotificationRefCheck] }, false];
export const BulkResultCheck: TypedWireCheck<BulkResult> = ['o', { op: ['e', "read", "unread", "seen", "archive", "unarchive"], at: 't', items: ['a', NotificationRefCheck] }, false];
export const InvitationCheck: TypedWireCheck<Invitation> = ['o', { id: ['s', 1, 128], version: ['i', 1], track: ['o', { id: ['s', 1, 128], name: ['s', null, 200], artworkUrl: ['N', ['s', null, 2048, "^[hH][tT][tT][pP][sS]?:\\/\\/"]] }, false], sender: ActorCheck, permission: ['e', "view", "edit", "full"], status: ['e', "pending", "accepted", "declined"], sentAt: 't', respondedAt: ['N', 't'] }, false];
export const InvitationListCheck: TypedWireCheck<InvitationList> = ['o', { items: ['a', InvitationCheck] }, false];
export const TrackCheck: TypedWireCheck<Track> = ['o', { id: ['s', 1, 128], name: ['s', null, 200], artworkUrl: ['N', ['s', null, 2048, "^[hH][tT][tT][pP][sS]?:\\/\\/"]], stage: ['e', "idea", "editing", "mixing", "mastering", "ready", "published"], dueDate: ['N', 't'], ownerId: ['s', 1, 128], permission: ['e', "view", "edit", "full"] }, false];
export const TrackListCheck: TypedWireCheck<TrackList> = ['o', { items: ['a', TrackCheck] }, false];
export const SyncProgressCheck: TypedWireCheck<SyncProgress> = ['o', { trackId: ['s', 1, 128], filesDone: ['i', 0], filesTotal: ['i', 0], done: 'b' }, false];
export const SyncListCheck: TypedWireCheck<SyncList> = ['o', { items: ['a', SyncProgressCheck] }, false];
export const AcceptanceCheck: TypedWireCheck<Acceptance> = ['o', { invitation: InvitationCheck, track: TrackCheck, permission: ['e', "view", "edit", "full"], sync: SyncProgressCheck }, false];
export const ActionResultCheck: TypedWireCheck<ActionResult> = ['o', { notification: NotificationCheck, acceptance: ['?', AcceptanceCheck] }, false];
export const ChannelsCheck: TypedWireCheck<Channels> = ['o', { inApp: 'b', email: 'b', browser: ['?', 'b'] }, false];
export const PreferencesCheck: TypedWireCheck<Preferences> = ['o', { version: ['i', 1], categories: ['o', { trackActivity: ['o', { enabled: 'b', options: ['o', { comment: 'b', "stage-changed": 'b', "metadata-updated": 'b', published: 'b' }, true], channels: ChannelsCheck }, false], collaborators: ['o', { enabled: 'b', options: ['o', { invitation: 'b', membership: 'b', "profile-changed": 'b' }, true], channels: ChannelsCheck }, false], dueDates: ['o', { enabled: 'b', options: ['o', { "due-reminder": 'b', "due-passed": 'b', overdue: 'b' }, true], channels: ChannelsCheck }, false], projects: ['o', { enabled: 'b', options: ['o', { "track-added": 'b', "bucket-changed": 'b', "project-announcement": 'b' }, true], channels: ChannelsCheck }, false], system: ['o', { enabled: 'b', options: ['o', { "security-alert": 'b', "account-verification": 'b', "service-announcement": 'b' }, true], channels: ChannelsCheck }, false] }, true], reminderLeadDays: ['e', 1, 3, 7], updatedAt: 't' }, false];
export const CountsCheck: TypedWireCheck<Counts> = ['o', { unreadNotifications: ['i', 0], unseenNotifications: ['?', ['i', 0]], pendingInvitations: ['i', 0] }, false];
export const UserCheck: TypedWireCheck<User> = ['o', { id: ['s', 1, 128], name: ['s', null, 200], avatarUrl: ['N', ['s', null, 2048, "^[hH][tT][tT][pP][sS]?:\\/\\/"]], email: ['?', ['N', ['s', null, 320]]] }, false];
export const ReadyEventCheck: TypedWireCheck<ReadyEvent> = ['o', { heartbeatMs: ['i', 1], serverTime: 't', counts: ['?', CountsCheck] }, false];
export const ResetEventCheck: TypedWireCheck<ResetEvent> = ['o', { reason: ['e', "unknown-id", "too-old"] }, false];

/** The check of each stream event’s data, by event name. */
export const EVENT_CHECKS = {
  "ready": ReadyEventCheck,
  "reset": ResetEventCheck,
  "notification.created": NotificationCheck,
  "notification.updated": NotificationCheck,
  "notification.removed": NotificationRefCheck,
  "notifications.read": ReadAllResultCheck,
  "notifications.bulk": BulkResultCheck,
  "counts": CountsCheck,
  "invitation.created": InvitationCheck,
  "invitation.updated": InvitationCheck,
  "preferences.updated": PreferencesCheck,
  "sync.progress": SyncProgressCheck,
} as const;
