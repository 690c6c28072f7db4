/**
 * Every element by keyboard alone (WCAG 2.1.1, 2.4.3): the Tab order reaches
 * every control in every state, every action can be done with keys, and after
 * each key focus is inside the element or on its trigger, never on <body>.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Invitation, Notification } from '@pd-notify/client';
import '../src/index.js';
import { toast, type PdActivityFeed, type PdInvitations, type PdInviteCard, type PdToaster } from '../src/index.js';
import { api, control, eventually, shadow, shadowAll } from './helpers.js';
import {
  closeClients,
  expectFocusInside,
  expectFocusOn,
  focused,
  freshClient,
  nameOf,
  press,
  tabStops,
  within,
} from './focus-helpers.js';
import { stubNotification, type NotificationStub } from './notification-stub.js';

const rows = (feed: Element) => shadowAll(feed, 'article');
const rowTitled = (feed: Element, title: string) =>
  rows(feed).find((row) => row.querySelector('h3')!.textContent === title) ?? null;
const panelOpen = (feed: Element) => shadow(feed, '#panel').matches(':popover-open');
/** A row as the user tells it apart: its title and message. */
const keyOf = (row: Element) =>
  `${row.querySelector('h3')!.textContent} | ${row.querySelector('[part="message"]')!.textContent}`;

/** Whether `row` is wholly inside the list's visible scroll area. */
function inView(feed: Element, row: Element): boolean {
  const list = shadow(feed, '.list').getBoundingClientRect();
  const box = row.getBoundingClientRect();
  return box.top >= list.top - 1 && box.bottom <= list.bottom + 1;
}

/**
 * A page with a control before and after the elements (so Tab has somewhere to come
 * from and go to), inside a provider with a client of the test's own.
 */
async function page<T extends Element>(content: ReturnType<typeof html>, selector: string) {
  const root = await fixture<HTMLElement>(
    html`<pd-provider .client=${freshClient()}
      ><button id="before">Before</button>${content}<button id="after">After</button></pd-provider
    >`,
  );
  return {
    el: root.querySelector(selector) as unknown as T,
    before: root.querySelector<HTMLButtonElement>('#before')!,
    after: root.querySelector<HTMLButtonElement>('#after')!,
  };
}

/** A feed on a page, opened by Enter on its bell: focus is on its first row. */
async function openFeed(): Promise<PdActivityFeed> {
  const { el } = await page<PdActivityFeed>(html`<pd-activity-feed></pd-activity-feed>`, 'pd-activity-feed');
  await eventually(() => expect(shadow(el, '.badge').textContent).to.equal('8'));
  shadow(el, '.bell').focus();
  await press('Enter', el);
  await eventually(() => expect(focused()?.localName).to.equal('article'));
  return el;
}

/** Tab from a row through its own buttons to its Dismiss, never leaving it. */
async function tabToDismiss(feed: PdActivityFeed, row: HTMLElement): Promise<void> {
  for (let i = 0; i < 5 && nameOf(focused()) !== 'Dismiss'; i++) {
    await press('Tab', feed);
    expect(within(row, focused()), `Tab stays in the row, not on ${nameOf(focused())}`).to.equal(true);
  }
  expect(nameOf(focused())).to.equal('Dismiss');
}

/** Arrow Down until the focused row is `title`. */
async function arrowTo(feed: PdActivityFeed, title: string): Promise<HTMLElement> {
  for (let i = 0; i < 20 && nameOf(focused()) !== title; i++) await press('ArrowDown', feed);
  const row = rowTitled(feed, title)!;
  await expectFocusOn(row);
  return row;
}

describe('keyboard only', () => {
  /** The browser's Notification, replaced where a test needs one permission in every engine. */
  let notifications: NotificationStub | null = null;
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(async () => {
    notifications?.restore();
    notifications = null;
    await control('/control/faults', undefined, 'DELETE');
    closeClients();
  });

  it('<pd-activity-feed>: Tab reaches the bell, "Mark all as read", the filter, the row and each of its buttons; leaving either way closes the panel', async () => {
    const { el, before, after } = await page<PdActivityFeed>(
      html`<pd-activity-feed></pd-activity-feed>`,
      'pd-activity-feed',
    );
    await eventually(() => expect(shadow(el, '.badge').textContent).to.equal('8'));
    before.focus();
    expect(await tabStops(1)).to.deep.equal(['Notifications']);
    await press('Enter', el);
    await eventually(() => expect(nameOf(focused())).to.equal('“Neon Rain” is overdue'));
    // Back from the first row: the selected tab, the selected view, the header's tools, the bell; leaving the
    // panel closes it.
    expect(await tabStops(6, true)).to.deep.equal([
      'All',
      'Inbox',
      'Mark all as read',
      'Select',
      'Search',
      'Notifications',
    ]);
    await eventually(() => expect(panelOpen(el)).to.equal(false));
    // Open again: focus is on the first row.
    await press('Enter', el);
    await eventually(() => expect(nameOf(focused())).to.equal('“Neon Rain” is overdue'));
    // Forward, on the row with an invitation: its "Accept Invite" and "Dismiss" come right after it.
    await arrowTo(el, 'Chloé Laurent invited you to “Paper Planes”');
    expect(await tabStops(2)).to.deep.equal(['Accept Invite', 'Dismiss']);
    await arrowTo(el, 'Support replied to ticket #4821');
    expect(await tabStops(5)).to.deep.equal([
      'Resolved',
      'Still open',
      'No longer needs attention',
      'Dismiss',
      'Snooze',
    ]);
    // Past the row's last button, focus leaves for the page and the panel closes.
    await press('Tab');
    await expectFocusOn(after);
    await eventually(() => expect(panelOpen(el)).to.equal(false));
    expect(await tabStops(1, true)).to.deep.equal(['Notifications']);
  });

  it('<pd-activity-feed>: a notification arriving above the current row leaves it current, in the Tab order and in view; its Dismiss dismisses it', async () => {
    const el = await openFeed();
    // Home, Arrow Down twice, then on to the last row fully in view: one row more above pushes it out.
    await press('Home', el);
    await press('ArrowDown', el);
    await press('ArrowDown', el);
    for (let i = 0; i < 10 && inView(el, rows(el)[rows(el).indexOf(focused() as HTMLElement) + 1]!); i++) {
      await press('ArrowDown', el);
    }
    const row = focused() as HTMLElement;
    const before = (await api<{ items: Notification[] }>('/v1/notifications?limit=50')).body.items;
    const target = before[rows(el).indexOf(row)]!;
    expect(keyOf(row)).to.equal(`${target.title} | ${target.message}`);

    await control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Stems are up' });
    await eventually(() =>
      expect(rows(el)[0]!.querySelector('[part="message"]')!.textContent).to.equal('Stems are up'),
    );
    await expectFocusOn(row, target.title);
    expect(row.tabIndex, 'the row is in the Tab order').to.equal(0);
    await eventually(() => expect(inView(el, row), 'the row is in the list’s visible area').to.equal(true));
    // Shift+Tab goes to the selected tab (no other row's button), Tab comes back to the row, then its Dismiss.
    expect(await tabStops(1, true)).to.deep.equal(['All']);
    await press('Tab', el);
    await expectFocusOn(row, target.title);
    await tabToDismiss(el, row);

    // Closed and opened again: the same notification's row has focus, in view.
    await press('Escape');
    await eventually(() => expect(panelOpen(el)).to.equal(false));
    await press('Enter', el);
    await eventually(() => expect(keyOf(focused() as HTMLElement)).to.equal(`${target.title} | ${target.message}`));
    const reopened = focused() as HTMLElement;
    await eventually(() => expect(inView(el, reopened)).to.equal(true));
    // Enter on its Dismiss dismisses that notification on the server, and no other.
    await tabToDismiss(el, reopened);
    await press('Enter', el);
    await eventually(async () => {
      const after = (await api<{ items: Notification[] }>('/v1/notifications?limit=50')).body.items;
      expect(after.map((n) => n.id)).to.deep.equal(
        [after[0]!.id, ...before.map((n) => n.id)].filter((id) => id !== target.id),
      );
    });
    await expectFocusInside(el);
  });

  it('<pd-activity-feed>: Enter on "Accept Invite" just after a notification arrived above keeps focus on that row', async () => {
    const el = await openFeed();
    const row = await arrowTo(el, 'Chloé Laurent invited you to “Paper Planes”');
    await press('Tab', el);
    expect(nameOf(focused())).to.equal('Accept Invite');
    const count = rows(el).length;
    await control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Stems are up' });
    await eventually(() => expect(rows(el).length).to.equal(count + 1));
    expect(nameOf(focused())).to.equal('Accept Invite');
    await press('Enter', el);
    await eventually(() => expect(row.querySelector('.answered')?.textContent).to.equal('Invite accepted'));
    await expectFocusOn(row, 'the Paper Planes row');
  });

  it('<pd-activity-feed>: accept, answer, dismiss, filter, mark all read and close, all by keys, focus never on <body>', async () => {
    const el = await openFeed();

    // Accept Invite: Tab to it, Enter; the row says so and keeps focus.
    let row = await arrowTo(el, 'Chloé Laurent invited you to “Paper Planes”');
    await press('Tab', el);
    expect(nameOf(focused())).to.equal('Accept Invite');
    await press('Enter', el);
    await eventually(() => expect(row.querySelector('.answered')?.textContent).to.equal('Invite accepted'));
    await expectFocusOn(row);
    const invitations = (await api<{ items: Invitation[] }>('/v1/invitations')).body.items;
    expect(invitations.map((inv) => inv.track.id)).to.not.include('paper-planes');

    // A support answer: Tab twice ("Still open"), Enter.
    row = await arrowTo(el, 'Support replied to ticket #4821');
    await press('Tab', el);
    await press('Tab', el);
    expect(nameOf(focused())).to.equal('Still open');
    await press('Enter', el);
    await eventually(() =>
      expect(row.querySelector('.answered')?.textContent).to.equal('Thanks, your answer was sent'),
    );
    await expectFocusOn(row);

    // Dismiss by its button: the row that takes its place (the one after it) gets focus.
    const index = row.dataset.index;
    const next = nameOf(rows(el)[rows(el).indexOf(row) + 1]!);
    await press('Tab', el);
    expect(nameOf(focused())).to.equal('Dismiss');
    await press('Enter', el);
    await eventually(() => expect(rowTitled(el, 'Support replied to ticket #4821') === null).to.equal(true));
    await eventually(() => expect((focused() as HTMLElement).dataset.index).to.equal(index));
    expect(nameOf(focused())).to.equal(next);

    // Delete on the last row: the previous row gets focus.
    await press('End', el);
    const last = nameOf(focused());
    await press('Delete', el);
    await eventually(() => expect(rowTitled(el, last) === null).to.equal(true));
    await eventually(() => expect(nameOf(focused())).to.equal(nameOf(rows(el).at(-1)!)));

    // The filter: Shift+Tab to the tabs, arrows choose.
    await press('Shift+Tab', el);
    expect(nameOf(focused())).to.equal('All');
    await press('ArrowRight', el);
    await eventually(() => expect(nameOf(focused())).to.equal('Unread'));
    expect(shadow(el, '[aria-selected="true"]').textContent!.trim()).to.equal('Unread');

    // Mark all as read (enabled once the unread list has loaded: it is disabled while a list loads): the
    // button is then disabled, and focus moves to the current row.
    await eventually(() => expect(shadow<HTMLButtonElement>(el, '[part="mark-all"]').disabled).to.equal(false));
    await press('Shift+Tab', el);
    expect(nameOf(focused())).to.equal('Inbox');
    await press('Shift+Tab', el);
    expect(nameOf(focused())).to.equal('Mark all as read');
    await press('Enter', el);
    await eventually(() => expect(shadow<HTMLButtonElement>(el, '[part="mark-all"]').disabled).to.equal(true));
    await eventually(() => expect(focused()?.localName).to.equal('article'));
    await expectFocusInside(el);

    await press('Escape');
    await eventually(() => expect(panelOpen(el)).to.equal(false));
    await expectFocusOn(shadow(el, '.bell'), 'the bell');
  });

  it('<pd-bell-badge> and <pd-invitations>: open, Tab through every card, accept and decline, close; focus goes to the next card, then the close button, then back to the badge', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}>
        <pd-bell-badge counter="invitations" for="invitations"></pd-bell-badge>
        <pd-invitations id="invitations"></pd-invitations>
      </pd-provider>`,
    );
    const badge = root.querySelector('pd-bell-badge')!;
    const modal = root.querySelector<PdInvitations>('pd-invitations')!;
    const cards = () => shadowAll<PdInviteCard>(modal, 'pd-invite-card').filter((card) => !card.hidden);
    await eventually(() => expect(shadow(badge, '.badge').textContent).to.equal('3'));
    shadow(badge, 'button').focus();
    await press('Enter', modal);
    await eventually(() => expect(cards().length).to.equal(3));
    expect(nameOf(focused())).to.equal('Close');
    expect(await tabStops(6)).to.deep.equal(['Decline', 'Accept', 'Decline', 'Accept', 'Decline', 'Accept']);

    // Accept the first card: "Accepting…" keeps focus; when the card leaves, focus goes to the next card.
    await control('/control/faults', { latencyMs: 300 });
    await tabStops(4, true);
    expect(nameOf(focused())).to.equal('Accept');
    await press('Enter', modal);
    await eventually(() => expect(nameOf(focused())).to.equal('Accepting…'));
    await eventually(() => expect(cards().map((card) => card.invitation!.track.name)).to.not.include('Paper Planes'));
    await expectFocusOn(shadow(cards()[0]!, 'article'), 'the Low Tide card');
    await control('/control/faults', undefined, 'DELETE');

    // Decline the last card: focus goes to the previous one.
    expect(await tabStops(3)).to.deep.equal(['Decline', 'Accept', 'Decline']);
    expect(nameOf(focused())).to.equal('Decline');
    await press('Enter', modal);
    await eventually(() => expect(cards().length).to.equal(1));
    await expectFocusOn(shadow(cards()[0]!, 'article'), 'the Low Tide card');

    // Decline the only card left: focus goes to the close button, the empty state shows.
    await press('Tab', modal);
    await press('Enter', modal);
    await eventually(() => expect(shadow(modal, '[part="empty"]').textContent!.trim()).to.equal('No pending invites.'));
    await expectFocusOn(shadow(modal, '[part="close"]'), 'the close button');

    await press('Escape');
    await eventually(() => expect(modal.open).to.equal(false));
    await expectFocusOn(shadow(badge, 'button'), 'the badge');
  });

  it('<pd-invitations>: Tab and Shift+Tab cycle inside the modal, past the last card to Close and back, never to the page or the dialog itself', async () => {
    const { el: modal, before } = await page<PdInvitations>(
      html`<pd-bell-badge counter="invitations" for="invitations"></pd-bell-badge
        ><pd-invitations id="invitations"></pd-invitations>`,
      'pd-invitations',
    );
    const badge = before.parentElement!.querySelector('pd-bell-badge')!;
    const cards = () => shadowAll<PdInviteCard>(modal, 'pd-invite-card').filter((card) => !card.hidden);
    const close = () => shadow(modal, '[part="close"]');
    await eventually(() => expect(shadow(badge, '.badge').textContent).to.equal('3'));
    shadow(badge, 'button').focus();
    await press('Enter', modal);
    await eventually(() => expect(cards().length).to.equal(3));
    await expectFocusOn(close(), 'the close button');
    expect(await tabStops(7)).to.deep.equal(['Decline', 'Accept', 'Decline', 'Accept', 'Decline', 'Accept', 'Close']);
    await expectFocusOn(close(), 'the close button');
    expect(await tabStops(2, true)).to.deep.equal(['Accept', 'Decline']);
    expect(within(cards().at(-1)!, focused()), 'on the last card').to.equal(true);
    await press('Tab', modal);
    await press('Tab', modal);
    await expectFocusOn(close(), 'the close button');

    // Filtered by a track: "Show all" is in the cycle too.
    modal.trackId = 'sketch-14';
    await eventually(() => expect(cards().length).to.equal(1));
    expect(await tabStops(4)).to.deep.equal(['Show all', 'Decline', 'Accept', 'Close']);
    expect(await tabStops(1, true)).to.deep.equal(['Accept']);
    await press('Escape');
    await eventually(() => expect(modal.open).to.equal(false));
    await expectFocusOn(shadow(badge, 'button'), 'the badge');
  });

  it('<pd-toaster>: Tab reaches each toast’s close button; closing one moves focus to the next, the last back to where focus came from', async () => {
    const { el, before } = await page<PdToaster>(html`<pd-toaster duration="60000"></pd-toaster>`, 'pd-toaster');
    toast('First');
    toast('Second');
    await eventually(() => expect(shadowAll(el, 'li').length).to.equal(2));
    before.focus();
    expect(await tabStops(2)).to.deep.equal(['Close message', 'Close message']);
    await press('Shift+Tab', el);
    await press('Enter', el);
    await eventually(() =>
      expect(shadowAll(el, '[part~="message"]').map((p) => p.textContent)).to.deep.equal(['Second']),
    );
    await expectFocusOn(shadow(el, '[part="close"]'), 'the second toast’s close button');
    await press('Escape');
    await eventually(() => expect(shadowAll(el, 'li').length).to.equal(0));
    await expectFocusOn(before);
  });

  it('<pd-preferences-form>: every switch, gear, option and Save by keys; after saving, focus is on the status that says so', async () => {
    // The browser has not been asked for notifications yet (the same in every engine): its button comes first.
    notifications = stubNotification('default');
    const { el, before } = await page<HTMLElement>(
      html`<pd-preferences-form></pd-preferences-form>`,
      'pd-preferences-form',
    );
    await eventually(() => expect(shadowAll(el, '[role="switch"]').length).to.equal(5));
    await eventually(() => shadow(el, '[part="allow-browser"]'));
    before.focus();
    expect(await tabStops(11)).to.deep.equal([
      'Turn on browser notifications',
      'Track Activity',
      'Options for Track Activity',
      'Collaborator Updates',
      'Options for Collaborator Updates',
      'Due Dates and Reminders',
      'Options for Due Dates and Reminders',
      'Project and Bucket Updates',
      'Options for Project and Bucket Updates',
      'System',
      'Options for System',
    ]);
    // Open System's options with Enter, uncheck an option with Space.
    await press('Enter', el);
    await eventually(() => expect(shadow(el, '#system-options').hidden).to.equal(false));
    await press('Tab', el);
    expect(nameOf(focused())).to.contain('Security alerts');
    await press(' ', el);
    await eventually(() =>
      expect(shadow(el, '[part="warning"]').textContent).to.contain('We recommend keeping them on'),
    );
    // Tab on to Save, and save with Enter.
    for (let i = 0; i < 10 && nameOf(focused()) !== 'Save Preferences'; i++) await press('Tab', el);
    expect(nameOf(focused())).to.equal('Save Preferences');
    await press('Enter', el);
    await eventually(() => expect(shadow(el, '[part="status"]').textContent).to.equal('Preferences saved.'));
    await expectFocusOn(shadow(el, '[part="status"]'), 'the status');
  });

  it('<pd-provider> and <pd-sync-status> have no controls: Tab goes past them', async () => {
    const { before } = await page<HTMLElement>(
      html`<pd-sync-status track-id="paper-planes"></pd-sync-status>`,
      'pd-sync-status',
    );
    before.focus();
    expect(await tabStops(1)).to.deep.equal(['After']);
  });
});
