/**
 * The demo host page (examples/vanilla, what `npm start` serves and people copy) in
 * Chromium, Firefox and WebKit, on the test server's origin (web-test-runner.config.js
 * passes its API through to the run's reference server): its landmarks with the feed's
 * panel and the invitations modal open (axe on the whole page), and its own controls
 * keeping focus through clicks, refreshes and a connection that drops.
 */
import { expect } from '@open-wc/testing';
import { axeViolations } from '../../../../packages/elements/test/axe.js';
import { control, eventually } from '../../../../packages/elements/test/helpers.js';
import { nameOf, press } from '../../../../packages/elements/test/focus-helpers.js';
import { openDemo, q } from './demo-frame.js';

/** The link named `name` in `host`'s shadow root. */
function linkIn(host: Element, name: string): HTMLAnchorElement {
  const found = [...host.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent!.trim() === name);
  if (!found) throw new Error(`no link "${name}" in ${host.localName}`);
  return found;
}

/** The focused element of `doc`, looking inside shadow roots. */
function focusedIn(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function expectFocusOn(doc: Document, target: Element | null, what: string): Promise<void> {
  await eventually(() =>
    expect(
      target !== null && focusedIn(doc) === target,
      `focus on ${what}, not on ${nameOf(focusedIn(doc)).slice(0, 60)}`,
    ).to.equal(true),
  );
}

/** The track button of the tracks table named `name`. */
const trackButton = (doc: Document, name: string) =>
  [...doc.querySelectorAll<HTMLButtonElement>('#tracks tbody button')].find((b) => b.textContent === name) ?? null;
/** The tracks table's cell of `name` in column `column` (0: the track). */
const cellOf = (doc: Document, name: string, column: number) =>
  trackButton(doc, name)?.closest('tr')?.children[column]?.textContent ?? null;

describe('the demo page (examples/vanilla)', function () {
  // The table refreshes every 5 s: one test waits for three refreshes.
  this.timeout(30_000);
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });

  it('is axe-clean with the feed’s panel open and with the invitations modal open: one banner, one "Messages" region, one "Tracks"', async () => {
    const { doc, errors } = await openDemo();
    await eventually(() => expect(trackButton(doc, 'Midnight Drive')).to.not.equal(null));
    const feed = doc.querySelector('pd-activity-feed')!;
    await eventually(() => expect(q(feed, '.badge').textContent).to.equal('8'));
    q(feed, '.bell').focus();
    await press('Enter');
    await eventually(() => expect(feed.shadowRoot!.querySelectorAll('article').length).to.be.above(0));
    expect(await axeViolations(doc)).to.deep.equal([]);
    await press('Escape');
    await eventually(() => expect(q(feed, '#panel').matches(':popover-open')).to.equal(false));

    const badge = doc.querySelector('pd-bell-badge')!;
    const modal = doc.querySelector('pd-invitations')!;
    q(badge, 'button').focus();
    await press('Enter');
    await eventually(() => expect(modal.shadowRoot!.querySelectorAll('pd-invite-card').length).to.equal(3));
    expect(await axeViolations(doc)).to.deep.equal([]);
    await press('Escape');
    expect(errors).to.deep.equal([]);
  });

  it('the language picker switches the elements and the notifications’ text together (Arabic right to left)', async () => {
    const { doc, view, errors } = await openDemo();
    const feed = doc.getElementById('feed')!;
    q(feed, '.bell').click();
    const titles = () => [...feed.shadowRoot!.querySelectorAll('article h3')].map((title) => title.textContent);
    await eventually(() => expect(titles()).to.include('Scheduled maintenance on Sunday'));
    const picker = doc.getElementById('language') as HTMLSelectElement;
    expect([...picker.labels].map((label) => label.textContent)).to.deep.equal(['Language']);
    picker.value = 'fr';
    picker.dispatchEvent(new view.Event('change'));
    await eventually(() => expect(titles()).to.include('Maintenance prévue dimanche'));
    await eventually(() =>
      expect(q(feed, '[part="mark-all"]').getAttribute('aria-label')).to.equal('Tout marquer comme lu'),
    );
    expect(titles().some((title) => title!.startsWith('“'))).to.equal(false);
    // Arabic: the elements and the notifications in Arabic, and the page right to left.
    picker.value = 'ar';
    picker.dispatchEvent(new view.Event('change'));
    await eventually(() => expect(titles()).to.include('صيانة مجدولة يوم الأحد'));
    expect(view.getComputedStyle(q(feed, '#panel')).direction).to.equal('rtl');
    expect(errors).to.deep.equal([]);
  });

  it('Help: Enter on "Open notification preferences" moves focus to the Settings heading, "Open Profile settings" to the profile’s', async () => {
    const { doc, errors } = await openDemo('#help');
    const help = doc.querySelector('pd-notification-help')!;
    const link = await eventually(() => linkIn(help, 'Open notification preferences'));
    link.focus();
    await press('Enter');
    await eventually(() => expect(doc.getElementById('settings-view')!.hidden).to.equal(false));
    await expectFocusOn(doc, doc.querySelector('#settings-view h2'), 'the Settings heading');
    expect(nameOf(focusedIn(doc))).to.equal('Settings');

    doc.defaultView!.location.hash = '#help';
    await eventually(() => expect(doc.getElementById('help-view')!.hidden).to.equal(false));
    const profile = await eventually(() => linkIn(help, 'Open Profile settings'));
    profile.focus();
    await press('Enter');
    await eventually(() => expect(doc.getElementById('profile-view')!.hidden).to.equal(false));
    await expectFocusOn(doc, doc.getElementById('profile-title'), 'the Profile settings heading');
    expect(errors).to.deep.equal([]);
  });

  it('the tracks table keeps focus on its track button: Enter selects it, a refresh keeps it; offline, the refresh says so and throws nothing', async () => {
    const { doc, view, errors } = await openDemo();
    await eventually(() => expect(trackButton(doc, 'Midnight Drive')).to.not.equal(null));
    trackButton(doc, 'Midnight Drive')!.focus();
    await press('Enter');
    await eventually(() => expect(trackButton(doc, 'Midnight Drive')!.getAttribute('aria-pressed')).to.equal('true'));
    await expectFocusOn(doc, trackButton(doc, 'Midnight Drive'), 'Midnight Drive');
    expect(doc.querySelector('pd-invitations')!.trackId).to.equal('midnight-drive');

    // The 5-second refresh shows the new stage; focus stays on the button.
    await control('/control/act', { action: 'stage', as: 'alice', trackId: 'midnight-drive', stage: 'mastering' });
    await eventually(() => expect(cellOf(doc, 'Midnight Drive', 1)).to.equal('mastering'), 8000);
    await expectFocusOn(doc, trackButton(doc, 'Midnight Drive'), 'Midnight Drive');

    // Offline: the refresh fails, says so, keeps the table and focus, and throws nothing.
    const online = view.fetch;
    view.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const status = doc.getElementById('tracks-status')!;
    await eventually(() => expect(status.textContent).to.contain('Could not refresh the tracks'), 8000);
    expect(status.getAttribute('role')).to.equal('status');
    expect(cellOf(doc, 'Midnight Drive', 1)).to.equal('mastering');
    await expectFocusOn(doc, trackButton(doc, 'Midnight Drive'), 'Midnight Drive');
    expect(errors).to.deep.equal([]);

    // Back online: the next refresh clears the message.
    view.fetch = online;
    await eventually(() => expect(status.textContent).to.equal(''), 8000);
    await expectFocusOn(doc, trackButton(doc, 'Midnight Drive'), 'Midnight Drive');
    expect(errors).to.deep.equal([]);
  });
});
