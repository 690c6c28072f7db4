/**
 * <pd-activity-feed> in Chromium against the reference server: every AF
 * requirement of the spec, the keyboard paths, axe in every state.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type Notification } from '@pd-notify/client';
import '../src/index.js';
import type { PdActivityFeed } from '../src/index.js';
import { fillTemplate } from '../src/activity-feed/pd-activity-feed.js';
import { api, base, control, eventually, notify, shadow, shadowAll } from './helpers.js';
import { emulateMedia, resetMedia } from './media.js';

const rows = (el: Element) => shadowAll(el, 'article');
const rowByTitle = (el: Element, title: string) => {
  const row = rows(el).find((r) => r.querySelector('h3')?.textContent === title);
  if (!row)
    throw new Error(
      `no row titled ${title}; rows: ${rows(el)
        .map((r) => r.querySelector('h3')?.textContent)
        .join(' | ')}`,
    );
  return row;
};
const isUnread = (row: Element) => row.getAttribute('part')!.split(' ').includes('row-unread');
const categoryOf = (row: Element) => [...row.querySelector('[part="icon"]')!.classList].find((c) => c !== 'icon')!;
const badge = (el: Element) => shadow(el, '.badge');
const bellButton = (el: Element) => shadow<HTMLButtonElement>(el, '.bell');
const panelOpen = (el: Element) => shadow(el, '#panel').matches(':popover-open');
const description = (el: Element) => shadow(el, '#bell-description').textContent;

async function feed(token = 'demo-alice', extra = ''): Promise<PdActivityFeed> {
  const el = await fixture<PdActivityFeed>(
    html`<pd-activity-feed
      base-url=${base()}
      token=${token}
      href-template=${extra || (null as unknown as string)}
    ></pd-activity-feed>`,
  );
  // Loaded: the badge shows the server's unread count (a closed panel renders no loading state to wait on).
  const { unreadNotifications } = (await api<{ unreadNotifications: number }>('/v1/counts', token)).body;
  await eventually(() => expect(badge(el).hidden ? 0 : Number(badge(el).textContent)).to.equal(unreadNotifications));
  return el;
}

async function openPanel(el: Element): Promise<void> {
  if (!panelOpen(el)) bellButton(el).click();
  await eventually(() => expect(panelOpen(el)).to.equal(true));
  await eventually(() => expect(rows(el).length).to.be.greaterThan(0));
  // Opening moves focus to the first row; let it land before a test moves it.
  await eventually(() => expect(el.shadowRoot!.activeElement?.tagName).to.equal('ARTICLE'));
}

const stored = async (id: string) => (await api<Notification>(`/v1/notifications/${id}`)).body;
const idOf = async (title: string) =>
  (await api<{ items: Notification[] }>('/v1/notifications?limit=100')).body.items.find((n) => n.title === title)!.id;

describe('<pd-activity-feed>', () => {
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(async () => {
    await resetMedia();
  });

  it('AF1: a bell named "Notifications" whose badge and description carry the unread count, live', async () => {
    const el = await feed();
    expect(bellButton(el).getAttribute('aria-label')).to.equal('Notifications');
    await eventually(() => expect(badge(el).textContent).to.equal('8'));
    expect(description(el)).to.equal('8 unread notifications');
    await notify('Fresh comment');
    await eventually(() => expect(badge(el).textContent).to.equal('9'));
    expect(description(el)).to.equal('9 unread notifications');
  });

  it('AF1: the badge shows 99+ past 99 and hides at 0', async () => {
    const el = await feed();
    await control('/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      title: 'Bulk',
      message: '',
      count: 92,
    });
    await eventually(() => expect(badge(el).textContent).to.equal('99+'));
    await openPanel(el);
    // "Mark all as read" marks what the user has seen: wait until the newest row has arrived.
    await eventually(() => expect(rows(el)[0]!.querySelector('h3')!.textContent).to.equal('Bulk 92'));
    shadow(el, '[part="mark-all"]').click();
    await eventually(() => expect(badge(el).hidden).to.equal(true));
    expect(description(el)).to.equal('No unread notifications');
  });

  it('AF2 and AF12: the bell opens a panel of the most recent notifications, newest first; new ones appear without a reload', async () => {
    const el = await feed();
    expect(panelOpen(el)).to.equal(false);
    await openPanel(el);
    // The dropdown has room for several rows (it once collapsed to about one).
    expect(shadow(el, '.list').clientHeight).to.be.greaterThan(300);
    expect(shadow(el, '#panel').getBoundingClientRect().bottom).to.be.at.most(window.innerHeight);
    const times = rows(el).map((row) => row.querySelector('time')!.getAttribute('datetime')!);
    expect([...times].sort().reverse()).to.deep.equal(times);
    await notify('Brand new');
    await eventually(() => expect(rows(el)[0]!.querySelector('h3')!.textContent).to.equal('Brand new'));
    bellButton(el).click();
    await eventually(() => expect(panelOpen(el)).to.equal(false));
  });

  it('AF3: every category has its own icon and colour', async () => {
    const el = await feed();
    await openPanel(el);
    const byCategory = new Map<string, { svg: string; colour: string }>();
    for (const row of rows(el)) {
      const icon = row.querySelector('[part="icon"]')!;
      byCategory.set(categoryOf(row), { svg: icon.innerHTML, colour: getComputedStyle(icon).color });
    }
    expect([...byCategory.keys()].sort()).to.deep.equal([
      'collaboration',
      'deadline',
      'reminder',
      'support',
      'system',
      'workflow',
    ]);
    expect(new Set([...byCategory.values()].map((v) => v.svg)).size).to.equal(6);
    expect(new Set([...byCategory.values()].map((v) => v.colour)).size).to.equal(6);
  });

  it('AF4 and AF11: title, message and "12m ago"; unread rows highlighted; high priority marked', async () => {
    const el = await feed();
    await openPanel(el);
    const comment = rowByTitle(el, 'Ben Okafor commented on “Midnight Drive”');
    expect(comment.querySelector('[part="message"]')!.textContent).to.contain('The kick clips at 1:42');
    expect(comment.querySelector('time')!.textContent).to.equal('12m ago');
    const read = rowByTitle(el, '“Neon Rain” moved to Mastering');
    expect(comment.getAttribute('part')).to.contain('row-unread');
    expect(read.getAttribute('part')).to.not.contain('row-unread');
    expect(getComputedStyle(comment).backgroundColor).to.not.equal(getComputedStyle(read).backgroundColor);
    const high = rowByTitle(el, 'New sign-in from Firefox on macOS');
    expect(high.getAttribute('part')).to.contain('row-high-priority');
    expect(high.textContent).to.contain('High priority');
    // The mark: a bar at the row's start edge (in the inset's gutter).
    expect(getComputedStyle(high, '::before').backgroundColor).to.not.equal(
      getComputedStyle(read, '::before').backgroundColor,
    );
  });

  it('AF5: clicking a row marks it read and fires pd-navigate with the track and widget', async () => {
    const el = await feed();
    await openPanel(el);
    const title = 'Ben Okafor commented on “Midnight Drive”';
    const id = await idOf(title);
    const navigations: CustomEvent[] = [];
    el.addEventListener('pd-navigate', (event) => {
      navigations.push(event);
      event.preventDefault();
    });
    rowByTitle(el, title).click();
    await eventually(async () => expect((await stored(id)).readAt).to.not.equal(null));
    expect(navigations).to.have.length(1);
    expect(navigations[0]!.detail).to.include({ trackId: 'midnight-drive', widget: 'comments' });
    expect(navigations[0]!.detail.notification.id).to.equal(id);
  });

  it('AF5: a row without a track is only marked read; no navigation', async () => {
    const el = await feed('demo-alice', '/tracks/{trackId}?widget={widget}');
    await openPanel(el);
    const title = 'New sign-in from Firefox on macOS';
    const id = await idOf(title);
    let navigated = false;
    el.addEventListener('pd-navigate', () => (navigated = true));
    const before = location.href;
    rowByTitle(el, title).click();
    await eventually(async () => expect((await stored(id)).readAt).to.not.equal(null));
    expect(navigated).to.equal(false);
    expect(location.href).to.equal(before);
  });

  it('AF5: href-template is filled and only http(s) targets are followed', () => {
    expect(fillTemplate('/tracks/{trackId}?widget={widget}', 'neon rain', 'comments')).to.equal(
      new URL('/tracks/neon%20rain?widget=comments', location.href).href,
    );
    expect(fillTemplate('javascript:alert({trackId})', 'x', 'y')).to.equal(null);
  });

  it('AF6: "Accept Invite" reads "Accepting…" while it runs, then the invite is accepted on the server', async () => {
    const el = await feed();
    await openPanel(el);
    const title = 'Chloé Laurent invited you to “Paper Planes”';
    const accepted: CustomEvent[] = [];
    el.addEventListener('pd-invite-accepted', (event) => accepted.push(event));
    await control('/control/faults', { latencyMs: 600 });
    const button = rowByTitle(el, title).querySelector<HTMLButtonElement>('[part="action"]')!;
    expect(button.textContent!.trim()).to.equal('Accept Invite');
    button.click();
    await eventually(() =>
      expect(rowByTitle(el, title).querySelector('[part="action"]')!.textContent!.trim()).to.equal('Accepting…'),
    );
    await eventually(() => expect(accepted).to.have.length(1));
    await control('/control/faults', undefined, 'DELETE');
    expect(accepted[0]!.detail.track.id).to.equal('paper-planes');
    const pending = (await api<{ items: { track: { id: string } }[] }>('/v1/invitations')).body.items;
    expect(pending.some((inv) => inv.track.id === 'paper-planes')).to.equal(false);
    await eventually(() => expect(rowByTitle(el, title).querySelector('[part="action"]')).to.equal(null));
  });

  it('AF6: when accepting fails, the button comes back and an error is shown', async () => {
    const el = await feed();
    await openPanel(el);
    const title = 'Dev Patel invited you to “Low Tide”';
    await control('/control/faults', { error: { status: 503, times: 1, pathPrefix: '/v1/notifications/' } });
    rowByTitle(el, title).querySelector<HTMLButtonElement>('[part="action"]')!.click();
    await eventually(() =>
      expect(rowByTitle(el, title).querySelector('[part="row-error"]')?.textContent).to.equal(
        'The invite could not be accepted. Try again.',
      ),
    );
    const button = rowByTitle(el, title).querySelector<HTMLButtonElement>('[part="action"]')!;
    expect(button.textContent!.trim()).to.equal('Accept Invite');
    expect(button.disabled).to.equal(false);
  });

  it('AF7: a support row offers resolved, still open, no longer needs attention; the answer reaches the server', async () => {
    const el = await feed();
    await openPanel(el);
    const title = 'Support replied to ticket #4821';
    const buttons = [...rowByTitle(el, title).querySelectorAll<HTMLButtonElement>('[part="action"]')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal([
      'Resolved',
      'Still open',
      'No longer needs attention',
    ]);
    buttons[0]!.click();
    const id = await idOf(title);
    await eventually(async () => expect((await stored(id)).actionTaken).to.equal('feedback-resolved'));
    await eventually(() => expect(rowByTitle(el, title).querySelectorAll('[part="action"]')).to.have.length(0));
  });

  it('AF8: the checkmark at the top right marks everything read on the server', async () => {
    const el = await feed();
    await openPanel(el);
    const markAll = shadow<HTMLButtonElement>(el, '[part="mark-all"]');
    expect(markAll.getAttribute('aria-label')).to.equal('Mark all as read');
    const header = shadow(el, '[part="header"]').getBoundingClientRect();
    expect(markAll.getBoundingClientRect().right).to.be.closeTo(header.right, 16);
    markAll.click();
    await eventually(async () =>
      expect((await api<{ unreadNotifications: number }>('/v1/counts')).body.unreadNotifications).to.equal(0),
    );
    await eventually(() => {
      expect(rows(el)).to.have.length.greaterThan(0);
      expect(rows(el).filter(isUnread)).to.deep.equal([]);
    });
  });

  it('AF9: the X dismisses a row without navigating; the server keeps it archived (restorable), out of the inbox', async () => {
    const el = await feed();
    await openPanel(el);
    const title = 'Ben Okafor commented on “Midnight Drive”';
    const id = await idOf(title);
    let navigated = false;
    el.addEventListener('pd-navigate', () => (navigated = true));
    const dismiss = rowByTitle(el, title).querySelector<HTMLButtonElement>('[part="dismiss"]')!;
    expect(dismiss.getAttribute('aria-label')).to.equal('Dismiss');
    dismiss.click();
    await eventually(() =>
      expect(rows(el).some((row) => row.querySelector('h3')!.textContent === title)).to.equal(false),
    );
    expect(navigated).to.equal(false);
    type Listed = { items: { id: string; archivedAt: string | null }[] };
    await eventually(async () =>
      expect((await api<Listed>('/v1/notifications?archived=true')).body.items.map((item) => item.id)).to.include(id),
    );
    expect((await api<Listed>('/v1/notifications?limit=100')).body.items.map((item) => item.id)).to.not.include(id);
  });

  it('AF10: an empty feed shows an illustration and "No new notifications."', async () => {
    await control('/control/reset', { seed: 'empty' });
    const el = await feed();
    bellButton(el).click();
    await eventually(() => expect(shadow(el, '[part="empty"]').textContent!.trim()).to.equal('No new notifications.'));
    expect(el.shadowRoot!.querySelector('[part="empty"] svg')).to.not.equal(null);
    await eventually(() => expect(badge(el).hidden).to.equal(true));
    await expect(el).to.be.accessible();
  });

  it('AF13: deadline rows come from the tracks’ due dates', async () => {
    const el = await feed();
    await openPanel(el);
    const overdue = rowByTitle(el, '“Neon Rain” is overdue');
    expect(overdue.querySelector('[part="icon"]')!.classList.contains('deadline')).to.equal(true);
    const nearing = rowByTitle(el, '“Midnight Drive” is due in 2 days');
    expect(nearing.querySelector('[part="icon"]')!.classList.contains('deadline')).to.equal(true);
    const prompt = rowByTitle(el, 'Reminder: send the “Golden Hour” stems to Chloé');
    expect(prompt.querySelector('[part="icon"]')!.classList.contains('reminder')).to.equal(true);
  });

  it('shows markup in server text as plain text', async () => {
    const el = await feed();
    await notify('<img src=x onerror=alert(1)>', { message: '<script>alert(2)</script>' });
    await openPanel(el);
    const row = await eventually(() => rowByTitle(el, '<img src=x onerror=alert(1)>'));
    expect(row.querySelector('[part="message"]')!.textContent).to.equal('<script>alert(2)</script>');
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
  });

  it('filters with tabs: Unread and by category, keyboard reachable', async () => {
    const el = await feed();
    await openPanel(el);
    const tabs = shadowAll<HTMLButtonElement>(el, '[role="tab"]');
    expect(tabs.map((tab) => tab.textContent!.trim())).to.deep.equal([
      'All',
      'Unread',
      'Collaboration',
      'Deadlines',
      'Workflow',
      'Reminders',
      'System',
      'Support',
    ]);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await eventually(() =>
      expect(shadow(el, '[role="tab"][aria-selected="true"]').textContent!.trim()).to.equal('Unread'),
    );
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Unread');
    await eventually(() => expect(rows(el).map(isUnread)).to.deep.equal(new Array(8).fill(true)));
    const stored = (await api<{ items: Notification[] }>('/v1/notifications?limit=100')).body.items;
    const collaboration = stored.filter((item) => item.category === 'collaboration').length;
    expect(collaboration).to.be.greaterThan(0);
    shadowAll<HTMLButtonElement>(el, '[role="tab"]')[2]!.click();
    await eventually(() =>
      expect(rows(el).map(categoryOf)).to.deep.equal(new Array(collaboration).fill('collaboration')),
    );
  });

  it('keyboard: Enter opens, arrows move between rows, Delete dismisses, Escape closes and returns focus to the bell', async () => {
    const el = await feed();
    bellButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(panelOpen(el)).to.equal(true));
    await eventually(() => expect(el.shadowRoot!.activeElement?.tagName).to.equal('ARTICLE'));
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.index).to.equal('0');
    await sendKeys({ press: 'ArrowDown' });
    await eventually(() => expect((el.shadowRoot!.activeElement as HTMLElement).dataset.index).to.equal('1'));
    expect(rows(el).filter((row) => row.tabIndex === 0)).to.have.length(1);
    const second = (el.shadowRoot!.activeElement as HTMLElement).querySelector('h3')!.textContent!;
    await sendKeys({ press: 'Delete' });
    await eventually(() =>
      expect(rows(el).some((row) => row.querySelector('h3')!.textContent === second)).to.equal(false),
    );
    // Focus lands on the row that took the dismissed one's place.
    await eventually(() => {
      const active = el.shadowRoot!.activeElement as HTMLElement | null;
      expect(active?.dataset.index).to.equal('1');
      expect(active!.querySelector('h3')!.textContent).to.not.equal(second);
    });
    rows(el)[0]!.focus();
    const total = (await api<{ items: Notification[] }>('/v1/notifications?limit=100')).body.items.length;
    await sendKeys({ press: 'End' });
    await eventually(() =>
      expect(Number((el.shadowRoot!.activeElement as HTMLElement).dataset.index)).to.equal(total - 1),
    );
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(panelOpen(el)).to.equal(false));
    // Compare identities, not elements: a failing chai diff of DOM nodes hangs the page.
    expect(el.shadowRoot!.activeElement === bellButton(el), 'focus is back on the bell').to.equal(true);
    await sendKeys({ press: ' ' });
    await eventually(() => expect(panelOpen(el)).to.equal(true));
  });

  it('keyboard: Enter on a row opens it (marks read, pd-navigate)', async () => {
    const el = await feed();
    await openPanel(el);
    const navigations: CustomEvent[] = [];
    el.addEventListener('pd-navigate', (event) => {
      navigations.push(event);
      event.preventDefault();
    });
    const row = rowByTitle(el, 'Ben Okafor commented on “Midnight Drive”');
    row.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(navigations).to.have.length(1));
    await eventually(() => expect(row.getAttribute('part')).to.not.contain('row-unread'));
  });

  it('announces each new notification once, in one shared polite live region; the first page is not news', async () => {
    const said: string[] = [];
    const recorder = new MutationObserver((records) => {
      for (const record of records) {
        if (!(record.target instanceof HTMLElement) || !('pdAnnouncer' in record.target.dataset)) continue;
        for (const node of record.addedNodes) said.push(node.textContent!);
      }
    });
    recorder.observe(document.body, { subtree: true, childList: true, characterData: true });
    const el = await feed();
    await el.updateComplete;
    await openPanel(el);
    expect(said, 'nothing said for the notifications already there').to.deep.equal([]);
    await notify('Mix approved');
    await eventually(() => expect(said).to.deep.equal(['New notification: Mix approved']));
    // A second one: had the first been said again meanwhile, it would stand between them.
    await notify('Stems uploaded');
    await eventually(() =>
      expect(said).to.deep.equal(['New notification: Mix approved', 'New notification: Stems uploaded']),
    );
    recorder.disconnect();
    const region = document.querySelector('[data-pd-announcer]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(document.querySelectorAll('[aria-live]')).to.have.length(1);
  });

  it('shows a connection indicator while polling', async () => {
    const client = createClient({ baseUrl: base(), token: 'demo-alice', transport: 'polling', pollInterval: 60_000 });
    const el = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}><pd-activity-feed inline></pd-activity-feed></pd-provider>`,
    );
    const inner = el.querySelector('pd-activity-feed')!;
    await eventually(() =>
      expect(shadow(inner, '[part="connection"]').textContent).to.contain('Live updates are slow right now'),
    );
    await expect(inner).to.be.accessible();
    client.close();
  });

  it('shows an error state with a retry button when loading fails', async () => {
    const el = await fixture<PdActivityFeed>(
      html`<pd-activity-feed inline base-url=${base()} token="not-a-user"></pd-activity-feed>`,
    );
    await eventually(() =>
      expect(shadow(el, '[part="error"]').textContent).to.contain('Notifications could not be loaded.'),
    );
    expect(shadow(el, '[part="retry"]').textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
    el.token = 'demo-alice';
    await eventually(() => expect(rows(el).length).to.be.greaterThan(0));
  });

  it('shows a loading skeleton, accessible, while the first page loads', async () => {
    await control('/control/faults', { latencyMs: 1500 });
    const el = await fixture<PdActivityFeed>(
      html`<pd-activity-feed inline base-url=${base()} token="demo-alice"></pd-activity-feed>`,
    );
    await eventually(() => expect(shadow(el, '[part="loading"]').textContent).to.contain('Loading notifications'));
    await expect(el).to.be.accessible();
    await control('/control/faults', undefined, 'DELETE');
  });

  it('is axe-clean with many rows, unread and high priority, in light and dark', async () => {
    const el = await feed();
    await openPanel(el);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(shadow(el, '#panel')).backgroundColor).to.equal('rgb(28, 27, 34)');
    await expect(el).to.be.accessible();
    el.theme = 'auto';
    await emulateMedia({ colorScheme: 'dark' });
    await el.updateComplete;
    expect(getComputedStyle(shadow(el, '#panel')).backgroundColor).to.equal('rgb(28, 27, 34)');
    await expect(el).to.be.accessible();
  });

  it('speaks French with locale="fr", and so do the notifications', async () => {
    const el = await feed();
    await eventually(() => expect(description(el)).to.equal('8 unread notifications'));
    el.locale = 'fr';
    // French loads on demand: English until its table arrives.
    await eventually(() => expect(description(el)).to.equal('8 notifications non lues'));
    await openPanel(el);
    expect(shadow(el, '[part="mark-all"]').getAttribute('aria-label')).to.equal('Tout marquer comme lu');
    // The element told its client: the server writes the rows in French too.
    const comment = await eventually(() => rowByTitle(el, 'Ben Okafor a commenté «\u00a0Midnight Drive\u00a0»'));
    expect(comment.querySelector('time')!.textContent).to.equal('il y a 12\u00a0min');
    await expect(el).to.be.accessible();
  });

  it('switching the token shows none of the previous user’s data', async () => {
    const el = await feed();
    await openPanel(el);
    const benTitles = new Set(
      (await api<{ items: Notification[] }>('/v1/notifications?limit=100', 'demo-ben')).body.items.map((n) => n.title),
    );
    const aliceOnly = new Set(
      rows(el)
        .map((row) => row.querySelector('h3')!.textContent)
        .filter((title) => !benTitles.has(title!)),
    );
    // What every frame paints from the switch on (the DOM between two microtasks is never painted).
    const seen: string[] = [];
    let sampling = true;
    const sample = () => {
      for (const row of rows(el)) seen.push(row.querySelector('h3')!.textContent!);
      if (sampling) requestAnimationFrame(sample);
    };
    el.token = 'demo-ben';
    requestAnimationFrame(sample);
    await eventually(() =>
      expect(
        rows(el).some((row) => row.querySelector('h3')!.textContent === 'Alice Moreno commented on “Neon Rain”'),
      ).to.equal(true),
    );
    sampling = false;
    expect(aliceOnly.size).to.be.greaterThan(3);
    expect(seen.filter((title) => aliceOnly.has(title))).to.deep.equal([]);
    const benUnread = (await api<{ unreadNotifications: number }>('/v1/counts', 'demo-ben')).body.unreadNotifications;
    await eventually(() => expect(badge(el).textContent).to.equal(String(benUnread)));
  });
});
