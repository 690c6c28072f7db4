/**
 * The one table of what each notification type is, for every part that shows
 * one: its feed category (tab and colour, SPEC AF3), the preferences category
 * and option that switch it off (SPEC NS1), and its icon. The server files
 * notifications under the category, the feed draws the icon, the preferences
 * form shows each category's icons, browser notifications draw the same icons.
 */
import type { Category, NotificationType } from './types.js';
import { NOTIFICATION_TYPES, PREFERENCE_CATEGORIES, PREFERENCE_OPTIONS } from './constants.js';
import type { PreferenceCategory, PreferenceOption } from './constants.js';

/**
 * The icons, as the stroke paths of a 24 × 24 drawing (2 px round strokes, no
 * fill), so an SVG and a canvas draw the same thing.
 */
export const ICONS = {
  /** Collaboration: people. */
  people: [
    'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2',
    'M5 7a4 4 0 1 0 8 0a4 4 0 1 0-8 0',
    'M22 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75',
  ],
  /** Deadlines: a calendar. */
  calendar: ['M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z', 'M16 2v4M8 2v4M3 10h18'],
  /** Workflow: a checklist. */
  checklist: ['M3 17l2 2 4-4M3 7l2 2 4-4M13 6h8M13 12h8M13 18h8'],
  /** Reminders: a clock. */
  clock: ['M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0', 'M12 6v6l4 2'],
  /** System: information. */
  info: ['M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0', 'M12 16v-4M12 8h.01'],
  /** Support feedback: a speech bubble with a question mark. */
  support: [
    'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z',
    'M9.5 9a2.5 2.5 0 0 1 5 .5c0 1.5-2.5 2-2.5 3M12 15h.01',
  ],
  /** A comment: a speech bubble with lines of text. */
  comment: ['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z', 'M7 8h10M7 12h6'],
  /** Security: a shield. */
  shield: ['M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z', 'M9 12l2 2 4-4'],
} as const satisfies Record<string, readonly string[]>;
export type IconName = keyof typeof ICONS;

/** Each feed category's own icon (SPEC AF3): a type shows it unless it has one of its own. */
export const CATEGORY_ICONS: { readonly [C in Category]: IconName } = {
  collaboration: 'people',
  deadline: 'calendar',
  workflow: 'checklist',
  reminder: 'clock',
  system: 'info',
  support: 'support',
};

/** The feed category of each type, and the types with an icon of their own within it. */
const FEED: { readonly [T in NotificationType]: Category | readonly [Category, IconName] } = {
  comment: ['workflow', 'comment'],
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
  'security-alert': ['system', 'shield'],
  'account-verification': 'system',
  'service-announcement': 'system',
  'support-feedback': 'support',
  reminder: 'reminder',
};

/** What a notification type is, everywhere it shows. */
export interface NotificationKind {
  type: NotificationType;
  /** The feed category: its filter tab and its colour. */
  category: Category;
  /** The preferences category and option that produce it; null for what cannot be switched off (a reminder the user set, an answer to their support ticket). */
  preference: { category: PreferenceCategory; option: PreferenceOption } | null;
  icon: IconName;
}

/** Every notification type's kind (see `NotificationKind`). */
export const NOTIFICATION_KINDS = Object.fromEntries(
  NOTIFICATION_TYPES.map((type): [NotificationType, NotificationKind] => {
    const feed = FEED[type];
    const [category, icon] = typeof feed === 'string' ? [feed, CATEGORY_ICONS[feed]] : feed;
    const section = PREFERENCE_CATEGORIES.find((name) =>
      (PREFERENCE_OPTIONS[name] as readonly string[]).includes(type),
    );
    const preference = section ? { category: section, option: type as PreferenceOption } : null;
    return [type, { type, category, preference, icon }];
  }),
) as { readonly [T in NotificationType]: NotificationKind };

/** The feed category (icon and colour) a notification type is shown under. */
export function categoryOfType(type: NotificationType): Category {
  return NOTIFICATION_KINDS[type].category;
}

/** The preference category (settings section, SPEC NS1) that governs a notification type; null when it cannot be switched off. */
export function preferenceCategoryOfType(type: NotificationType): PreferenceCategory | null {
  return NOTIFICATION_KINDS[type].preference?.category ?? null;
}
