import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Store } from '@pd-notify/mock-server/domain';
import { addLongNamedTrack, setOnline, type Scenario } from './support/story-backend.js';
import { fromArgs } from './support/args.js';
import { argTypesFor } from './support/manifest.js';
import { LONG_MESSAGE, LONG_TITLE, focusVisibly, inShadow, ownFrame, waitFor } from './support/render.js';

/** The feed in a story: the inline panel unless the story says otherwise. */
const feedOf = (canvas: HTMLElement) => canvas.querySelector('pd-activity-feed')!;

/** A row's button, once its row has rendered. */
async function rowButton(canvas: HTMLElement, text: string): Promise<HTMLButtonElement> {
  const feed = feedOf(canvas);
  await inShadow(feed, 'article');
  return waitFor(() =>
    [...feed.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="action"]')].find((button) =>
      button.textContent?.includes(text),
    ),
  );
}

const meta: Meta = {
  title: 'Elements/pd-activity-feed',
  component: 'pd-activity-feed',
  argTypes: argTypesFor('pd-activity-feed'),
  args: { inline: true },
  render: (args, context) => html`<pd-activity-feed ${fromArgs(args, context)}></pd-activity-feed>`,
  // The panel's contents load on demand: a story is ready (and checked) once they are there.
  play: async ({ canvasElement }) => {
    await inShadow(feedOf(canvasElement), '[part="tabs"]');
  },
};
export default meta;
type Story = StoryObj;

const scenario = (value: Scenario) => ({ scenario: value });

/** The demo data: one row of each category, unread and read, high priority, an invite and a support question. */
export const EveryCategory: Story = {};
export const Empty: Story = { parameters: scenario({ seed: 'empty' }) };
export const Loading: Story = { parameters: scenario({ hang: /^GET \/v1\/notifications$/ }) };
export const LoadFailed: Story = {
  parameters: scenario({ fail: { match: /^GET \/v1\/notifications$/, status: 403 } }),
  play: async ({ canvasElement }) => {
    await inShadow(feedOf(canvasElement), '[part="error"]');
  },
};
/** The stream is down: the feed polls and says so. */
export const Polling: Story = { parameters: scenario({ stream: 'down' }) };
/** Opened while the browser is offline: nothing to show yet, and the header says so. */
export const OpenedOffline: Story = { parameters: scenario({ online: false }) };
export const LongTexts: Story = {
  parameters: scenario({
    setup: (store, user) => {
      addLongNamedTrack(store, user, 'member');
      store.deliver(user, {
        type: 'comment',
        title: LONG_TITLE,
        message: LONG_MESSAGE,
        priority: 'high',
        actorId: 'chloe',
        trackId: 'northern-lights',
      });
    },
  }),
};
/** 10,000 comments, each a row of its own (grouping off: `group-window="0"`), scrolled virtualized. */
export const TenThousandRows: Story = {
  args: { 'group-window': 0 },
  parameters: scenario({
    seed: 'empty',
    setup: (store, user) => {
      for (let i = 1; i <= 10_000; i++) {
        store.deliver(user, {
          type: 'comment',
          title: `Ben Okafor commented on “Midnight Drive” (take ${i})`,
          message: `Take ${i} is up: the bridge is tighter, the snare sits back a little.`,
          actorId: 'ben',
          trackId: 'midnight-drive',
        });
      }
    },
  }),
};

/** Ben, Dev, then Ben again comment on "Neon Rain"; Ben moves it to Ready and Dev back to Mastering: two groups over the demo's rows. */
const groupedActivity = scenario({
  setup: (store) => {
    store.comment('ben', 'neon-rain', 'The bridge is tighter now.');
    store.comment('dev', 'neon-rain', 'Snare sits back a little, nice.');
    store.comment('ben', 'neon-rain', 'Printing the final mix tonight.');
    store.changeStage('ben', 'neon-rain', 'ready');
    store.changeStage('dev', 'neon-rain', 'mastering');
  },
});
/**
 * Grouped activity: consecutive notifications with one `groupKey` within
 * `group-window` hours (24 by default) are one row, named for its people and
 * track, their initials stacked; "Show all N" shows the members.
 */
export const GroupedActivity: Story = { parameters: groupedActivity };
/** A group expanded: its members are rows of their own under it, each with its own buttons. */
export const GroupExpanded: Story = {
  parameters: groupedActivity,
  play: async ({ canvasElement }) => {
    const feed = feedOf(canvasElement);
    const toggle = await inShadow(feed, '[part="group-toggle"]');
    toggle.click();
    await inShadow(feed, '[part~="row-member"]');
  },
};
/** The groups in Arabic, right to left: their titles from the Arabic tables, with its plural forms. */
export const GroupedActivityArabic: Story = { parameters: groupedActivity, globals: { locale: 'ar', dir: 'rtl' } };

/** A support answer the server refuses: the row says so under its buttons. */
export const RowError: Story = {
  parameters: scenario({
    fail: { match: /^POST \/v1\/notifications\/[^/]+\/actions\/feedback-resolved$/, status: 409 },
  }),
  play: async ({ canvasElement }) => {
    (await rowButton(canvasElement, 'Resolved')).click();
    const error = await inShadow(feedOf(canvasElement), '[part="row-error"]');
    // The row stays where it was pressed: the list (not the page) scrolls it into view.
    const list = error.closest<HTMLElement>('[part="list"]')!;
    list.scrollTop += Math.max(0, error.getBoundingClientRect().bottom - list.getBoundingClientRect().bottom);
  },
};

/**
 * The browser went offline after the feed loaded: an invite accepted and a
 * support question answered from their rows wait for the connection; each row
 * shows its answer with "Will sync when you’re back online".
 */
export const OfflinePending: Story = {
  // A feed tall enough to show both rows.
  args: { '--pd-feed-height': '58rem' },
  parameters: scenario({ unreachable: /^(POST|PUT|DELETE) / }),
  play: async ({ canvasElement }) => {
    await rowButton(canvasElement, 'Accept Invite');
    setOnline(canvasElement, false);
    (await rowButton(canvasElement, 'Accept Invite')).click();
    (await rowButton(canvasElement, 'Resolved')).click();
    const feed = feedOf(canvasElement);
    await waitFor(() => feed.shadowRoot!.querySelectorAll('[part="pending"]').length === 2);
  },
};

/** An invite accepted from its row: the row says so (the toast shows in the page's toaster). */
export const InviteAccepted: Story = {
  play: async ({ canvasElement }) => {
    (await rowButton(canvasElement, 'Accept Invite')).click();
    await inShadow(feedOf(canvasElement), '.answered');
  },
};

/** The keyboard's focus on the current row (its ring), as after Tab into the list. */
export const Focused: Story = {
  play: async ({ canvasElement }) => {
    await focusVisibly(await inShadow(feedOf(canvasElement), 'article[tabindex="0"]'));
  },
};

/** The drop-in: the bell with its badge in the host's header; the play step opens the dropdown. */
export const Dropdown: Story = {
  args: { inline: false },
  parameters: { page: { width: '100%' }, docs: { story: { inline: false, height: '720px' } } },
  render: (args, context) =>
    html`<div style="display: flex; justify-content: flex-end">
      <pd-activity-feed ${fromArgs(args, context)}></pd-activity-feed>
    </div>`,
  play: async ({ canvasElement }) => {
    const feed = feedOf(canvasElement);
    (await inShadow<HTMLButtonElement>(feed, '.bell')).click();
    await inShadow(feed, 'article');
  },
};

/** The first (newest) notification of the demo data. */
const newest = (store: Store, user: string) => store.listNotifications(user, { limit: 1 }).items[0]!.id;

/** Shows a view (Inbox, Snoozed, Archived) by its radio, once the panel is there. */
async function showView(canvas: HTMLElement, name: string): Promise<void> {
  const feed = feedOf(canvas);
  await inShadow(feed, 'article');
  const radio = await waitFor(() =>
    [...feed.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="view"]')].find(
      (view) => view.textContent!.trim() === name,
    ),
  );
  radio.click();
}

/** The Archived view: what was dismissed, with Restore. */
export const Archived: Story = {
  parameters: scenario({ setup: (store, user) => void store.archive(user, newest(store, user)) }),
  play: async ({ canvasElement }) => {
    await showView(canvasElement, 'Archived');
    await inShadow(feedOf(canvasElement), '[part~="restore"]');
  },
};
/** The Archived view with nothing in it. */
export const ArchivedEmpty: Story = {
  play: async ({ canvasElement }) => {
    await showView(canvasElement, 'Archived');
    await inShadow(feedOf(canvasElement), '[part="empty"]');
  },
};
/** The Snoozed view: a notification snoozed until tomorrow, with its time and Unsnooze. */
export const Snoozed: Story = {
  parameters: scenario({
    setup: (store, user) =>
      void store.snooze(user, newest(store, user), new Date(store.clock.now() + 86_400_000).toISOString()),
  }),
  play: async ({ canvasElement }) => {
    await showView(canvasElement, 'Snoozed');
    await inShadow(feedOf(canvasElement), '[part="snoozed-until"]');
  },
};
/** A row's Snooze menu, open: its times in the viewer's time zone. */
export const SnoozeMenu: Story = {
  parameters: ownFrame('600px'),
  play: async ({ canvasElement }) => {
    (await inShadow<HTMLButtonElement>(feedOf(canvasElement), 'article [part~="snooze"]')).click();
    await inShadow(feedOf(canvasElement), '[role="menuitem"]');
  },
};
/** "Pick a date and time…": the snooze menu's form. */
export const SnoozePickTime: Story = {
  parameters: ownFrame('600px'),
  play: async ({ canvasElement }) => {
    const feed = feedOf(canvasElement);
    (await inShadow<HTMLButtonElement>(feed, 'article [part~="snooze"]')).click();
    (await waitFor(() => feed.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')[3])).click();
    await inShadow(feed, '.snooze-menu input');
  },
};

/** Types `query` in the search box, opened by its button. */
async function search(canvas: HTMLElement, query: string): Promise<void> {
  const feed = feedOf(canvas);
  await inShadow(feed, 'article');
  (await inShadow<HTMLButtonElement>(feed, '[part="search-button"]')).click();
  const box = await inShadow<HTMLInputElement>(feed, '[part="searchbox"]');
  box.value = query;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Search: results as the user types, the words found marked. */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'midnight');
    await inShadow(feedOf(canvasElement), 'mark');
  },
};
export const SearchNoResults: Story = {
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'qxzw');
    await inShadow(feedOf(canvasElement), '[part="no-results"]');
  },
};

/** Enters select mode by its button, once the rows are there. */
async function selectMode(canvas: HTMLElement): Promise<HTMLElement> {
  const feed = feedOf(canvas);
  await inShadow(feed, 'article');
  (await inShadow<HTMLButtonElement>(feed, '[part="select-button"]')).click();
  await inShadow(feed, 'article [part="select"]');
  return feed;
}

/** Select mode: two rows chosen, the bar's actions. */
export const SelectMode: Story = {
  play: async ({ canvasElement }) => {
    const feed = await selectMode(canvasElement);
    const boxes = feed.shadowRoot!.querySelectorAll<HTMLInputElement>('article [part="select"]');
    boxes[0]!.click();
    boxes[1]!.click();
    await waitFor(() => feed.shadowRoot!.querySelector('.selected-count')?.textContent?.trim() === '2 selected');
  },
};
/** Every loaded row selected (Ctrl+A) while the server has more: "Select all N matching" (grouping off: a row each). */
export const SelectAllMatching: Story = {
  args: { 'group-window': 0 },
  parameters: scenario({
    setup: (store, user) => {
      for (let i = 1; i <= 30; i++) {
        store.deliver(user, {
          type: 'comment',
          title: `Ben Okafor commented on “Midnight Drive” (take ${i})`,
          message: `Take ${i} is up.`,
          actorId: 'ben',
          trackId: 'midnight-drive',
        });
      }
    },
  }),
  play: async ({ canvasElement }) => {
    const feed = await selectMode(canvasElement);
    feed
      .shadowRoot!.querySelector('article')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, composed: true }));
    await inShadow(feed, '[part="select-all-matching"]');
  },
};

export const RightToLeft: Story = { globals: { dir: 'rtl' } };
export const French: Story = { globals: { locale: 'fr' } };
/** The same in German, Spanish and Arabic (right to left): the elements' texts and the server's, each in its language. */
export const German: Story = { globals: { locale: 'de' } };
export const Spanish: Story = { globals: { locale: 'es' } };
export const Arabic: Story = { globals: { locale: 'ar', dir: 'rtl' } };
export const Narrow: Story = { parameters: { page: { width: '360px' } } };
/** German's long words at 360 px. */
export const GermanNarrow: Story = { globals: { locale: 'de' }, parameters: { page: { width: '360px' } } };
