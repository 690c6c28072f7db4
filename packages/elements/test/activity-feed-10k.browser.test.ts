/**
 * <pd-activity-feed> with 10,000 notifications: scrolling to the end loads the
 * older pages, and the rows stay virtualized; 10,000 of one group make groups
 * of 50 that load only what fills the view. In its own file, so it runs in a
 * fresh page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@pd-notify/client';
import '../src/index.js';
import { base, control, eventually, shadow, shadowAll } from './helpers.js';

const rows = (el: Element) => shadowAll(el, 'article');

describe('<pd-activity-feed> with 10,000 rows', () => {
  it('loads all 10,000 page by page as the user scrolls, keeping the rows virtualized and the selection', async function () {
    this.timeout(120_000); // a hundred pages, each asked for by a scroll to the end
    await control('/control/reset', { seed: 'empty' });
    await control('/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      title: 'Row',
      message: '',
      count: 10_000,
    });
    const client = createClient({ baseUrl: base(), token: 'demo-alice', pageSize: 100 });
    const el = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}><pd-activity-feed inline></pd-activity-feed></pd-provider>`,
    );
    const inner = el.querySelector('pd-activity-feed')!;
    const loaded = () => client.$notifications.get().items.length;
    await eventually(() => expect(rows(inner).length).to.be.greaterThan(0));
    expect(loaded()).to.equal(100);
    const list = shadow(inner, '.list');
    // Select mode: the newest row chosen; the selection is kept by notification, not by rendered row.
    shadow(inner, '[part="select-button"]').click();
    const newest = await eventually(() => shadow<HTMLInputElement>(inner, 'article [part="select"]'));
    const newestTitle = rows(inner)[0]!.querySelector('h3')!.textContent;
    newest.click();
    await eventually(() => expect(shadow(inner, '.selected-count').textContent!.trim()).to.equal('1 selected'));
    // Row heights are estimated until measured, so the end moves while scrolling: scroll until the oldest row shows.
    await eventually(() => {
      list.scrollTop = list.scrollHeight;
      expect(loaded()).to.equal(10_000);
      expect(rows(inner).some((row) => row.querySelector('h3')!.textContent === 'Row 1')).to.equal(true);
    }, 110_000);
    expect(client.$notifications.get().hasMore).to.equal(false);
    expect(rows(inner).length).to.be.lessThan(100);
    // Back at the top, 10,000 rows later: the newest row is still selected, and it alone.
    expect(rows(inner).some((row) => row.querySelector('h3')!.textContent === newestTitle)).to.equal(false);
    list.scrollTop = 0;
    await eventually(() => {
      const top = rows(inner).find((row) => row.querySelector('h3')!.textContent === newestTitle);
      expect(top?.querySelector<HTMLInputElement>('[part="select"]')?.checked).to.equal(true);
    });
    expect(shadowAll<HTMLInputElement>(inner, 'article [part="select"]').filter((box) => box.checked)).to.have.length(
      1,
    );
    expect(shadow(inner, '.selected-count').textContent!.trim()).to.equal('1 selected');
    client.close();
  });

  it('10,000 comments on one track: groups of 50, only the pages that fill the view asked for; a group expanded scrolls its members virtualized', async () => {
    await control('/control/reset', { seed: 'empty' });
    await control('/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      trackId: 'neon-rain',
      title: 'Take',
      message: '',
      count: 10_000,
    });
    let pages = 0;
    const client = createClient({
      baseUrl: base(),
      token: 'demo-alice',
      pageSize: 100,
      persist: false,
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname === '/v1/notifications') pages++;
        return fetch(input, init);
      },
    });
    const el = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}><pd-activity-feed inline></pd-activity-feed></pd-provider>`,
    );
    const inner = el.querySelector('pd-activity-feed')!;
    const list = await eventually(() => shadow(inner, '.list'));
    // Enough groups to fill the list (and a screen more), then no more pages until the user scrolls.
    await eventually(() => {
      expect(rows(inner).length).to.be.greaterThan(0);
      expect(list.scrollHeight).to.be.greaterThan(list.clientHeight * 2);
      expect(client.$notifications.get().loadingMore).to.equal(false);
    });
    const asked = pages;
    expect(asked).to.be.lessThan(10);
    expect(rows(inner)[0]!.querySelector('h3')!.textContent).to.equal('Take 10000 and 49 more');
    expect(rows(inner)[1]!.querySelector('h3')!.textContent).to.equal('Take 9950 and 49 more');
    // Expanded, the first group's 50 members are rows, rendered a window at a time.
    rows(inner)[0]!.querySelector<HTMLElement>('[part="group-toggle"]')!.click();
    await eventually(() => expect(rows(inner)[1]!.querySelector('h3')!.textContent).to.equal('Take 10000'));
    expect(rows(inner).length).to.be.lessThan(50);
    // One screen further down, older members are rendered in place of the first ones.
    const members = () =>
      rows(inner)
        .map((row) => row.querySelector('h3')!.textContent!)
        .filter((title) => /^Take \d+$/.test(title))
        .map((title) => Number(title.slice(5)));
    const oldestShown = Math.min(...members());
    list.scrollTop += list.clientHeight;
    await eventually(() => expect(Math.min(...members())).to.be.lessThan(oldestShown));
    expect(rows(inner).length).to.be.lessThan(50);
    client.close();
  });
});
