import type { Strings } from '../i18n.js';

const plural = new Intl.PluralRules('de');

/** The elements' texts in German. */
const de: Strings = {
  notifications: 'Benachrichtigungen',
  invitations: 'Einladungen',
  unreadCount: (count) =>
    count === 0
      ? 'Keine ungelesenen Benachrichtigungen'
      : plural.select(count) === 'one'
        ? `${count} ungelesene Benachrichtigung`
        : `${count} ungelesene Benachrichtigungen`,
  unseenCount: (count) =>
    count === 0
      ? 'Keine neuen Benachrichtigungen'
      : plural.select(count) === 'one'
        ? `${count} neue Benachrichtigung`
        : `${count} neue Benachrichtigungen`,
  pendingCount: (count) =>
    count === 0
      ? 'Keine offenen Einladungen'
      : plural.select(count) === 'one'
        ? `${count} offene Einladung`
        : `${count} offene Einladungen`,
  markAllRead: 'Alle als gelesen markieren',
  dismiss: 'Ausblenden',
  acceptInvite: 'Einladung annehmen',
  accepting: 'Wird angenommen…',
  accepted: 'Einladung angenommen',
  acceptFailed: 'Die Einladung konnte nicht angenommen werden. Versuch es noch einmal.',
  actionFailed: 'Das hat nicht geklappt. Versuch es noch einmal.',
  feedbackResolved: 'Gelöst',
  feedbackStillOpen: 'Noch offen',
  feedbackNotNeeded: 'Nicht mehr nötig',
  feedbackSent: 'Danke, deine Antwort wurde gesendet',
  empty: 'Keine neuen Benachrichtigungen.',
  loading: 'Benachrichtigungen werden geladen…',
  loadingMore: 'Weitere werden geladen…',
  loadFailed: 'Die Benachrichtigungen konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  polling: 'Live-Updates sind gerade langsam',
  offline: 'Offline',
  reconnecting: 'Verbindung wird wiederhergestellt…',
  unread: 'Ungelesen',
  highPriority: 'Hohe Priorität',
  newNotification: (title) => `Neue Benachrichtigung: ${title}`,
  filters: 'Benachrichtigungen filtern',
  all: 'Alle',
  unreadTab: 'Ungelesen',
  category: {
    collaboration: 'Zusammenarbeit',
    deadline: 'Fristen',
    workflow: 'Workflow',
    reminder: 'Erinnerungen',
    system: 'System',
    support: 'Support',
  },
  sentBy: 'Gesendet von',
  permission: { view: 'Nur ansehen', edit: 'Kann bearbeiten', full: 'Vollzugriff' },
  accept: 'Annehmen',
  decline: 'Ablehnen',
  declining: 'Wird abgelehnt…',
  declineFailed: 'Die Einladung konnte nicht abgelehnt werden. Versuch es noch einmal.',
  inviteAcceptFailed: 'Die Einladung konnte nicht angenommen werden. Versuch es noch einmal.',
  noPendingInvites: 'Keine offenen Einladungen.',
  collaborationAccepted: 'Zusammenarbeit angenommen – die Dateien werden synchronisiert.',
  invitationsLoading: 'Einladungen werden geladen…',
  invitationsLoadFailed: 'Die Einladungen konnten nicht geladen werden.',
  filteredByTrack: (track) => `Einladungen für ${track}`,
  thisTrack: 'den ausgewählten Track',
  showAll: 'Alle anzeigen',
  close: 'Schließen',
  toasts: 'Meldungen',
  closeToast: 'Meldung schließen',
  syncing: (done, total) => `Dateien werden synchronisiert: ${done} von ${total}`,
  syncLabel: 'Dateisynchronisierung',
  willSync: 'Wird synchronisiert, sobald du wieder online bist',
  showMore: 'Mehr anzeigen',
  showLess: 'Weniger anzeigen',
  turnOff: 'Benachrichtigungen dieser Art deaktivieren',
  turnedOff: (option, category) => `Deaktiviert: ${option} (${category}).`,
  turnedBackOn: (option, category) => `Wieder aktiviert: ${option} (${category}).`,
  undo: 'Rückgängig',
  inFeed: (categories) => `In deinem Feed: ${categories}`,
};

export default de;
