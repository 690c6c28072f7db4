import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { storyClient, type Scenario } from './support/story-backend.js';
import { LONG_MESSAGE, LONG_TITLE, LOOKS, frame, inShadow, type Look } from './support/render.js';

const meta: Meta = {
  title: 'Elements/pd-activity-feed',
  component: 'pd-activity-feed',
  // The panel's contents load on demand: a story is ready (and checked) once they are there.
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement.querySelector('pd-activity-feed')!, '[part="tabs"]');
  },
};
export default meta;
type Story = StoryObj;

/** The inline feed (the panel alone) on a scenario of the story backend. */
const feed = (scenario: Scenario = {}, look: Look = {}) =>
  frame(
    storyClient({ ...scenario, ...(look.locale ? { locale: look.locale } : {}) }),
    look,
    html`<pd-activity-feed inline theme=${look.theme ?? 'light'} locale=${look.locale ?? 'en'}></pd-activity-feed>`,
  );

/** The demo data: one row of each category, unread and read, high priority, an invite and a support question. */
export const EveryCategory: Story = { render: () => feed() };
export const Empty: Story = { render: () => feed({ seed: 'empty' }) };
export const Loading: Story = { render: () => feed({ hang: /^GET \/v1\/notifications$/ }) };
export const LoadFailed: Story = { render: () => feed({ fail: { match: /^GET \/v1\/notifications$/, status: 401 } }) };
/** The stream is down: the feed polls and says so. */
export const Polling: Story = { render: () => feed({ stream: 'down' }) };
export const LongTexts: Story = {
  render: () =>
    feed({
      setup: (store, user) =>
        store.deliver(user, { type: 'comment', title: LONG_TITLE, message: LONG_MESSAGE, priority: 'high' }),
    }),
};
export const TenThousandRows: Story = {
  render: () =>
    feed({
      seed: 'empty',
      setup: (store, user) => {
        for (let i = 1; i <= 10_000; i++) {
          store.deliver(user, {
            type: 'comment',
            title: `Comment ${i} on “Midnight Drive”`,
            message: `Take ${i} is up.`,
          });
        }
      },
    }),
};
export const Dark: Story = { render: () => feed({}, LOOKS.dark) };
export const RightToLeft: Story = { render: () => feed({}, LOOKS.rtl) };
export const French: Story = { render: () => feed({}, LOOKS.french) };
export const Narrow: Story = { render: () => feed({}, LOOKS.narrow) };

/** The drop-in: the bell with its badge; the play step opens the dropdown. */
export const Dropdown: Story = {
  render: () =>
    frame(
      storyClient(),
      { width: '100%' },
      html`<div style="display:flex;justify-content:flex-end"><pd-activity-feed></pd-activity-feed></div>`,
    ),
  play: async ({ canvasElement }) => {
    const feedElement = canvasElement.querySelector('pd-activity-feed')!;
    (await inShadow<HTMLButtonElement>(feedElement, '.bell')).click();
    await inShadow(feedElement, 'article');
  },
};

/** An invite accepted from its row: the row says so (the toast shows in the page's toaster). */
export const InviteAccepted: Story = {
  render: () => feed(),
  play: async ({ canvasElement }) => {
    const feedElement = canvasElement.querySelector('pd-activity-feed')!;
    (await inShadow<HTMLButtonElement>(feedElement, '[part="action"]')).click();
    await inShadow(feedElement, '.answered');
  },
};
