import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Store } from '@pd-notify/mock-server/domain';
import { html } from 'lit';
import { COUNTERS } from '../packages/elements/src/index.js';
import { fromArgs } from './support/args.js';
import { PAGES } from './support/globals.js';
import { argTypesFor } from './support/manifest.js';
import { focusVisibly, inShadow } from './support/render.js';

/**
 * The badges sit in the host's header and take its text colour: on the page of
 * the theme (or the background chosen in the toolbar), the icons are in that
 * page's text colour.
 */
const meta: Meta = {
  title: 'Elements/pd-bell-badge',
  component: 'pd-bell-badge',
  argTypes: { ...argTypesFor('pd-bell-badge'), counter: { control: 'inline-radio', options: [...COUNTERS] } },
  render: (args, context) => html`<pd-bell-badge ${fromArgs(args, context)}></pd-bell-badge>`,
};
export default meta;
type Story = StoryObj;

/** Unread notifications of the demo user. */
export const Notifications: Story = { args: { counter: 'notifications' } };
/** Pending invitations of the demo user (the envelope). */
export const Invitations: Story = { args: { counter: 'invitations' } };
/** Nothing unread: no badge. */
export const Zero: Story = { parameters: { scenario: { seed: 'empty' } } };

/** 120 unread comments from a busy mixing session: the badge says 99+. */
const busySession = {
  scenario: {
    setup: (store: Store, user: string) => {
      const tracks = ['midnight-drive', 'golden-hour', 'neon-rain'];
      for (let i = 0; i < 120; i++) {
        store.deliver(user, {
          type: 'comment',
          title: `Ben Okafor commented on take ${i + 1}`,
          message: 'Snare a touch quieter from the second chorus.',
          actorId: 'ben',
          trackId: tracks[i % tracks.length]!,
        });
      }
    },
  },
};
export const OverNinetyNine: Story = { parameters: busySession };
/** 99+ on the dark page: the bell in the page's light text colour, the badge in the dark theme's colours. */
export const OverNinetyNineDark: Story = { parameters: busySession, globals: { theme: 'dark' } };
export const French: Story = { globals: { locale: 'fr' } };

/** The bell's focus ring, as after Tab. */
export const Focused: Story = {
  play: async ({ canvasElement }) => {
    await focusVisibly(await inShadow(canvasElement.querySelector('pd-bell-badge')!, 'button'));
  },
};

/**
 * In every host header of the backgrounds toolbar, in both themes: the bell and
 * the envelope are in the header's text colour, the badge in the theme's.
 */
export const OnHostHeaders: Story = {
  parameters: { page: { width: '100%' } },
  render: (args, context) =>
    html`${Object.values(PAGES).map(({ name, value, text }) =>
      (['light', 'dark'] as const).map(
        (theme) =>
          html`<div
            style="display: flex; align-items: center; gap: 0.5rem; padding: 0.5rem 1rem; background: ${value}; color: ${text}"
          >
            <span style="flex: 1">${name}, ${theme} theme</span>
            <pd-bell-badge ${fromArgs({ ...args, theme, counter: 'notifications' }, context)}></pd-bell-badge>
            <pd-bell-badge ${fromArgs({ ...args, theme, counter: 'invitations' }, context)}></pd-bell-badge>
          </div>`,
      ),
    )}`,
};
