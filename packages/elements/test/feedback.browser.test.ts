/**
 * Feedback that can be seen and heard: toasts above our modal and dropdown
 * (hit-testable, focusable, in a live region), the same confirmation when
 * accepting from the feed, an invitation's row opening its card for review
 * (SPEC IN10), and the panel closing after a row navigates.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Invitation } from '@pd-notify/client';
import '../src/index.js';
import {
  toast,
  type PdActivityFeed,
  type PdInvitations,
  type PdInviteCard,
  type PdInviteReviewEvent,
  type PdNavigateEvent,
} from '../src/index.js';
import { api, control, eventually, shadow, shadowAll } from './helpers.js';
import { closeClients, expectFocusOn, focused, freshClient, nameOf } from './focus-helpers.js';

const ACCEPTED = 'Collaboration accepted — files are syncing.';
const panelOpen = (feed: Element) => shadow(feed, '#panel').matches(':popover-open');
function rowTitled(feed: Element, title: string): HTMLElement {
  const row = shadowAll(feed, 'article').find((r) => r.querySelector('h3')!.textContent === title);
  if (!row) throw new Error(`no row titled ${title}`);
  return row;
}

/** The element a pointer at the centre of `target` reaches, looking into shadow roots from the document. */
function hitAt(target: Element): Element | null {
  const box = target.getBoundingClientRect();
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/**
 * Checks a shown toast can be seen, reached and heard: it is what the pointer hits
 * (nothing covers it), its close button takes focus (nothing inert does), and its
 * message is in a polite live region.
 */
async function expectUsableToast(toaster: Element): Promise<void> {
  const message = await eventually(() => {
    const found = shadowAll(toaster, '[part~="message"]').find((p) => p.textContent === ACCEPTED);
    expect(found, 'the toast').to.not.equal(undefined);
    return found!;
  });
  const close = shadow<HTMLButtonElement>(toaster, '[part="close"]');
  await Promise.all(toaster.shadowRoot!.getAnimations().map((animation) => animation.finished));
  expect(
    hitAt(close) === close || hitAt(close)?.closest('button') === close,
    'the pointer reaches its button',
  ).to.equal(true);
  close.focus();
  expect(focused() === close, 'its button takes focus (it is not inert)').to.equal(true);
  expect(message.closest('[aria-live="polite"]'), 'a polite live region').to.not.equal(null);
}

describe('feedback you can see and hear', () => {
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(async () => {
    await resetMouse();
    closeClients();
    document.querySelectorAll('body > pd-toaster').forEach((toaster) => toaster.remove());
  });

  it('the toast after accepting in the modal is above its backdrop: seen, clicked, announced', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}>
        <pd-invitations></pd-invitations>
        <pd-toaster duration="60000"></pd-toaster>
      </pd-provider>`,
    );
    const modal = root.querySelector<PdInvitations>('pd-invitations')!;
    modal.show();
    const card = await eventually(() => {
      const found = shadowAll<PdInviteCard>(modal, 'pd-invite-card').find(
        (c) => c.invitation?.track.name === 'Low Tide',
      );
      if (!found) throw new Error('no Low Tide card yet');
      return found;
    });
    (await eventually(() => shadow<HTMLButtonElement>(card, '[part="accept"]'))).click();
    const toaster = await eventually(() => shadow(modal, 'pd-toaster'));
    await expectUsableToast(toaster);
    // A click on its button closes it; the modal stays open.
    const box = shadow(toaster, '[part="close"]').getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await eventually(() => expect(shadowAll(toaster, 'li').length).to.equal(0));
    expect(modal.open).to.equal(true);
    // Escape on a toast closes the toast only; the next Escape closes the modal.
    toast('Second message');
    await eventually(() => expect(shadowAll(toaster, 'li').length).to.equal(1));
    shadow(toaster, '[part="close"]').focus();
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(shadowAll(toaster, 'li').length).to.equal(0));
    expect(modal.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(modal.open).to.equal(false));
  });

  it('accepting from the feed shows the same toast, above the panel, and the row says "Invite accepted"', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}><pd-activity-feed></pd-activity-feed></pd-provider>`,
    );
    const feed = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
    const accepted: string[] = [];
    feed.addEventListener('pd-invite-accepted', (event) => accepted.push(event.detail.track.id));
    shadow(feed, '.bell').click();
    const row = await eventually(() => rowTitled(feed, 'Dev Patel invited you to “Low Tide”'));
    row.querySelector<HTMLButtonElement>('[part="action"]')!.click();
    await eventually(() => expect(row.querySelector('.answered')?.textContent).to.equal('Invite accepted'));
    expect(row.querySelector('[part="action"]') === null, 'no button left').to.equal(true);
    expect(accepted).to.deep.equal(['low-tide']);
    await expectUsableToast(await eventually(() => shadow(feed, 'pd-toaster')));
  });

  it('clicking an invitation’s row opens its card in the page’s invitations modal (pd-invite-review), not the track', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}>
        <pd-activity-feed></pd-activity-feed>
        <pd-invitations></pd-invitations>
      </pd-provider>`,
    );
    const feed = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
    const modal = root.querySelector<PdInvitations>('pd-invitations')!;
    const reviews: PdInviteReviewEvent[] = [];
    const navigations: PdNavigateEvent[] = [];
    root.addEventListener('pd-invite-review', (event) => reviews.push(event));
    root.addEventListener('pd-navigate', (event) => navigations.push(event));
    shadow(feed, '.bell').click();
    const invitation = (await api<{ items: Invitation[] }>('/v1/invitations')).body.items.find(
      (inv) => inv.track.id === 'paper-planes',
    )!;
    (await eventually(() => rowTitled(feed, 'Chloé Laurent invited you to “Paper Planes”'))).click();
    await eventually(() => expect(modal.open).to.equal(true));
    expect(reviews.map((event) => event.detail.invitationId)).to.deep.equal([invitation.id]);
    expect(navigations.length).to.equal(0);
    // Focus is on that invitation's card: a screen reader reads its track first.
    await eventually(() => expect(nameOf(focused())).to.equal('Paper Planes'));
    expect(panelOpen(feed)).to.equal(false);
    // Closing the modal gives focus back to the bell.
    modal.close();
    await expectFocusOn(shadow(feed, '.bell'), 'the bell');
  });

  it('the host can take the review over by cancelling pd-invite-review; a feed alone opens a modal of its own', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}><pd-activity-feed></pd-activity-feed></pd-provider>`,
    );
    const feed = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
    const cancel = (event: Event) => event.preventDefault();
    feed.addEventListener('pd-invite-review', cancel);
    shadow(feed, '.bell').click();
    const row = await eventually(() => rowTitled(feed, 'Chloé Laurent invited you to “Paper Planes”'));
    row.click();
    await eventually(() => expect(row.getAttribute('part')).to.not.contain('row-unread'));
    expect(feed.shadowRoot!.querySelector('pd-invitations') === null, 'no modal: the host took over').to.equal(true);
    expect(panelOpen(feed)).to.equal(true);

    feed.removeEventListener('pd-invite-review', cancel);
    row.click();
    const own = await eventually(() => shadow<PdInvitations>(feed, 'pd-invitations'));
    await eventually(() => expect(own.open).to.equal(true));
    await eventually(() => expect(nameOf(focused())).to.equal('Paper Planes'));
  });

  it('after a row navigates (pd-navigate not cancelled) the panel closes and focus is back on the bell; cancelled, it stays open', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}><pd-activity-feed></pd-activity-feed></pd-provider>`,
    );
    const feed = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
    const cancel = (event: Event) => event.preventDefault();
    feed.addEventListener('pd-navigate', cancel);
    shadow(feed, '.bell').click();
    const title = 'Ben Okafor commented on “Midnight Drive”';
    const row = await eventually(() => rowTitled(feed, title));
    row.focus();
    row.click();
    await eventually(() => expect(row.getAttribute('part')).to.not.contain('row-unread'));
    expect(panelOpen(feed), 'cancelled: the host decides').to.equal(true);

    feed.removeEventListener('pd-navigate', cancel);
    const navigated: string[] = [];
    feed.addEventListener('pd-navigate', (event) => navigated.push(event.detail.trackId));
    rowTitled(feed, title).focus();
    rowTitled(feed, title).click();
    await eventually(() => expect(panelOpen(feed)).to.equal(false));
    expect(navigated).to.deep.equal(['midnight-drive']);
    await expectFocusOn(shadow(feed, '.bell'), 'the bell');
  });
});
