/**
 * Every user-visible string of the elements, in one typed table: English (the
 * product's texts, asserted by the tests) and French, chosen by the `locale`
 * attribute. Relative times come from the client's `formatRelativeTime`.
 */
import type { Category, Permission, PreferenceCategory, PreferenceOption } from '@pd-notify/client';

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
  // Preferences (NS1–NS6)
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
  discard: string;
  saveFailed: string;
  conflict: string;
  incoming: string;
  takeTheirs: string;
  keepMine: string;
  preferencesLoading: string;
  preferencesLoadFailed: string;
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
  sentBy: 'Envoyée par',
  permission: { view: 'Lecture seule', edit: 'Modification', full: 'Contrôle total' },
  accept: 'Accepter',
  decline: 'Refuser',
  declining: 'Refus…',
  declineFailed: 'L’invitation n’a pas pu être refusée. Réessayez.',
  inviteAcceptFailed: 'L’invitation n’a pas pu être acceptée. Réessayez.',
  noPendingInvites: 'Aucune invitation en attente.',
  collaborationAccepted: 'Collaboration acceptée — les fichiers se synchronisent.',
  invitationsLoading: 'Chargement des invitations…',
  invitationsLoadFailed: 'Les invitations n’ont pas pu être chargées.',
  filteredByTrack: (track) => `Invitations pour ${track}`,
  thisTrack: 'le morceau sélectionné',
  showAll: 'Tout afficher',
  close: 'Fermer',
  toasts: 'Messages',
  closeToast: 'Fermer le message',
  syncing: (done, total) => `Synchronisation des fichiers : ${done} sur ${total}`,
  syncLabel: 'Synchronisation des fichiers',
  preferencesTitle: 'Préférences de notification',
  preferenceCategory: {
    trackActivity: 'Activité des morceaux',
    collaborators: 'Collaborateurs',
    dueDates: 'Échéances et rappels',
    projects: 'Projets et dossiers',
    system: 'Système',
  },
  preferenceOption: {
    comment: 'Un collaborateur ajoute ou modifie un commentaire',
    'stage-changed': 'L’étape d’un morceau change',
    'metadata-updated': 'La pochette ou les métadonnées changent',
    published: 'Un morceau est publié',
    invitation: 'Nouvelles demandes ou invitations',
    membership: 'Un collaborateur rejoint ou quitte un morceau',
    'profile-changed': 'Un collaborateur modifie son profil',
    'due-reminder': 'Rappels avant l’échéance d’un morceau',
    'due-passed': 'L’échéance d’un morceau est passée',
    overdue: 'Morceaux en retard',
    'track-added': 'Nouveaux morceaux dans vos projets',
    'bucket-changed': 'Dossiers renommés ou réorganisés',
    'project-announcement': 'Annonces de projet',
    'security-alert': 'Alertes de sécurité (connexions, mots de passe)',
    'account-verification': 'Vérification du compte',
    'service-announcement': 'Annonces de service et maintenance',
  },
  showOptions: (category) => `Options : ${category}`,
  notifyMeAbout: 'Me prévenir quand',
  reminderLead: 'Me rappeler avant une échéance',
  days: (count) => (count === 1 ? '1 jour' : `${count} jours`),
  channels: 'Canaux',
  inApp: 'Dans l’application',
  email: 'E-mail',
  securityWarning: 'Les alertes de sécurité protègent votre compte. Nous vous conseillons de les garder.',
  save: 'Enregistrer les préférences',
  saving: 'Enregistrement…',
  saved: 'Préférences enregistrées.',
  discard: 'Annuler les modifications',
  saveFailed: 'Vos préférences n’ont pas pu être enregistrées. Réessayez.',
  conflict:
    'Ces préférences ont été modifiées dans une autre session pendant votre saisie. Leur version est chargée et vos modifications sont conservées : enregistrez à nouveau pour les appliquer, ou annulez-les.',
  incoming: 'Vos préférences viennent d’être modifiées dans une autre session.',
  takeTheirs: 'Prendre leur version',
  keepMine: 'Garder mes modifications',
  preferencesLoading: 'Chargement des préférences…',
  preferencesLoadFailed: 'Les préférences n’ont pas pu être chargées.',
};

const TABLES: Record<string, Strings> = { en, fr };

/** The strings for a BCP 47 locale (its language), English when there is no table for it. */
export function strings(locale: string | null | undefined): Strings {
  const language = (locale ?? 'en').toLowerCase().split('-')[0]!;
  return TABLES[language] ?? en;
}

/** The languages with a complete table. */
export const LOCALES = Object.keys(TABLES);
