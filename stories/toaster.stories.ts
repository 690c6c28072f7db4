import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PdToaster } from '../packages/elements/src/index.js';
import { LOOKS, type Look } from './support/render.js';

const meta: Meta = { title: 'Elements/pd-toaster', component: 'pd-toaster' };
export default meta;
type Story = StoryObj;

const toaster = (look: Look = {}) =>
  html`<div dir=${look.dir ?? 'ltr'} style="min-height: 14rem">
    <pd-toaster duration="600000" theme=${look.theme ?? 'light'} locale=${look.locale ?? 'en'}></pd-toaster>
  </div>`;

/** Three stacked messages (they stay for ten minutes in this story). */
const play = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const element = canvasElement.querySelector<PdToaster>('pd-toaster')!;
  element.show('Collaboration accepted — files are syncing.');
  element.show('Preferences saved.', 'info');
  element.show('That did not work. Try again.', 'error');
  await element.updateComplete;
};

export const Stacked: Story = { render: () => toaster(), play };
export const Dark: Story = { render: () => toaster(LOOKS.dark), play };
export const RightToLeft: Story = { render: () => toaster(LOOKS.rtl), play };
