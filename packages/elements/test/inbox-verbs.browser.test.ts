/**
 * The inbox's verbs in `<pd-activity-feed>` (issue #24), by keys as a keyboard
 * user reaches them, against the reference server: Dismiss archives with Undo,
 * the views (Inbox, Snoozed, Archived) with their empty states and their way
 * back, and the Snooze menu (APG menu button) with its times and its form.
 * Each checks what the user sees and hears and what the server stored.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Notification, NotificationPage } from '@pd-notify/client';
import '../src/index.js';
import type { PdToaster } from '../src/index.js';
import { snoozeTimes } from '../src/activity-feed/snooze-menu.js';
import { api, control, eventually, shadow, shadowAll } from './helpers.js';
import { openFeed, rows } from './feed-helpers.js';
import {
  closeClients,
  expectFocusInside,
  expectFocusOn,
  focused,
  freshClient,
  nameOf,
  press,
} from './focus-helpers.js';

/** `count` comments for Alice from the server, titled `title` and a number (the newest numbered `count`). */
const notifyAlice = (title: string, count: number) =>
  control('/control/act', { action: 'notify', userId: 'alice', type: 'comment', title, message: '', count });
/** The first row, its title, and its notification's id on the server. */
async function firstRow(feed: Element): Promise<{ row: HTMLElement; title: string; id: string }> {
  const row = rows(feed)[0]!;
  const title = row.querySelector('h3')!.textContent!;
  const { items } = (await api<NotificationPage>('/v1/notifications')).body;
  return { row, title, id: items.find((item) => item.title === title)!.id };
}
const titles = (feed: Element) => rows(feed).map((row) => row.querySelector('h3')!.textContent);
const messages = (feed: Element) => {
  const toaster = shadowAll<PdToaster>(feed, 'pd-toaster')[0];
  return toaster ? shadowAll(toaster, '[part="message"]').map((message) => message.textContent) : [];
};
/** The server's view of Alice's notification `id`, from its list `query` (null when not listed there). */
async function listed(id: string, query = ''): Promise<Notification | null> {
  const page = (await api<NotificationPage>(`/v1/notifications?limit=100${query}`)).body;
  return page.items.find((item) => item.id === id) ?? null;
}
beforeEach(async () => {
  await control('/control/reset', { seed: 'demo' });
});
afterEach(() => closeClients());

describe('<pd-activity-feed>: the inbox verbs, by keys', () => {
  it('Delete (or Dismiss) archives the row: it leaves, the server keeps it archived, a toast says "Archived" and its Undo brings it back', async () => {
    const feed = await openFeed();
    const { row: first, title, id } = await firstRow(feed);
    const second = titles(feed)[1];
    first.focus();
    await press('Delete');
    await eventually(() => expect(titles(feed)).to.not.include(title));
    // The row now in its place has focus: nothing fell to <body>.
    await eventually(() => expect(nameOf(focused())).to.equal(second));
    await eventually(async () => expect((await listed(id, '&archived=true'))?.archivedAt).to.be.a('string'));
    expect(await listed(id)).to.equal(null);
    await eventually(() => expect(messages(feed)).to.deep.equal(['Archived']));
    const toaster = shadow<PdToaster>(feed, 'pd-toaster');
    const undo = shadow(toaster, '[part="action"]');
    expect(nameOf(undo)).to.equal('Undo');
    undo.focus();
    await press('Enter');
    await eventually(() => expect(titles(feed)[0]).to.equal(title));
    await eventually(async () => expect((await listed(id))?.archivedAt).to.equal(null));
    await expectFocusInside(feed);
  });

  it('the views: one Tab stop, arrows move; Archived lists what was archived with Restore, Snoozed its empty state; each axe-clean', async () => {
    const feed = await openFeed();
    const title = titles(feed)[0]!;
    rows(feed)[0]!.querySelector<HTMLElement>('[part~="dismiss"]')!.click();
    await eventually(() => expect(titles(feed)).to.not.include(title));
    const radios = shadowAll(feed, '[role="radio"]');
    expect(radios.map(nameOf)).to.deep.equal(['Inbox', 'Snoozed', 'Archived']);
    expect(radios.map((radio) => radio.getAttribute('tabindex'))).to.deep.equal(['0', '-1', '-1']);
    expect(shadow(feed, '[role="radiogroup"]').getAttribute('aria-label')).to.equal('Views');
    radios[0]!.focus();
    await press('ArrowRight');
    await expectFocusOn(radios[1]!, 'Snoozed');
    expect(radios[1]!.getAttribute('aria-checked')).to.equal('true');
    await eventually(() => expect(shadow(feed, '[part="empty"]').textContent!.trim()).to.equal('Nothing snoozed.'));
    // "Mark all as read" is the inbox's.
    expect(shadowAll(feed, '[part="mark-all"]')).to.have.length(0);
    await expect(feed).to.be.accessible();
    await press('ArrowRight');
    await expectFocusOn(radios[2]!, 'Archived');
    await eventually(() => expect(titles(feed)).to.deep.equal([title]));
    await expect(feed).to.be.accessible();
    const restore = rows(feed)[0]!.querySelector<HTMLElement>('[part~="restore"]')!;
    expect(nameOf(restore)).to.equal('Restore');
    restore.focus();
    await press('Enter');
    await eventually(() => expect(shadow(feed, '[part="empty"]').textContent!.trim()).to.equal('Nothing archived.'));
    await eventually(() => expect(messages(feed)).to.include('Back in your inbox'));
    // The list emptied: focus waits on the selected filter tab.
    await eventually(() => expect(focused()?.getAttribute('aria-selected')).to.equal('true'));
    // The views wrap: from Archived, ArrowRight is the inbox, where the row is back.
    radios[2]!.focus();
    await press('ArrowRight');
    await expectFocusOn(radios[0]!, 'Inbox');
    await eventually(() => expect(titles(feed)[0]).to.equal(title));
  });

  it('each view keeps its own list: Archived loads once, a row archived from the Inbox is there at once, and back in the Inbox nothing is asked again', async () => {
    const lists: string[] = [];
    const client = freshClient('demo-alice', {
      persist: false,
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname === '/v1/notifications') lists.push(url.search);
        return fetch(input, init);
      },
    });
    const feed = await openFeed({ client });
    const inbox = titles(feed);
    const radios = shadowAll(feed, '[role="radio"]');
    radios[0]!.focus();
    await press('ArrowLeft');
    await expectFocusOn(radios[2]!, 'Archived');
    await eventually(() => expect(shadow(feed, '[part="empty"]').textContent!.trim()).to.equal('Nothing archived.'));
    await press('ArrowRight');
    await expectFocusOn(radios[0]!, 'Inbox');
    expect(titles(feed)).to.deep.equal(inbox);
    // Archived from the Inbox: already in the Archived view when it is shown again, with no request.
    const { row, title } = await firstRow(feed);
    row.focus();
    await press('Delete');
    await eventually(() => expect(titles(feed)).to.not.include(title));
    radios[0]!.focus();
    await press('ArrowLeft');
    await eventually(() => expect(titles(feed)).to.deep.equal([title]));
    await press('ArrowRight');
    await eventually(() => expect(titles(feed)).to.deep.equal(inbox.filter((shown) => shown !== title)));
    expect(lists).to.deep.equal(['?limit=20', '?archived=true&limit=20'], 'one page per view, each once');
    await expect(feed).to.be.accessible();
  });

  it('Snooze: Enter opens the menu on its first item, arrows move, Escape gives focus back; "Tomorrow, 9:00" snoozes until then on the server, with Undo', async () => {
    const feed = await openFeed();
    const { row, title, id } = await firstRow(feed);
    const button = row.querySelector<HTMLElement>('[part~="snooze"]')!;
    expect(nameOf(button)).to.equal('Snooze');
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    button.focus();
    await press('Enter');
    const menu = await eventually(() => shadow(feed, '[role="menu"]'));
    const items = [...menu.querySelectorAll('[role="menuitem"]')];
    expect(items.map((item) => item.querySelector('span')!.textContent)).to.deep.equal([
      '1 hour',
      'Tomorrow, 9:00',
      'Next week (Monday, 9:00)',
      'Pick a date and time…',
    ]);
    await expectFocusOn(items[0]!, '1 hour');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await expect(feed).to.be.accessible();
    await press('ArrowUp');
    await expectFocusOn(items[3]!, 'Pick a date and time…');
    await press('Escape');
    await expectFocusOn(button, 'Snooze');
    expect(shadowAll(feed, '[role="menu"]')).to.have.length(0);
    // The dropdown stayed open.
    expect(shadow(feed, '#panel').matches(':popover-open')).to.equal(true);
    await press('Enter');
    await expectFocusOn(shadow(feed, '[role="menuitem"]'), '1 hour');
    await press('ArrowDown');
    await press('Enter');
    await eventually(() => expect(titles(feed)).to.not.include(title));
    await expectFocusInside(feed);
    const tomorrow = snoozeTimes(new Date()).tomorrow;
    await eventually(async () =>
      expect(Date.parse((await listed(id, '&snoozed=true'))?.snoozedUntil ?? '')).to.equal(tomorrow.getTime()),
    );
    await eventually(() => expect(messages(feed)[0]).to.match(/^Snoozed until .*9:00/));
    // Snoozed lists it with its time; Undo brings it back to the inbox.
    shadowAll(feed, '[role="radio"]')[1]!.click();
    await eventually(() => expect(titles(feed)).to.deep.equal([title]));
    expect(rows(feed)[0]!.querySelector<HTMLElement>('[part="snoozed-until"]')!.textContent).to.match(
      /^Snoozed until .*9:00/,
    );
    shadow(shadow<PdToaster>(feed, 'pd-toaster'), '[part="action"]').click();
    await eventually(async () => expect((await listed(id))?.snoozedUntil).to.equal(null));
    await eventually(() => expect(shadow(feed, '[part="empty"]').textContent!.trim()).to.equal('Nothing snoozed.'));
  });

  it('the snooze menu stays whole on screen: near the window’s bottom it opens above its button', async () => {
    // The dropdown ends near the window's bottom, whatever the engine's window.
    const feed = await openFeed({ above: window.innerHeight - 360 });
    const list = shadow(feed, '.list');
    list.scrollTop = list.scrollHeight;
    const buttons = () => shadowAll(feed, 'article [part~="snooze"]');
    // The lowest Snooze button in view.
    const lowest = await eventually(() => {
      const bottom = list.getBoundingClientRect().bottom;
      const found = buttons()
        .filter((button) => button.getBoundingClientRect().bottom <= bottom)
        .at(-1);
      expect(found).to.not.equal(undefined);
      return found!;
    });
    lowest.click();
    const menu = await eventually(() => shadow(feed, '[role="menu"]'));
    await eventually(() => {
      const box = menu.getBoundingClientRect();
      const button = lowest.getBoundingClientRect();
      expect(box.height).to.be.above(100);
      expect(box.top).to.be.at.least(0);
      expect(box.bottom).to.be.at.most(window.innerHeight);
      // Beside its button, never over it.
      expect(box.bottom <= button.top || box.top >= button.bottom, 'the menu covers its button').to.equal(true);
      // No room under it here (the dropdown reaches the window's bottom): above it.
      expect(button.bottom + 4 + box.height, 'room under the button').to.be.above(window.innerHeight);
      expect(box.bottom).to.be.at.most(button.top);
    });
    // Focus going elsewhere on the page (a click on another control) closes it and stays there.
    const search = shadow(feed, '[part="search-button"]');
    search.focus();
    await eventually(() => expect(shadowAll(feed, '[role="menu"]')).to.have.length(0));
    expect(lowest.getAttribute('aria-expanded')).to.equal('false');
    await expectFocusOn(search, 'Search');
  });

  it('"Pick a date and time…": a time in the past is refused with its reason, a time ahead snoozes until it', async () => {
    const feed = await openFeed();
    const { row, title, id } = await firstRow(feed);
    const button = row.querySelector<HTMLElement>('[part~="snooze"]')!;
    button.focus();
    await press('Enter');
    await eventually(() => shadow(feed, '[role="menu"]'));
    await press('End');
    await press('Enter');
    const input = await eventually(() => shadow<HTMLInputElement>(feed, '[role="dialog"] input'));
    await expectFocusOn(input, 'Snooze until');
    expect(nameOf(input)).to.equal('Snooze until');
    input.value = '2001-01-01T09:00';
    shadow(feed, '[role="dialog"] [type="submit"]').click();
    await eventually(() =>
      expect(shadow(feed, '#snooze-invalid').textContent!.trim()).to.equal(
        'Pick a time in the future, at most a year ahead.',
      ),
    );
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(feed).to.be.accessible();
    const when = new Date(Date.now() + 3 * 24 * 3_600_000);
    when.setHours(14, 30, 0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    input.value = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T14:30`;
    shadow(feed, '[role="dialog"] [type="submit"]').click();
    await eventually(() => expect(titles(feed)).to.not.include(title));
    await eventually(async () =>
      expect(Date.parse((await listed(id, '&snoozed=true'))?.snoozedUntil ?? '')).to.equal(when.getTime()),
    );
    await expectFocusInside(feed);
  });

  it('in French: the views, the menu and the toasts, and the notifications the server writes', async () => {
    const feed = await openFeed({ lang: 'fr' });
    // The page's language reached the server (Accept-Language): its own texts come in French.
    await eventually(() => expect(titles(feed)).to.include('Maintenance prévue dimanche'));
    expect(titles(feed).filter((title) => title!.startsWith('“'))).to.deep.equal([]);
    await eventually(() =>
      expect(shadowAll(feed, '[role="radio"]').map(nameOf)).to.deep.equal([
        'Boîte de réception',
        'En attente',
        'Archives',
      ]),
    );
    const row = rows(feed)[0]!;
    row.querySelector<HTMLElement>('[part~="snooze"]')!.click();
    const menu = await eventually(() => shadow(feed, '[role="menu"]'));
    expect(menu.querySelector('span')!.textContent).to.equal('1 heure');
    (menu.querySelector('[role="menuitem"]') as HTMLElement).click();
    await eventually(() => expect(messages(feed)[0]).to.match(/^En attente jusqu’à /));
  });

  it('Search: "/" opens it, results as the user types with the words marked (case and accents ignored), "No results for “…”", Escape clears then closes', async () => {
    const feed = await openFeed();
    rows(feed)[0]!.focus();
    await press('/');
    const box = await eventually(() => shadow<HTMLInputElement>(feed, '[part="searchbox"]'));
    await expectFocusOn(box, 'Search notifications');
    await sendKeys({ type: 'midnight' });
    await eventually(() =>
      expect(titles(feed)).to.deep.equal([
        '“Midnight Drive” is due in 2 days',
        'Ben Okafor commented on “Midnight Drive”',
      ]),
    );
    expect(shadowAll(feed, 'article h3 mark').map((mark) => mark.textContent)).to.deep.equal(['Midnight', 'Midnight']);
    await eventually(() => expect(shadow(feed, '[part="search"] [role="status"]').textContent).to.equal('2 results'));
    await expect(feed).to.be.accessible();
    // Down arrow goes to the first result; a row's verb there leaves the results too.
    await press('ArrowDown');
    await eventually(() => expect(nameOf(focused())).to.equal('“Midnight Drive” is due in 2 days'));
    await press('Delete');
    await eventually(() => expect(titles(feed)).to.deep.equal(['Ben Okafor commented on “Midnight Drive”']));
    await expectFocusInside(feed);
    // Accents and case: "chloe" finds Chloé, marked as written.
    box.focus();
    box.select();
    await sendKeys({ type: 'CHLOE' });
    await eventually(() => expect(titles(feed)).to.include('Chloé Laurent invited you to “Paper Planes”'));
    await eventually(() =>
      expect(shadowAll(feed, 'article h3 mark').map((mark) => mark.textContent)).to.include('Chloé'),
    );
    box.select();
    await sendKeys({ type: 'qxzw' });
    await eventually(() =>
      expect(shadow(feed, '[part="no-results"]').textContent!.trim()).to.equal('No results for “qxzw”'),
    );
    await press('Escape');
    await eventually(() => expect(box.value).to.equal(''));
    await eventually(() => expect(rows(feed).length).to.be.above(3));
    await expectFocusOn(box, 'the search box, still open');
    await press('Escape');
    await expectFocusOn(shadow(feed, '[part="search-button"]'), 'Search');
    expect(shadowAll(feed, '[part="searchbox"]')).to.have.length(0);
  });

  it('Search results load their next pages as the list scrolls to its end', async () => {
    await notifyAlice('Pager take', 45);
    const feed = await openFeed();
    shadow(feed, '[part="search-button"]').click();
    const box = await eventually(() => shadow<HTMLInputElement>(feed, '[part="searchbox"]'));
    await expectFocusOn(box, 'Search notifications');
    await sendKeys({ type: 'pager' });
    await eventually(() => expect(shadow(feed, '[part="search"] [role="status"]').textContent).to.equal('45 results'));
    const list = shadow(feed, '.list');
    await eventually(() => {
      list.scrollTop = list.scrollHeight;
      expect(titles(feed)).to.include('Pager take 1');
    });
    const all = new Set<string>();
    await eventually(() => {
      list.scrollTop = 0;
      expect(titles(feed)[0]).to.equal('Pager take 45');
    });
    for (let top = 0; top <= list.scrollHeight; top += 200) {
      list.scrollTop = top;
      await new Promise(requestAnimationFrame);
      for (const title of titles(feed)) all.add(title!);
    }
    expect(all.size, 'each result once').to.equal(45);
  });

  it('Select: Space and Shift+Down choose rows, the bar archives them with Undo; Ctrl+A then "Select all N matching" marks every match read on the server; Escape leaves', async () => {
    await notifyAlice('older', 12);
    const feed = await openFeed({ client: freshClient('demo-alice', { persist: false, pageSize: 10 }) });
    const select = shadow(feed, '[part="select-button"]');
    expect(nameOf(select)).to.equal('Select');
    select.focus();
    await press('Enter');
    await eventually(() => expect(select.getAttribute('aria-pressed')).to.equal('true'));
    await eventually(() => expect(shadowAll(feed, 'article [part="select"]').length).to.equal(rows(feed).length));
    const count = () => shadow(feed, '.selected-count').textContent!.trim();
    expect(count()).to.equal('0 selected');
    const [first, second] = titles(feed);
    rows(feed)[0]!.focus();
    await press(' ');
    await eventually(() => expect(count()).to.equal('1 selected'));
    await press('Shift+ArrowDown');
    await eventually(() => expect(count()).to.equal('2 selected'));
    await eventually(() => expect(nameOf(focused())).to.equal(second));
    expect(
      shadowAll<HTMLInputElement>(feed, 'article [part="select"]')
        .slice(0, 3)
        .map((box) => box.checked),
    ).to.deep.equal([true, true, false]);
    await expect(feed).to.be.accessible();
    // Back to the bar (before the list): its last button, Archive.
    await press('Shift+Tab');
    await expectFocusOn(shadowAll(feed, '[part="bulk-action"]').at(-1)!, 'Archive');
    await press('Enter');
    await eventually(() => expect(titles(feed)).to.not.include.members([first, second]));
    await eventually(() => expect(messages(feed)).to.include('2 archived'));
    type Listed = { items: { title: string }[] };
    await eventually(async () =>
      expect(
        (await api<Listed>('/v1/notifications?archived=true')).body.items.map((item) => item.title),
      ).to.include.members([first, second]),
    );
    shadow(shadow<PdToaster>(feed, 'pd-toaster'), '[part="action"]').click();
    await eventually(() => expect(titles(feed)).to.include.members([first, second]));
    // Ctrl+A: every loaded row; then every match on the server.
    rows(feed)[0]!.focus();
    await press('Control+a');
    await eventually(() => expect(count()).to.equal(`${rows(feed).length} selected`));
    const all = await eventually(() => shadow(feed, '[part="select-all-matching"]'));
    const total = (await api<NotificationPage>('/v1/notifications?limit=1')).body.total!;
    expect(total).to.be.above(10);
    expect(all.textContent!.trim()).to.equal(`Select all ${total} matching`);
    all.click();
    await eventually(() => expect(count()).to.equal(`All ${total} matching selected`));
    shadowAll(feed, '[part="bulk-action"]')[0]!.click();
    await eventually(async () =>
      expect((await api<{ unreadNotifications: number }>('/v1/counts')).body.unreadNotifications).to.equal(0),
    );
    await eventually(() => expect(shadowAll(feed, 'article.unread')).to.have.length(0));
    rows(feed)[0]!.focus();
    await press('Escape');
    await eventually(() => expect(shadowAll(feed, 'article [part="select"]')).to.have.length(0));
    expect(select.getAttribute('aria-pressed')).to.equal('false');
    await eventually(() => expect(focused()?.localName).to.equal('article'));
  });
});

describe('<pd-activity-feed>: where the verbs meet', () => {
  const listed = async (query: string) =>
    (await api<NotificationPage>(`/v1/notifications?limit=100${query}`)).body.items;

  it('a user switch drops the previous user’s search', async () => {
    const feed = await openFeed();
    shadow(feed, '[part="search-button"]').click();
    const box = await eventually(() => shadow<HTMLInputElement>(feed, '[part="searchbox"]'));
    await expectFocusOn(box, 'Search notifications');
    await sendKeys({ type: 'invited' });
    await eventually(() => expect(shadowAll(feed, 'article mark').length).to.be.above(0));
    feed.closest('pd-provider')!.client = freshClient('demo-ben', { persist: false });
    await eventually(() => expect(shadowAll(feed, '[part="searchbox"]')).to.have.length(0));
    expect(shadowAll(feed, 'article mark')).to.have.length(0);
  });

  it('Escape right after typing empties the box (text not rendered yet), and the list is back', async () => {
    const feed = await openFeed();
    shadow(feed, '[part="search-button"]').click();
    const box = await eventually(() => shadow<HTMLInputElement>(feed, '[part="searchbox"]'));
    await expectFocusOn(box, 'Search notifications');
    await sendKeys({ type: 'mix' });
    await press('Escape');
    await eventually(() => expect(box.value).to.equal(''));
    expect(box.isConnected, 'still open').to.equal(true);
  });

  it('select mode: Space on a row’s button presses it (Snooze opens its menu); Escape on the bar leaves the mode', async () => {
    const feed = await openFeed();
    shadow(feed, '[part="select-button"]').click();
    await eventually(() => shadow(feed, 'article [part="select"]'));
    const snooze = rows(feed)[0]!.querySelector<HTMLElement>('[part~="snooze"]')!;
    snooze.focus();
    await press(' ');
    await eventually(() => shadow(feed, '[role="menu"]'));
    expect(shadow(feed, '.selected-count').textContent!.trim()).to.equal('0 selected');
    await press('Escape');
    await expectFocusOn(snooze, 'Snooze');
    const markRead = shadowAll(feed, '[part="bulk-action"]')[0]!;
    markRead.focus();
    await press('Escape');
    await eventually(() => expect(shadowAll(feed, 'article [part="select"]')).to.have.length(0));
    expect(shadow(feed, '#panel').matches(':popover-open'), 'the dropdown stays open').to.equal(true);
    // The bar is gone: the current row takes focus.
    await eventually(() => expect(focused()?.localName).to.equal('article'));
  });

  it('the date-and-time form closes with the dropdown', async () => {
    const feed = await openFeed();
    const menuItems = () =>
      eventually(() => {
        const items = shadowAll(feed, '[role="menuitem"]');
        expect(items).to.have.length(4);
        return items;
      });
    rows(feed)[0]!.querySelector<HTMLElement>('[part~="snooze"]')!.click();
    (await menuItems())[3]!.click();
    await eventually(() => shadow(feed, '[role="dialog"] input'));
    await press('Escape');
    await eventually(() => expect(shadowAll(feed, '.snooze-menu')).to.have.length(0));
    // Again, then the dropdown closes around it (its bell pressed).
    rows(feed)[0]!.querySelector<HTMLElement>('[part~="snooze"]')!.click();
    (await menuItems())[3]!.click();
    await eventually(() => shadow(feed, '[role="dialog"] input'));
    shadow(feed, '#panel').hidePopover();
    await eventually(() => expect(shadowAll(feed, '.snooze-menu')).to.have.length(0));
  });

  it('Undo of a Dismiss gives the row back as it was: unread; Delete in the archive does nothing', async () => {
    const feed = await openFeed();
    const unread = rows(feed).find((row) => row.classList.contains('unread'))!;
    const title = unread.querySelector('h3')!.textContent!;
    const id = (await listed('')).find((item) => item.title === title)!.id;
    unread.querySelector<HTMLElement>('[part~="dismiss"]')!.click();
    await eventually(async () => expect((await listed('&archived=true')).map((item) => item.id)).to.include(id));
    shadow(shadow<PdToaster>(feed, 'pd-toaster'), '[part="action"]').click();
    await eventually(async () => expect((await listed('')).find((item) => item.id === id)?.readAt).to.equal(null));
    // In the archive, Delete on a row sends nothing.
    rows(feed)[0]!.querySelector<HTMLElement>('[part~="dismiss"]')!.click();
    shadowAll(feed, '[role="radio"]')[2]!.click();
    const archived = await eventually(() => {
      const row = rows(feed)[0];
      expect(row?.querySelector('[part~="restore"]')).to.be.instanceOf(HTMLElement);
      return row!;
    });
    const before = (await listed('&archived=true')).map((item) => `${item.id}@${item.version}`);
    let dismissed = false;
    feed.addEventListener('pd-dismiss', () => (dismissed = true));
    archived.focus();
    await press('Delete');
    await press('Home');
    expect(dismissed).to.equal(false);
    expect((await listed('&archived=true')).map((item) => `${item.id}@${item.version}`)).to.deep.equal(before);
  });

  it('archiving every loaded row while the server has more: the next page comes, no “No new notifications.”', async () => {
    await notifyAlice('Older take', 40);
    const client = freshClient('demo-alice', { persist: false, pageSize: 10 });
    const feed = await openFeed({ client });
    shadow(feed, '[part="select-button"]').click();
    await eventually(() => shadow(feed, 'article [part="select"]'));
    rows(feed)[0]!.focus();
    await press('Control+a');
    // Every loaded row (the pages the list asked for), with more on the server.
    await eventually(() =>
      expect(shadow(feed, '.selected-count').textContent!.trim()).to.equal(
        `${client.$notifications.get().items.length} selected`,
      ),
    );
    expect(client.$notifications.get().hasMore).to.equal(true);
    shadowAll(feed, '[part="bulk-action"]').at(-1)!.click();
    await eventually(() => expect(rows(feed).length).to.be.above(0));
    expect(shadowAll(feed, '[part="empty"]')).to.have.length(0);
    const shown = titles(feed);
    const inbox = (await listed('')).map((item) => item.title);
    expect(inbox.length).to.be.above(0);
    expect(shown[0]).to.equal(inbox[0]);
  });
});
