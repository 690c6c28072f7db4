/**
 * <pd-provider>, <pd-bell-badge> and what every element shares: one client per
 * provider, separate users side by side, the invitations counter, right-to-left,
 * reduced motion, the dropdown kept inside the viewport, registering twice.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { define } from '../src/define.js';
import { PdBellBadge, PdProvider, type PdActivityFeed } from '../src/index.js';
import { api, base, control, eventually, shadow, shadowAll, smallScreen } from './helpers.js';
import { emulateMedia, resetMedia } from './media.js';

const badgeText = (el: Element) => shadow(el, '.badge').textContent;
const description = (el: Element) => shadow(el, '#bell-description').textContent;
const streams = async () =>
  (await control<{ streams: Record<string, number> }>('/control/state', undefined, 'GET')).streams;

describe('<pd-provider> and <pd-bell-badge>', () => {
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(async () => {
    await resetMedia();
  });

  it('counter="invitations": a button named "Invitations" with the pending count, live', async () => {
    const el = await fixture<PdBellBadge>(
      html`<pd-bell-badge counter="invitations" base-url=${base()} token="demo-alice"></pd-bell-badge>`,
    );
    expect(shadow(el, 'button').getAttribute('aria-label')).to.equal('Invitations');
    await eventually(() => expect(badgeText(el)).to.equal('3'));
    expect(description(el)).to.equal('3 pending invitations');
    const pending = (await api<{ items: { id: string }[] }>('/v1/invitations')).body.items;
    const declined = await fetch(`${base()}/v1/invitations/${pending[0]!.id}/decline`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-alice' },
    });
    expect(declined.ok).to.equal(true);
    await eventually(() => expect(badgeText(el)).to.equal('2'));
    expect(description(el)).to.equal('2 pending invitations');
    await expect(el).to.be.accessible();
  });

  it('the default counter is unread notifications, named "Notifications"', async () => {
    const el = await fixture<PdBellBadge>(html`<pd-bell-badge base-url=${base()} token="demo-alice"></pd-bell-badge>`);
    expect(shadow(el, 'button').getAttribute('aria-label')).to.equal('Notifications');
    await eventually(() => expect(description(el)).to.equal('8 unread notifications'));
    expect(badgeText(el)).to.equal('8');
  });

  it('one provider shares one client (one stream) with every element inside it', async () => {
    const el = await fixture<HTMLElement>(
      html`<pd-provider base-url=${base()} token="demo-alice">
        <header><pd-bell-badge counter="invitations"></pd-bell-badge><pd-activity-feed></pd-activity-feed></header>
      </pd-provider>`,
    );
    const badge = el.querySelector('pd-bell-badge')!;
    const feed = el.querySelector('pd-activity-feed')!;
    await eventually(() => expect(badgeText(badge)).to.equal('3'));
    await eventually(() => expect(badgeText(feed)).to.equal('8'));
    await eventually(async () => expect((await streams()).alice).to.equal(1));
  });

  it('a provider registered after the elements inside it still reaches them', async () => {
    const el = await fixture<HTMLElement>(
      html`<late-pd-provider base-url=${base()} token="demo-alice"
        ><pd-bell-badge counter="invitations"></pd-bell-badge
      ></late-pd-provider>`,
    );
    const badge = el.querySelector('pd-bell-badge')!;
    await badge.updateComplete;
    expect(badge.count).to.equal(0);
    customElements.define('late-pd-provider', class extends PdProvider {});
    await eventually(() => expect(badgeText(badge)).to.equal('3'));
  });

  it('two providers for two users on one page stay separate', async () => {
    const benUnread = (await api<{ unreadNotifications: number }>('/v1/counts', 'demo-ben')).body.unreadNotifications;
    expect(benUnread).to.not.equal(8);
    const el = await fixture<HTMLElement>(
      html`<div>
        <pd-provider base-url=${base()} token="demo-alice"><pd-bell-badge id="a"></pd-bell-badge></pd-provider>
        <pd-provider base-url=${base()} token="demo-ben"><pd-bell-badge id="b"></pd-bell-badge></pd-provider>
      </div>`,
    );
    const alice = el.querySelector('#a')!;
    const ben = el.querySelector('#b')!;
    await eventually(() => expect(badgeText(alice)).to.equal('8'));
    await eventually(() => expect(badgeText(ben)).to.equal(String(benUnread)));
    await control('/control/act', { action: 'notify', userId: 'ben', type: 'comment', title: 'For Ben', message: '' });
    await eventually(() => expect(badgeText(ben)).to.equal(String(benUnread + 1)));
    expect(badgeText(alice)).to.equal('8');
  });

  it('lays out right to left: rows mirror and the dropdown opens from the bell’s left edge', async () => {
    const el = await fixture<HTMLElement>(
      html`<div dir="rtl" style="display:flex;justify-content:center">
        <pd-activity-feed base-url=${base()} token="demo-alice"></pd-activity-feed>
      </div>`,
    );
    const feed = el.querySelector<PdActivityFeed>('pd-activity-feed')!;
    shadow(feed, '.bell').click();
    await eventually(() => expect(shadowAll(feed, 'article').length).to.be.greaterThan(0));
    const row = shadowAll(feed, 'article')[0]!;
    const icon = row.querySelector('[part="icon"]')!.getBoundingClientRect();
    const dismiss = row.querySelector('[part="dismiss"]')!.getBoundingClientRect();
    expect(icon.left).to.be.greaterThan(dismiss.left);
    const bell = shadow(feed, '.bell').getBoundingClientRect();
    const panel = shadow(feed, '#panel').getBoundingClientRect();
    expect(panel.left).to.be.closeTo(bell.left, 1);
    await expect(feed).to.be.accessible();
  });

  it('keeps the dropdown inside a narrow viewport (360 px)', async () => {
    const page = await smallScreen(
      360,
      640,
      `<div style="display:flex;justify-content:flex-start">
        <pd-activity-feed base-url="${base()}" token="demo-alice"></pd-activity-feed>
      </div>`,
    );
    const view = page.defaultView!;
    expect(view.innerWidth).to.equal(360);
    const feed = page.querySelector('pd-activity-feed')!;
    shadow(feed, '.bell').click();
    await eventually(() => expect(shadowAll(feed, 'article').length).to.be.greaterThan(0));
    const panel = shadow(feed, '#panel').getBoundingClientRect();
    expect(panel.left).to.be.at.least(0);
    expect(panel.right).to.be.at.most(view.innerWidth);
    expect(panel.bottom).to.be.at.most(view.innerHeight);
  });

  it('respects prefers-reduced-motion: no skeleton animation', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    await control('/control/faults', { latencyMs: 1500 });
    const el = await fixture<PdActivityFeed>(
      html`<pd-activity-feed inline base-url=${base()} token="demo-alice"></pd-activity-feed>`,
    );
    const skeleton = await eventually(() => shadow(el, '.skeleton span'));
    expect(parseFloat(getComputedStyle(skeleton).animationDuration)).to.be.below(0.001);
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(parseFloat(getComputedStyle(skeleton).animationDuration)).to.be.greaterThan(0.1);
    await control('/control/faults', undefined, 'DELETE');
  });

  it('registering a tag a second time is harmless', () => {
    const registered = customElements.get('pd-bell-badge');
    expect(registered).to.equal(PdBellBadge);
    expect(() => define('pd-bell-badge', class extends PdBellBadge {})).to.not.throw();
    expect(customElements.get('pd-bell-badge')).to.equal(registered);
  });
});
