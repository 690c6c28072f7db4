import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoInvitation, storyClient } from './support/story-backend.js';
import { LONG_TITLE, LOOKS, frame, type Look } from './support/render.js';

const meta: Meta = { title: 'Elements/pd-invite-card', component: 'pd-invite-card' };
export default meta;
type Story = StoryObj;

const card = (index: number, look: Look = {}, rename?: string) => {
  const invitation = demoInvitation(index);
  const shown = rename ? { ...invitation, track: { ...invitation.track, name: rename } } : invitation;
  return frame(
    storyClient(),
    look,
    html`<pd-invite-card
      .invitation=${shown}
      theme=${look.theme ?? 'light'}
      locale=${look.locale ?? 'en'}
    ></pd-invite-card>`,
  );
};

/** With artwork, full control, sent minutes ago. */
export const WithArtwork: Story = { render: () => card(0) };
/** No artwork: the placeholder icon; view only, days ago. */
export const Placeholder: Story = { render: () => card(2) };
export const LongTrackName: Story = { render: () => card(1, {}, LONG_TITLE) };
export const Dark: Story = { render: () => card(0, LOOKS.dark) };
export const French: Story = { render: () => card(1, LOOKS.french) };
export const Narrow: Story = { render: () => card(0, { width: '300px' }) };
