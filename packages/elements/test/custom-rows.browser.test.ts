/**
 * Rows the host renders (issue #25): `<pd-activity-feed>`'s `renderRow` fills
 * each row's content area (a Lit template, a DOM node, the default wrapped),
 * and the feed keeps the rest: the row's name, keys, focus, unread mark,
 * actions and selection behave as with its own rows. A renderer that throws
 * leaves the row usable. Slots: the Inbox's empty state, header actions and a
 * footer.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Notification, NotificationPage } from '@pd-notify/client';
import { html as lit } from 'lit';
import '../src/index.js';
import type { PdActivityFeed, RowHelpers, RowRenderer } from '../src/index.js';
import { api, control, eventually, shadow, shadowAll } from './helpers.js';
import { openFeed as open, rows } from './feed-helpers.js';
import { closeClients, expectFocusOn, focused, freshClient, nameOf, press, tabStops } from './focus-helpers.js';

/** An opened dropdown feed with `renderRow`, the host's light-DOM children (slots), and a button after it. */
const openFeed = (renderRow: RowRenderer | null, children = html``) => open({ renderRow, children, after: true });
/** A row's accessible name: the text its `aria-labelledby` points to. */
const nameOfRow = (row: Element) => row.querySelector(`[id="${row.getAttribute('aria-labelledby')}"]`)?.textContent;
/** Alice's inbox as the server lists it. */
const serverItems = async () => (await api<NotificationPage>('/v1/notifications?limit=50')).body.items;

beforeEach(async () => {
  await control('/control/reset', { seed: 'demo' });
});
afterEach(() => closeClients());

describe('<pd-activity-feed> renderRow', () => {
  it('a Lit template fills each row; the row keeps its name, keys, unread mark and actions', async () => {
    const seen: RowHelpers[] = [];
    const feed = await openFeed((notification, helpers) => {
      seen.push(helpers);
      return lit`<p class="mine">${notification.actor?.name ?? 'Producer Dashboard'}: ${notification.title}</p>
        <small class="when">${helpers.relativeTime(notification.createdAt)}</small>`;
    });
    const items = await serverItems();
    const first = rows(feed)[0]!;
    const content = first.querySelector('[part="row-content"]')!;
    expect(content.querySelector('.mine')!.textContent).to.equal(
      `${items[0]!.actor?.name ?? 'Producer Dashboard'}: ${items[0]!.title}`,
    );
    expect(first.querySelector('h3'), 'the feed’s own title is replaced').to.equal(null);
    expect(seen[0]!.locale).to.equal('en');
    expect(content.querySelector('.when')!.textContent).to.match(/ago|now/);
    // The name is the notification's title; the host's content describes it.
    const nameId = first.getAttribute('aria-labelledby')!;
    expect(first.querySelector(`[id="${nameId}"]`)!.textContent).to.equal(items[0]!.title);
    expect(first.getAttribute('aria-describedby')).to.contain(content.id);
    // Unread mark, time line and actions are still the feed's.
    const unreadRow = rows(feed).find((row) => row.getAttribute('part')!.includes('row-unread'))!;
    expect(unreadRow.querySelector('[part="time"]')).to.not.equal(null);
    expect(unreadRow.querySelector('[part~="dismiss"]')).to.not.equal(null);
    // Keys: the current row, arrows, Delete archives with focus kept on the next row.
    first.focus();
    await press('ArrowDown', feed);
    await expectFocusOn(rows(feed)[1]!, items[1]!.title);
    const second = items[1]!;
    await press('Delete', feed);
    await eventually(() => expect(rows(feed).map(nameOfRow)).to.not.include(second.title));
    expect(focused()?.localName).to.equal('article');
    await eventually(async () => expect((await serverItems()).map((item) => item.id)).to.not.include(second.id));
    await expect(feed).to.be.accessible();
  });

  it('Enter opens a custom row as it opens the feed’s own: marked read, then pd-navigate', async () => {
    const feed = await openFeed((notification) => lit`<p>${notification.title}</p>`);
    const items = await serverItems();
    const index = items.findIndex((item) => item.readAt === null && item.trackId);
    const target = items[index]!;
    const navigated = new Promise<Notification>((resolve) =>
      feed.addEventListener('pd-navigate', (event) => {
        event.preventDefault();
        resolve((event as CustomEvent<{ notification: Notification }>).detail.notification);
      }),
    );
    rows(feed)[index]!.focus();
    await press('Enter');
    expect((await navigated).id).to.equal(target.id);
    await eventually(async () =>
      expect((await serverItems()).find((item) => item.id === target.id)!.readAt).to.be.a('string'),
    );
  });

  it('a DOM node, or the default content wrapped, fills the row; select mode works the same', async () => {
    const feed = await openFeed((notification, helpers) => {
      if (notification.type === 'comment') {
        const node = document.createElement('blockquote');
        node.className = 'quote';
        node.textContent = notification.message;
        return node;
      }
      return lit`<div class="wrapped">${helpers.defaultContent()}</div>`;
    });
    const items = await serverItems();
    const comment = items.findIndex((item) => item.type === 'comment');
    expect(rows(feed)[comment]!.querySelector('.quote')!.textContent).to.equal(items[comment]!.message);
    const other = rows(feed).find((row) => row.querySelector('.wrapped'))!;
    expect(other.querySelector('.wrapped [part="row-title"]')).to.not.equal(null);
    // Select mode: Space on the current row ticks its checkbox, named by the row.
    shadow(feed, '[part="select-button"]').click();
    await eventually(() => expect(shadowAll(feed, '[part="select"]').length).to.be.above(0));
    rows(feed)[0]!.focus();
    await press(' ');
    await eventually(() =>
      expect(rows(feed)[0]!.querySelector<HTMLInputElement>('[part="select"]')!.checked).to.equal(true),
    );
    await expect(feed).to.be.accessible();
  });

  it('the host’s controls in a row: in the Tab order of the current row only; a click or a key on them is theirs, not the row’s', async () => {
    const feed = await openFeed(
      (notification) => lit`<p>${notification.title}</p>
        <a class="track-link" href="#track" @click=${(event: Event) => event.preventDefault()}>Open the track</a>
        <input class="note" aria-label="Note" />`,
    );
    const [first, second] = rows(feed);
    expect(first!.querySelector<HTMLElement>('.track-link')!.tabIndex).to.equal(0);
    expect(second!.querySelector<HTMLElement>('.track-link')!.tabIndex).to.equal(-1);
    let navigated = 0;
    feed.addEventListener('pd-navigate', (event) => {
      event.preventDefault();
      navigated++;
    });
    first!.querySelector<HTMLElement>('.track-link')!.click();
    const input = first!.querySelector<HTMLInputElement>('.note')!;
    input.focus();
    await press('ArrowDown');
    expect(focused(), 'the arrow stays in the field').to.equal(input);
    first!.focus();
    await press('ArrowDown', feed);
    await eventually(() => expect(second!.querySelector<HTMLElement>('.track-link')!.tabIndex).to.equal(0));
    expect(first!.querySelector<HTMLElement>('.track-link')!.tabIndex).to.equal(-1);
    expect(navigated, 'the link did not open the row').to.equal(0);
  });

  it('the host’s own element with a button in its shadow root: its click is its own, and it is a Tab stop of the current row only', async () => {
    if (!customElements.get('host-reply')) {
      customElements.define(
        'host-reply',
        class extends HTMLElement {
          constructor() {
            super();
            const button = this.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
            button.type = 'button';
            button.textContent = 'Reply';
          }
        },
      );
    }
    const feed = await openFeed((notification) => lit`<p>${notification.title}</p><host-reply></host-reply>`);
    let navigated = 0;
    feed.addEventListener('pd-navigate', (event) => {
      event.preventDefault();
      navigated++;
    });
    const [first, second] = rows(feed);
    const replyOf = (row: HTMLElement) => row.querySelector('host-reply')!;
    replyOf(first!).shadowRoot!.querySelector('button')!.click();
    expect(navigated, 'the host’s button did not open the row').to.equal(0);
    expect(replyOf(first!).hasAttribute('tabindex')).to.equal(false);
    expect(replyOf(second!).getAttribute('tabindex')).to.equal('-1');
    // From the current row, Tab reaches its Reply (inside the host's element), not another row's.
    first!.focus();
    await press('Tab', feed);
    await eventually(() => expect(replyOf(first!).shadowRoot!.activeElement?.textContent).to.equal('Reply'));
    first!.focus();
    await press('ArrowDown', feed);
    await eventually(() => expect(replyOf(second!).hasAttribute('tabindex')).to.equal(false));
    expect(replyOf(first!).getAttribute('tabindex')).to.equal('-1');
  });

  it('wrapping the default content keeps one title naming the row', async () => {
    const feed = await openFeed(
      (_notification, helpers) => lit`<div class="wrapped">${helpers.defaultContent()}</div>`,
    );
    const row = rows(feed)[0]!;
    const nameId = row.getAttribute('aria-labelledby')!;
    expect(row.querySelectorAll(`[id="${nameId}"]`)).to.have.length(1);
    expect(row.querySelector(`[id="${nameId}"]`)!.localName).to.equal('h3');
  });

  it('a renderer that throws leaves each row the feed’s own (and says so on the console, once)', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const feed = await openFeed(() => {
        throw new Error('host bug');
      });
      expect(rows(feed).length).to.be.above(1);
      expect(rows(feed)[0]!.querySelector('h3[part="row-title"]')).to.not.equal(null);
      // Rows render again (a live notification): still said once.
      await control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Again' });
      await eventually(() => expect(rows(feed)[0]!.querySelector('[part="message"]')!.textContent).to.equal('Again'));
      expect(errors.filter((args) => String(args[0]).includes('renderRow threw'))).to.have.length(1);
    } finally {
      console.error = original;
    }
  });
});

describe('<pd-activity-feed> slots', () => {
  it('header actions and a footer are the host’s, in the Tab order; axe-clean', async () => {
    const feed = await openFeed(
      null,
      html`<button slot="header-actions" type="button">Settings</button>
        <a slot="footer" href="#all">See all notifications</a>`,
    );
    const footer = feed.querySelector<HTMLAnchorElement>('[slot="footer"]')!;
    expect(footer.getBoundingClientRect().height).to.be.above(0);
    const panel = shadow(feed, '#panel').getBoundingClientRect();
    expect(footer.getBoundingClientRect().bottom).to.be.at.most(panel.bottom + 1);
    shadow(feed, '[part="search-button"]').focus();
    const stops = await tabStops(3);
    expect(stops, stops.join(' | ')).to.include('Settings');
    expect(shadow(feed, '#panel').matches(':popover-open'), 'the panel stays open on the host’s button').to.equal(true);
    await expect(feed).to.be.accessible();
    // The footer is the panel's last stop: Tab past it leaves the panel, which closes.
    footer.focus();
    await press('Tab');
    await eventually(() => expect(shadow(feed, '#panel').matches(':popover-open')).to.equal(false));
    expect(nameOf(focused())).to.equal('After the feed');
  });

  it('the empty slot replaces the Inbox’s empty state', async () => {
    await control('/control/reset', { seed: 'empty' });
    const client = freshClient('demo-alice', { persist: false });
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}
        ><pd-activity-feed inline><p slot="empty">You’re all caught up.</p></pd-activity-feed></pd-provider
      >`,
    );
    const feed = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
    await eventually(() => expect(shadowAll(feed, 'slot[name="empty"]')).to.have.length(1));
    const slotted = feed.querySelector('[slot="empty"]')!;
    expect(slotted.getBoundingClientRect().height).to.be.above(0);
    expect(nameOf(slotted)).to.equal('You’re all caught up.');
    await expect(feed).to.be.accessible();
  });
});
