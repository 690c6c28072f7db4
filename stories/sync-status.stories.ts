import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Store } from '@pd-notify/mock-server/domain';
import { html } from 'lit';
import type { PdProvider, PdSyncStatus } from '../packages/elements/src/index.js';
import { fromArgs } from './support/args.js';
import { argTypesFor } from './support/manifest.js';
import { inShadow, waitFor } from './support/render.js';
import type { Scenario } from './support/story-backend.js';

/** Each step of a sync on the reference server (one eighth of the files, rounded up). */
const STEP_MS = 400;

/**
 * “Paper Planes” (20 files) accepted by the demo user just before the story,
 * its sync then moved `steps` steps on (the story's clock stands still after).
 */
const accepted = (steps: number) => (store: Store, user: string) => {
  const invitation = store.listInvitations(user, 'pending').find((inv) => inv.track.id === 'paper-planes')!;
  store.acceptInvitation(user, invitation.id);
  store.clock.advance(steps * STEP_MS);
};

const statusOf = (canvas: HTMLElement) => canvas.querySelector<PdSyncStatus>('pd-sync-status')!;

/** The status as the host shows it: in its track grid's cell, beside the track's name. */
const meta: Meta = {
  title: 'Elements/pd-sync-status',
  component: 'pd-sync-status',
  argTypes: argTypesFor('pd-sync-status'),
  args: { 'track-id': 'paper-planes' },
  parameters: { scenario: { setup: accepted(0) } satisfies Scenario, page: { width: '20rem' } },
  render: (args, context) =>
    html`<div style="display: grid; grid-template-columns: 1fr 9rem; gap: 1rem; align-items: center">
      <strong>Paper Planes</strong>
      <pd-sync-status ${fromArgs(args, context)}></pd-sync-status>
    </div>`,
  play: async ({ canvasElement }) => {
    await inShadow(statusOf(canvasElement), '[part="label"]');
  },
};
export default meta;
type Story = StoryObj;

/** Just accepted: 0 of 20 files. */
export const Started: Story = {};
/** Halfway: 12 of 20 files. */
export const Midway: Story = { parameters: { scenario: { setup: accepted(4) } } };
/** Every file synced: the status is gone from the cell. */
export const Done: Story = {
  parameters: { scenario: { setup: accepted(8) } },
  play: async ({ canvasElement }) => {
    // Once the client has the finished sync, the element shows nothing.
    const { client } = canvasElement.querySelector<PdProvider>('pd-provider')!;
    await waitFor(() => client?.$syncProgress.get()['paper-planes']?.done);
    await statusOf(canvasElement).updateComplete;
  },
};
/**
 * The syncs could not be loaded (`GET /v1/syncs` refused): the element has no
 * failed state, so the cell stays empty, as when the sync is done.
 */
export const LoadFailed: Story = {
  parameters: { scenario: { setup: accepted(4), fail: { match: /^GET \/v1\/syncs$/, status: 500 } } },
  play: async ({ canvasElement }) => {
    await statusOf(canvasElement).updateComplete;
  },
};
export const RightToLeft: Story = { parameters: { scenario: { setup: accepted(4) } }, globals: { dir: 'rtl' } };
export const French: Story = { parameters: { scenario: { setup: accepted(4) } }, globals: { locale: 'fr' } };
