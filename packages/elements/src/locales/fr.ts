import type { Strings } from '../i18n.js';

/** The elements' texts in French. */
const fr: Strings = {
  notifications: 'Notifications',
  invitations: 'Invitations',
  unreadCount: (count) =>
    count === 0
      ? 'Aucune notification non lue'
      : count === 1
        ? '1 notification non lue'
        : `${count} notifications non lues`,
  unseenCount: (count) =>
    count === 0
      ? 'Aucune nouvelle notification'
      : count === 1
        ? '1 nouvelle notification'
        : `${count} nouvelles notifications`,
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
  willSync: 'Sera synchronisé au retour de la connexion',
  showMore: 'Afficher plus',
  showLess: 'Afficher moins',
  turnOff: 'Désactiver les notifications de ce type',
  turnedOff: (option, category) => `Désactivé : ${option} (${category}).`,
  turnedBackOn: (option, category) => `Réactivé : ${option} (${category}).`,
  undo: 'Annuler',
  inFeed: (categories) => `Dans votre fil : ${categories}`,
};

export default fr;
