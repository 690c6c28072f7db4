/**
 * Theming and language that follow the host: the bell and the envelope take the
 * host header's colour in every theme (contrast measured on light and dark
 * headers); surfaces follow `theme`; the locale comes from the element, its
 * provider, the nearest `lang` through shadow roots, the document, else English,
 * for every element.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { Invitation, PdClient } from '@pd-notify/client';
import '../src/index.js';
import type { PdActivityFeed, PdInvitations, PdToaster } from '../src/index.js';
import { tokens } from '../src/styles/tokens.js';
import { api, control, eventually, shadow } from './helpers.js';
import { backgroundOf, contrast } from './contrast.js';
import { closeClients, freshClient } from './focus-helpers.js';

const HEADERS = {
  light: { background: 'rgb(255, 255, 255)', color: 'rgb(29, 29, 34)' },
  dark: { background: 'rgb(17, 24, 39)', color: 'rgb(249, 250, 251)' },
} as const;
const THEMES = [null, 'light', 'dark', 'auto'] as const;

describe('theming that follows the host', () => {
  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(closeClients);

  for (const [header, colours] of Object.entries(HEADERS)) {
    it(`on a ${header} host header, the bell and the envelope take the header's colour in every theme (icons 3:1, badge text 4.5:1)`, async () => {
      const client = freshClient();
      const root = await fixture<HTMLElement>(
        html`<pd-provider .client=${client}>
          ${THEMES.map(
            (theme) =>
              html`<header style="background:${colours.background};color:${colours.color};padding:4px">
                <pd-bell-badge counter="invitations" theme=${theme ?? (null as unknown as string)}></pd-bell-badge>
                <pd-activity-feed theme=${theme ?? (null as unknown as string)}></pd-activity-feed>
              </header>`,
          )}
        </pd-provider>`,
      );
      const triggers = [...root.querySelectorAll('pd-bell-badge, pd-activity-feed')];
      await eventually(() =>
        expect(triggers.map((el) => shadow(el, '.badge').hidden)).to.deep.equal(triggers.map(() => false)),
      );
      for (const el of triggers) {
        const what = `${el.localName} theme=${el.getAttribute('theme')} on a ${header} header`;
        const icon = shadow(el, '.bell svg');
        expect(getComputedStyle(icon).color, what).to.equal(colours.color);
        expect(contrast(getComputedStyle(icon).color, backgroundOf(icon)), what).to.be.at.least(3);
        const badge = shadow(el, '.badge');
        expect(contrast(getComputedStyle(badge).color, getComputedStyle(badge).backgroundColor), what).to.be.at.least(
          4.5,
        );
      }
    });
  }

  it('--pd-bell-color sets the icon colour', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}
        ><pd-activity-feed style="--pd-bell-color: rgb(15, 118, 110)" theme="dark"></pd-activity-feed
      ></pd-provider>`,
    );
    expect(getComputedStyle(shadow(root.querySelector('pd-activity-feed')!, '.bell svg')).color).to.equal(
      'rgb(15, 118, 110)',
    );
  });

  it('only theme="auto" follows a dark OS: without it, an element stays light', () => {
    // Read from the shared styles (a dark OS cannot be set from here in every engine): the
    // dark tokens under prefers-color-scheme apply to :host([theme='auto']) and nothing else.
    const rules = [...tokens.styleSheet!.cssRules].filter(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(rule.conditionText),
    );
    expect(rules.length).to.equal(1);
    expect([...rules[0]!.cssRules].map((rule) => (rule as CSSStyleRule).selectorText)).to.deep.equal([
      ':host([theme="auto"])',
    ]);
  });

  it('the panel follows theme: light by default, dark, or the OS with auto; its text 4.5:1 on it', async () => {
    const osDark = matchMedia('(prefers-color-scheme: dark)').matches;
    const client = freshClient();
    const expected = { unset: false, light: false, dark: true, auto: osDark };
    for (const [theme, dark] of Object.entries(expected)) {
      const root = await fixture<HTMLElement>(
        html`<pd-provider .client=${client}
          ><pd-activity-feed inline theme=${theme === 'unset' ? (null as unknown as string) : theme}></pd-activity-feed
        ></pd-provider>`,
      );
      const panel = shadow(root.querySelector('pd-activity-feed')!, '#panel');
      const title = shadow(root.querySelector('pd-activity-feed')!, '#title');
      const background = getComputedStyle(panel).backgroundColor;
      expect(background, `theme ${theme}`).to.equal(dark ? 'rgb(28, 27, 34)' : 'rgb(255, 255, 255)');
      expect(contrast(getComputedStyle(title).color, background), `theme ${theme}`).to.be.at.least(4.5);
    }
  });
});

/** Each element, and how to tell its French texts from its English ones once it shows them. */
const ELEMENTS: {
  tag: string;
  template: (locale?: string) => TemplateResult;
  text: (el: Element) => string | null | undefined;
  french: RegExp;
  english: RegExp;
}[] = [
  {
    tag: 'pd-activity-feed',
    template: (locale) => html`<pd-activity-feed locale=${locale ?? (null as unknown as string)}></pd-activity-feed>`,
    text: (el) => el.shadowRoot?.querySelector('#bell-description')?.textContent,
    french: /non lue/,
    english: /unread notification/,
  },
  {
    tag: 'pd-bell-badge',
    template: (locale) =>
      html`<pd-bell-badge counter="invitations" locale=${locale ?? (null as unknown as string)}></pd-bell-badge>`,
    text: (el) => el.shadowRoot?.querySelector('#bell-description')?.textContent,
    french: /en attente/,
    english: /pending invitation/,
  },
  {
    tag: 'pd-invitations',
    template: (locale) => html`<pd-invitations locale=${locale ?? (null as unknown as string)}></pd-invitations>`,
    text: (el) => el.shadowRoot?.querySelector('[part="close"]')?.getAttribute('aria-label'),
    french: /^Fermer$/,
    english: /^Close$/,
  },
  {
    tag: 'pd-invite-card',
    template: (locale) =>
      html`<pd-invite-card .invitation=${INVITATION} locale=${locale ?? (null as unknown as string)}></pd-invite-card>`,
    text: (el) => el.shadowRoot?.querySelector('[part="sender"]')?.textContent,
    french: /Envoyée par/,
    english: /Sent by/,
  },
  {
    tag: 'pd-toaster',
    template: (locale) =>
      html`<pd-toaster duration="60000" locale=${locale ?? (null as unknown as string)}></pd-toaster>`,
    text: (el) => el.shadowRoot?.querySelector('[part="close"]')?.getAttribute('aria-label'),
    french: /^Fermer le message$/,
    english: /^Close message$/,
  },
  {
    tag: 'pd-sync-status',
    template: (locale) =>
      html`<pd-sync-status track-id="low-tide" locale=${locale ?? (null as unknown as string)}></pd-sync-status>`,
    text: (el) => el.shadowRoot?.querySelector('[role="progressbar"]')?.getAttribute('aria-label'),
    french: /^Synchronisation des fichiers$/,
    english: /^File sync$/,
  },
  {
    tag: 'pd-preferences-form',
    template: (locale) =>
      html`<pd-preferences-form locale=${locale ?? (null as unknown as string)}></pd-preferences-form>`,
    text: (el) => el.shadowRoot?.querySelector('h2, .state p')?.textContent,
    french: /Préférences de notification|Chargement des préférences/,
    english: /Notification preferences|Loading preferences/,
  },
  {
    tag: 'pd-notification-help',
    template: (locale) =>
      html`<pd-notification-help locale=${locale ?? (null as unknown as string)}></pd-notification-help>`,
    text: (el) => el.shadowRoot?.querySelector('[part="reconnect"]')?.textContent?.trim(),
    french: /^Se reconnecter$/,
    english: /^Reconnect$/,
  },
];

const INVITATION: Invitation = {
  id: 'i-test',
  version: 1,
  track: { id: 'paper-planes', name: 'Paper Planes', artworkUrl: null },
  sender: { id: 'chloe', name: 'Chloé Laurent' },
  permission: 'full',
  status: 'pending',
  sentAt: new Date().toISOString(),
  respondedAt: null,
} as Invitation;

/** Renders `content` inside a shadow root of a plain element placed in `<div lang="…">`. */
async function inShadowUnderLang(client: PdClient, lang: string, content: TemplateResult): Promise<Element> {
  const root = await fixture<HTMLElement>(
    html`<pd-provider .client=${client}
      ><div lang=${lang}><div class="shadow-host"></div></div
    ></pd-provider>`,
  );
  const host = root.querySelector('.shadow-host')!;
  render(content, host.attachShadow({ mode: 'open' }));
  return host.shadowRoot!.firstElementChild!;
}

describe('the locale, from every source, on every element', () => {
  let client: PdClient;

  beforeEach(async () => {
    await control('/control/reset', { seed: 'demo' });
    client = freshClient();
    // A sync in progress, so <pd-sync-status> shows its bar.
    const lowTide = (await api<{ items: Invitation[] }>('/v1/invitations')).body.items.find(
      (inv) => inv.track.id === 'low-tide',
    );
    await client.acceptInvitation(lowTide!.id);
  });
  afterEach(() => {
    closeClients();
    document.documentElement.lang = 'en';
  });

  /** Waits until `el` shows French (or English) texts. */
  async function expectLanguage(el: Element, french: boolean, why: string): Promise<void> {
    const element = ELEMENTS.find((e) => e.tag === el.localName)!;
    if (el.localName === 'pd-toaster') (el as PdToaster).show('Bonjour');
    await eventually(() => {
      const text = element.text(el) ?? '';
      expect(text, `${el.localName}, ${why}`).to.match(french ? element.french : element.english);
    }, 10_000);
  }

  for (const element of ELEMENTS) {
    it(`<${element.tag}>: its locale, else its provider's, else the nearest lang through shadow roots, else the document's, else English`, async () => {
      // The element's own locale wins over its provider's.
      let root = await fixture<HTMLElement>(
        html`<pd-provider .client=${client} locale="en">${element.template('fr')}</pd-provider>`,
      );
      await expectLanguage(root.querySelector(element.tag)!, true, 'locale="fr" in an English provider');
      // The provider's locale wins over the page's lang.
      root = await fixture<HTMLElement>(
        html`<div lang="en"><pd-provider .client=${client} locale="fr">${element.template()}</pd-provider></div>`,
      );
      await expectLanguage(root.querySelector(element.tag)!, true, '<pd-provider locale="fr">');
      // The nearest lang, found from inside a shadow root, wins over the document's.
      await expectLanguage(
        await inShadowUnderLang(client, 'fr', element.template()),
        true,
        'lang="fr" outside its shadow root',
      );
      // Nothing set: English, then the document's lang.
      root = await fixture<HTMLElement>(html`<pd-provider .client=${client}>${element.template()}</pd-provider>`);
      await expectLanguage(root.querySelector(element.tag)!, false, 'nothing set');
      document.documentElement.lang = 'fr';
      root = await fixture<HTMLElement>(html`<pd-provider .client=${client}>${element.template()}</pd-provider>`);
      await expectLanguage(root.querySelector(element.tag)!, true, '<html lang="fr">');
    });
  }

  it('French from the page reaches the invite cards inside the modal (through its shadow root)', async () => {
    document.documentElement.lang = 'fr';
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}><pd-invitations></pd-invitations></pd-provider>`,
    );
    const modal = root.querySelector<PdInvitations>('pd-invitations')!;
    modal.show();
    const card = await eventually(() => shadow(modal, 'pd-invite-card'));
    await eventually(() => {
      expect(shadow(card, '[part="sender"]').textContent).to.contain('Envoyée par');
      expect(shadow(card, '[part="accept"]').textContent!.trim()).to.equal('Accepter');
      expect(shadow(card, '[part="decline"]').textContent!.trim()).to.equal('Refuser');
      expect(shadow(card, '[part="permission"]').textContent).to.equal('Contrôle total');
      expect(shadow(card, '[part="time"]').textContent).to.match(/^il y a /);
    });
  });

  it('a feed that opens its own modal gives it its language', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${client} locale="fr"><pd-activity-feed></pd-activity-feed></pd-provider>`,
    );
    const feed = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
    shadow(feed, '.bell').click();
    const row = await eventually(() => {
      const found = [...feed.shadowRoot!.querySelectorAll('article')].find((r) =>
        r.textContent!.includes('Paper Planes'),
      );
      if (!found) throw new Error('no Paper Planes row');
      return found;
    });
    row.click();
    const modal = await eventually(() => shadow<PdInvitations>(feed, 'pd-invitations'));
    await eventually(() => expect(shadow(modal, '[part="close"]').getAttribute('aria-label')).to.equal('Fermer'));
  });
});
