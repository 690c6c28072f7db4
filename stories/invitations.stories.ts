import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PdInvitations } from '../packages/elements/src/index.js';
import { fromArgs } from './support/args.js';
import { lookOf } from './support/globals.js';
import { argTypesFor } from './support/manifest.js';
import { focusVisibly, inShadow, waitFor } from './support/render.js';
import type { Scenario } from './support/story-backend.js';

const modalOf = (canvas: HTMLElement) => canvas.querySelector<PdInvitations>('pd-invitations')!;

/** Waits for the open modal's contents: its cards, or the state in their place. */
async function shown(canvas: HTMLElement): Promise<PdInvitations> {
  const modal = modalOf(canvas);
  await inShadow(modal, 'pd-invite-card, [part="empty"], [part="loading"], [part="error"]');
  return modal;
}

/** A card's button, once the card has rendered. */
async function cardButton(canvas: HTMLElement, part: 'accept' | 'decline'): Promise<HTMLButtonElement> {
  const card = await inShadow(await shown(canvas), 'pd-invite-card');
  return inShadow<HTMLButtonElement>(card, `[part="${part}"]`);
}

/**
 * The modal, open (its `open` arg), beside the envelope badge that opens it.
 * Each story renders in a frame of its own on the docs page: a modal dialog
 * takes the whole window.
 */
const meta: Meta = {
  title: 'Elements/pd-invitations',
  component: 'pd-invitations',
  argTypes: argTypesFor('pd-invitations'),
  args: { open: true },
  parameters: { docs: { story: { inline: false, height: '640px' } } },
  render: (args, context) =>
    html`<pd-bell-badge counter="invitations" for="invitations" theme=${lookOf(context.globals).theme}></pd-bell-badge>
      <pd-invitations id="invitations" ${fromArgs(args, context)}></pd-invitations>`,
  play: async ({ canvasElement }) => {
    await shown(canvasElement);
  },
};
export default meta;
type Story = StoryObj;

const scenario = (value: Scenario) => ({ scenario: value });

export const Open: Story = {};
/** Closed: the envelope's badge counts the pending invitations; pressing it opens the modal. */
export const Closed: Story = { args: { open: false }, play: () => {} };
export const Empty: Story = { parameters: scenario({ seed: 'empty' }) };
/** Filtered to the track selected in the host's grid, with "Show all". */
export const FilteredByTrack: Story = { args: { 'track-id': 'low-tide' } };
export const Loading: Story = { parameters: scenario({ hang: /^GET \/v1\/invitations$/ }) };
export const LoadFailed: Story = {
  parameters: scenario({ fail: { match: /^GET \/v1\/invitations$/, status: 403 } }),
  play: async ({ canvasElement }) => {
    await inShadow(modalOf(canvasElement), '[part="error"]');
  },
};
/** "Accepting…": the request never answers in this story. */
export const Accepting: Story = {
  parameters: scenario({ hang: /^POST \/v1\/invitations\/.+\/accept$/ }),
  play: async ({ canvasElement }) => {
    const accept = await cardButton(canvasElement, 'accept');
    accept.click();
    await waitFor(() => accept.textContent?.includes('Accepting'));
  },
};
export const AcceptFailed: Story = {
  parameters: scenario({ fail: { match: /^POST \/v1\/invitations\/.+\/accept$/, status: 409 } }),
  play: async ({ canvasElement }) => {
    (await cardButton(canvasElement, 'accept')).click();
    await inShadow(await inShadow(modalOf(canvasElement), 'pd-invite-card'), '[part="error"]');
  },
};
/** Accepted: the toast shows inside the open modal, above its backdrop. */
export const AcceptedToast: Story = {
  play: async ({ canvasElement }) => {
    (await cardButton(canvasElement, 'accept')).click();
    await inShadow(await inShadow(modalOf(canvasElement), 'pd-toaster'), '[part~="message"]');
  },
};
/** The keyboard's focus on the first card's "Accept" (its ring). */
export const Focused: Story = {
  play: async ({ canvasElement }) => {
    await focusVisibly(await cardButton(canvasElement, 'accept'));
  },
};
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
export const French: Story = { globals: { locale: 'fr' } };
/** The same in German, Spanish and Arabic (right to left): the elements' texts and the server's, each in its language. */
export const German: Story = { globals: { locale: 'de' } };
export const Spanish: Story = { globals: { locale: 'es' } };
export const Arabic: Story = { globals: { locale: 'ar', dir: 'rtl' } };
