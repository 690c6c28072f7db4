/**
 * <pd-activity-feed> with 10,000 notifications: rows stay virtualized, and
 * scrolling to the end loads the older pages. In its own file, so it runs in a
 * fresh page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@pd-notify/client';
import '../src/index.js';
import { base, control, eventually, shadow, shadowAll } from './helpers.js';

const rows = (el: Element) => shadowAll(el, 'article');

describe('<pd-activity-feed> with 10,000 rows', () => {
  it('keeps 10,000 rows virtualized and loads more on scroll', async () => {
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
    await eventually(() => expect(rows(inner).length).to.be.greaterThan(0));
    const list = shadow(inner, '.list');
    await eventually(() => {
      list.scrollTop = list.scrollHeight;
      expect(client.$notifications.get().items.length).to.be.greaterThan(100);
    });
    for (let page = 0; page < 200 && client.$notifications.get().hasMore; page++) await client.loadMore();
    expect(client.$notifications.get().items).to.have.length(10_000);
    await inner.updateComplete;
    expect(rows(inner).length).to.be.lessThan(100);
    // Row heights are estimated until measured, so the end moves while scrolling: scroll until it is there.
    await eventually(() => {
      list.scrollTop = list.scrollHeight;
      expect(rows(inner).some((row) => row.querySelector('h3')!.textContent === 'Row 1')).to.equal(true);
    });
    client.close();
  });
});
