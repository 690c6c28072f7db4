/**
 * The invitations (SPEC IN1–IN9) in Chromium against the reference server:
 * `<pd-bell-badge counter="invitations" for>`, `<pd-invitations>`,
 * `<pd-invite-card>`, the toast and `<pd-sync-status>`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Invitation, Notification } from '@pd-notify/client';
import '../src/index.js';
import type { PdInvitations, PdInviteCard } from '../src/index.js';
import { api, base, clearPersisted, control, eventually, shadow, shadowAll } from './helpers.js';
import { emulateMedia, resetMedia } from './media.js';

interface Page {
  root: HTMLElement;
  badge: HTMLElement;
  modal: PdInvitations;
}

async function page(trackId?: string): Promise<Page> {
  const root = await fixture<HTMLElement>(
    html`<pd-provider base-url=${base()} token="demo-alice">
      <pd-bell-badge counter="invitations" for="invitations"></pd-bell-badge>
      <pd-invitations id="invitations" track-id=${trackId ?? (null as unknown as string)}></pd-invitations>
      <pd-sync-status track-id="paper-planes"></pd-sync-status>
    </pd-provider>`,
  );
  return {
    root,
    badge: root.querySelector<HTMLElement>('pd-bell-badge')!,
    modal: root.querySelector<PdInvitations>('pd-invitations')!,
  };
}

const dialog = (modal: Element) => shadow<HTMLDialogElement>(modal, 'dialog');
const cards = (modal: Element) => shadowAll<PdInviteCard>(modal, 'pd-invite-card');
const cardFor = (modal: Element, track: string) => {
  const card = cards(modal).find((c) => c.invitation?.track.name === track);
  if (!card) throw new Error(`no card for ${track}`);
  return card;
};
const inCard = (card: Element, part: string) => shadow(card, `[part~="${part}"]`);
// While the modal is open, its toasts show inside it (above its backdrop).
const toasts = () =>
  [
    ...document.querySelectorAll('pd-toaster'),
    ...(document.querySelector('pd-invitations')?.shadowRoot?.querySelectorAll('pd-toaster') ?? []),
  ].flatMap((toaster) => shadowAll(toaster, '[part~="message"]').map((p) => p.textContent));

async function openModal({ badge, modal }: Page): Promise<void> {
  await eventually(() => expect(shadow(badge, '.badge').textContent).to.equal('3'));
  shadow(badge, 'button').click();
  await eventually(() => expect(dialog(modal).open).to.equal(true));
  await eventually(() => expect(cards(modal).length).to.be.greaterThan(0));
}

describe('invitations', () => {
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(async () => {
    await control('/control/faults', undefined, 'DELETE');
    await resetMedia();
    document.querySelectorAll('pd-toaster').forEach((toaster) => toaster.remove());
  });

  it('IN2 and IN3: the "Invitations" badge opens the modal with every pending invitation, most recent first', async () => {
    const p = await page();
    expect(shadow(p.badge, 'button').getAttribute('aria-label')).to.equal('Invitations');
    expect(shadow(p.badge, 'button').getAttribute('aria-haspopup')).to.equal('dialog');
    await openModal(p);
    expect(shadow(p.modal, '#title').textContent).to.equal('Invitations');
    expect(cards(p.modal).map((card) => card.invitation!.track.name)).to.deep.equal([
      'Paper Planes',
      'Low Tide',
      'Untitled Sketch 14',
    ]);
    await expect(p.modal).to.be.accessible();
  });

  it('IN3: focus moves into the dialog; Escape closes it and focus returns to the badge; so does the close button', async () => {
    const p = await page();
    shadow(p.badge, 'button').focus();
    await eventually(() => expect(shadow(p.badge, '.badge').textContent).to.equal('3'));
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(dialog(p.modal).open).to.equal(true));
    expect(document.activeElement === p.modal, 'focus is inside the modal').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(dialog(p.modal).open).to.equal(false));
    expect(p.modal.open).to.equal(false);
    expect(document.activeElement === p.badge, 'focus is back on the badge').to.equal(true);
    await sendKeys({ press: ' ' });
    await eventually(() => expect(dialog(p.modal).open).to.equal(true));
    shadow(p.modal, '[part="close"]').click();
    await eventually(() => expect(dialog(p.modal).open).to.equal(false));
    expect(document.activeElement === p.badge, 'focus is back on the badge').to.equal(true);
  });

  it('IN4: a card shows artwork or a placeholder, the name, "Sent by" and the sender, the relative time and the permission', async () => {
    const p = await page();
    await openModal(p);
    const expected = [
      { track: 'Paper Planes', sender: 'Chloé Laurent', time: '5m ago', permission: 'Full control' },
      { track: 'Low Tide', sender: 'Dev Patel', time: '2h ago', permission: 'Can edit' },
      { track: 'Untitled Sketch 14', sender: 'Chloé Laurent', time: '3d ago', permission: 'View only' },
    ];
    for (const row of expected) {
      const card = cardFor(p.modal, row.track);
      expect(inCard(card, 'track-name').textContent).to.equal(row.track);
      expect(inCard(card, 'sender').textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Sent by ${row.sender}`);
      expect(inCard(card, 'time').textContent).to.equal(row.time);
      expect(inCard(card, 'permission').textContent).to.equal(row.permission);
      const artwork = inCard(card, 'artwork');
      if (card.invitation!.track.artworkUrl) {
        expect(artwork.tagName).to.equal('IMG');
        expect(artwork.getAttribute('src')).to.equal(card.invitation!.track.artworkUrl);
      } else {
        expect(artwork.querySelector('svg')).to.not.equal(null);
      }
    }
    const kinds = cards(p.modal).map((card) => inCard(card, 'artwork').tagName);
    expect(kinds).to.include('IMG');
    expect(kinds).to.include('SPAN');
  });

  it('IN5: track-id narrows the list to that track, with a note and "Show all"', async () => {
    const p = await page('low-tide');
    await openModal(p);
    expect(cards(p.modal).map((card) => card.invitation!.track.name)).to.deep.equal(['Low Tide']);
    expect(shadow(p.modal, '[part="filter"]').textContent).to.contain('Showing invitations for Low Tide');
    const cleared: string[] = [];
    p.modal.addEventListener('pd-track-filter-cleared', (event) => cleared.push(event.detail.trackId));
    shadow(p.modal, '[part="show-all"]').click();
    await eventually(() => expect(cards(p.modal)).to.have.length(3));
    expect(cleared).to.deep.equal(['low-tide']);
    expect(p.modal.trackId).to.equal(null);
    p.modal.trackId = 'sketch-14';
    await eventually(() =>
      expect(cards(p.modal).map((c) => c.invitation!.track.name)).to.deep.equal(['Untitled Sketch 14']),
    );
  });

  it('IN6: no pending invitations shows a checkmark and "No pending invites."', async () => {
    await control('/control/reset', { seed: 'empty' });
    const p = await page();
    p.modal.show();
    await eventually(() =>
      expect(shadow(p.modal, '[part="empty"]').textContent!.trim()).to.equal('No pending invites.'),
    );
    expect(shadow(p.modal, '[part="empty"] svg')).to.not.equal(null);
    expect(shadow(p.badge, '.badge').hidden).to.equal(true);
    await expect(p.modal).to.be.accessible();
  });

  it('IN7 and IN8: "Accepting…" while it runs; then a toast, pd-invite-accepted, the sender is told, the files sync', async () => {
    const p = await page();
    await openModal(p);
    const accepted: CustomEvent[] = [];
    p.root.addEventListener('pd-invite-accepted', (event) => accepted.push(event));
    await control('/control/faults', { latencyMs: 500 });
    const card = cardFor(p.modal, 'Paper Planes');
    const accept = inCard(card, 'accept') as HTMLButtonElement;
    expect(accept.textContent!.trim()).to.equal('Accept');
    accept.click();
    await eventually(() => expect(accept.textContent!.trim()).to.equal('Accepting…'));
    expect(accept.getAttribute('aria-disabled')).to.equal('true');
    expect(cards(p.modal)).to.include(card); // still shown while the request runs
    await eventually(() => expect(accepted).to.have.length(1));
    await control('/control/faults', undefined, 'DELETE');
    expect(accepted[0]!.detail.track.id).to.equal('paper-planes');
    expect(accepted[0]!.detail.permission).to.equal('full');
    await eventually(() => expect(toasts()).to.include('Collaboration accepted — files are syncing.'));
    await eventually(() =>
      expect(cards(p.modal).some((c) => c.invitation!.track.name === 'Paper Planes')).to.equal(false),
    );
    await eventually(() => expect(shadow(p.badge, '.badge').textContent).to.equal('2'));
    const pending = (await api<{ items: Invitation[] }>('/v1/invitations')).body.items;
    expect(pending.map((inv) => inv.track.id)).to.not.include('paper-planes');
    const chloe = (await api<{ items: Notification[] }>('/v1/notifications?limit=50', 'demo-chloe')).body.items;
    expect(chloe.some((n) => n.title === 'Alice Moreno accepted your invite')).to.equal(true);
    const sync = p.root.querySelector('pd-sync-status')!;
    const progress = await eventually(() => shadow(sync, '[role="progressbar"]'));
    expect(progress.getAttribute('aria-label')).to.equal('File sync');
    expect(progress.getAttribute('aria-valuetext')).to.match(/^Syncing files: \d+ of \d+$/);
    await expect(sync).to.be.accessible();
    await eventually(() => expect(sync.shadowRoot!.querySelector('[role="progressbar"]')).to.equal(null), 20_000);
  });

  it('IN7: when accepting fails, a message shows, the buttons come back and the card stays', async () => {
    const p = await page();
    await openModal(p);
    await control('/control/faults', { error: { status: 503, times: 1, pathPrefix: '/v1/invitations/' } });
    const card = cardFor(p.modal, 'Low Tide');
    (inCard(card, 'accept') as HTMLButtonElement).click();
    await eventually(() =>
      expect(inCard(card, 'error').textContent).to.equal('The invitation could not be accepted. Try again.'),
    );
    const accept = inCard(card, 'accept') as HTMLButtonElement;
    expect(accept.textContent!.trim()).to.equal('Accept');
    expect(accept.disabled).to.equal(false);
    expect((inCard(card, 'decline') as HTMLButtonElement).disabled).to.equal(false);
    expect(cards(p.modal)).to.include(card);
    expect(shadow(p.badge, '.badge').textContent).to.equal('3');
    await expect(p.modal).to.be.accessible();
  });

  it('IN9: "Decline" dismisses the invitation on the server and removes the card', async () => {
    const p = await page();
    await openModal(p);
    const declined: CustomEvent[] = [];
    p.root.addEventListener('pd-invite-declined', (event) => declined.push(event));
    (inCard(cardFor(p.modal, 'Untitled Sketch 14'), 'decline') as HTMLButtonElement).click();
    await eventually(() => expect(declined).to.have.length(1));
    expect(declined[0]!.detail.invitation.status).to.equal('declined');
    await eventually(() =>
      expect(cards(p.modal).map((c) => c.invitation!.track.name)).to.deep.equal(['Paper Planes', 'Low Tide']),
    );
    const pending = (await api<{ items: Invitation[] }>('/v1/invitations')).body.items;
    expect(pending.map((inv) => inv.track.id).sort()).to.deep.equal(['low-tide', 'paper-planes']);
    await eventually(() => expect(shadow(p.badge, '.badge').textContent).to.equal('2'));
  });

  it('a card fades out, at once under reduced motion', async () => {
    const durations: number[] = [];
    for (const motion of ['no-preference', 'reduce'] as const) {
      await control('/control/reset', { seed: 'demo' });
      await clearPersisted(); // each page a first visit, not showing the previous one's cards
      await emulateMedia({ reducedMotion: motion });
      const p = await page();
      await openModal(p);
      const card = cardFor(p.modal, 'Untitled Sketch 14');
      const observer = new MutationObserver(() => {
        if (card.leaving) durations.push(Number(card.getAnimations()[0]?.effect?.getTiming().duration));
      });
      observer.observe(card, { attributes: true, attributeFilter: ['leaving'] });
      (inCard(card, 'decline') as HTMLButtonElement).click();
      await eventually(() => expect(cards(p.modal)).to.not.include(card));
      observer.disconnect();
      p.root.remove(); // the next page reuses the ids
    }
    expect(durations).to.have.length(2);
    expect(durations[0]).to.be.greaterThan(0);
    expect(durations[1]).to.equal(0);
  });

  it('badges count a change made in another session', async () => {
    const p = await page();
    await eventually(() => expect(shadow(p.badge, '.badge').textContent).to.equal('3'));
    await control('/control/act', {
      action: 'invite',
      as: 'ben',
      trackId: 'static-bloom',
      userId: 'alice',
      permission: 'edit',
    });
    await eventually(() => expect(shadow(p.badge, '.badge').textContent).to.equal('4'));
    p.modal.show();
    await eventually(() => expect(cards(p.modal)[0]!.invitation!.track.id).to.equal('static-bloom'));
  });

  it('is axe-clean in the dark theme and speaks French', async () => {
    // Dark as a host asks for it: theme="auto" on a dark OS (light is the default whatever the OS).
    await emulateMedia({ colorScheme: 'dark' });
    const p = await page();
    p.modal.theme = 'auto';
    p.modal.locale = 'fr';
    await openModal(p);
    expect(getComputedStyle(dialog(p.modal)).backgroundColor).to.equal('rgb(28, 27, 34)');
    const card = cardFor(p.modal, 'Paper Planes');
    await eventually(() => expect(inCard(card, 'accept').textContent!.trim()).to.equal('Accepter'));
    expect(inCard(card, 'sender').textContent).to.contain('Envoyée par');
    await expect(p.modal).to.be.accessible();
  });
});
