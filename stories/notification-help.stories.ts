import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Preferences } from '@pd-notify/client';
import type { Store } from '@pd-notify/mock-server/domain';
import { html } from 'lit';
import { fromArgs } from './support/args.js';
import { argTypesFor } from './support/manifest.js';
import { permission } from './support/notification-permission.js';
import { ownFrame } from './support/render.js';
import { focusVisibly, inShadow } from './support/render.js';
import type { Scenario } from './support/story-backend.js';

/**
 * "Not receiving notifications?": every check in each of its states. The
 * browser's permission is set per story (`beforeEach`); "not asked yet"
 * unless a story says otherwise.
 */
const meta: Meta = {
  title: 'Elements/pd-notification-help',
  component: 'pd-notification-help',
  argTypes: argTypesFor('pd-notification-help'),
  args: { 'profile-href': '#profile', 'preferences-href': '#settings' },
  parameters: { page: { width: '40rem' } },
  beforeEach: permission('default'),
  render: (args, context) => html`<pd-notification-help ${fromArgs(args, context)}></pd-notification-help>`,
};
export default meta;
type Story = StoryObj;

const scenario = (value: Scenario) => ({ scenario: value });

/** Changes the signed-in user's saved preferences before the story starts. */
const preferences =
  (change: (prefs: Preferences) => void) =>
  (store: Store, user: string): void => {
    const prefs = structuredClone(store.getPreferences(user));
    change(prefs);
    const { version, categories, reminderLeadDays } = prefs;
    store.savePreferences(user, { version, categories, reminderLeadDays });
  };

/** Every check passes: every category on, email on for System, browser notifications allowed and on, connected. */
export const AllGood: Story = {
  beforeEach: permission('granted'),
  parameters: {
    ...scenario({ setup: preferences((prefs) => (prefs.categories.system.channels.browser = true)) }),
    ...ownFrame('820px'),
  },
};
/** Track Activity switched off and Project updates out of the app: each with "Turn on". */
export const CategoriesOff: Story = {
  parameters: scenario({
    setup: preferences((prefs) => {
      prefs.categories.trackActivity.enabled = false;
      prefs.categories.projects.channels.inApp = false;
    }),
  }),
};
/** No category sends email. */
export const EmailOff: Story = {
  parameters: scenario({ setup: preferences((prefs) => (prefs.categories.system.channels.email = false)) }),
};
/** A user with no email address on their profile. */
export const NoEmailAddress: Story = {
  parameters: scenario({
    user: 'sam',
    setup: (store) => store.addUser({ id: 'sam', name: 'Sam Reyes', avatarUrl: null, email: null }, ['demo-sam']),
  }),
};
/** `GET /v1/me` fails: the address cannot be checked. */
export const EmailUnknown: Story = { parameters: scenario({ fail: { match: /^GET \/v1\/me$/, status: 403 } }) };
/** Still asking the server: every check says "Checking…". */
export const Checking: Story = { parameters: scenario({ hang: /^GET \/v1\/(me|preferences)$/ }) };
/** The browser has not asked yet: "Turn on browser notifications". */
export const BrowserNotAsked: Story = {};
/** Allowed, but no category uses browser notifications yet. */
export const BrowserAllowed: Story = { beforeEach: permission('granted'), parameters: ownFrame('820px') };
/** Blocked: how to allow notifications again in the site settings. */
export const BrowserBlocked: Story = { beforeEach: permission('denied'), parameters: ownFrame('820px') };
/** A browser without the Notification API. */
export const BrowserUnsupported: Story = { beforeEach: permission('unsupported'), parameters: ownFrame('820px') };
/** No event stream: polling. */
export const Polling: Story = { parameters: scenario({ stream: 'down' }) };
/** The browser is offline. */
export const Offline: Story = { parameters: scenario({ online: false }) };
/** The stream refuses the user: not connected, with the reason. */
export const ConnectionError: Story = { parameters: scenario({ fail: { match: /^GET \/v1\/events$/, status: 401 } }) };
/** The keyboard's focus on "Turn on browser notifications" (its ring). */
export const Focused: Story = {
  play: async ({ canvasElement }) => {
    const help = canvasElement.querySelector('pd-notification-help')!;
    await focusVisibly(await inShadow(help, '[part~="allow-browser"]'));
  },
};
export const French: Story = {
  parameters: scenario({ setup: preferences((prefs) => (prefs.categories.trackActivity.enabled = false)) }),
  globals: { locale: 'fr' },
};
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
export const Narrow: Story = {
  parameters: {
    ...scenario({ setup: preferences((prefs) => (prefs.categories.dueDates.enabled = false)) }),
    page: { width: '360px' },
  },
};
