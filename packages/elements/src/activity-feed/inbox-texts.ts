/**
 * The texts of the feed's inbox verbs (views, archive, snooze, search, select
 * many): a family of its own, loaded with the feed's panel, so that a page pays
 * for them only once the panel opens. English here, other languages on demand.
 */
import type { Strings, Texts } from '../i18n.js';
import type { GroupTexts } from './grouping.js';

export interface InboxTexts {
  // Views, archive, snooze
  views: string;
  view: { inbox: string; snoozed: string; archived: string };
  emptySnoozed: string;
  emptyArchived: string;
  archived: string;
  restore: string;
  restored: string;
  snooze: string;
  snoozeFor: { hour: string; tomorrow: string; nextWeek: string; pick: string };
  snoozeUntilLabel: string;
  snoozeTimeInvalid: string;
  snoozedUntil(time: string): string;
  unsnooze: string;
  unsnoozed: string;
  cancel: string;
  // Search
  search: string;
  searchLabel: string;
  closeSearch: string;
  results(count: number): string;
  noResults(query: string): string;
  /** The server cannot be reached: the results are the loaded notifications that match. */
  searchLocal: string;
  // Select many
  select: string;
  selection: string;
  selectedCount(count: number): string;
  selectAllMatching(count: number): string;
  allMatchingSelected(count: number): string;
  markRead: string;
  markUnread: string;
  archive: string;
  /** Said once a bulk action is done, with Undo. */
  bulkDone: Record<'read' | 'unread' | 'archive' | 'unarchive', (count: number) => string>;
  // Grouped activity
  group: GroupTexts;
}

const plural = new Intl.PluralRules('en');
/** `one` or `other`, as English's plural rules pick for `count`. */
const en1 = (count: number, one: string, other: string) => (plural.select(count) === 'one' ? one : other);

const en: InboxTexts = {
  views: 'Views',
  view: { inbox: 'Inbox', snoozed: 'Snoozed', archived: 'Archived' },
  emptySnoozed: 'Nothing snoozed.',
  emptyArchived: 'Nothing archived.',
  archived: 'Archived',
  restore: 'Restore',
  restored: 'Back in your inbox',
  snooze: 'Snooze',
  snoozeFor: {
    hour: '1 hour',
    tomorrow: 'Tomorrow, 9:00',
    nextWeek: 'Next week (Monday, 9:00)',
    pick: 'Pick a date and time…',
  },
  snoozeUntilLabel: 'Snooze until',
  snoozeTimeInvalid: 'Pick a time in the future, at most a year ahead.',
  snoozedUntil: (time) => `Snoozed until ${time}`,
  unsnooze: 'Unsnooze',
  unsnoozed: 'Back in your inbox',
  cancel: 'Cancel',
  search: 'Search',
  searchLabel: 'Search notifications',
  closeSearch: 'Close search',
  results: (count) => (count === 1 ? '1 result' : `${count} results`),
  noResults: (query) => `No results for “${query}”`,
  searchLocal: 'Offline: showing matches among the loaded notifications',
  select: 'Select',
  selection: 'Selection',
  selectedCount: (count) => `${count} selected`,
  selectAllMatching: (count) => `Select all ${count} matching`,
  allMatchingSelected: (count) => `All ${count} matching selected`,
  markRead: 'Mark read',
  markUnread: 'Mark unread',
  archive: 'Archive',
  bulkDone: {
    read: (count) => `${count} marked read`,
    unread: (count) => `${count} marked unread`,
    archive: (count) => `${count} archived`,
    unarchive: (count) => `${count} restored`,
  },
  group: {
    others: (name, others) => `${name} and ${others} ${en1(others, 'other', 'others')}`,
    comment: (actors, people, track, count) =>
      people === 1 ? `${actors} left ${count} comments on “${track}”` : `${actors} commented on “${track}”`,
    stage: (actors, _people, track, count) =>
      `${actors} changed the stage of “${track}” ${en1(count, 'once', `${count} times`)}`,
    invitation: (actor, count) => `${actor} invited you to ${count} ${en1(count, 'track', 'tracks')}`,
    more: (title, others) => `${title} and ${others} more`,
    show: (count) => `Show all ${count}`,
    hide: (count) => `Hide all ${count}`,
  },
};

export const INBOX_TEXTS: Texts<InboxTexts> = {
  en,
  others: {
    fr: () => import('../locales/fr-inbox.js'),
    de: () => import('../locales/de-inbox.js'),
    es: () => import('../locales/es-inbox.js'),
    ar: () => import('../locales/ar-inbox.js'),
  },
};

/** What the panel and its parts read: the shared texts and the inbox's. */
export type PanelTexts = Strings & InboxTexts;
