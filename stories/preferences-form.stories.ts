import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PdPreferencesForm } from '../packages/elements/src/index.js';
import { fromArgs } from './support/args.js';
import { argTypesFor } from './support/manifest.js';
import { permission } from './support/notification-permission.js';
import { ownFrame } from './support/render.js';
import { focusVisibly, inShadow, waitFor } from './support/render.js';
import type { Scenario } from './support/story-backend.js';

/** The browser's notification permission is "not asked yet" unless a story says otherwise: the same in every browser. */
const meta: Meta = {
  title: 'Elements/pd-preferences-form',
  component: 'pd-preferences-form',
  argTypes: argTypesFor('pd-preferences-form'),
  args: { name: 'notifications' },
  parameters: { page: { width: '48rem' } },
  beforeEach: permission('default'),
  render: (args, context) => html`<pd-preferences-form ${fromArgs(args, context)}></pd-preferences-form>`,
};
export default meta;
type Story = StoryObj;

const scenario = (value: Scenario) => ({ scenario: value });

const element = (canvas: HTMLElement) => canvas.querySelector<PdPreferencesForm>('pd-preferences-form')!;

/** Clicks inside the form once the control is there. */
async function click(canvas: HTMLElement, selector: string): Promise<void> {
  (await inShadow<HTMLElement>(element(canvas), selector)).click();
}

/** Switches Project and Bucket Updates off: the form is dirty. */
async function edit(canvas: HTMLElement): Promise<void> {
  await click(canvas, '[role="switch"][data-category="projects"]');
}

async function save(canvas: HTMLElement): Promise<void> {
  await edit(canvas);
  // The edit applies once the preferences editor has loaded: save when the button says there is something to save.
  await click(canvas, '[part="save"]:not([disabled])');
}

export const Default: Story = {};
export const Expanded: Story = {
  play: async ({ canvasElement }) => {
    for (const category of ['trackActivity', 'dueDates', 'system']) {
      await click(canvasElement, `[aria-controls="${category}-options"]`);
    }
  },
};
export const Dirty: Story = { play: ({ canvasElement }) => edit(canvasElement) };
/** "Saving…": the save never answers in this story. */
export const Saving: Story = {
  parameters: scenario({ hang: /^PUT \/v1\/preferences$/ }),
  play: ({ canvasElement }) => save(canvasElement),
};
export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await save(canvasElement);
    await inShadow(element(canvasElement), '[part="status"]:not(:empty)');
  },
};
/** Saved elsewhere meanwhile: a 409, the server's version is loaded and the edit kept. */
export const Conflict: Story = {
  parameters: scenario({
    meanwhile: {
      match: /^PUT \/v1\/preferences$/,
      // Another session saves first (reminders a week ahead), so this save's version is stale: a real 409.
      change: (store, user) => {
        const { version, categories } = store.getPreferences(user);
        store.savePreferences(user, { version, categories, reminderLeadDays: 7 });
      },
    },
  }),
  play: async ({ canvasElement }) => {
    await save(canvasElement);
    await inShadow(element(canvasElement), '[part="banner"]');
  },
};
export const SecurityWarning: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, '[aria-controls="system-options"]');
    await click(canvasElement, 'input[name="security-alert"]');
    await waitFor(() => element(canvasElement).shadowRoot!.querySelector('[part="warning"]'));
  },
};
export const Loading: Story = { parameters: scenario({ hang: /^GET \/v1\/preferences$/ }) };
export const LoadFailed: Story = {
  parameters: scenario({ fail: { match: /^GET \/v1\/preferences$/, status: 403 } }),
  play: async ({ canvasElement }) => {
    await waitFor(() => element(canvasElement).shadowRoot?.querySelector('[role="alert"]'));
  },
};
/** The server refuses the save: the form says so and keeps the edit. */
export const SaveFailed: Story = {
  parameters: scenario({ fail: { match: /^PUT \/v1\/preferences$/, status: 422 } }),
  play: async ({ canvasElement }) => {
    await save(canvasElement);
    await inShadow(element(canvasElement), '[part="save-error"]');
  },
};
/** The keyboard's focus on a category's switch (its ring). */
export const Focused: Story = {
  play: async ({ canvasElement }) => {
    await focusVisibly(await inShadow(element(canvasElement), '[role="switch"][data-category="projects"]'));
  },
};
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
export const French: Story = { globals: { locale: 'fr' } };
/** The same in German, Spanish and Arabic (right to left): the elements' texts and the server's, each in its language. */
export const German: Story = { globals: { locale: 'de' } };
export const Spanish: Story = { globals: { locale: 'es' } };
export const Arabic: Story = { globals: { locale: 'ar', dir: 'rtl' } };
export const Narrow: Story = { parameters: { page: { width: '360px' } } };

// The browser channel, by the browser's permission (replaced per story: it is the browser's).
/** Not asked yet: "Turn on browser notifications" (clicking it answers "allow" in this story). */
export const BrowserNotAsked: Story = { beforeEach: permission('default') };
/** Allowed: each category's channels offer "Browser" (System's is on here). */
export const BrowserAllowed: Story = {
  beforeEach: permission('granted'),
  parameters: {
    ...scenario({
      setup: (store, user) => {
        const { version, categories, reminderLeadDays } = structuredClone(store.getPreferences(user));
        categories.system.channels.browser = true;
        store.savePreferences(user, { version, categories, reminderLeadDays });
      },
    }),
    ...ownFrame('900px'),
  },
  play: async ({ canvasElement }) => {
    await click(canvasElement, '[aria-controls="system-options"]');
    await inShadow(element(canvasElement), 'input[name="system-browser"]');
  },
};
/** Blocked: how to allow notifications again in the site settings. */
export const BrowserBlocked: Story = { beforeEach: permission('denied'), parameters: ownFrame('820px') };
/** A browser without the Notification API: said, with no control. */
export const BrowserUnsupported: Story = { beforeEach: permission('unsupported'), parameters: ownFrame('820px') };
