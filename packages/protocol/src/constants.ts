/** The protocol's fixed lists, as plain values (no schema library needed to use them). */

/** The six feed categories, each with its own icon and colour (SPEC AF3). */
export const CATEGORIES = ['collaboration', 'deadline', 'workflow', 'reminder', 'system', 'support'] as const;

/**
 * The preference categories of the settings page (SPEC NS1), each with its
 * granular options. A notification's `type` is one of these options, or
 * `support-feedback` (it answers the user's own support ticket) or `reminder`
 * (a time-based prompt the user set), which the user asked for and cannot be
 * switched off.
 */
export const PREFERENCE_OPTIONS = {
  trackActivity: ['comment', 'stage-changed', 'metadata-updated', 'published'],
  collaborators: ['invitation', 'membership', 'profile-changed'],
  dueDates: ['due-reminder', 'due-passed', 'overdue'],
  projects: ['track-added', 'bucket-changed', 'project-announcement'],
  system: ['security-alert', 'account-verification', 'service-announcement'],
} as const;
export const PREFERENCE_CATEGORIES = Object.keys(PREFERENCE_OPTIONS) as PreferenceCategory[];
export type PreferenceCategory = keyof typeof PREFERENCE_OPTIONS;
export type PreferenceOption = (typeof PREFERENCE_OPTIONS)[PreferenceCategory][number];

export const NOTIFICATION_TYPES = [...Object.values(PREFERENCE_OPTIONS).flat(), 'support-feedback', 'reminder'] as (
  PreferenceOption | 'support-feedback' | 'reminder'
)[];

/** Actions a notification row can carry (SPEC AF6, AF7). */
export const ACTION_IDS = ['accept-invite', 'feedback-resolved', 'feedback-still-open', 'feedback-not-needed'] as const;

/** What a bulk change can do to many notifications at once (`POST /v1/notifications/bulk`). */
export const BULK_OPS = ['read', 'unread', 'seen', 'archive', 'unarchive'] as const;

export const STAGES = ['idea', 'editing', 'mixing', 'mastering', 'ready', 'published'] as const;
