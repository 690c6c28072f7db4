import type { HelpTexts } from '../help/texts.js';

const plural = new Intl.PluralRules('de');

/** The troubleshooting view's texts in German. */
const de: HelpTexts = {
  title: 'Du erhältst keine Benachrichtigungen?',
  checkState: { ok: 'OK', attention: 'braucht deine Aufmerksamkeit', checking: 'wird geprüft' },
  checking: 'Wird geprüft…',
  categoriesCheck: 'Prüfe, ob die betreffende Kategorie in deinen Einstellungen aktiviert ist',
  allCategoriesOn: 'Alle Kategorien sind aktiviert.',
  categoriesOff: (count) =>
    plural.select(count) === 'one' ? 'Diese Kategorie ist deaktiviert:' : 'Diese Kategorien sind deaktiviert:',
  turnOn: 'Aktivieren',
  turnOnCategory: (category) => `${category} aktivieren`,
  turnOnFailed: 'Sie konnte nicht aktiviert werden. Versuch es noch einmal.',
  emailCheck: 'Prüfe in den Profileinstellungen, ob deine E-Mail-Adresse stimmt',
  emailGoesTo: 'E-Mail-Benachrichtigungen gehen an',
  noEmail: 'In deinem Profil ist keine E-Mail-Adresse hinterlegt.',
  emailUnknown: 'Deine E-Mail-Adresse konnte gerade nicht geprüft werden.',
  profileLink: 'Profileinstellungen öffnen',
  emailOnFor: (categories) => `E-Mail ist aktiviert für ${categories}.`,
  emailOff: 'E-Mail ist für alle Kategorien deaktiviert: Aktiviere sie bei den Kanälen einer Kategorie.',
  spamCheck: 'Sieh in deinem Spam-Ordner nach, ob E-Mail-Benachrichtigungen dort gelandet sind',
  browserCheck: 'Stelle sicher, dass dein Browser oder die Desktop-App Benachrichtigungen zulässt',
  browserOnFor: (categories) => `Browser-Benachrichtigungen sind aktiviert für ${categories}.`,
  browserOff:
    'Browser-Benachrichtigungen sind für alle Kategorien deaktiviert: Wähle „Browser“ bei den Kanälen einer Kategorie.',
  connectionCheck: 'Melde dich ab und wieder an, um die Verbindung für Benachrichtigungen zu erneuern',
  connection: {
    idle: 'Verbindung wird hergestellt…',
    connecting: 'Verbindung wird hergestellt…',
    live: 'Verbunden: Neue Benachrichtigungen kommen sofort an.',
    polling: 'Live-Updates sind gerade langsam: Neue Benachrichtigungen werden in kurzen Abständen abgerufen.',
    offline: 'Offline: Neue Benachrichtigungen kommen an, sobald du wieder online bist.',
  },
  connectionError: (reason) => `Nicht verbunden: ${reason.replace(/[.!?]$/, '')}.`,
  connectionRetrying:
    'Die Verbindung wurde unterbrochen. Sie wird automatisch erneut versucht – oder verbinde dich jetzt neu.',
  reconnect: 'Neu verbinden',
  reconnectHint: '„Neu verbinden“ versucht die Verbindung sofort erneut und lädt deine Benachrichtigungen neu.',
  tooMany: 'Du erhältst zu viele Benachrichtigungen?',
  tooManyAdvice: 'Deaktiviere Kategorien, die für deinen Workflow nicht relevant sind.',
  preferencesLink: 'Benachrichtigungseinstellungen öffnen',
};

export default de;
