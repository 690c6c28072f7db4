/**
 * `badge="unseen"` on <pd-bell-badge> and <pd-activity-feed> (issue #24): the
 * badge counts the notifications the user has not had on screen, and the bell's
 * description says so, in English and French; the default stays the unread
 * count. Against the reference server: notifications are marked seen there (by
 * another session over REST, or by the page's own client).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { PdClient } from '@pd-notify/client';
import sinon from 'sinon';
import '../src/index.js';
import type { PdActivityFeed, PdBellBadge } from '../src/index.js';
import { closeClients, freshClient } from './focus-helpers.js';
import { api, base, control, eventually, shadow } from './helpers.js';

/** What the user sees on the badge: its text, or null while it is hidden. */
const badgeShown = (el: Element): string | null => {
  const badge = shadow(el, '[part="badge"]');
  return badge.hidden ? null : badge.textContent;
};

/** What a screen reader says after the bell's name: the text its aria-describedby points to. */
const description = (el: Element): string => {
  const id = shadow(el, 'button').getAttribute('aria-describedby')!;
  return el.shadowRoot!.getElementById(id)!.textContent!;
};

/** Waits until the bell shows `badge` and is described as `said`. */
const expectBell = (el: Element, badge: string | null, said: string) =>
  eventually(() => {
    expect(badgeShown(el), `${el.localName}[badge=${el.getAttribute('badge')}]'s badge`).to.equal(badge);
    expect(description(el)).to.equal(said);
  });

/** Alice's unseen notifications, newest first (in the demo seed, the unread ones). */
async function unseenIds(): Promise<string[]> {
  const { body } = await api<{ items: { id: string; seenAt: string | null }[] }>('/v1/notifications?limit=50');
  return body.items.filter((item) => item.seenAt === null).map((item) => item.id);
}

/** Marks these notifications seen as another session of Alice's would: POST /v1/notifications/seen. */
async function markSeenOnServer(ids: string[]): Promise<void> {
  const response = await fetch(`${base()}/v1/notifications/seen`, {
    method: 'POST',
    headers: { Authorization: 'Bearer demo-alice', 'Content-Type': 'application/json' },
    body: JSON.stringify({ ids }),
  });
  expect(response.status).to.equal(200);
}

describe('badge="unseen": the bell counts what the user has not seen yet', () => {
  let unseen: string[];

  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
    unseen = await unseenIds();
    // The seed's unseen notifications are its unread ones: 8 of each.
    expect(unseen.length).to.equal(8);
  });
  afterEach(() => closeClients());

  it('<pd-bell-badge badge="unseen">: the unseen count and "N new notifications", live; the default stays unread', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>
        <pd-bell-badge badge="unseen" base-url=${base()} token="demo-alice"></pd-bell-badge>
        <pd-bell-badge base-url=${base()} token="demo-alice"></pd-bell-badge>
      </div>`,
    );
    const [unseenBadge, unreadBadge] = [...el.querySelectorAll<PdBellBadge>('pd-bell-badge')] as [
      PdBellBadge,
      PdBellBadge,
    ];
    expect(unseenBadge.badge).to.equal('unseen');
    expect(unreadBadge.getAttribute('badge'), 'the default is reflected').to.equal('unread');
    expect(shadow(unseenBadge, 'button').getAttribute('aria-label')).to.equal('Notifications');
    await expectBell(unseenBadge, '8', '8 new notifications');
    await expectBell(unreadBadge, '8', '8 unread notifications');

    await markSeenOnServer(unseen.slice(0, 3));
    await expectBell(unseenBadge, '5', '5 new notifications');
    expect(unseenBadge.count).to.equal(5);
    // Seen is not read: the unread badge has not moved.
    await expectBell(unreadBadge, '8', '8 unread notifications');
    await expect(el).to.be.accessible();

    // One, then none: singular, then the badge hides and the bell says so.
    await markSeenOnServer(unseen.slice(3, 7));
    await expectBell(unseenBadge, '1', '1 new notification');
    await markSeenOnServer(unseen.slice(7));
    await expectBell(unseenBadge, null, 'No new notifications');
    await expectBell(unreadBadge, '8', '8 unread notifications');

    // Switching back to the default shows the unread count again.
    unseenBadge.badge = 'unread';
    await expectBell(unseenBadge, '8', '8 unread notifications');
  });

  it('<pd-activity-feed badge="unseen">: the bell follows the client’s markSeen; a default feed beside it counts unread', async () => {
    const client = freshClient();
    const el = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}>
        <pd-activity-feed badge="unseen"></pd-activity-feed>
        <pd-activity-feed></pd-activity-feed>
      </pd-provider>`,
    );
    const [unseenFeed, unreadFeed] = [...el.querySelectorAll<PdActivityFeed>('pd-activity-feed')] as [
      PdActivityFeed,
      PdActivityFeed,
    ];
    expect(unseenFeed.getAttribute('badge')).to.equal('unseen');
    expect(unreadFeed.badge).to.equal('unread');
    await expectBell(unseenFeed, '8', '8 new notifications');
    await expectBell(unreadFeed, '8', '8 unread notifications');

    await client.markSeen(unseen.slice(0, 2));
    await expectBell(unseenFeed, '6', '6 new notifications');
    await expectBell(unreadFeed, '8', '8 unread notifications');
    // The server agrees: what the bell shows is what it stored.
    expect((await api<{ unseenNotifications: number }>('/v1/counts')).body.unseenNotifications).to.equal(6);

    // Another session marks the rest seen: the stream brings the count.
    await markSeenOnServer(unseen.slice(2));
    await expectBell(unseenFeed, null, 'No new notifications');
    await expect(el).to.be.accessible();
  });

  it('in French: "N nouvelles notifications", singular at 1, "Aucune nouvelle notification" at 0', async () => {
    const client = freshClient();
    const el = await fixture<HTMLElement>(
      html`<div lang="fr">
        <pd-provider .client=${client}>
          <pd-activity-feed badge="unseen"></pd-activity-feed>
          <pd-bell-badge badge="unseen"></pd-bell-badge>
        </pd-provider>
      </div>`,
    );
    const feed = el.querySelector('pd-activity-feed')!;
    const badge = el.querySelector('pd-bell-badge')!;
    await markSeenOnServer(unseen.slice(0, 3));
    await expectBell(feed, '5', '5 nouvelles notifications');
    await expectBell(badge, '5', '5 nouvelles notifications');
    await markSeenOnServer(unseen.slice(3, 7));
    await expectBell(feed, '1', '1 nouvelle notification');
    await markSeenOnServer(unseen.slice(7));
    await expectBell(feed, null, 'Aucune nouvelle notification');
    await expectBell(badge, null, 'Aucune nouvelle notification');
    // The default, beside it, in French too.
    badge.removeAttribute('badge');
    await expectBell(badge, '8', '8 notifications non lues');
  });

  it('counter="invitations" ignores badge: it counts pending invitations', async () => {
    await markSeenOnServer(unseen.slice(0, 3));
    const el = await fixture<PdBellBadge>(
      html`<pd-bell-badge counter="invitations" badge="unseen" base-url=${base()} token="demo-alice"></pd-bell-badge>`,
    );
    await expectBell(el, '3', '3 pending invitations');
  });

  describe('an unknown value', () => {
    let warn: sinon.SinonStub;
    beforeEach(() => {
      warn = sinon.stub(console, 'warn');
    });
    afterEach(() => warn.restore());

    it('warns once and counts unread', async () => {
      const el = await fixture<HTMLElement>(
        html`<div>
          <pd-bell-badge badge="new" base-url=${base()} token="demo-alice"></pd-bell-badge>
          <pd-activity-feed badge="new" base-url=${base()} token="demo-alice"></pd-activity-feed>
        </div>`,
      );
      const badge = el.querySelector('pd-bell-badge')!;
      const feed = el.querySelector('pd-activity-feed')!;
      await markSeenOnServer(unseen.slice(0, 3));
      // 5 unseen, 8 unread: the unread count.
      await expectBell(badge, '8', '8 unread notifications');
      await expectBell(feed, '8', '8 unread notifications');
      // More renders (a count that changes) warn no more.
      await control('/control/act', { action: 'notify', userId: 'alice', type: 'comment', title: 'New', message: '' });
      await expectBell(badge, '9', '9 unread notifications');
      await expectBell(feed, '9', '9 unread notifications');
      const warnings = warn.getCalls().map((call) => String(call.args[0]));
      expect(warnings.filter((w) => w.includes('badge="new"'))).to.deep.equal([
        '<pd-bell-badge> badge="new": not unread or unseen, counting unread',
        '<pd-activity-feed> badge="new": not unread or unseen, counting unread',
      ]);
    });
  });

  it('a server that sends no unseen count: the unread count, described as unread', async () => {
    // A server older than the unseen count: its counts lack `unseenNotifications` (polling: counts over REST only).
    const olderServer: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname !== '/v1/counts' || !response.ok) return response;
      const counts = (await response.json()) as Record<string, unknown>;
      delete counts.unseenNotifications;
      return new Response(JSON.stringify(counts), { status: response.status, headers: response.headers });
    };
    // 5 unseen on the server, 8 unread.
    await markSeenOnServer(unseen.slice(0, 3));
    const client: PdClient = freshClient('demo-alice', { fetch: olderServer, transport: 'polling' });
    const el = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}><pd-bell-badge badge="unseen"></pd-bell-badge></pd-provider>`,
    );
    const badge = el.querySelector('pd-bell-badge')!;
    await expectBell(badge, '8', '8 unread notifications');
    expect(client.$unseenCount.get()).to.equal(undefined);
  });

  it('the open panel marks seen what is on screen (a row half visible for a second): the server stores it, the bell counts down', async () => {
    const el = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient('demo-alice', { persist: false })}
        ><pd-activity-feed badge="unseen" style="--pd-panel-max-height: 20rem"></pd-activity-feed
      ></pd-provider>`,
    );
    const feed = el.querySelector<PdActivityFeed>('pd-activity-feed')!;
    await expectBell(feed, '8', '8 new notifications');
    shadow(feed, '.bell').click();
    await eventually(() => shadow(feed, 'article'));
    const list = shadow(feed, '.list');
    const onScreen = () => {
      const box = list.getBoundingClientRect();
      return [...feed.shadowRoot!.querySelectorAll<HTMLElement>('article')].filter((row) => {
        const r = row.getBoundingClientRect();
        return Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top) >= r.height / 2;
      }).length;
    };
    // The rows on screen, no more: the server's unseen ones are those below.
    await eventually(async () => {
      const left = (await unseenIds()).length;
      expect(left).to.be.below(8);
      expect(left).to.be.above(0);
    }, 10_000);
    const left = (await unseenIds()).length;
    expect(8 - left).to.be.at.most(onScreen());
    await expectBell(feed, String(left), `${left} new notifications`);
  });
});
