/**
 * A panel that looks finished, by measured boxes: the filter tabs fit (they scroll,
 * with a button at each end that has more, and the chosen one is always whole);
 * the dropdown is as tall as its content; the modal keeps its place; the settings
 * leave no holes; the disabled "Save Preferences" keeps 3:1; the filtered modal
 * keeps its track's name; a 360 px page keeps the bell and the panel on screen.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { PdActivityFeed, PdInvitations, PdInviteCard } from '../src/index.js';
import { base, control, eventually, shadow, shadowAll } from './helpers.js';
import { backgroundOf, contrast } from './contrast.js';
import { closeClients, focused, freshClient, press } from './focus-helpers.js';

const box = (element: Element) => element.getBoundingClientRect();

async function dropdown(seed: 'demo' | 'empty' = 'demo', dir = 'ltr'): Promise<PdActivityFeed> {
  await control('/control/reset', { seed });
  const root = await fixture<HTMLElement>(
    html`<div dir=${dir} style="display:flex;justify-content:flex-end">
      <pd-provider .client=${freshClient()}><pd-activity-feed></pd-activity-feed></pd-provider>
    </div>`,
  );
  const feed = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
  shadow(feed, '.bell').click();
  await eventually(() => expect(feed.shadowRoot!.querySelector('article, [part="empty"]')).to.not.equal(null));
  return feed;
}

/** Whether `tab` is entirely visible in the strip, and not under a scroll button that shows. */
function wholeInStrip(feed: Element, tab: Element): boolean {
  const strip = box(shadow(feed, '.tabs'));
  const t = box(tab);
  if (t.left < strip.left - 0.5 || t.right > strip.right + 0.5) return false;
  return shadowAll(feed, '.scroll:not([hidden])').every((button) => {
    const b = box(button);
    return t.right <= b.left + 0.5 || t.left >= b.right - 0.5;
  });
}

describe('layout', () => {
  afterEach(closeClients);

  for (const dir of ['ltr', 'rtl']) {
    it(`the 8 filter tabs fit the 384 px panel (${dir}): each label whole in its tab, the chosen tab always in full view, a button at each end with more`, async () => {
      const feed = await dropdown('demo', dir);
      const tabs = shadowAll(feed, '[role="tab"]');
      expect(tabs.length).to.equal(8);
      expect(Math.round(box(shadow(feed, '#panel')).width)).to.equal(384);
      for (const tab of tabs) expect(tab.scrollWidth, tab.textContent!).to.be.at.most(tab.clientWidth);
      // More tabs than room: the end has a button, the start none yet.
      await eventually(() => expect(shadow(feed, '.scroll.end').hidden).to.equal(false));
      expect(shadow(feed, '.scroll.start').hidden).to.equal(true);
      // Choosing each tab in turn by keys (towards the end: left in right-to-left) brings it into full view.
      tabs[0]!.focus();
      for (let i = 1; i < tabs.length; i++) {
        await press(dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight', feed);
        await eventually(() => expect(wholeInStrip(feed, focused()!), focused()!.textContent!).to.equal(true));
      }
      await eventually(() => expect(shadow(feed, '.scroll.start').hidden).to.equal(false));
      await eventually(() => expect(shadow(feed, '.scroll.end').hidden).to.equal(true));
      // The start button scrolls back: pressed until the first tab is whole again.
      await eventually(() => {
        if (wholeInStrip(feed, tabs[0]!)) return;
        shadow(feed, '.scroll.start').click();
        throw new Error('the first tab is not in view yet');
      });
      await eventually(() => expect(shadow(feed, '.scroll.start').hidden).to.equal(true));
      await expect(feed).to.be.accessible();
    });
  }

  it('the empty feed: the dropdown is as tall as its content; a full one takes its greatest height', async () => {
    let feed = await dropdown('empty');
    const panel = shadow(feed, '#panel');
    await eventually(() => expect(shadow(feed, '[part="empty"]')).to.not.equal(null));
    const content = [...panel.children].reduce((sum, child) => sum + box(child).height, 0);
    expect(box(panel).height).to.be.closeTo(content + 2, 2); // its 1 px borders
    expect(box(panel).height).to.be.below(360);
    // ...and that content is the empty state, shown whole (not a body squeezed to nothing under the tabs).
    const empty = box(shadow(feed, '[part="empty"]'));
    expect(empty.height).to.be.above(50);
    expect(box(shadow(feed, '.body')).height).to.be.at.least(empty.height);
    expect(empty.bottom).to.be.at.most(box(panel).bottom);
    feed = await dropdown('demo');
    const full = shadow(feed, '#panel');
    const available = window.innerHeight - box(full).top - 8;
    expect(box(full).height).to.be.closeTo(Math.min(512, available), 1);
  });

  it('the modal stays anchored near the top while cards leave', async () => {
    await control('/control/reset', { seed: 'demo' });
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}><pd-invitations></pd-invitations></pd-provider>`,
    );
    const modal = root.querySelector<PdInvitations>('pd-invitations')!;
    modal.show();
    const cards = () => shadowAll<PdInviteCard>(modal, 'pd-invite-card').filter((card) => !card.hidden);
    await eventually(() => expect(cards().length).to.equal(3));
    const dialog = shadow(modal, 'dialog');
    const top = box(dialog).top;
    expect(top).to.be.closeTo(Math.min(window.innerHeight * 0.1, 80), 1);
    for (const remaining of [2, 1]) {
      const height = box(dialog).height;
      (await eventually(() => shadow<HTMLButtonElement>(cards()[0]!, '[part="decline"]'))).click();
      await eventually(() => expect(cards().length).to.equal(remaining));
      await eventually(() => expect(box(dialog).height).to.be.below(height));
      expect(box(dialog).top).to.equal(top);
    }
  });

  it('the filtered modal keeps naming its track once its list is empty', async () => {
    await control('/control/reset', { seed: 'demo' });
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}><pd-invitations track-id="sketch-14"></pd-invitations></pd-provider>`,
    );
    const modal = root.querySelector<PdInvitations>('pd-invitations')!;
    modal.show();
    const card = await eventually(() => shadow(modal, 'pd-invite-card'));
    expect(shadow(modal, '[part="filter"]').textContent).to.contain('Showing invitations for Untitled Sketch 14');
    (await eventually(() => shadow<HTMLButtonElement>(card, '[part="decline"]'))).click();
    await eventually(() => expect(shadow(modal, '[part="empty"]').textContent!.trim()).to.equal('No pending invites.'));
    expect(shadow(modal, '[part="filter"]').textContent).to.contain('Showing invitations for Untitled Sketch 14');
  });

  it('the settings leave no hole: whatever is expanded, two columns filled row by row in the DOM’s order, each row one height, one gap apart', async () => {
    await control('/control/reset', { seed: 'demo' });
    const screen = await fixture<HTMLElement>(
      html`<div style="width:1000px">
        <pd-provider .client=${freshClient()}><pd-preferences-form></pd-preferences-form></pd-provider>
      </div>`,
    );
    const form = screen.querySelector('pd-preferences-form')!;
    await eventually(() => expect(shadowAll(form, '[part="category"]').length).to.equal(5));
    const gear = (category: string) => shadow<HTMLButtonElement>(form, `[aria-controls="${category}-options"]`);
    const expectNoHoles = () => {
      // Rows in the DOM's order (which Tab follows): consecutive categories sharing a top.
      const rows: DOMRect[][] = [];
      for (const rect of shadowAll(form, '[part="category"]').map(box)) {
        const row = rows.at(-1);
        if (row && Math.round(row[0]!.top) === Math.round(rect.top)) row.push(rect);
        else rows.push([rect]);
      }
      expect(
        rows.map((row) => row.length),
        'two by two, read row by row',
      ).to.deep.equal([2, 2, 1]);
      for (const [first, second] of rows) {
        if (!second) continue;
        expect(second.left, 'left to right').to.be.above(first!.left);
        expect(second.height, 'one height: nothing empty beside an open category').to.be.closeTo(first!.height, 0.5);
      }
      for (let i = 1; i < rows.length; i++) expect(rows[i]![0]!.top - rows[i - 1]![0]!.bottom).to.be.closeTo(12, 0.5);
    };
    expectNoHoles();
    for (const category of ['trackActivity', 'system', 'dueDates', 'trackActivity']) {
      gear(category).click();
      await eventually(() => expect(gear(category).getAttribute('aria-expanded')).to.not.equal(null));
      await form.updateComplete;
      expectNoHoles();
    }
  });

  it('"Save Preferences" disabled reads as disabled and keeps 3:1 (text and edge) on the form, light and dark', async () => {
    await control('/control/reset', { seed: 'demo' });
    for (const theme of ['light', 'dark']) {
      const root = await fixture<HTMLElement>(
        html`<pd-provider .client=${freshClient()}
          ><pd-preferences-form theme=${theme}></pd-preferences-form
        ></pd-provider>`,
      );
      const form = root.querySelector('pd-preferences-form')!;
      const save = await eventually(() => shadow<HTMLButtonElement>(form, '[part="save"]'));
      expect(save.disabled).to.equal(true);
      const { color, borderTopColor, backgroundColor } = getComputedStyle(save);
      expect(contrast(color, backgroundOf(save)), `${theme} text`).to.be.at.least(3);
      expect(contrast(borderTopColor, getComputedStyle(form).backgroundColor), `${theme} edge`).to.be.at.least(3);
      // Not the filled look of the enabled button.
      shadow(form, '[role="switch"]').click();
      await eventually(() => expect(save.disabled).to.equal(false));
      expect(getComputedStyle(save).backgroundColor).to.not.equal(backgroundColor);
      await expect(form).to.be.accessible();
    }
  });

  it('on a 360 px page, the bell stays on screen and the open panel fits the width', async () => {
    await control('/control/reset', { seed: 'demo' });
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe title="a 360 px page" style="width:360px;height:640px;border:0"></iframe>`,
    );
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    // Absolute URLs: a srcdoc document resolves root-relative ones against about:srcdoc in some engines.
    const elements = new URL('/packages/elements/src/index.ts', location.href).href;
    frame.srcdoc = `<!doctype html><html lang="en"><body style="margin:0">
      <header style="display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:8px">
        <strong style="flex:1">Producer Dashboard</strong>
        <pd-activity-feed base-url="${base()}" token="demo-alice"></pd-activity-feed>
      </header>
      <script type="module" src="${elements}"></script></body></html>`;
    await loaded;
    const page = frame.contentDocument!;
    await frame.contentWindow!.customElements.whenDefined('pd-activity-feed');
    const feed = page.querySelector('pd-activity-feed')!;
    const bell = await eventually(() => shadow(feed, '.bell'));
    expect(box(bell).right).to.be.at.most(360);
    bell.click();
    await eventually(() => expect(feed.shadowRoot!.querySelectorAll('article').length).to.be.greaterThan(0));
    const panel = box(shadow(feed, '#panel'));
    expect(panel.left).to.be.at.least(0);
    expect(panel.right).to.be.at.most(360);
    expect(page.documentElement.scrollWidth).to.be.at.most(360);
  });
});
