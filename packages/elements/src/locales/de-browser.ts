import type { BrowserTexts } from '../browser/texts.js';

/** The browser channel's texts in German. */
const de: BrowserTexts = {
  browser: 'Browser',
  browserTitle: 'Browser-Benachrichtigungen',
  permission: {
    default:
      'Lass dich von deinem Browser benachrichtigen, wenn etwas Neues eintrifft, während diese Seite nicht im Vordergrund ist.',
    granted:
      'Dein Browser erlaubt Benachrichtigungen dieser Seite: Wähle „Browser“ bei den Kanälen jeder Kategorie, für die du sie möchtest.',
    denied:
      'Dein Browser blockiert Benachrichtigungen dieser Seite. Um sie wieder zu erlauben, öffne die Website-Einstellungen (das Symbol neben der Adressleiste), stelle Benachrichtigungen auf „Zulassen“ und lade die Seite dann neu.',
    unsupported: 'Dieser Browser kann keine Benachrichtigungen anzeigen. Sie kommen weiterhin hier und per E-Mail an.',
  },
  turnOnBrowser: 'Im Browser benachrichtigen',
};

export default de;
