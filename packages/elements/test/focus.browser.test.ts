/**
 * Focus never lost (WCAG 2.4.3, 2.4.7): when the focused control is removed,
 * disabled or hidden by an action, focus moves to the next sensible control,
 * never to <body>; after focus was lost anyway, Escape still closes the panel
 * and returns focus to the bell.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { PdActivityFeed, PdInvitations, PdInviteCard } from '../src/index.js';
import { control, eventually, shadow, shadowAll } from './helpers.js';
import {
  closeClients,
  expectFocusInside,
  expectFocusOn,
  focused,
  freshClient,
  nameOf,
  press,
} from './focus-helpers.js';

const panelOpen = (feed: Element) => shadow(feed, '#panel').matches(':popover-open');

async function openFeed(): Promise<PdActivityFeed> {
  const root = await fixture<HTMLElement>(
    html`<pd-provider .client=${freshClient()}><pd-activity-feed></pd-activity-feed></pd-provider>`,
  );
  const el = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
  await eventually(() => expect(shadow(el, '.badge').textContent).to.equal('8'));
  shadow(el, '.bell').click();
  await eventually(() => expect(focused()?.localName).to.equal('article'));
  return el;
}

describe('focus never falls to <body>', () => {
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(async () => {
    closeClients();
    await resetMouse();
  });

  it('"Mark all as read" clicked: once it is disabled, focus is on the current row', async () => {
    const el = await openFeed();
    const markAll = shadow<HTMLButtonElement>(el, '[part="mark-all"]');
    markAll.focus();
    markAll.click();
    await eventually(() => expect(markAll.disabled).to.equal(true));
    await expectFocusOn(shadow(el, 'article[data-index="0"]'), 'the first row');
    // Escape from there closes the panel and returns focus to the bell.
    await press('Escape');
    await eventually(() => expect(panelOpen(el)).to.equal(false));
    await expectFocusOn(shadow(el, '.bell'), 'the bell');
  });

  it('the only row of a filter dismissed: focus is on the selected tab, by the empty state', async () => {
    const el = await openFeed();
    shadowAll<HTMLButtonElement>(el, '[role="tab"]')
      .find((tab) => tab.textContent!.trim() === 'Support')!
      .click();
    await eventually(() => expect(shadowAll(el, 'article').length).to.equal(1));
    shadow(el, 'article').focus();
    await press('Delete', el);
    await eventually(() => expect(shadow(el, '[part="empty"]').textContent!.trim()).to.equal('No new notifications.'));
    await expectFocusOn(shadow(el, '[role="tab"][aria-selected="true"]'), 'the Support tab');
  });

  it('a row button that goes away ("Accept Invite" clicked) hands focus to its row', async () => {
    const el = await openFeed();
    const row = shadowAll(el, 'article').find((r) => r.textContent!.includes('invited you to “Low Tide”'))!;
    const accept = row.querySelector<HTMLButtonElement>('[part="action"]')!;
    accept.focus();
    accept.click();
    await eventually(() => expect(row.querySelector('[part="action"]') === null).to.equal(true));
    await expectFocusOn(row);
  });

  it('after focus fell to <body>, Escape closes the panel and returns focus to the bell', async () => {
    const el = await openFeed();
    (focused() as HTMLElement).blur();
    // Still on <body> a frame later (nothing took it back). Identities, not elements: a failing chai diff of DOM nodes hangs the page.
    await new Promise(requestAnimationFrame);
    expect(document.activeElement === document.body, 'focus is on <body>').to.equal(true);
    expect(panelOpen(el)).to.equal(true);
    await press('Escape');
    await eventually(() => expect(panelOpen(el)).to.equal(false));
    await expectFocusOn(shadow(el, '.bell'), 'the bell');
  });

  it('a click on the bell with focus in the panel closes it, and it stays closed', async () => {
    const el = await openFeed();
    const box = shadow(el, '.bell').getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await eventually(() => expect(panelOpen(el)).to.equal(false));
    // Still closed a frame later: the focus the click gave the bell did not close it for the click to open it again.
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    expect(panelOpen(el)).to.equal(false);
  });

  it('the modal: the last card declined by a click, focus is on the close button', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}><pd-invitations track-id="sketch-14"></pd-invitations></pd-provider>`,
    );
    const modal = root.querySelector<PdInvitations>('pd-invitations')!;
    modal.show();
    const card = await eventually(() => shadow<PdInviteCard>(modal, 'pd-invite-card'));
    const decline = await eventually(() => shadow<HTMLButtonElement>(card, '[part="decline"]'));
    decline.focus();
    decline.click();
    await eventually(() => expect(shadow(modal, '[part="empty"]').textContent!.trim()).to.equal('No pending invites.'));
    await expectFocusOn(shadow(modal, '[part="close"]'), 'the close button');
    await expectFocusInside(modal);
    expect(nameOf(focused())).to.equal('Close');
  });
});
