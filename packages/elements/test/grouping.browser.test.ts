/**
 * Grouped activity in `<pd-activity-feed>` (issue #25), against the reference
 * server: comments on one track made one after the other show as one row,
 * named for its people and track, whose members a disclosure shows; its
 * verbs (open, dismiss, snooze, select) act on every member, as the server
 * then stores; it stays right as members arrive live or change elsewhere, in
 * search results, in French, and with grouping off. Each by keys where a
 * keyboard user would, checking what is seen and heard and what the server stored.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Notification, NotificationPage } from '@pd-notify/client';
import { html as lit } from 'lit';
import type { PdNavigateEvent, PdToaster, RowHelpers } from '../src/index.js';
import { api, control, eventually, shadow, shadowAll } from './helpers.js';
import { openFeed, rows } from './feed-helpers.js';
import { closeClients, expectFocusOn, focused, freshClient, nameOf, press } from './focus-helpers.js';

/** A comment on "Neon Rain" (Alice, Ben and Dev work on it) by `as`, for Alice. */
const comment = (as: 'ben' | 'dev', text: string) =>
  control('/control/act', { action: 'comment', as, trackId: 'neon-rain', text });
/** Ben, Dev, then Ben again comment: one group of three for Alice, the newest on top. */
async function threeComments(): Promise<void> {
  await comment('ben', 'First take');
  await comment('dev', 'Second take');
  await comment('ben', 'Third take');
}
const GROUP = 'Ben Okafor and Dev Patel commented on “Neon Rain”';
/** A row's accessible name: the text its `aria-labelledby` points to. */
const nameOfRow = (row: Element) => row.querySelector(`[id="${row.getAttribute('aria-labelledby')}"]`)?.textContent;
const names = (feed: Element) => rows(feed).map(nameOfRow);
/** Alice's comments on "Neon Rain", as the server lists them in `query`. */
async function serverComments(query = ''): Promise<Notification[]> {
  const page = (await api<NotificationPage>(`/v1/notifications?limit=100${query}`)).body;
  return page.items.filter((item) => item.type === 'comment' && item.trackId === 'neon-rain');
}
const toasts = (feed: Element) => {
  const toaster = shadowAll<PdToaster>(feed, 'pd-toaster')[0];
  return toaster ? shadowAll(toaster, '[part="message"]').map((message) => message.textContent) : [];
};
/** A client of Alice's recording the changes it asks of the server ("POST /v1/notifications/bulk"). */
function recordingClient(changes: string[]) {
  return freshClient('demo-alice', {
    persist: false,
    fetch: (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method !== 'GET') changes.push(`${request.method} ${new URL(request.url).pathname}`);
      return fetch(input, init);
    },
  });
}

beforeEach(async () => {
  await control('/control/reset', { seed: 'demo' });
});
afterEach(() => closeClients());

describe('<pd-activity-feed>: grouped activity', () => {
  it('three comments on one track are one row: named for its people and track, their initials stacked, the newest’s message, unread; the bell still counts 3 notifications; axe-clean in light and dark', async () => {
    await threeComments();
    for (const theme of ['light', 'dark']) {
      const feed = await openFeed({ theme });
      const row = rows(feed)[0]!;
      expect(nameOfRow(row)).to.equal(GROUP);
      expect(row.getAttribute('part')).to.equal('row row-unread row-group');
      expect([...row.querySelectorAll('.avatar')].map((avatar) => avatar.textContent)).to.deep.equal(['BO', 'DP']);
      expect(row.querySelector('[part="message"]')!.textContent).to.equal('Third take');
      expect(row.querySelector('.meta')!.textContent).to.include('Unread');
      // No member has a row of its own while the group is collapsed.
      expect(names(feed)).to.not.include('Dev Patel commented on “Neon Rain”');
      // The seed's 8 unread and the 3 comments: the bell counts notifications, not rows.
      expect(shadow(feed, '.badge').textContent).to.equal('11');
      await expect(feed).to.be.accessible();
    }
  });

  it('keyboard only: Tab reaches the disclosure, Enter shows the members as rows of their own (aria-expanded) and hides them again; focus stays on it', async () => {
    await threeComments();
    const feed = await openFeed();
    const group = rows(feed)[0]!;
    group.focus();
    await press('Tab', feed);
    const toggle = group.querySelector<HTMLElement>('[part="group-toggle"]')!;
    await expectFocusOn(toggle, 'Show all 3');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await press('Enter', feed);
    await eventually(() =>
      expect(names(feed).slice(0, 4)).to.deep.equal([
        GROUP,
        'Ben Okafor commented on “Neon Rain”',
        'Dev Patel commented on “Neon Rain”',
        'Ben Okafor commented on “Neon Rain”',
      ]),
    );
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(nameOf(toggle)).to.equal('Hide all 3');
    expect(focused()).to.equal(toggle);
    expect(rows(feed)[2]!.getAttribute('part')).to.equal('row row-unread row-member');
    await expect(feed).to.be.accessible();
    // The arrows go through the members, each a row with its own buttons.
    await press('ArrowDown', feed);
    await eventually(() => expect(focused()).to.equal(rows(feed)[1]));
    expect(rows(feed)[1]!.querySelector('[part~="dismiss"]')).to.not.equal(null);
    await press('ArrowUp', feed);
    await press('Tab', feed);
    await expectFocusOn(toggle, 'Hide all 3');
    await press('Enter', feed);
    await eventually(() => expect(names(feed)).to.not.include('Dev Patel commented on “Neon Rain”'));
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(focused()).to.equal(toggle);
  });

  it('a group on screen marks every member seen on the server', async () => {
    await threeComments();
    await openFeed();
    await eventually(async () =>
      expect((await serverComments()).map((item) => item.seenAt !== null)).to.deep.equal([true, true, true]),
    );
  });

  it('opening the group goes where its newest member goes and marks every member read on the server, in one request', async () => {
    await threeComments();
    const changes: string[] = [];
    const feed = await openFeed({ client: recordingClient(changes) });
    let went: PdNavigateEvent['detail'] | null = null;
    feed.addEventListener('pd-navigate', (event) => {
      event.preventDefault();
      went = (event as PdNavigateEvent).detail;
    });
    const newest = (await serverComments())[0]!;
    rows(feed)[0]!.focus();
    await press('Enter');
    await eventually(() => expect(went?.notification.id).to.equal(newest.id));
    expect(went!.trackId).to.equal('neon-rain');
    await eventually(async () =>
      expect((await serverComments()).map((item) => item.readAt !== null)).to.deep.equal([true, true, true]),
    );
    expect(changes).to.deep.equal(['POST /v1/notifications/bulk']);
    await eventually(() => expect(rows(feed)[0]!.getAttribute('part')).to.equal('row row-group'));
  });

  it('Delete archives every member, in one request, and says so with Undo; Undo brings them all back unread', async () => {
    await threeComments();
    const changes: string[] = [];
    const feed = await openFeed({ client: recordingClient(changes) });
    rows(feed)[0]!.focus();
    await press('Delete');
    await eventually(() => expect(names(feed)).to.not.include(GROUP));
    await eventually(async () => expect(await serverComments('&archived=true')).to.have.length(3));
    expect(await serverComments()).to.have.length(0);
    expect(changes).to.deep.equal(['POST /v1/notifications/bulk']);
    await eventually(() => expect(toasts(feed)).to.deep.equal(['Archived']));
    const undo = shadow(shadow<PdToaster>(feed, 'pd-toaster'), '[part="action"]');
    undo.focus();
    await press('Enter');
    await eventually(() => expect(names(feed)[0]).to.equal(GROUP));
    await eventually(async () =>
      expect((await serverComments()).map((item) => item.readAt)).to.deep.equal([null, null, null]),
    );
  });

  it('Snooze snoozes every member on the server; the Snoozed view shows them as one group, whose Unsnooze brings them all back', async () => {
    await threeComments();
    const feed = await openFeed();
    rows(feed)[0]!.querySelector<HTMLElement>('[part~="snooze"]')!.click();
    const menu = await eventually(() => shadow(feed, '[role="menu"]'));
    (menu.querySelector('[role="menuitem"]') as HTMLElement).click();
    await eventually(() => expect(names(feed)).to.not.include(GROUP));
    await eventually(async () => expect(await serverComments('&snoozed=true')).to.have.length(3));
    shadow(feed, '#view-snoozed').click();
    await eventually(() => expect(names(feed)).to.deep.equal([GROUP]));
    rows(feed)[0]!.querySelector<HTMLElement>('[part~="unsnooze"]')!.click();
    await eventually(async () => expect(await serverComments()).to.have.length(3));
  });

  it('in the Archived view, the group’s Restore brings every member back', async () => {
    await threeComments();
    const members = await serverComments();
    for (const member of members) await api(`/v1/notifications/${member.id}/archive`, 'demo-alice', 'POST');
    const feed = await openFeed();
    shadow(feed, '#view-archived').click();
    await eventually(() => expect(names(feed)[0]).to.equal(GROUP));
    rows(feed)[0]!.querySelector<HTMLElement>('[part~="restore"]')!.click();
    await eventually(async () => expect(await serverComments()).to.have.length(3));
  });

  it('select mode: the group’s checkbox selects its 3 members, and the bar marks them all read', async () => {
    await threeComments();
    const feed = await openFeed();
    shadow(feed, '[part="select-button"]').click();
    const box = await eventually(() => shadow<HTMLInputElement>(feed, 'article [part="select"]'));
    expect(nameOf(box)).to.equal(GROUP);
    box.click();
    await eventually(() => expect(shadow(feed, '.selected-count').textContent).to.equal('3 selected'));
    const read = shadowAll(feed, '[part="bulk-action"]').find((button) => nameOf(button) === 'Mark read')!;
    read.click();
    await eventually(async () => expect((await serverComments()).every((item) => item.readAt !== null)).to.equal(true));
  });

  it('live: a comment arriving joins the group; members read and archived elsewhere change the row; one left is a row of its own', async () => {
    await comment('ben', 'First take');
    await comment('ben', 'Second take');
    const feed = await openFeed();
    expect(names(feed)[0]).to.equal('Ben Okafor left 2 comments on “Neon Rain”');
    await comment('dev', 'Third take');
    // The newest first.
    await eventually(() => expect(names(feed)[0]).to.equal('Dev Patel and Ben Okafor commented on “Neon Rain”'));
    expect(names(feed)).to.not.include('Dev Patel commented on “Neon Rain”');
    // Read elsewhere (another session): the group is read once every member is.
    const members = await serverComments();
    for (const member of members) await api(`/v1/notifications/${member.id}/read`, 'demo-alice', 'POST');
    await eventually(() => expect(rows(feed)[0]!.getAttribute('part')).to.equal('row row-group'));
    // Archived elsewhere: two leave; the one left is a row of its own.
    for (const member of members.slice(0, 2)) await api(`/v1/notifications/${member.id}/archive`, 'demo-alice', 'POST');
    await eventually(() => expect(names(feed)[0]).to.equal('Ben Okafor commented on “Neon Rain”'));
    expect(rows(feed)[0]!.getAttribute('part')).to.equal('row');
  });

  it('another tab (its own client, sharing with this one) archives a member: the group here follows', async () => {
    await threeComments();
    const here = freshClient('demo-alice', { persist: false, shareAcrossTabs: true });
    const feed = await openFeed({ client: here });
    const there = freshClient('demo-alice', { persist: false, shareAcrossTabs: true });
    const newest = (await serverComments())[0]!;
    await there.archive(newest.id);
    await eventually(() => expect(names(feed)[0]).to.equal('Dev Patel and Ben Okafor commented on “Neon Rain”'));
    expect(nameOf(rows(feed)[0]!.querySelector('[part="group-toggle"]'))).to.equal('Show all 2');
  });

  it('search results group too; group-window="0" turns grouping off', async () => {
    await threeComments();
    const feed = await openFeed();
    rows(feed)[0]!.focus();
    await press('/');
    await eventually(() => shadow<HTMLInputElement>(feed, '[part="searchbox"]'));
    await sendKeys({ type: 'neon' });
    await eventually(() => expect(names(feed)[0]).to.equal(GROUP));
    const off = await openFeed({ groupWindow: 0 });
    expect(names(off).slice(0, 3)).to.deep.equal([
      'Ben Okafor commented on “Neon Rain”',
      'Dev Patel commented on “Neon Rain”',
      'Ben Okafor commented on “Neon Rain”',
    ]);
  });

  it('a French page reads the group in French', async () => {
    await threeComments();
    const feed = await openFeed({ lang: 'fr' });
    await eventually(() => expect(names(feed)[0]).to.equal('Ben Okafor et Dev Patel ont commenté « Neon Rain »'));
    expect(nameOf(rows(feed)[0]!.querySelector('[part="group-toggle"]'))).to.equal('Afficher les 3');
  });

  it('renderRow is given the group (its members and people) with its newest member; its default content is the group’s title', async () => {
    await threeComments();
    const seen: RowHelpers['group'][] = [];
    const feed = await openFeed({
      renderRow: (notification, helpers) => {
        seen.push(helpers.group);
        return helpers.group
          ? lit`${helpers.defaultContent()}<p class="people">${helpers.group.members.length} from ${notification.actor?.name}</p>`
          : null;
      },
    });
    const row = rows(feed)[0]!;
    expect(nameOfRow(row)).to.equal(GROUP);
    expect(row.querySelector('.people')!.textContent).to.equal('3 from Ben Okafor');
    expect(seen.find((group) => group)!.actors.map((actor) => actor.name)).to.deep.equal(['Ben Okafor', 'Dev Patel']);
  });
});
