/**
 * Every user-visible string of the elements, in one typed table: English (the
 * product's texts, asserted by the tests) and French, chosen by the `locale`
 * attribute. Relative times come from the client's `formatRelativeTime`.
 */
import type { Category } from '@pd-notify/client';

export interface Strings {
  notifications: string;
  invitations: string;
  unreadCount(count: number): string;
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
}

const en: Strings = {
  notifications: 'Notifications',
  invitations: 'Invitations',
  unreadCount: (count) =>
    count === 0 ? 'No unread notifications' : count === 1 ? '1 unread notification' : `${count} unread notifications`,
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
};

const fr: Strings = {
  notifications: 'Notifications',
  invitations: 'Invitations',
  unreadCount: (count) =>
    count === 0
      ? 'Aucune notification non lue'
      : count === 1
        ? '1 notification non lue'
        : `${count} notifications non lues`,
  pendingCount: (count) =>
    count === 0
      ? 'Aucune invitation en attente'
      : count === 1
        ? '1 invitation en attente'
        : `${count} invitations en attente`,
  markAllRead: 'Tout marquer comme lu',
  dismiss: 'Ignorer',
  acceptInvite: 'Accepter l’invitation',
  accepting: 'Acceptation…',
  accepted: 'Invitation acceptée',
  acceptFailed: 'L’invitation n’a pas pu être acceptée. Réessayez.',
  actionFailed: 'Cela n’a pas fonctionné. Réessayez.',
  feedbackResolved: 'Résolu',
  feedbackStillOpen: 'Toujours ouvert',
  feedbackNotNeeded: 'Ne nécessite plus d’attention',
  feedbackSent: 'Merci, votre réponse a été envoyée',
  empty: 'Aucune nouvelle notification.',
  loading: 'Chargement des notifications…',
  loadingMore: 'Chargement…',
  loadFailed: 'Les notifications n’ont pas pu être chargées.',
  retry: 'Réessayer',
  polling: 'Les mises à jour en direct sont lentes',
  offline: 'Hors ligne',
  reconnecting: 'Reconnexion…',
  unread: 'Non lue',
  highPriority: 'Priorité haute',
  newNotification: (title) => `Nouvelle notification : ${title}`,
  filters: 'Filtrer les notifications',
  all: 'Toutes',
  unreadTab: 'Non lues',
  category: {
    collaboration: 'Collaboration',
    deadline: 'Échéances',
    workflow: 'Production',
    reminder: 'Rappels',
    system: 'Système',
    support: 'Support',
  },
};

const TABLES: Record<string, Strings> = { en, fr };

/** The strings for a BCP 47 locale (its language), English when there is no table for it. */
export function strings(locale: string | null | undefined): Strings {
  const language = (locale ?? 'en').toLowerCase().split('-')[0]!;
  return TABLES[language] ?? en;
}

/** The languages with a complete table. */
export const LOCALES = Object.keys(TABLES);
