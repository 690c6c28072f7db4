import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { storyClient, type Scenario } from './support/story-backend.js';
import { LOOKS, frame, type Look } from './support/render.js';

const meta: Meta = { title: 'Elements/pd-bell-badge', component: 'pd-bell-badge' };
export default meta;
type Story = StoryObj;

const badges = (scenario: Scenario = {}, look: Look = {}) =>
  frame(
    storyClient(scenario),
    look,
    html`<pd-bell-badge theme=${look.theme ?? 'light'} locale=${look.locale ?? 'en'}></pd-bell-badge>
      <pd-bell-badge
        counter="invitations"
        theme=${look.theme ?? 'light'}
        locale=${look.locale ?? 'en'}
      ></pd-bell-badge>`,
  );

/** Unread notifications and pending invitations of the demo user. */
export const Counts: Story = { render: () => badges() };
export const Zero: Story = { render: () => badges({ seed: 'empty' }) };
export const OverNinetyNine: Story = {
  render: () =>
    badges({
      setup: (store, user) => {
        for (let i = 0; i < 120; i++) store.deliver(user, { type: 'comment', title: `Comment ${i}`, message: '' });
      },
    }),
};
export const Dark: Story = { render: () => badges({}, LOOKS.dark) };
export const French: Story = { render: () => badges({}, LOOKS.french) };
/** In light and dark host headers, in both themes: the icons take the header's text colour. */
export const OnHostHeaders: Story = {
  render: () =>
    frame(
      storyClient(),
      { width: '100%' },
      html`${[
        ['#ffffff', '#1d1d22'],
        ['#111827', '#f9fafb'],
      ].map(([background, color]) =>
        ['light', 'dark'].map(
          (theme) =>
            html`<div style="display:flex;gap:0.5rem;padding:0.5rem;background:${background};color:${color}">
              <pd-bell-badge theme=${theme}></pd-bell-badge>
              <pd-bell-badge counter="invitations" theme=${theme}></pd-bell-badge>
            </div>`,
        ),
      )}`,
    ),
};
