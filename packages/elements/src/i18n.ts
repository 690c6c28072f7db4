/**
 * The user-visible strings the elements share, in one typed table per language:
 * English here (the product's texts, asserted by the tests), others in
 * `locales/`, loaded on demand when an element's language asks for one, so a
 * page pays only for the languages it shows. The preferences form has its own
 * family (`preferences/texts.ts`). Relative times come from the client's
 * `formatRelativeTime`.
 */
import type { Category, Permission } from '@pd-notify/client';

export interface Strings {
  notifications: string;
  invitations: string;
  unreadCount(count: number): string;
  /** The bell's description with `badge="unseen"`: notifications the user has not had on screen yet. */
  unseenCount(count: number): string;
  pendingCount(count: number): string;
  markAllRead: string;
  dismiss: string;
  acceptInvite: string;
  accepting: string;
  accepted: string;
  acceptFailed: string;
  actionFailed: string;
  feedbackResolved: string;
  feedbackStillOpen: string;
  feedbackNotNeeded: string;
  feedbackSent: string;
  empty: string;
  loading: string;
  loadingMore: string;
  loadFailed: string;
  retry: string;
  polling: string;
  offline: string;
  reconnecting: string;
  unread: string;
  highPriority: string;
  newNotification(title: string): string;
  filters: string;
  all: string;
  unreadTab: string;
  category: Record<Category, string>;
  // Invitations (IN1–IN9)
  sentBy: string;
  permission: Record<Permission, string>;
  accept: string;
  decline: string;
  declining: string;
  declineFailed: string;
  inviteAcceptFailed: string;
  noPendingInvites: string;
  collaborationAccepted: string;
  invitationsLoading: string;
  invitationsLoadFailed: string;
  filteredByTrack(track: string): string;
  thisTrack: string;
  showAll: string;
  close: string;
  // Toasts and sync progress
  toasts: string;
  closeToast: string;
  syncing(done: number, total: number): string;
  syncLabel: string;
  /** A change made offline, shown, waiting for the connection. */
  willSync: string;
  // Clamped text, and "Turn off notifications like this"
  showMore: string;
  showLess: string;
  turnOff: string;
  /** Said once the option is off: its preferences option and category, as the settings name them. */
  turnedOff(option: string, category: string): string;
  turnedBackOn(option: string, category: string): string;
  undo: string;
  /** Where a preferences category's notifications show in the feed (its tabs' names). */
  inFeed(categories: string): string;
}

const en: Strings = {
  notifications: 'Notifications',
  invitations: 'Invitations',
  unreadCount: (count) =>
    count === 0 ? 'No unread notifications' : count === 1 ? '1 unread notification' : `${count} unread notifications`,
  unseenCount: (count) =>
    count === 0 ? 'No new notifications' : count === 1 ? '1 new notification' : `${count} new notifications`,
  pendingCount: (count) =>
    count === 0 ? 'No pending invitations' : count === 1 ? '1 pending invitation' : `${count} pending invitations`,
  markAllRead: 'Mark all as read',
  dismiss: 'Dismiss',
  acceptInvite: 'Accept Invite',
  accepting: 'Accepting…',
  accepted: 'Invite accepted',
  acceptFailed: 'The invite could not be accepted. Try again.',
  actionFailed: 'That did not work. Try again.',
  feedbackResolved: 'Resolved',
  feedbackStillOpen: 'Still open',
  feedbackNotNeeded: 'No longer needs attention',
  feedbackSent: 'Thanks, your answer was sent',
  empty: 'No new notifications.',
  loading: 'Loading notifications…',
  loadingMore: 'Loading more…',
  loadFailed: 'Notifications could not be loaded.',
  retry: 'Try again',
  polling: 'Live updates are slow right now',
  offline: 'Offline',
  reconnecting: 'Reconnecting…',
  unread: 'Unread',
  highPriority: 'High priority',
  newNotification: (title) => `New notification: ${title}`,
  filters: 'Filter notifications',
  all: 'All',
  unreadTab: 'Unread',
  category: {
    collaboration: 'Collaboration',
    deadline: 'Deadlines',
    workflow: 'Workflow',
    reminder: 'Reminders',
    system: 'System',
    support: 'Support',
  },
  sentBy: 'Sent by',
  permission: { view: 'View only', edit: 'Can edit', full: 'Full control' },
  accept: 'Accept',
  decline: 'Decline',
  declining: 'Declining…',
  declineFailed: 'The invitation could not be declined. Try again.',
  inviteAcceptFailed: 'The invitation could not be accepted. Try again.',
  noPendingInvites: 'No pending invites.',
  collaborationAccepted: 'Collaboration accepted — files are syncing.',
  invitationsLoading: 'Loading invitations…',
  invitationsLoadFailed: 'Invitations could not be loaded.',
  filteredByTrack: (track) => `Showing invitations for ${track}`,
  thisTrack: 'the selected track',
  showAll: 'Show all',
  close: 'Close',
  toasts: 'Messages',
  closeToast: 'Close message',
  syncing: (done, total) => `Syncing files: ${done} of ${total}`,
  syncLabel: 'File sync',
  willSync: 'Will sync when you’re back online',
  showMore: 'Show more',
  showLess: 'Show less',
  turnOff: 'Turn off notifications like this',
  turnedOff: (option, category) => `Turned off: ${option} (${category}).`,
  turnedBackOn: (option, category) => `Turned back on: ${option} (${category}).`,
  undo: 'Undo',
  inFeed: (categories) => `In your feed: ${categories}`,
};

/**
 * One family of texts: the English table, always there, and a loader per other
 * language. Each element's texts are a family of their own where they are
 * large, so a page pays only for the elements it uses.
 */
export interface Texts<T> {
  en: T;
  others: Record<string, () => Promise<{ default: T }>>;
}

const loadedTables = new WeakMap<Texts<unknown>, Map<string, Promise<unknown> | unknown>>();

/** The language of a BCP 47 locale (`fr-CA` → `fr`), English when none is given. */
const languageOf = (locale: string | null | undefined): string => (locale ?? 'en').toLowerCase().split('-')[0]!;

/**
 * A family's table for a BCP 47 locale (its language), English when it has
 * none. A language not loaded yet gives English at once, starts loading, and
 * calls `loaded` when its table is there.
 */
export function textsFor<T>(family: Texts<T>, locale: string | null | undefined, loaded?: () => void): T {
  const language = languageOf(locale);
  const load = family.others[language];
  if (!load) return family.en;
  let tables = loadedTables.get(family);
  if (!tables) loadedTables.set(family, (tables = new Map()));
  const held = tables.get(language);
  if (held instanceof Promise) {
    if (loaded) void held.then(loaded);
    return family.en;
  }
  if (held) return held as T;
  // A table that fails to load (a chunk gone after a deploy, offline) leaves English, asked again next time.
  const pending = load().then(
    (module) => void tables.set(language, module.default),
    () => void tables.delete(language),
  );
  tables.set(language, pending);
  if (loaded) void pending.then(loaded);
  return family.en;
}

/** A family's table for a locale once it has loaded (English at once for a language without one). */
export async function textsReady<T>(family: Texts<T>, locale: string | null | undefined): Promise<T> {
  let loaded!: () => void;
  const done = new Promise<void>((resolve) => (loaded = resolve));
  const table = textsFor(family, locale, loaded);
  const language = languageOf(locale);
  if (table !== family.en || !family.others[language]) return table;
  await done;
  // Its table, or English when it failed to load (not asked again here).
  const held = loadedTables.get(family)?.get(language);
  return held && !(held instanceof Promise) ? (held as T) : family.en;
}

/** The texts every element shares. */
export const CORE_TEXTS: Texts<Strings> = {
  en,
  others: {
    fr: () => import('./locales/fr.js'),
    de: () => import('./locales/de.js'),
    es: () => import('./locales/es.js'),
    ar: () => import('./locales/ar.js'),
  },
};

/** The shared texts for a locale (see `textsFor`). */
export function strings(locale: string | null | undefined, loaded?: () => void): Strings {
  return textsFor(CORE_TEXTS, locale, loaded);
}

/** The languages with a complete table. */
export const LOCALES = ['en', ...Object.keys(CORE_TEXTS.others)];
