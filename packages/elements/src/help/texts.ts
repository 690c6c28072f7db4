/**
 * The troubleshooting view's texts (SPEC NS7), in the product's words: English
 * here, others loaded on demand. Each check leads with the product document's
 * own sentence, then says what applies now.
 */
import type { ConnectionStatus } from '@pd-notify/client';
import type { Texts } from '../i18n.js';

export interface HelpTexts {
  title: string;
  /** What a check's mark says, for screen readers. */
  checkState: Record<'ok' | 'attention' | 'checking', string>;
  checking: string;
  categoriesCheck: string;
  allCategoriesOn: string;
  categoriesOff(count: number): string;
  turnOn: string;
  turnOnCategory(category: string): string;
  turnOnFailed: string;
  emailCheck: string;
  emailGoesTo: string;
  noEmail: string;
  /** `/v1/me` could not be asked. */
  emailUnknown: string;
  profileLink: string;
  emailOnFor(categories: string): string;
  emailOff: string;
  spamCheck: string;
  browserCheck: string;
  browserOnFor(categories: string): string;
  browserOff: string;
  connectionCheck: string;
  connection: Record<Exclude<ConnectionStatus, 'error'>, string>;
  connectionError(reason: string): string;
  /** Connecting again after a failure, waiting to retry. */
  connectionRetrying: string;
  reconnect: string;
  reconnectHint: string;
  tooMany: string;
  tooManyAdvice: string;
  preferencesLink: string;
}

const en: HelpTexts = {
  title: 'Not receiving notifications?',
  checkState: { ok: 'OK', attention: 'needs your attention', checking: 'checking' },
  checking: 'Checking…',
  categoriesCheck: 'Check that the specific category is toggled on in your preferences',
  allCategoriesOn: 'Every category is on.',
  categoriesOff: (count) => (count === 1 ? 'This category is switched off:' : 'These categories are switched off:'),
  turnOn: 'Turn on',
  turnOnCategory: (category) => `Turn on ${category}`,
  turnOnFailed: 'It could not be switched on. Try again.',
  emailCheck: 'Verify your email address is correct in Profile settings',
  emailGoesTo: 'Email notifications go to',
  noEmail: 'There is no email address on your profile.',
  emailUnknown: 'Your email address could not be checked right now.',
  profileLink: 'Open Profile settings',
  emailOnFor: (categories) => `Email is on for ${categories}.`,
  emailOff: 'Email is off for every category: turn it on in a category’s channels.',
  spamCheck: 'Check your spam or junk folder for email notifications',
  browserCheck: 'Ensure your browser or desktop app has notification permissions enabled',
  browserOnFor: (categories) => `Browser notifications are on for ${categories}.`,
  browserOff: 'Browser notifications are off for every category: choose “Browser” in a category’s channels.',
  connectionCheck: 'Try signing out and back in to refresh the notification connection',
  connection: {
    idle: 'Connecting…',
    connecting: 'Connecting…',
    live: 'Connected: new notifications arrive as they happen.',
    polling: 'Live updates are slow right now: new notifications are checked for every little while.',
    offline: 'Offline: new notifications arrive once you are back online.',
  },
  connectionError: (reason) => `Not connected: ${reason.replace(/[.!?]$/, '')}.`,
  connectionRetrying: 'The connection dropped. It will try again by itself, or reconnect now.',
  reconnect: 'Reconnect',
  reconnectHint: 'Reconnect tries the connection again now and reloads your notifications.',
  tooMany: 'Receiving too many notifications?',
  tooManyAdvice: 'Disable categories that don’t apply to your workflow.',
  preferencesLink: 'Open notification preferences',
};

export const HELP_TEXTS: Texts<HelpTexts> = {
  en,
  others: {
    fr: () => import('../locales/fr-help.js'),
    de: () => import('../locales/de-help.js'),
    es: () => import('../locales/es-help.js'),
    ar: () => import('../locales/ar-help.js'),
  },
};
