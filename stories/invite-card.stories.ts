import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PdInviteCard } from '../packages/elements/src/index.js';
import { fromArgs } from './support/args.js';
import { argTypesFor } from './support/manifest.js';
import { focusVisibly, inShadow, waitFor } from './support/render.js';
import { addLongNamedTrack, demoInvitation } from './support/story-backend.js';

const cardOf = (canvas: HTMLElement) => canvas.querySelector<PdInviteCard>('pd-invite-card')!;
const button = (canvas: HTMLElement, part: 'accept' | 'decline') =>
  inShadow<HTMLButtonElement>(cardOf(canvas), `[part="${part}"]`);

/** One invitation of the demo user (its `invitation` arg), answered through the story's backend. */
const meta: Meta = {
  title: 'Elements/pd-invite-card',
  component: 'pd-invite-card',
  argTypes: argTypesFor('pd-invite-card'),
  args: { invitation: demoInvitation('paper-planes') },
  render: (args, context) => html`<pd-invite-card ${fromArgs(args, context)}></pd-invite-card>`,
};
export default meta;
type Story = StoryObj;

/** With artwork, full control, sent minutes ago. */
export const WithArtwork: Story = {};
/** No artwork: the placeholder icon; view only, days ago. */
export const Placeholder: Story = { args: { invitation: demoInvitation('sketch-14') } };
/** A track with a long name, with its own cover (the name's initials). */
export const LongTrackName: Story = {
  args: { invitation: demoInvitation('northern-lights', addLongNamedTrack) },
  parameters: { scenario: { setup: addLongNamedTrack } },
};
/** Answered offline: "Will sync when you’re back online" until the connection is back. */
export const Pending: Story = { args: { pending: true } };
/** "Accepting…": the request never answers in this story. */
export const Accepting: Story = {
  parameters: { scenario: { hang: /^POST \/v1\/invitations\/.+\/accept$/ } },
  play: async ({ canvasElement }) => {
    const accept = await button(canvasElement, 'accept');
    accept.click();
    await waitFor(() => accept.textContent?.includes('Accepting'));
  },
};
/**
 * Accepted, leaving: the card fades out (its `leaving` attribute is set
 * meanwhile) and the page's toast says so; the story holds the fade halfway.
 * Half faded, its text is meant to lose contrast: axe's contrast rule is off
 * for this story only.
 */
export const Leaving: Story = {
  parameters: { a11y: { options: { rules: { 'color-contrast': { enabled: false } } } } },
  play: async ({ canvasElement }) => {
    const card = cardOf(canvasElement);
    // Caught as the fade starts (the attribute is reflected right after), whatever the machine's speed.
    const fading = new Promise<Animation>((resolve) => {
      const observer = new MutationObserver(() => {
        const animation = card.getAnimations()[0];
        if (!card.hasAttribute('leaving') || !animation) return;
        observer.disconnect();
        resolve(animation);
      });
      observer.observe(card, { attributes: true, attributeFilter: ['leaving'] });
    });
    (await button(canvasElement, 'accept')).click();
    const fade = await fading;
    fade.pause();
    fade.currentTime = 120;
  },
};
export const AcceptFailed: Story = {
  parameters: { scenario: { fail: { match: /^POST \/v1\/invitations\/.+\/accept$/, status: 409 } } },
  play: async ({ canvasElement }) => {
    (await button(canvasElement, 'accept')).click();
    await inShadow(cardOf(canvasElement), '[part="error"]');
  },
};
/** The keyboard's focus on "Accept" (its ring). */
export const Focused: Story = {
  play: async ({ canvasElement }) => {
    await focusVisibly(await button(canvasElement, 'accept'));
  },
};
export const French: Story = { args: { invitation: demoInvitation('low-tide') }, globals: { locale: 'fr' } };
export const Narrow: Story = { parameters: { page: { width: '300px' } } };
