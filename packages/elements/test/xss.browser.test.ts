/**
 * An XSS corpus in every place server text reaches the page (titles, messages,
 * track and sender names, URLs): shown as inert text, never as markup; URLs
 * outside http(s) refused by the server and by the elements; right-to-left
 * overrides isolated so they cannot reorder the element's own text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, type Invitation } from '@pd-notify/client';
import '../src/index.js';
import type { PdInviteCard } from '../src/index.js';
import { base, control, eventually, notify, shadow, shadowAll } from './helpers.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const CORPUS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>',
  '"><img src=x onerror=window.__pwned=1>',
  "' onmouseover='window.__pwned=1",
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<style>*{display:none!important}</style>',
  '${window.__pwned=1}{{constructor.constructor("window.__pwned=1")()}}',
  '\u202Egnp.exe — reversed by a right-to-left override',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
];

/** Tags a row may contain: ours, and nothing from the payload. */
const ALLOWED = new Set([
  'ARTICLE',
  'SPAN',
  'SVG',
  'PATH',
  'CIRCLE',
  'RECT',
  'DIV',
  'H3',
  'P',
  'TIME',
  'BUTTON',
  'STRONG',
]);

describe('XSS corpus', () => {
  beforeEach(() => delete window.__pwned);

  it('shows every payload in titles and messages as inert text in the feed, isolated from the row’s own text', async () => {
    await control('/control/reset', { seed: 'empty' });
    for (const [index, payload] of CORPUS.entries()) await notify(`${index} ${payload}`, { message: payload });
    const client = createClient({ baseUrl: base(), token: 'demo-alice', pageSize: 50 });
    const el = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}><pd-activity-feed inline></pd-activity-feed></pd-provider>`,
    );
    const feed = el.querySelector('pd-activity-feed')!;
    const rows = await eventually(() => {
      const found = shadowAll(feed, 'article');
      expect(found).to.have.length(CORPUS.length);
      return found;
    });
    for (const [index, payload] of CORPUS.entries()) {
      const row = rows.find((candidate) => candidate.querySelector('h3')!.textContent === `${index} ${payload}`);
      expect(row, payload).to.not.equal(undefined);
      const message = row!.querySelector('[part="message"]')!;
      expect(message.textContent).to.equal(payload);
      for (const text of [row!.querySelector('h3')!, message]) {
        expect(text.getAttribute('dir')).to.equal('auto');
        expect(getComputedStyle(text).unicodeBidi).to.equal('isolate');
      }
      const foreign = [...row!.querySelectorAll('*')].filter((node) => !ALLOWED.has(node.tagName.toUpperCase()));
      expect(foreign.map((node) => node.tagName)).to.deep.equal([]);
    }
    expect(window.__pwned).to.equal(undefined);
    client.close();
  });

  it('refuses URLs outside http(s) at the server', async () => {
    for (const artworkUrl of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '//evil.example/a.png',
    ]) {
      const response = await fetch(`${base()}/control/act`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'metadata', as: 'alice', trackId: 'midnight-drive', artworkUrl }),
      });
      expect(response.status, artworkUrl).to.equal(400);
    }
  });

  it('shows names as text and never loads an artwork URL outside http(s), even when a server sends one', async () => {
    for (const [index, payload] of CORPUS.entries()) {
      const invitation = {
        id: `i${index}`,
        version: 1,
        track: {
          id: 't',
          name: payload,
          artworkUrl: ['javascript:window.__pwned=1', 'data:image/svg+xml,<svg onload=alert(1)>'][index % 2]!,
        },
        sender: { id: 'u', name: payload, avatarUrl: null },
        permission: 'edit',
        status: 'pending',
        sentAt: '2026-11-23T09:00:00.000Z',
        respondedAt: null,
      } as Invitation;
      const card = await fixture<PdInviteCard>(html`<pd-invite-card .invitation=${invitation}></pd-invite-card>`);
      expect(shadow(card, '[part="track-name"]').textContent).to.equal(payload);
      expect(shadow(card, '[part="sender"] strong').textContent).to.equal(payload);
      expect(shadow(card, '[part="sender"] strong').getAttribute('dir')).to.equal('auto');
      expect(card.shadowRoot!.querySelector('img')).to.equal(null);
      expect(card.shadowRoot!.querySelector('script, iframe, a, style:not([data-lit])')).to.equal(null);
    }
    expect(window.__pwned).to.equal(undefined);
  });
});
