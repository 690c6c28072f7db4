/**
 * Landmarks on a host page with its own header and toaster (axe on the whole
 * document): with the feed's panel or the invitations modal open, the page keeps
 * one banner and one "Messages" region, light and dark, English and French.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { PdActivityFeed, PdInvitations, PdInviteCard } from '../src/index.js';
import { axeViolations } from './axe.js';
import { control, eventually, shadow, shadowAll } from './helpers.js';
import { closeClients, freshClient, press } from './focus-helpers.js';

/** A host page: its header (a banner) with the bell and the envelope, its main content, its toaster. */
async function hostPage(theme: 'light' | 'dark', locale: 'en' | 'fr') {
  const root = await fixture<HTMLElement>(
    html`<pd-provider .client=${freshClient()} locale=${locale}>
      <header>
        <h1>Producer Dashboard</h1>
        <pd-bell-badge counter="invitations" for="invitations" theme=${theme}></pd-bell-badge>
        <pd-activity-feed theme=${theme}></pd-activity-feed>
      </header>
      <main><h2>Tracks</h2></main>
      <pd-invitations id="invitations" theme=${theme}></pd-invitations>
      <pd-toaster theme=${theme}></pd-toaster>
    </pd-provider>`,
  );
  return {
    feed: root.querySelector<PdActivityFeed>('pd-activity-feed')!,
    badge: root.querySelector('pd-bell-badge')!,
    modal: root.querySelector<PdInvitations>('pd-invitations')!,
  };
}

describe('landmarks on a host page with its own header and toaster', () => {
  // A host page has a title (axe's document-title); the test runner's has none.
  before(() => {
    document.title = 'Producer Dashboard';
  });
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(closeClients);

  for (const [theme, locale] of [
    ['light', 'en'],
    ['dark', 'fr'],
  ] as const) {
    it(`the feed's panel open: one banner, one "Messages" region, axe-clean (${theme}, ${locale})`, async () => {
      const { feed } = await hostPage(theme, locale);
      await eventually(() => expect(shadow(feed, '.badge').textContent).to.equal('8'));
      shadow(feed, '.bell').focus();
      await press('Enter', feed);
      await eventually(() => expect(shadowAll(feed, 'article').length).to.be.greaterThan(0));
      await eventually(() => expect(shadow(feed, '#panel pd-toaster').shadowRoot?.childElementCount).to.be.above(0));
      expect(await axeViolations()).to.deep.equal([]);
    });

    it(`the invitations modal open: one banner, one "Messages" region, axe-clean (${theme}, ${locale})`, async () => {
      const { badge, modal } = await hostPage(theme, locale);
      await eventually(() => expect(shadow(badge, '.badge').textContent).to.equal('3'));
      shadow(badge, 'button').focus();
      await press('Enter', modal);
      await eventually(() => expect(shadowAll<PdInviteCard>(modal, 'pd-invite-card').length).to.equal(3));
      await eventually(() => expect(shadow(modal, 'dialog pd-toaster').shadowRoot?.childElementCount).to.be.above(0));
      expect(await axeViolations()).to.deep.equal([]);
    });
  }
});
