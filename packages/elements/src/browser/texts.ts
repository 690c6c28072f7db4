/** The texts of the browser channel (the permission and its explanations, SPEC NS6 and NS7): English here, others on demand. */
import type { BrowserPermission } from '@pd-notify/client/browser-notifications';
import type { Texts } from '../i18n.js';

export interface BrowserTexts {
  /** The channel's checkbox in a category. */
  browser: string;
  browserTitle: string;
  /** Where the permission stands, and what to do about it. */
  permission: Record<BrowserPermission, string>;
  turnOnBrowser: string;
}

const en: BrowserTexts = {
  browser: 'Browser',
  browserTitle: 'Browser notifications',
  permission: {
    default: 'Get a notification from your browser when something new arrives while this site is not in front.',
    granted:
      'Your browser allows notifications from this site: choose “Browser” in the channels of each category you want them for.',
    denied:
      'Your browser blocks notifications from this site. To allow them again, open the site settings (the icon beside the address bar), set Notifications to Allow, then reload the page.',
    unsupported: 'This browser cannot show notifications. They still arrive here and by email.',
  },
  turnOnBrowser: 'Turn on browser notifications',
};

export const BROWSER_TEXTS: Texts<BrowserTexts> = {
  en,
  others: {
    fr: () => import('../locales/fr-browser.js'),
    de: () => import('../locales/de-browser.js'),
    es: () => import('../locales/es-browser.js'),
    ar: () => import('../locales/ar-browser.js'),
  },
};
