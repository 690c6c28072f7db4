import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { storyClient } from './support/story-backend.js';
import { LOOKS, frame, type Look } from './support/render.js';

const meta: Meta = { title: 'Elements/pd-sync-status', component: 'pd-sync-status' };
export default meta;
type Story = StoryObj;

/** “Paper Planes” just accepted: its files are syncing (the story's clock stands still). */
const syncing = (look: Look = {}) =>
  frame(
    storyClient({
      setup: (store, user) => {
        const invitation = store.listInvitations(user, 'pending').find((inv) => inv.track.id === 'paper-planes')!;
        store.acceptInvitation(user, invitation.id);
      },
      ...(look.locale ? { locale: look.locale } : {}),
    }),
    look,
    html`<pd-sync-status
      track-id="paper-planes"
      theme=${look.theme ?? 'light'}
      locale=${look.locale ?? 'en'}
    ></pd-sync-status>`,
  );

export const Syncing: Story = { render: () => syncing() };
export const Dark: Story = { render: () => syncing(LOOKS.dark) };
export const French: Story = { render: () => syncing(LOOKS.french) };
