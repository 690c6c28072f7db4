import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Notification } from '@pd-notify/client';
import type { RowHelpers, RowRenderer } from '@pd-notify/elements';
import { PdActivityFeed } from '@pd-notify/react';
import { html } from 'lit';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { fromArgs } from './support/args.js';
import { lookOf } from './support/globals.js';
import { inShadow, waitFor } from './support/render.js';

/**
 * Rows the host renders (`renderRow`) and the feed's slots. The feed keeps each
 * row's name, keys, focus, unread mark, time line and actions; the host fills
 * the content area: here a comment shows its author and words as a quote, the
 * other rows keep the feed's own content. The same row in Lit, in plain DOM
 * and in React.
 */
const meta: Meta = {
  title: 'Elements/pd-activity-feed/Custom rows and slots',
  // The toolbar's theme applies (fromArgs), as in the feed's other stories.
  args: { inline: true },
  // Ready (and checked) once a row the host rendered is there.
  play: async ({ canvasElement }) => {
    // React renders its element a moment after the story returns.
    const feed = await waitFor(() => canvasElement.querySelector('pd-activity-feed'));
    await inShadow(feed, '[part="tabs"]');
    await waitFor(() => feed.shadowRoot!.querySelector('[part="row-content"] .who'));
  },
};
export default meta;
type Story = StoryObj;

/** The quote's look, the same in the three renderings. */
const QUOTE = 'margin:0.25rem 0 0;padding-inline-start:0.5rem;border-inline-start:3px solid currentColor;';

/** A comment's row in Lit; null (the feed's own content) for the others. */
const litRow: RowRenderer = (notification, helpers) =>
  notification.type === 'comment'
    ? html`<p style="margin:0">
          <strong class="who">${notification.actor?.name}</strong> commented
          ${helpers.relativeTime(notification.createdAt)}
        </p>
        <blockquote style=${QUOTE}>${notification.message}</blockquote>`
    : null;

/** The same row built with the DOM. */
const domRow: RowRenderer = (notification, helpers) => {
  if (notification.type !== 'comment') return null;
  const row = document.createElement('div');
  const who = row.appendChild(document.createElement('p'));
  who.style.margin = '0';
  const name = who.appendChild(document.createElement('strong'));
  name.className = 'who';
  name.textContent = notification.actor?.name ?? '';
  who.append(` commented ${helpers.relativeTime(notification.createdAt)}`);
  const quote = row.appendChild(document.createElement('blockquote'));
  quote.setAttribute('style', QUOTE);
  quote.textContent = notification.message;
  return row;
};

/** The same row in React (rendered through a portal by `@pd-notify/react`). */
const reactRow = (notification: Notification, helpers: RowHelpers) =>
  notification.type === 'comment'
    ? createElement(
        'div',
        null,
        createElement(
          'p',
          { style: { margin: 0 } },
          createElement('strong', { className: 'who' }, notification.actor?.name),
          ` commented ${helpers.relativeTime(notification.createdAt)}`,
        ),
        createElement(
          'blockquote',
          {
            style: { margin: '0.25rem 0 0', paddingInlineStart: '0.5rem', borderInlineStart: '3px solid currentColor' },
          },
          notification.message,
        ),
      )
    : null;

/** A comment's row rendered by the host in Lit. */
export const InLit: Story = {
  render: (args, context) =>
    html`<pd-activity-feed ${fromArgs(args, context)} .renderRow=${litRow}></pd-activity-feed>`,
};

/** The same row built with DOM nodes (plain JavaScript, Vue's `h()` rendered to a node, …). */
export const InPlainDom: Story = {
  render: (args, context) =>
    html`<pd-activity-feed ${fromArgs(args, context)} .renderRow=${domRow}></pd-activity-feed>`,
};

/** The same row in React: `<PdActivityFeed renderRow={(n) => <JSX />} />`. */
export const InReact: Story = {
  render: (_args, context) => {
    const container = document.createElement('div');
    const { theme } = lookOf(context.globals);
    createRoot(container).render(createElement(PdActivityFeed, { inline: true, theme, renderRow: reactRow }));
    return container;
  },
};

/** The header's extra actions and a footer linking to the host's page of all notifications. */
export const HeaderActionsAndFooter: Story = {
  render: (args, context) =>
    html`<pd-activity-feed ${fromArgs(args, context)} .renderRow=${litRow}>
      <a slot="header-actions" href="#settings" style="font-size:0.875rem;color:inherit">Settings</a>
      <a slot="footer" href="#notifications" style="font-size:0.875rem;color:inherit">See all notifications</a>
    </pd-activity-feed>`,
};

/** The Inbox's empty state in the host's words (the `empty` slot). */
export const EmptySlot: Story = {
  parameters: { scenario: { seed: 'empty' } },
  render: (args, context) =>
    html`<pd-activity-feed ${fromArgs(args, context)}>
      <p slot="empty" style="margin:2rem 1rem;text-align:center">
        You’re all caught up. <a href="#archive" style="color:inherit">See what you archived</a>
      </p>
    </pd-activity-feed>`,
  play: async ({ canvasElement }) => {
    const feed = canvasElement.querySelector('pd-activity-feed')!;
    await waitFor(() => feed.shadowRoot!.querySelector('slot[name="empty"]'));
  },
};
