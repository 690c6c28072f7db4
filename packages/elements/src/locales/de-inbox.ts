import type { InboxTexts } from '../activity-feed/inbox-texts.js';

const plural = new Intl.PluralRules('de');

/** The feed's inbox verbs in German. */
const de: InboxTexts = {
  views: 'Ansichten',
  view: { inbox: 'Posteingang', snoozed: 'Zurückgestellt', archived: 'Archiv' },
  emptySnoozed: 'Nichts zurückgestellt.',
  emptyArchived: 'Nichts archiviert.',
  archived: 'Archiviert',
  restore: 'Wiederherstellen',
  restored: 'Wieder in deinem Posteingang',
  snooze: 'Zurückstellen',
  snoozeFor: {
    hour: '1 Stunde',
    tomorrow: 'Morgen, 9:00 Uhr',
    nextWeek: 'Nächste Woche (Montag, 9:00 Uhr)',
    pick: 'Datum und Uhrzeit wählen…',
  },
  snoozeUntilLabel: 'Zurückstellen bis',
  snoozeTimeInvalid: 'Wähle einen Zeitpunkt in der Zukunft, höchstens ein Jahr im Voraus.',
  snoozedUntil: (time) => `Zurückgestellt bis ${time}`,
  unsnooze: 'Zurückstellung aufheben',
  unsnoozed: 'Wieder in deinem Posteingang',
  cancel: 'Abbrechen',
  search: 'Suchen',
  searchLabel: 'Benachrichtigungen durchsuchen',
  closeSearch: 'Suche schließen',
  results: (count) => (plural.select(count) === 'one' ? `${count} Ergebnis` : `${count} Ergebnisse`),
  noResults: (query) => `Keine Ergebnisse für „${query}“`,
  searchLocal: 'Offline: Treffer unter den geladenen Benachrichtigungen',
  select: 'Auswählen',
  selection: 'Auswahl',
  selectedCount: (count) => `${count} ausgewählt`,
  selectAllMatching: (count) => `Alle ${count} Treffer auswählen`,
  allMatchingSelected: (count) => `Alle ${count} Treffer ausgewählt`,
  markRead: 'Gelesen',
  markUnread: 'Ungelesen',
  archive: 'Archivieren',
  bulkDone: {
    read: (count) => `${count} als gelesen markiert`,
    unread: (count) => `${count} als ungelesen markiert`,
    archive: (count) => `${count} archiviert`,
    unarchive: (count) => `${count} wiederhergestellt`,
  },
  group: {
    others: (name, others) => `${name} und ${others} ${plural.select(others) === 'one' ? 'weitere Person' : 'weitere'}`,
    comment: (actors, people, track, count) =>
      people === 1
        ? `${actors} hat ${count} Kommentare zu „${track}“ geschrieben`
        : `${actors} haben „${track}“ kommentiert`,
    stage: (actors, people, track, count) =>
      `${actors} ${people === 1 ? 'hat' : 'haben'} die Phase von „${track}“ ${plural.select(count) === 'one' ? 'einmal' : `${count}-mal`} geändert`,
    invitation: (actor, count) =>
      `${actor} hat dich zu ${count} ${plural.select(count) === 'one' ? 'Track' : 'Tracks'} eingeladen`,
    more: (title, others) => `${title} und ${others} weitere`,
    show: (count) => `Alle ${count} anzeigen`,
    hide: (count) => `Alle ${count} ausblenden`,
  },
};

export default de;
