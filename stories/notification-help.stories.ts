import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Preferences } from '@pd-notify/client';
import type { Store } from '@pd-notify/mock-server/domain';
import { html } from 'lit';
import { permission } from './support/notification-permission.js';
import { storyClient, type Scenario } from './support/story-backend.js';
import { LOOKS, frame, type Look } from './support/render.js';

/**
 * "Not receiving notifications?": every check in each of its states. The
 * browser's permission is set per story (`beforeEach`); "not asked yet"
 * unless a story says otherwise.
 */
const meta: Meta = {
  title: 'Elements/pd-notification-help',
  component: 'pd-notification-help',
  beforeEach: permission('default'),
};
export default meta;
type Story = StoryObj;

const view = (scenario: Scenario = {}, look: Look = {}) =>
  frame(
    storyClient(scenario),
    { width: '40rem', ...look },
    html`<pd-notification-help
      theme=${look.theme ?? 'light'}
      locale=${look.locale ?? 'en'}
      profile-href="#profile"
      preferences-href="#settings"
    ></pd-notification-help>`,
  );

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
  render: () => view({ setup: preferences((prefs) => (prefs.categories.system.channels.browser = true)) }),
};
/** Track Activity switched off and Project updates out of the app: each with "Turn on". */
export const CategoriesOff: Story = {
  render: () =>
    view({
      setup: preferences((prefs) => {
        prefs.categories.trackActivity.enabled = false;
        prefs.categories.projects.channels.inApp = false;
      }),
    }),
};
/** No category sends email. */
export const EmailOff: Story = {
  render: () => view({ setup: preferences((prefs) => (prefs.categories.system.channels.email = false)) }),
};
/** A user with no email address on their profile. */
export const NoEmailAddress: Story = {
  render: () =>
    view({
      user: 'sam',
      setup: (store) => store.addUser({ id: 'sam', name: 'Sam Reyes', avatarUrl: null, email: null }, ['demo-sam']),
    }),
};
/** `GET /v1/me` fails: the address cannot be checked. */
export const EmailUnknown: Story = { render: () => view({ fail: { match: /^GET \/v1\/me$/, status: 403 } }) };
/** Still asking the server: every check says "Checking…". */
export const Checking: Story = { render: () => view({ hang: /^GET \/v1\/(me|preferences)$/ }) };
/** The browser has not asked yet: "Turn on browser notifications". */
export const BrowserNotAsked: Story = { render: () => view() };
/** Allowed, but no category uses browser notifications yet. */
export const BrowserAllowed: Story = { beforeEach: permission('granted'), render: () => view() };
/** Blocked: how to allow notifications again in the site settings. */
export const BrowserBlocked: Story = { beforeEach: permission('denied'), render: () => view() };
/** A browser without the Notification API. */
export const BrowserUnsupported: Story = { beforeEach: permission('unsupported'), render: () => view() };
/** No event stream: polling. */
export const Polling: Story = { render: () => view({ stream: 'down' }) };
/** The browser is offline. */
export const Offline: Story = { render: () => view({ online: false }) };
/** The stream refuses the user: not connected, with the reason. */
export const ConnectionError: Story = { render: () => view({ fail: { match: /^GET \/v1\/events$/, status: 401 } }) };
export const Dark: Story = { render: () => view({}, LOOKS.dark) };
export const French: Story = {
  render: () => view({ setup: preferences((prefs) => (prefs.categories.trackActivity.enabled = false)) }, LOOKS.french),
};
export const RightToLeft: Story = { render: () => view({}, LOOKS.rtl) };
export const Narrow: Story = {
  render: () => view({ setup: preferences((prefs) => (prefs.categories.dueDates.enabled = false)) }, LOOKS.narrow),
};
