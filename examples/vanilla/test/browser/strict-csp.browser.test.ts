/**
 * Every element under the strict Content Security Policy the demo is served with
 * (examples/strict-csp.ts: scripts and styles from the page's origin only, nothing
 * inline, no eval, Trusted Types required with only Lit's `lit-html` policy), in
 * Chromium, Firefox and WebKit: the feed with its snooze menu, the invitations modal,
 * the preferences form, the help view and a track's sync progress, with not one violation.
 */
import { expect } from '@open-wc/testing';
import { api, base, control, eventually } from '../../../../packages/elements/test/helpers.js';
import { openDemo, q, type Demo } from './demo-frame.js';

type Watched = Window & typeof globalThis & { cspViolations: string[] };

/** The demo under the strict policy, its violations recorded from its first script on. */
async function openStrictDemo(hash = ''): Promise<Demo & { violations: () => string[] }> {
  const demo = await openDemo(hash, '?csp');
  const view = demo.view as Watched;
  return { ...demo, violations: () => view.cspViolations };
}

describe('the demo under a strict Content Security Policy and Trusted Types', function () {
  this.timeout(30_000);
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });

  it('is in force: an inline style and string-to-HTML are refused and reported', async () => {
    const { doc, view, violations } = await openStrictDemo();
    expect(violations(), 'nothing refused while the page starts').to.deep.equal([]);
    doc.body.setAttribute('style', 'outline: 3px solid red');
    await eventually(() => expect(violations().some((v) => v.startsWith('style-src'))).to.equal(true));
    expect(view.getComputedStyle(doc.body).outlineStyle, 'the inline style was not applied').to.not.equal('solid');
    doc.body.removeAttribute('style');
    if ('trustedTypes' in view) {
      let refused: unknown = null;
      try {
        doc.createElement('div').innerHTML = '<b>text from a server</b>';
      } catch (error) {
        refused = error;
      }
      expect((refused as Error | null)?.name, 'innerHTML with a string throws').to.equal('TypeError');
      await eventually(() =>
        expect(violations().some((v) => v.startsWith('require-trusted-types-for'))).to.equal(true),
      );
    }
  });

  it('the feed, its snooze menu, the invitations modal, the preferences form, the help view and a sync’s progress: no violation', async () => {
    const { doc, view, errors, violations } = await openStrictDemo();
    const feed = doc.querySelector('pd-activity-feed')!;
    await eventually(() => expect(q(feed, '.badge').textContent).to.equal('8'));
    q(feed, '.bell').click();
    await eventually(() => expect(feed.shadowRoot!.querySelectorAll('article').length).to.be.above(0));
    const snooze = feed.shadowRoot!.querySelector<HTMLButtonElement>('article [part~="snooze"]');
    expect(snooze, 'a row’s Snooze button').to.not.equal(null);
    snooze!.click();
    await eventually(() => expect(feed.shadowRoot!.querySelector('[role="menu"]')).to.not.equal(null));
    q(feed, '.bell').click();

    const modal = doc.querySelector('pd-invitations')!;
    q(doc.querySelector('pd-bell-badge')!, 'button').click();
    await eventually(() => expect(modal.shadowRoot!.querySelectorAll('pd-invite-card').length).to.equal(3));
    const card = modal.shadowRoot!.querySelector('pd-invite-card')!;
    await eventually(() => expect(card.shadowRoot!.querySelectorAll('button').length).to.be.above(0));

    view.location.hash = '#settings';
    const form = doc.querySelector('pd-preferences-form')!;
    await eventually(() => expect(form.shadowRoot!.querySelectorAll('input[type="checkbox"]').length).to.be.above(3));

    view.location.hash = '#help';
    const help = doc.querySelector('pd-notification-help')!;
    await eventually(() => expect(help.shadowRoot!.querySelectorAll('a').length).to.be.above(0));

    // A track's files syncing (after an invitation accepted elsewhere): the progress bar's width.
    const invitation = (await api<{ items: { id: string; track: { id: string } }[] }>('/v1/invitations')).body
      .items[0]!;
    const sync = doc.createElement('pd-sync-status') as HTMLElement & { trackId: string };
    sync.trackId = invitation.track.id;
    doc.querySelector('pd-provider')!.append(sync);
    const accepted = await fetch(`${base()}/v1/invitations/${invitation.id}/accept`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-alice' },
    });
    expect(accepted.ok).to.equal(true);
    await eventually(() => expect(sync.shadowRoot!.querySelector('[part="bar"]')).to.not.equal(null));
    // Its width applied (a style the policy refused would leave it unset).
    const bar = sync.shadowRoot!.querySelector<HTMLElement>('[part="bar"]')!;
    expect(bar.style.inlineSize).to.match(/^\d+(\.\d+)?%$/);

    expect(violations()).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
