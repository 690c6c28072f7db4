import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PdInvitations } from '../packages/elements/src/index.js';
import { storyClient, type Scenario } from './support/story-backend.js';
import { LOOKS, frame, inShadow, waitFor, type Look } from './support/render.js';

const meta: Meta = { title: 'Elements/pd-invitations', component: 'pd-invitations' };
export default meta;
type Story = StoryObj;

const modal = (scenario: Scenario = {}, look: Look = {}, trackId?: string) =>
  frame(
    storyClient({ ...scenario, ...(look.locale ? { locale: look.locale } : {}) }),
    look,
    html`<pd-bell-badge counter="invitations" for="invitations" theme=${look.theme ?? 'light'}></pd-bell-badge>
      <pd-invitations
        id="invitations"
        theme=${look.theme ?? 'light'}
        locale=${look.locale ?? 'en'}
        track-id=${trackId ?? ''}
      ></pd-invitations>`,
  );

/** Opens the modal and waits for its cards (or its empty state). */
async function open(canvasElement: HTMLElement): Promise<PdInvitations> {
  const element = canvasElement.querySelector<PdInvitations>('pd-invitations')!;
  element.show();
  await inShadow(element, 'pd-invite-card, [part="empty"]');
  return element;
}

/** A card's button, once the card has rendered. */
async function cardButton(element: PdInvitations, part: 'accept' | 'decline'): Promise<HTMLButtonElement> {
  const card = await inShadow(element, 'pd-invite-card');
  return inShadow<HTMLButtonElement>(card, `[part="${part}"]`);
}

export const Open: Story = { render: () => modal(), play: ({ canvasElement }) => open(canvasElement).then(() => {}) };
export const Empty: Story = {
  render: () => modal({ seed: 'empty' }),
  play: ({ canvasElement }) => open(canvasElement).then(() => {}),
};
export const FilteredByTrack: Story = {
  render: () => modal({}, {}, 'low-tide'),
  play: ({ canvasElement }) => open(canvasElement).then(() => {}),
};
/** "Accepting…": the request never answers in this story. */
export const Accepting: Story = {
  render: () => modal({ hang: /^POST \/v1\/invitations\/.+\/accept$/ }),
  play: async ({ canvasElement }) => {
    const element = await open(canvasElement);
    const accept = await cardButton(element, 'accept');
    accept.click();
    await waitFor(() => accept.textContent?.includes('Accepting'));
  },
};
export const AcceptFailed: Story = {
  render: () => modal({ fail: { match: /^POST \/v1\/invitations\/.+\/accept$/, status: 409 } }),
  play: async ({ canvasElement }) => {
    const element = await open(canvasElement);
    (await cardButton(element, 'accept')).click();
    await inShadow(await inShadow(element, 'pd-invite-card'), '[part="error"]');
  },
};
export const Dark: Story = {
  render: () => modal({}, LOOKS.dark),
  play: ({ canvasElement }) => open(canvasElement).then(() => {}),
};
export const RightToLeft: Story = {
  render: () => modal({}, LOOKS.rtl),
  play: ({ canvasElement }) => open(canvasElement).then(() => {}),
};
export const French: Story = {
  render: () => modal({}, LOOKS.french),
  play: ({ canvasElement }) => open(canvasElement).then(() => {}),
};
/** Accepted: the toast shows inside the open modal, above its backdrop. */
export const AcceptedToast: Story = {
  render: () => modal(),
  play: async ({ canvasElement }) => {
    const element = await open(canvasElement);
    (await cardButton(element, 'accept')).click();
    await inShadow(await inShadow(element, 'pd-toaster'), '[part~="message"]');
  },
};
