import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PdToaster, ToastKind } from '../packages/elements/src/index.js';
import { fromArgs } from './support/args.js';
import { argTypesFor } from './support/manifest.js';
import { focusVisibly, inShadow } from './support/render.js';

const toasterOf = (canvas: HTMLElement) => canvas.querySelector<PdToaster>('pd-toaster')!;

/** Shows `messages` in the story's toaster, oldest first. */
async function show(canvas: HTMLElement, messages: [string, ToastKind][]): Promise<PdToaster> {
  const toaster = toasterOf(canvas);
  for (const [message, kind] of messages) toaster.show(message, kind);
  await toaster.updateComplete;
  return toaster;
}

const STACK: [string, ToastKind][] = [
  ['Collaboration accepted — files are syncing.', 'success'],
  ['Preferences saved.', 'info'],
  ['That did not work. Try again.', 'error'],
];

/**
 * The page's toaster, fixed to the bottom corner; its toasts stay ten minutes
 * in these stories (`duration`). No backend: toasts are what the page shows.
 * Each story has a frame of its own on the docs page (the toasts are fixed to
 * the window).
 */
const meta: Meta = {
  title: 'Elements/pd-toaster',
  component: 'pd-toaster',
  argTypes: argTypesFor('pd-toaster'),
  args: { duration: 600_000 },
  parameters: { scenario: false, docs: { story: { inline: false, height: '420px' } } },
  render: (args, context) => html`<pd-toaster ${fromArgs(args, context)}></pd-toaster>`,
  play: async ({ canvasElement }) => {
    await show(canvasElement, STACK);
  },
};
export default meta;
type Story = StoryObj;

/** Three stacked messages: a success, an information and an error. */
export const Stacked: Story = {};

/**
 * More toasts than the window holds: five invitations accepted from the feed in
 * a row (the elements' own message), with the host's messages in between. The
 * stack grows up from the bottom corner.
 */
export const Overflowing: Story = {
  play: async ({ canvasElement }) => {
    const accepted: [string, ToastKind] = ['Collaboration accepted — files are syncing.', 'success'];
    await show(canvasElement, [
      accepted,
      ['“Neon Rain” moved to Mastering.', 'info'],
      accepted,
      accepted,
      ['The stems of “Midnight Drive” could not be uploaded: the file is larger than 2 GB.', 'error'],
      accepted,
      ['Ben Okafor is now editing “Golden Hour (feat. Chloé)”.', 'info'],
      accepted,
      ['That did not work. Try again.', 'error'],
      ['Preferences saved.', 'info'],
    ]);
  },
};

/** The keyboard's focus on the newest toast's close button (its ring; the toast waits while focused). */
export const Focused: Story = {
  play: async ({ canvasElement }) => {
    const toaster = await show(canvasElement, STACK);
    const closes = await inShadow(toaster, '[part="close"]').then(() =>
      toaster.shadowRoot!.querySelectorAll<HTMLElement>('[part="close"]'),
    );
    await focusVisibly(closes[closes.length - 1]!);
  },
};
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
/** A French page: its own messages, the close buttons in French. */
export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await show(canvasElement, [
      ['Collaboration acceptée — les fichiers se synchronisent.', 'success'],
      ['Préférences enregistrées.', 'info'],
      ['Cela n’a pas fonctionné. Réessayez.', 'error'],
    ]);
  },
};
