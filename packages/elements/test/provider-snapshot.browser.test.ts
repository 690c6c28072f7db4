/**
 * `<pd-provider snapshot>` on a server-rendered page (issue #26), in each engine
 * against the reference server: its elements show the snapshot before the host
 * gives the token and ask nothing meanwhile (a render of the provider included);
 * with the token, the stream resumes and brings the server's counts; once the user
 * signs out, the snapshot is never shown again; a script element that holds no
 * snapshot is said on the console and ignored.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { loadSnapshot, type ClientSnapshot } from '@pd-notify/client';
import '../src/index.js';
import type { PdBellBadge, PdProvider } from '../src/index.js';
import { base, control, eventually, shadow } from './helpers.js';

const badge = (el: Element) => {
  const shown = shadow(el, '.badge');
  return shown.hidden ? 'hidden' : shown.textContent;
};

/** A snapshot element in the document (removed after the test). */
function snapshotElement(id: string, text: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = id;
  script.textContent = text;
  document.body.append(script);
  return script;
}

describe('<pd-provider snapshot>', () => {
  let script: HTMLScriptElement | null = null;
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(() => script?.remove());

  it('shows the snapshot before the token, then the live counts; after sign-out never again', async () => {
    const loaded = await loadSnapshot({ baseUrl: base(), token: 'demo-alice' });
    // A number the server does not have, to see which one is shown.
    const snapshot: ClientSnapshot = {
      ...loaded,
      areas: { counts: { ...loaded.areas.counts!, pendingInvitations: 42 } },
    };
    script = snapshotElement('pd-snapshot-test', JSON.stringify(snapshot));
    const streams = async () =>
      (await control<{ streams: Record<string, number> }>('/control/state', undefined, 'GET')).streams.alice ?? 0;
    // loadSnapshot's own stream has ended.
    await eventually(async () => expect(await streams()).to.equal(0));
    const provider = await fixture<PdProvider>(
      html`<pd-provider base-url=${base()} snapshot="pd-snapshot-test"
        ><pd-bell-badge counter="invitations"></pd-bell-badge
      ></pd-provider>`,
    );
    const bell = provider.querySelector<PdBellBadge>('pd-bell-badge')!;
    await bell.updateComplete;
    expect(badge(bell)).to.equal('42');
    provider.requestUpdate();
    await provider.updateComplete;
    await bell.updateComplete;
    expect(badge(bell), 'a render of the provider keeps the client waiting for its token').to.equal('42');
    expect(await streams(), 'nothing asked before the token').to.equal(0);

    provider.token = 'demo-alice';
    await eventually(() => expect(badge(bell)).to.equal('3'));
    expect(await streams()).to.equal(1);

    provider.token = null;
    await eventually(() => expect(badge(bell)).to.equal('hidden'));
    provider.requestUpdate();
    await provider.updateComplete;
    await bell.updateComplete;
    expect(badge(bell), 'the snapshot is one page load’s').to.equal('hidden');
  });

  it('a script element without a snapshot is said on the console and ignored', async () => {
    script = snapshotElement('pd-not-a-snapshot', '{"version":2}');
    const logged: string[] = [];
    const error = console.error;
    console.error = (message: string) => logged.push(message);
    try {
      const provider = await fixture<PdProvider>(
        html`<pd-provider base-url=${base()} snapshot="pd-not-a-snapshot" token="demo-alice"
          ><pd-bell-badge counter="invitations"></pd-bell-badge
        ></pd-provider>`,
      );
      await eventually(() => expect(badge(provider.querySelector('pd-bell-badge')!)).to.equal('3'));
    } finally {
      console.error = error;
    }
    expect(logged).to.deep.equal(['<pd-provider>: #pd-not-a-snapshot holds no pd-notify snapshot']);
  });
});
