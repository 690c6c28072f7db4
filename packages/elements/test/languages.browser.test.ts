/**
 * German, Spanish and Arabic (issue #25): each element speaks the page's
 * language (loaded on demand, like French) and the server writes the
 * notifications in it too; German's long words fit the feed and the
 * preferences form at 360 px without clipping; Arabic reads right to left: the
 * row's actions sit on the left of its text (on the right in left-to-right),
 * and the badge's number reads the same.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { PdActivityFeed } from '../src/index.js';
import ar from '../src/locales/ar.js';
import de from '../src/locales/de.js';
import deInbox from '../src/locales/de-inbox.js';
import dePreferences from '../src/locales/de-preferences.js';
import es from '../src/locales/es.js';
import { base, control, eventually, shadow, shadowAll, smallScreen } from './helpers.js';
import { closeClients, freshClient } from './focus-helpers.js';

/** An inline feed on a page of `lang` (and `dir`), once its rows are there. */
async function feedIn(lang: string, dir = 'ltr'): Promise<PdActivityFeed> {
  const client = freshClient('demo-alice', { persist: false });
  const root = await fixture<HTMLElement>(
    html`<div lang=${lang} dir=${dir} style="inline-size:480px">
      <pd-provider .client=${client}><pd-activity-feed inline></pd-activity-feed></pd-provider>
    </div>`,
  );
  const feed = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
  await eventually(() => expect(shadowAll(feed, 'article').length).to.be.above(0));
  return feed;
}

const titles = (feed: Element) => shadowAll(feed, 'article h3').map((title) => title.textContent);

beforeEach(async () => {
  await control('/control/reset', { seed: 'demo' });
});
afterEach(() => closeClients());

describe('the elements in German, Spanish and Arabic', () => {
  const LANGUAGES = [
    { lang: 'de', texts: de, maintenance: 'Geplante Wartung am Sonntag' },
    { lang: 'es', texts: es, maintenance: 'Mantenimiento programado el domingo' },
    { lang: 'ar', texts: ar, maintenance: 'صيانة مجدولة يوم الأحد' },
  ];
  for (const { lang, texts, maintenance } of LANGUAGES) {
    it(`${lang}: the feed's own texts and the server's notifications are in ${lang}; axe-clean`, async () => {
      const feed = await feedIn(lang, lang === 'ar' ? 'rtl' : 'ltr');
      await eventually(() =>
        expect(shadow(feed, '[part="mark-all"]').getAttribute('aria-label')).to.equal(texts.markAllRead),
      );
      await eventually(() => expect(titles(feed)).to.include(maintenance));
      expect(shadowAll(feed, '[part~="tab"]')[0]!.textContent!.trim()).to.equal(texts.all);
      await expect(feed).to.be.accessible();
    });
  }
});

describe('right to left', () => {
  it('Arabic mirrors each row: its actions on the left of its text (on the right in left-to-right)', async () => {
    for (const dir of ['rtl', 'ltr'] as const) {
      const feed = await feedIn(dir === 'rtl' ? 'ar' : 'en', dir);
      const row = shadowAll(feed, 'article')[0]!;
      const text = row.querySelector('.text')!.getBoundingClientRect();
      const tools = row.querySelector('.tools')!.getBoundingClientRect();
      if (dir === 'rtl') expect(tools.right, 'actions left of the text').to.be.at.most(text.left + 1);
      else expect(tools.left, 'actions right of the text').to.be.at.least(text.right - 1);
      closeClients();
    }
  });

  it('the badge’s number reads the same right to left (99+ stays 99+)', async () => {
    await control('/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'service-announcement',
      title: 'Many',
      message: '',
      count: 120,
    });
    const client = freshClient('demo-alice', { persist: false });
    const root = await fixture<HTMLElement>(
      html`<div lang="ar" dir="rtl">
        <pd-provider .client=${client}><pd-activity-feed></pd-activity-feed></pd-provider>
      </div>`,
    );
    const feed = root.querySelector('pd-activity-feed')!;
    const badge = await eventually(() => {
      const found = shadow(feed, '[part="badge"]');
      expect(found.textContent).to.equal('99+');
      return found;
    });
    // Drawn as "99+": the plus right of the nines (right to left would draw "+99").
    const text = [...badge.firstElementChild!.childNodes].find((node) => node.nodeType === Node.TEXT_NODE) as Text;
    const boxOf = (start: number) => {
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 1);
      return range.getBoundingClientRect();
    };
    expect(boxOf(2).left).to.be.above(boxOf(0).left);
    // The badge itself sits as right to left places it (growing away from the icon).
    expect(getComputedStyle(badge).direction).to.equal('rtl');
  });
});

describe('German at 360 px', () => {
  /** Elements whose text overflows their box (clipped, or spilling out). */
  const clipped = (elements: Element[]) =>
    elements
      .filter((el) => (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1)
      .map((el) => el.textContent!.trim());

  it('the feed’s views, tabs, row buttons and the preferences form’s controls fit without clipping', async () => {
    const page = await smallScreen(
      360,
      640,
      `<div lang="de">
        <pd-activity-feed inline base-url="${base()}" token="demo-alice"></pd-activity-feed>
        <pd-preferences-form base-url="${base()}" token="demo-alice"></pd-preferences-form>
      </div>`,
    );
    const feed = page.querySelector('pd-activity-feed')!;
    const form = page.querySelector('pd-preferences-form')!;
    await eventually(() => expect(shadowAll(feed, 'article').length).to.be.above(0));
    // The German texts have loaded (the views are in the panel's own family).
    await eventually(() =>
      expect(shadowAll(feed, '[part~="view"]').map((view) => view.textContent!.trim())).to.deep.equal([
        deInbox.view.inbox,
        deInbox.view.snoozed,
        deInbox.view.archived,
      ]),
    );
    await eventually(() => expect(titles(feed)).to.include('Geplante Wartung am Sonntag'));
    // The form has loaded, in German, with its controls.
    await eventually(() => expect(shadow(form, '[part="title"]').textContent).to.equal(dePreferences.preferencesTitle));
    const formControls = await eventually(() => {
      const found = shadowAll(form, 'button, label');
      expect(found.length).to.be.above(10);
      return found;
    });
    const controls = [
      ...shadowAll(feed, '[part~="view"], [part~="tab"], [part~="action"], .text-button'),
      ...formControls,
    ];
    expect(clipped(controls)).to.deep.equal([]);
    const width = page.defaultView!.innerWidth;
    for (const el of [feed, form]) expect(el.getBoundingClientRect().right).to.be.at.most(width + 0.5);
    expect(page.documentElement.scrollWidth, 'nothing wider than the page').to.be.at.most(width);
  });
});
