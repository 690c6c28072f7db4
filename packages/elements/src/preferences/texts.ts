/** The preferences form's texts (SPEC NS1–NS6): English here, other languages loaded on demand. */
import type { PreferenceCategory, PreferenceOption } from '@pd-notify/client';
import type { Texts } from '../i18n.js';

export interface PreferencesTexts {
  preferencesTitle: string;
  preferenceCategory: Record<PreferenceCategory, string>;
  preferenceOption: Record<PreferenceOption, string>;
  showOptions(category: string): string;
  notifyMeAbout: string;
  reminderLead: string;
  days(count: 1 | 3 | 7): string;
  channels: string;
  inApp: string;
  email: string;
  securityWarning: string;
  save: string;
  saving: string;
  saved: string;
  /** A save made offline, waiting for the connection. */
  savedOffline: string;
  discard: string;
  saveFailed: string;
  conflict: string;
  incoming: string;
  takeTheirs: string;
  keepMine: string;
  preferencesLoading: string;
  preferencesLoadFailed: string;
}

const en: PreferencesTexts = {
  preferencesTitle: 'Notification preferences',
  preferenceCategory: {
    trackActivity: 'Track Activity',
    collaborators: 'Collaborator Updates',
    dueDates: 'Due Dates and Reminders',
    projects: 'Project and Bucket Updates',
    system: 'System',
  },
  preferenceOption: {
    comment: 'A collaborator adds or edits a comment',
    'stage-changed': 'A track’s stage changes',
    'metadata-updated': 'Artwork or metadata gets updated',
    published: 'A track is marked as published',
    invitation: 'New collaborator requests or invitations',
    membership: 'Collaborator acceptance or removal from a track',
    'profile-changed': 'Profile changes from your collaborators',
    'due-reminder': 'Reminders before a track’s due date',
    'due-passed': 'A track’s due date passes',
    overdue: 'Tracks that are overdue',
    'track-added': 'New tracks added to your projects',
    'bucket-changed': 'Buckets renamed or reorganized',
    'project-announcement': 'Project-level announcements',
    'security-alert': 'Security alerts (new sign-ins, password changes)',
    'account-verification': 'Account verification messages',
    'service-announcement': 'Service announcements and maintenance notices',
  },
  showOptions: (category) => `Options for ${category}`,
  notifyMeAbout: 'Notify me when',
  reminderLead: 'Remind me before a due date',
  days: (count) => (count === 1 ? '1 day' : `${count} days`),
  channels: 'Channels',
  inApp: 'In-app',
  email: 'Email',
  securityWarning: 'Security alerts protect your account. We recommend keeping them on.',
  save: 'Save Preferences',
  saving: 'Saving…',
  saved: 'Preferences saved.',
  savedOffline: 'Your preferences will be saved when you’re back online.',
  discard: 'Discard changes',
  saveFailed: 'Your preferences could not be saved. Try again.',
  conflict:
    'These preferences were changed in another session while you were editing. Their version is loaded; your changes are kept on top of it: save again to apply them, or discard them.',
  incoming: 'Your preferences were just changed in another session.',
  takeTheirs: 'Use their version',
  keepMine: 'Keep my changes',
  preferencesLoading: 'Loading preferences…',
  preferencesLoadFailed: 'Preferences could not be loaded.',
};

export const PREFERENCES_TEXTS: Texts<PreferencesTexts> = {
  en,
  others: {
    fr: () => import('../locales/fr-preferences.js'),
    de: () => import('../locales/de-preferences.js'),
    es: () => import('../locales/es-preferences.js'),
    ar: () => import('../locales/ar-preferences.js'),
  },
};
