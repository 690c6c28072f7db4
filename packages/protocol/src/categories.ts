import type { Category, NotificationType } from './types.js';
import { PREFERENCE_CATEGORIES, PREFERENCE_OPTIONS, type PreferenceCategory } from './constants.js';

const CATEGORY_OF_TYPE: Record<NotificationType, Category> = {
  comment: 'workflow',
  'stage-changed': 'workflow',
  'metadata-updated': 'workflow',
  published: 'workflow',
  invitation: 'collaboration',
  membership: 'collaboration',
  'profile-changed': 'collaboration',
  // Tracks nearing or past their due date are deadlines (calendar); reminders (clock) are prompts the user set.
  'due-reminder': 'deadline',
  'due-passed': 'deadline',
  overdue: 'deadline',
  'track-added': 'workflow',
  'bucket-changed': 'workflow',
  'project-announcement': 'system',
  'security-alert': 'system',
  'account-verification': 'system',
  'service-announcement': 'system',
  'support-feedback': 'support',
  reminder: 'reminder',
};

/** The feed category (icon and colour) a notification type is shown under. */
export function categoryOfType(type: NotificationType): Category {
  return CATEGORY_OF_TYPE[type];
}

/** The preference category (settings section, SPEC NS1) that governs a notification type; null when it cannot be switched off. */
export function preferenceCategoryOfType(type: NotificationType): PreferenceCategory | null {
  for (const category of PREFERENCE_CATEGORIES) {
    if ((PREFERENCE_OPTIONS[category] as readonly string[]).includes(type)) return category;
  }
  return null;
}
