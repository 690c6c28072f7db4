/** TypeScript types of the protocol, inferred from the schemas (never written twice). */
import type * as v from 'valibot';
import type * as s from './schema.js';

export type Category = v.InferOutput<typeof s.CategorySchema>;
export type NotificationType = v.InferOutput<typeof s.NotificationTypeSchema>;
export type Priority = v.InferOutput<typeof s.PrioritySchema>;
export type ActionId = v.InferOutput<typeof s.ActionIdSchema>;
export type Actor = v.InferOutput<typeof s.ActorSchema>;
export type Notification = v.InferOutput<typeof s.NotificationSchema>;
export type NotificationPage = v.InferOutput<typeof s.NotificationPageSchema>;
export type NotificationRef = v.InferOutput<typeof s.NotificationRefSchema>;
export type ReadAllRequest = v.InferOutput<typeof s.ReadAllRequestSchema>;
export type ReadAllResult = v.InferOutput<typeof s.ReadAllResultSchema>;
export type SeenRequest = v.InferOutput<typeof s.SeenRequestSchema>;
export type SnoozeRequest = v.InferOutput<typeof s.SnoozeRequestSchema>;
export type BulkOp = v.InferOutput<typeof s.BulkOpSchema>;
export type BulkFilter = v.InferOutput<typeof s.BulkFilterSchema>;
export type BulkRequest = v.InferOutput<typeof s.BulkRequestSchema>;
export type BulkResult = v.InferOutput<typeof s.BulkResultSchema>;
export type Permission = v.InferOutput<typeof s.PermissionSchema>;
export type InvitationStatus = v.InferOutput<typeof s.InvitationStatusSchema>;
export type TrackRef = v.InferOutput<typeof s.TrackRefSchema>;
export type Invitation = v.InferOutput<typeof s.InvitationSchema>;
export type InvitationList = v.InferOutput<typeof s.InvitationListSchema>;
export type Stage = v.InferOutput<typeof s.StageSchema>;
export type Track = v.InferOutput<typeof s.TrackSchema>;
export type TrackList = v.InferOutput<typeof s.TrackListSchema>;
export type SyncProgress = v.InferOutput<typeof s.SyncProgressSchema>;
export type SyncList = v.InferOutput<typeof s.SyncListSchema>;
export type Acceptance = v.InferOutput<typeof s.AcceptanceSchema>;
export type ActionResult = v.InferOutput<typeof s.ActionResultSchema>;
export type Channels = v.InferOutput<typeof s.ChannelsSchema>;
export type PreferenceCategories = v.InferOutput<typeof s.PreferenceCategoriesSchema>;
export type ReminderLeadDays = v.InferOutput<typeof s.ReminderLeadDaysSchema>;
export type Preferences = v.InferOutput<typeof s.PreferencesSchema>;
export type PreferencesUpdate = v.InferOutput<typeof s.PreferencesUpdateSchema>;
export type Counts = v.InferOutput<typeof s.CountsSchema>;
export type User = v.InferOutput<typeof s.UserSchema>;
export type Problem = v.InferOutput<typeof s.ProblemSchema>;

/** The `data` of each stream event, by event name. */
export type EventDataMap = {
  [K in s.EventName]: v.InferOutput<(typeof s.EVENT_SCHEMAS)[K]>;
};

/** One decoded stream event. */
export type StreamEvent = {
  [K in s.EventName]: { id: string; event: K; data: EventDataMap[K] };
}[s.EventName];
export type ReadyEvent = v.InferOutput<typeof s.ReadyEventSchema>;
export type ResetEvent = v.InferOutput<typeof s.ResetEventSchema>;
