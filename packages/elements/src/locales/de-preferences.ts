import type { PreferencesTexts } from '../preferences/texts.js';

const plural = new Intl.PluralRules('de');

/** The preferences form's texts in German. */
const de: PreferencesTexts = {
  preferencesTitle: 'Einstellungen für Benachrichtigungen',
  preferenceCategory: {
    trackActivity: 'Track-Aktivität',
    collaborators: 'Mitwirkende',
    dueDates: 'Fristen und Erinnerungen',
    projects: 'Projekte und Ordner',
    system: 'System',
  },
  preferenceOption: {
    comment: 'Mitwirkende schreiben oder bearbeiten Kommentare',
    'stage-changed': 'Die Phase eines Tracks ändert sich',
    'metadata-updated': 'Artwork oder Metadaten werden aktualisiert',
    published: 'Ein Track wird als veröffentlicht markiert',
    invitation: 'Neue Anfragen oder Einladungen zur Zusammenarbeit',
    membership: 'Mitwirkende treten einem Track bei oder werden entfernt',
    'profile-changed': 'Mitwirkende ändern ihr Profil',
    'due-reminder': 'Erinnerungen vor dem Fälligkeitsdatum eines Tracks',
    'due-passed': 'Ein Track überschreitet sein Fälligkeitsdatum',
    overdue: 'Überfällige Tracks',
    'track-added': 'Neue Tracks in deinen Projekten',
    'bucket-changed': 'Ordner werden umbenannt oder neu organisiert',
    'project-announcement': 'Ankündigungen zu Projekten',
    'security-alert': 'Sicherheitswarnungen (neue Anmeldungen, Passwortänderungen)',
    'account-verification': 'Nachrichten zur Kontobestätigung',
    'service-announcement': 'Service-Ankündigungen und Wartungshinweise',
  },
  showOptions: (category) => `Optionen für ${category}`,
  notifyMeAbout: 'Worüber möchtest du benachrichtigt werden?',
  reminderLead: 'Erinnere mich vor dem Fälligkeitsdatum',
  days: (count) => (plural.select(count) === 'one' ? `${count} Tag` : `${count} Tage`),
  channels: 'Kanäle',
  inApp: 'In der App',
  email: 'E-Mail',
  securityWarning: 'Sicherheitswarnungen schützen dein Konto. Wir empfehlen, sie aktiviert zu lassen.',
  save: 'Einstellungen speichern',
  saving: 'Wird gespeichert…',
  saved: 'Einstellungen gespeichert.',
  savedOffline: 'Deine Einstellungen werden gespeichert, sobald du wieder online bist.',
  discard: 'Änderungen verwerfen',
  saveFailed: 'Deine Einstellungen konnten nicht gespeichert werden. Versuch es noch einmal.',
  conflict:
    'Diese Einstellungen wurden in einer anderen Sitzung geändert, während du sie bearbeitet hast. Die andere Version ist geladen und deine Änderungen sind darauf übernommen: Speichere erneut, um sie anzuwenden, oder verwirf sie.',
  incoming: 'Deine Einstellungen wurden gerade in einer anderen Sitzung geändert.',
  takeTheirs: 'Andere Version übernehmen',
  keepMine: 'Meine Änderungen behalten',
  preferencesLoading: 'Einstellungen werden geladen…',
  preferencesLoadFailed: 'Die Einstellungen konnten nicht geladen werden.',
};

export default de;
