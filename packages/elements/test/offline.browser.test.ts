/**
 * Changes made while the browser is offline, as a user sees them in every
 * element: shown at once with a "will sync" mark, then sent once the browser
 * is back online, and the mark gone. Offline is the page's own signal
 * (`navigator.onLine` and the offline/online events), so this runs in every engine.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Invitation, Notification, Preferences } from '@pd-notify/client';
import '../src/index.js';
import type { PdActivityFeed, PdInvitations, PdInviteCard, PdPreferencesForm } from '../src/index.js';
import { api, base, control, eventually, shadow, shadowAll } from './helpers.js';

function setOnline(online: boolean): void {
  if (online) delete (navigator as { onLine?: boolean }).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('a change made offline', () => {
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(() => setOnline(true));

  it('in the feed: the accepted invite row says it will sync, and is accepted on the server once back online', async () => {
    const el = await fixture<PdActivityFeed>(
      html`<pd-activity-feed inline base-url=${base()} token="demo-alice"></pd-activity-feed>`,
    );
    await eventually(() => expect(shadowAll(el, 'article').length).to.be.greaterThan(0));
    const row = () =>
      shadowAll(el, 'article').find(
        (article) => article.querySelector('[part~="action"]')?.textContent?.trim() === 'Accept Invite',
      );
    const target = row();
    expect(target, 'an invitation row').to.not.equal(undefined);
    const title = target!.querySelector('h3')!.textContent!;
    setOnline(false);
    (target!.querySelector('[part~="action"]') as HTMLButtonElement).click();
    const invited = () =>
      shadowAll(el, 'article').find((article) => article.querySelector('h3')!.textContent === title)!;
    await eventually(() =>
      expect(invited().querySelector('[part="pending"]')?.textContent).to.equal('Will sync when you’re back online'),
    );
    expect(invited().textContent).to.contain('Invite accepted');
    await expect(el).to.be.accessible();
    const { items } = (await api<{ items: Notification[] }>('/v1/notifications?limit=50')).body;
    const stored = items.find((item) => item.title === title)!;
    expect(stored.actionTaken ?? null).to.equal(null, 'not on the server while offline');
    setOnline(true);
    await eventually(() => expect(invited().querySelector('[part="pending"]')).to.equal(null));
    await eventually(async () =>
      expect((await api<Notification>(`/v1/notifications/${stored.id}`)).body.actionTaken).to.equal('accept-invite'),
    );
  });

  it('in the invitations modal: the card says it will sync, and the invitation is accepted once back online', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider base-url=${base()} token="demo-alice"><pd-invitations></pd-invitations></pd-provider>`,
    );
    const modal = root.querySelector<PdInvitations>('pd-invitations')!;
    modal.show();
    await eventually(() => expect(shadowAll(modal, 'pd-invite-card').length).to.be.greaterThan(0));
    const card = shadowAll<PdInviteCard>(modal, 'pd-invite-card')[0]!;
    const invitation = card.invitation!;
    setOnline(false);
    shadow<HTMLButtonElement>(card, '[part="accept"]').click();
    await eventually(() =>
      expect(card.shadowRoot!.querySelector('[part="pending"]')?.textContent).to.equal(
        'Will sync when you’re back online',
      ),
    );
    await expect(card).to.be.accessible();
    const pending = (await api<{ items: Invitation[] }>('/v1/invitations')).body.items;
    expect(pending.map((inv) => inv.id)).to.include(invitation.id, 'still pending on the server while offline');
    setOnline(true);
    await eventually(async () =>
      expect((await api<{ items: Invitation[] }>('/v1/invitations')).body.items.map((inv) => inv.id)).to.not.include(
        invitation.id,
      ),
    );
  });

  it('in the preferences form: the save says it will be saved when back online, then that it is saved', async () => {
    const el = await fixture<PdPreferencesForm>(
      html`<pd-preferences-form base-url=${base()} token="demo-alice"></pd-preferences-form>`,
    );
    await eventually(() => expect(shadowAll(el, '[role="switch"]')).to.have.length(5));
    const before = (await api<Preferences>('/v1/preferences')).body;
    shadow<HTMLButtonElement>(el, '[role="switch"][data-category="projects"]').click();
    // Edited: the form offers to discard the change.
    await eventually(() => expect(el.shadowRoot!.querySelector('[part="discard"]')).to.not.equal(null));
    setOnline(false);
    shadow<HTMLButtonElement>(el, '[part="save"]').click();
    await eventually(() =>
      expect(shadow(el, '[part="status"]').textContent).to.equal(
        'Your preferences will be saved when you’re back online.',
      ),
    );
    await expect(el).to.be.accessible();
    expect((await api<Preferences>('/v1/preferences')).body.version).to.equal(before.version);
    setOnline(true);
    await eventually(() => expect(shadow(el, '[part="status"]').textContent).to.equal('Preferences saved.'));
    const after = (await api<Preferences>('/v1/preferences')).body;
    expect(after.version).to.equal(before.version + 1);
    expect(after.categories.projects.enabled).to.equal(!before.categories.projects.enabled);
  });
});
