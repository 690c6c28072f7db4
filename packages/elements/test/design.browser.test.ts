/**
 * The design review of issue #23, measured: what a reviewer saw (a badge over
 * the bell, invisible icons and focus rings in dark, invisible placeholders,
 * states told by colour alone, ragged insets, clipped chips, unclamped text,
 * mismatched buttons) is checked by boxes and contrast where a number decides
 * it, and by what the user sees and hears otherwise. docs/design.md states the
 * rules these hold to.
 */
import { expect, fixture, html } from '@open-wc/testing';
import {
  createClient,
  ICONS,
  NOTIFICATION_KINDS,
  type IconName,
  type Invitation,
  type PdClient,
  type Preferences,
} from '@pd-notify/client';
import '../src/index.js';
import type { PdActivityFeed, PdInvitations, PdToaster } from '../src/index.js';
import { api, base, control, eventually, notify, putPreferences, shadow, shadowAll } from './helpers.js';
import { backgroundOf, contrast } from './contrast.js';
import { openFeed as open, rows } from './feed-helpers.js';
import { closeClients, expectFocusOn, focused, freshClient, nameOf, press } from './focus-helpers.js';
import { stubNotification, type NotificationStub } from './notification-stub.js';

const box = (element: Element) => element.getBoundingClientRect();
const px = (value: string) => parseFloat(value);

/** A dropdown feed at the end of its line (as in a header), opened; `ready`: what to wait for. */
const openFeed = (options: { dir?: string; theme?: string; client?: PdClient } = {}, ready = 'article') =>
  open({ style: 'display:flex;justify-content:flex-end;padding:0 1rem', ...options, ready });
const rowTitled = (feed: Element, title: string) => {
  const row = rows(feed).find((r) => r.querySelector('h3')!.textContent === title);
  if (!row) throw new Error(`no row titled ${title}`);
  return row;
};
/** `count` more unread notifications for Alice, from the server. */
const notifyAlice = (count: number) =>
  control('/control/act', { action: 'notify', userId: 'alice', type: 'comment', title: 'n', message: '', count });
const pathsOf = (icon: Element) => [...icon.querySelectorAll('path')].map((path) => path.getAttribute('d'));
/** A client whose requests for `path` wait until `release()`: that part stays loading. */
function heldClient(path: string): { client: PdClient; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const client = createClient({
    baseUrl: base(),
    token: 'demo-alice',
    shareAcrossTabs: false,
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === path) await gate;
      return fetch(input, init);
    },
  });
  return { client, release };
}

let notifications: NotificationStub | null = null;

beforeEach(async () => {
  await control('/control/reset', { seed: 'demo' });
});
afterEach(async () => {
  notifications?.restore();
  notifications = null;
  closeClients();
  await control('/control/faults', undefined, 'DELETE');
});

describe('design: the bell', () => {
  for (const dir of ['ltr', 'rtl']) {
    it(`the badge grows away from the icon (${dir}): 3, 42 and 99+ keep a minimum size and cover at most its top corner`, async () => {
      const client = freshClient();
      const root = await fixture<HTMLElement>(
        html`<div dir=${dir} style="padding:1rem 3rem">
          <pd-provider .client=${client}
            ><pd-activity-feed></pd-activity-feed><pd-bell-badge counter="invitations"></pd-bell-badge
          ></pd-provider>
        </div>`,
      );
      const [feed, envelope] = [root.querySelector('pd-activity-feed')!, root.querySelector('pd-bell-badge')!];
      const expectCorner = (el: Element, text: string) => {
        const badge = shadow(el, '.badge');
        expect(badge.textContent).to.equal(text);
        const b = box(badge);
        const icon = box(shadow(el, '.bell svg'));
        expect(b.height, `${text}: a minimum size`).to.be.at.least(16);
        expect(b.width, `${text}: never narrower than tall`).to.be.at.least(b.height - 0.5);
        const middle = icon.left + icon.width / 2;
        if (dir === 'ltr') expect(b.left, `${text} starts past the icon's middle`).to.be.at.least(middle);
        else expect(b.right, `${text} starts past the icon's middle`).to.be.at.most(middle);
        const overlap =
          Math.max(0, Math.min(b.right, icon.right) - Math.max(b.left, icon.left)) *
          Math.max(0, Math.min(b.bottom, icon.bottom) - Math.max(b.top, icon.top));
        expect(overlap / (icon.width * icon.height), `${text} covers a corner at most`).to.be.at.most(0.25);
      };
      await eventually(() => expect(shadow(envelope, '.badge').textContent).to.equal('3'));
      expectCorner(envelope, '3');
      await notifyAlice(34);
      await eventually(() => expect(shadow(feed, '.badge').textContent).to.equal('42'));
      expectCorner(feed, '42');
      await notifyAlice(80);
      await eventually(() => expect(shadow(feed, '.badge').textContent).to.equal('99+'));
      expectCorner(feed, '99+');
    });
  }

  it('a dark frame that sets a background but no text colour: the bell and the envelope stay readable (3:1) in every theme', async () => {
    const client = freshClient();
    // The page's text is dark (the test page's default); the frame only paints a dark background.
    const root = await fixture<HTMLElement>(
      html`<div style="background:#121117;padding:1rem">
        <pd-provider .client=${client}>
          ${['light', 'dark', 'auto', ''].map(
            (theme) =>
              html`<pd-bell-badge theme=${theme}></pd-bell-badge
                ><pd-bell-badge counter="invitations" theme=${theme}></pd-bell-badge
                ><pd-activity-feed theme=${theme}></pd-activity-feed>`,
          )}
        </pd-provider>
      </div>`,
    );
    const triggers = [...root.querySelectorAll('pd-bell-badge, pd-activity-feed')];
    for (const el of triggers) {
      const icon = await eventually(() => shadow(el, '.bell svg'));
      const what = `${el.localName}${el.getAttribute('counter') ? ' (invitations)' : ''} theme=${el.getAttribute('theme')}`;
      await eventually(() => expect(contrast(getComputedStyle(icon).color, 'rgb(18, 17, 23)'), what).to.be.at.least(3));
    }
  });
});

describe('design: dark focus ring and placeholders', () => {
  for (const theme of ['light', 'dark']) {
    it(`${theme}: the focus ring is 3:1 on unread and read rows, hovered rows and the panel`, async () => {
      const feed = await openFeed({ theme });
      // Focus by keys, as a keyboard user gets the ring: down and back up to the first row (unread).
      await eventually(() => expect(focused()?.localName).to.equal('article'));
      await press('ArrowDown', feed);
      await press('ArrowUp', feed);
      const unread = focused()!;
      expect(unread.classList.contains('unread')).to.equal(true);
      const read = rows(feed).find((row) => !row.classList.contains('unread'))!;
      expect(getComputedStyle(unread).outlineStyle).to.equal('solid');
      const ring = getComputedStyle(unread).outlineColor;
      const panel = getComputedStyle(shadow(feed, '#panel')).backgroundColor;
      const hover = getComputedStyle(shadow(feed, '#panel')).getPropertyValue('--_hover').trim();
      for (const [what, background] of [
        ['an unread row', getComputedStyle(unread).backgroundColor],
        ['a read row', getComputedStyle(read).backgroundColor],
        ['the panel', panel],
      ] as const) {
        expect(contrast(ring, background), `${theme} ring on ${what}`).to.be.at.least(3);
      }
      // A hovered row (its colour, as the theme gives it).
      const probe = document.createElement('span');
      probe.style.color = hover;
      document.body.append(probe);
      expect(contrast(ring, getComputedStyle(probe).color), `${theme} ring on a hovered row`).to.be.at.least(3);
      probe.remove();
      // The filter chips' ring falls on the panel, around the selected chip's fill.
      await press('Shift+Tab', feed);
      const chip = focused()!;
      expect(chip.getAttribute('role')).to.equal('tab');
      expect(contrast(getComputedStyle(chip).outlineColor, panel), `${theme} chip ring`).to.be.at.least(3);
    });

    it(`${theme}: loading shows the ring and its text, and placeholder rows (an icon and two lines) at 3:1 on the panel`, async () => {
      const { client, release } = heldClient('/v1/notifications');
      const feed = await openFeed({ theme, client }, '[part="loading"] .skeleton');
      const loading = shadow(feed, '[part="loading"]');
      expect(loading.textContent).to.contain('Loading notifications…');
      expect(box(loading.querySelector('.spinner')!).width).to.be.at.least(12);
      const skeleton = shadowAll(feed, '.skeleton');
      expect(skeleton.length).to.be.at.least(3);
      const surface = backgroundOf(loading);
      for (const bone of skeleton[0]!.querySelectorAll('.bone')) {
        expect(contrast(getComputedStyle(bone).backgroundColor, surface), `${theme} placeholder`).to.be.at.least(3);
      }
      const placeholder = box(skeleton[0]!.querySelector('.bone.round')!);
      expect(placeholder.width, 'an icon placeholder as big as a row icon').to.be.closeTo(36, 1);
      await expect(feed).to.be.accessible();
      release();
      client.close();
    });
  }

  it('"Mark all as read" is disabled while the list loads and after it failed, though the count is known', async () => {
    const { client, release } = heldClient('/v1/notifications');
    let feed = await openFeed({ client }, '[part="loading"]');
    await eventually(() => expect(shadow(feed, '.badge').textContent).to.equal('8'));
    expect(shadow<HTMLButtonElement>(feed, '[part="mark-all"]').disabled, 'while loading').to.equal(true);
    release();
    await eventually(() => expect(rows(feed).length).to.be.greaterThan(0));
    expect(shadow<HTMLButtonElement>(feed, '[part="mark-all"]').disabled, 'once shown').to.equal(false);
    client.close();
    // The list's load fails (the stream, and so the count, stays up) on a first visit (nothing persisted to show).
    await control('/control/faults', { error: { status: 500, times: 100, pathPrefix: '/v1/notifications' } });
    feed = await openFeed({ client: freshClient('demo-alice', { persist: false }) }, '[part="error"]');
    await eventually(() => expect(shadow(feed, '.badge').textContent).to.equal('8'));
    expect(shadow<HTMLButtonElement>(feed, '[part="mark-all"]').disabled, 'after a failed load').to.equal(true);
  });

  it('every other loading state is the same pattern: the preferences, the invitations, the help view’s checks', async () => {
    const prefs = heldClient('/v1/preferences');
    const invites = heldClient('/v1/invitations');
    const root = await fixture<HTMLElement>(
      html`<div>
        <pd-provider .client=${prefs.client}
          ><pd-preferences-form></pd-preferences-form><pd-notification-help></pd-notification-help
        ></pd-provider>
        <pd-provider .client=${invites.client}><pd-invitations></pd-invitations></pd-provider>
      </div>`,
    );
    root.querySelector<PdInvitations>('pd-invitations')!.show();
    for (const [tag, text] of [
      ['pd-preferences-form', 'Loading preferences…'],
      ['pd-invitations', 'Loading invitations…'],
      ['pd-notification-help', 'Checking…'],
    ] as const) {
      const el = root.querySelector(tag)!;
      const spinner = await eventually(() => shadow(el, '.spinner'));
      expect(box(spinner).width, `${tag}: the ring shows`).to.be.at.least(12);
      expect(el.shadowRoot!.textContent, tag).to.contain(text);
    }
    prefs.release();
    invites.release();
    prefs.client.close();
    invites.client.close();
  });
});

/** Checks one message: its tone's icon (3:1 on its background), its text (4.5:1), and an action when asked. */
function expectPattern(message: Element, tone: 'error' | 'warning' | 'success' | 'info', action?: string) {
  expect(message.classList.contains(tone), `${tone}: ${message.className}`).to.equal(true);
  const icon = message.querySelector('.tone-icon');
  expect(icon, `${tone}: an icon, not colour alone`).to.not.equal(null);
  const background = backgroundOf(message);
  expect(contrast(getComputedStyle(icon!).color, background), `${tone} icon`).to.be.at.least(3);
  const text = message.querySelector('p, span:not([class])') ?? message;
  expect(contrast(getComputedStyle(text).color, background), `${tone} text`).to.be.at.least(4.5);
  if (action) expect([...message.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include(action);
}

describe('design: one error, one warning, one success pattern', () => {
  for (const theme of ['light', 'dark']) {
    it(`${theme}: load failures of the feed, the modal and the form: icon, text and "Try again"`, async () => {
      await control('/control/faults', { error: { status: 500, times: 1000, pathPrefix: '/v1/' } });
      const feed = await openFeed({ theme }, '[part="error"]');
      expectPattern(shadow(feed, '[part="error"]'), 'error', 'Try again');
      const root = await fixture<HTMLElement>(
        html`<pd-provider .client=${freshClient()}
          ><pd-invitations theme=${theme}></pd-invitations><pd-preferences-form theme=${theme}></pd-preferences-form
        ></pd-provider>`,
      );
      const modal = root.querySelector<PdInvitations>('pd-invitations')!;
      modal.show();
      expectPattern(await eventually(() => shadow(modal, '[part="error"]')), 'error', 'Try again');
      const form = root.querySelector('pd-preferences-form')!;
      expectPattern(await eventually(() => shadow(form, '[part="error"]')), 'error', 'Try again');
      for (const el of [feed, modal, form]) await expect(el).to.be.accessible();
    });
  }

  it('the preferences: the security warning and the conflict are warnings with an icon, the conflict just above Save; saved is a success', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}><pd-preferences-form></pd-preferences-form></pd-provider>`,
    );
    const form = root.querySelector('pd-preferences-form')!;
    await eventually(() => expect(shadowAll(form, '[role="switch"]').length).to.equal(5));
    shadow(form, '[aria-controls="system-options"]').click();
    shadow<HTMLInputElement>(form, 'input[name="security-alert"]').click();
    expectPattern(await eventually(() => shadow(form, '[part="warning"]')), 'warning');
    // Another session saves while this edit is open: the warning sits right above the footer with Save.
    await putPreferences((prefs) => (prefs.reminderLeadDays = 7));
    const banner = await eventually(() => shadow(form, '[part="banner"]'));
    expectPattern(banner, 'warning', 'Keep my changes');
    const gap = box(shadow(form, '[part="footer"]')).top - box(banner).bottom;
    expect(gap, 'beside Save').to.be.within(0, 16.5);
    [...banner.querySelectorAll('button')].find((b) => b.textContent!.includes('Keep my changes'))!.click();
    shadow(form, '[part="save"]').click();
    const status = shadow(form, '[part="status"]');
    await eventually(() => expect(status.textContent).to.equal('Preferences saved.'));
    expectPattern(status, 'success');
    await expect(form).to.be.accessible();
  });

  it('browser permission: blocked is a warning, allowed a success: never the same look', async () => {
    const looks: Record<string, string> = {};
    for (const permission of ['denied', 'granted'] as const) {
      notifications?.restore();
      notifications = stubNotification(permission);
      const root = await fixture<HTMLElement>(
        html`<pd-provider .client=${freshClient()}><pd-preferences-form></pd-preferences-form></pd-provider>`,
      );
      const form = root.querySelector('pd-preferences-form')!;
      const shown = await eventually(() => shadow(form, '[part="browser"] [part="permission"]'));
      expectPattern(shown, permission === 'denied' ? 'warning' : 'success');
      looks[permission] = `${getComputedStyle(shown).backgroundColor} ${pathsOf(shown.querySelector('.tone-icon')!)}`;
    }
    expect(looks.denied).to.not.equal(looks.granted);
  });

  it('toasts: each kind has its own icon (3:1), no side bar bent by the corners; the info toast is styled', async () => {
    const toaster = await fixture<PdToaster>(html`<pd-toaster duration="600000"></pd-toaster>`);
    toaster.show('Saved.', 'success');
    toaster.show('That did not work. Try again.', 'error');
    toaster.show('Will be saved when you’re back online.', 'info');
    const toasts = await eventually(() => {
      const found = shadowAll(toaster, '[part~="toast"]');
      expect(found.length).to.equal(3);
      return found;
    });
    const icons = new Set<string>();
    for (const [index, tone] of (['success', 'error', 'info'] as const).entries()) {
      const item = toasts[index]!;
      const icon = item.querySelector(`[part="icon"].${tone} .tone-icon`)!;
      expect(icon, tone).to.not.equal(null);
      expect(contrast(getComputedStyle(icon).color, backgroundOf(item)), `${tone} icon`).to.be.at.least(3);
      icons.add(pathsOf(icon).join());
      const style = getComputedStyle(item);
      expect(style.borderInlineStartWidth, `${tone}: no side bar`).to.equal(style.borderBlockStartWidth);
      expect(style.borderInlineStartColor, `${tone}: no side bar`).to.equal(style.borderBlockStartColor);
    }
    expect(icons.size).to.equal(3);
    // axe reads the colours once the toasts have faded in.
    await Promise.all(toaster.shadowRoot!.getAnimations().map((animation) => animation.finished));
    await expect(toaster).to.be.accessible();
  });
});

describe('design: one inset, one grid', () => {
  for (const dir of ['ltr', 'rtl']) {
    it(`the panel (${dir}): the title, the first chip and every row icon start 16 px in; "Mark all as read" and each row's buttons end 16 px in`, async () => {
      const feed = await openFeed({ dir });
      const panel = shadow(feed, '#panel');
      const rtl = dir === 'rtl';
      // The panel's inside (its border excluded), and a row's (the list's scrollbar, where drawn, is outside it).
      const inside = (el: Element) => {
        const r = box(el);
        return { left: r.left + el.clientLeft, right: r.left + el.clientLeft + el.clientWidth };
      };
      const start = (el: Element, within: { left: number; right: number }) =>
        rtl ? within.right - box(el).right : box(el).left - within.left;
      const end = (el: Element, within: { left: number; right: number }) =>
        rtl ? box(el).left - within.left : within.right - box(el).right;
      const edges = inside(panel);
      expect(start(shadow(feed, '#title'), edges), 'title').to.be.closeTo(16, 0.5);
      expect(start(shadowAll(feed, '[role="tab"]')[0]!, edges), 'first chip').to.be.closeTo(16, 0.5);
      expect(end(shadow(feed, '[part="mark-all"]'), edges), 'Mark all as read').to.be.closeTo(16, 0.5);
      const list = inside(shadow(feed, '.list'));
      for (const row of rows(feed)) {
        const title = row.querySelector('h3')!.textContent!;
        expect(start(row.querySelector('[part="icon"]')!, list), `${title}: icon`).to.be.closeTo(16, 0.5);
        for (const button of row.querySelectorAll('.tools button')) {
          expect(end(button, list), `${title}: ${button.getAttribute('aria-label')}`).to.be.closeTo(16, 0.5);
        }
      }
    });
  }

  it('the chips: the last one cut by the end fades out under its button; a chip’s focus ring is never clipped', async () => {
    const feed = await openFeed();
    const tabs = shadow(feed, '.tabs');
    await eventually(() => expect(shadow(feed, '.scroll.end').hidden).to.equal(false));
    expect(getComputedStyle(tabs).maskImage, 'a fade where tabs are cut').to.contain('linear-gradient');
    // Shift+Tab from the first row reaches the selected (first) chip: its ring is inside the scroller's clip.
    await eventually(() => expect(focused()?.localName).to.equal('article'));
    await press('Shift+Tab', feed);
    const chip = focused()!;
    expect(nameOf(chip)).to.equal('All');
    const style = getComputedStyle(chip);
    expect(style.outlineStyle).to.equal('solid');
    const reach = px(style.outlineWidth) + px(style.outlineOffset);
    const [ring, clip] = [box(chip), box(tabs)];
    expect(ring.left - reach, 'left').to.be.at.least(clip.left - 0.5);
    expect(ring.top - reach, 'top').to.be.at.least(clip.top - 0.5);
    expect(ring.bottom + reach, 'bottom').to.be.at.most(clip.bottom + 0.5);
    // Wide enough for every chip: no fade.
    const inline = await fixture<PdActivityFeed>(
      html`<pd-activity-feed inline style="width:900px" base-url=${base()} token="demo-alice"></pd-activity-feed>`,
    );
    await eventually(() => expect(shadowAll(inline, 'article').length).to.be.greaterThan(0));
    expect(getComputedStyle(shadow(inline, '.tabs')).maskImage).to.equal('none');
  });
});

describe('design: rows', () => {
  it('read and unread differ by more than colour: an unread dot (3:1) and a bolder title', async () => {
    const feed = await openFeed();
    const unread = rows(feed).find((row) => row.classList.contains('unread'))!;
    const read = rows(feed).find((row) => !row.classList.contains('unread'))!;
    const dot = getComputedStyle(unread, '::after');
    expect(dot.content).to.not.equal('none');
    expect(px(dot.width)).to.be.at.least(6);
    expect(contrast(dot.backgroundColor, getComputedStyle(unread).backgroundColor)).to.be.at.least(3);
    expect(['none', 'normal']).to.include(getComputedStyle(read, '::after').content);
    const weight = (row: Element) => Number(getComputedStyle(row.querySelector('h3')!).fontWeight);
    expect(weight(unread) - weight(read)).to.be.at.least(100);
  });

  it('icons from the one table: a comment is a speech bubble, a security alert a shield, a maintenance notice an "i"', async () => {
    await notify('Maintenance tonight');
    const feed = await openFeed();
    const iconOf = (title: string) => rowTitled(feed, title).querySelector('[part="icon"] svg')!;
    await eventually(() => rowTitled(feed, 'Maintenance tonight'));
    const expectIcon = (title: string, name: IconName) =>
      expect(pathsOf(iconOf(title)), title).to.deep.equal([...ICONS[name]]);
    expectIcon('Ben Okafor commented on “Midnight Drive”', 'comment');
    expectIcon('New sign-in from Firefox on macOS', 'shield');
    expectIcon('Maintenance tonight', 'info');
    expect(NOTIFICATION_KINDS['service-announcement'].icon).to.equal('info');
  });

  it('clamping: a long title shows 2 lines, its message 3; "Show more" expands the row in place, by keys, and says so', async () => {
    const title = `A very long title ${'that goes on and on '.repeat(12)}`.trim();
    const message = 'A comment of 4,900 characters. '.repeat(158);
    await notify(title, { message, type: 'comment' });
    const feed = await openFeed();
    const row = await eventually(() => rowTitled(feed, title));
    expect(rows(feed).indexOf(row), 'the newest: the current row').to.equal(0);
    const [h3, text] = [row.querySelector('h3')!, row.querySelector('[part="message"]')!];
    const line = (el: Element) => px(getComputedStyle(el).lineHeight);
    await eventually(() => expect(box(h3).height).to.be.closeTo(2 * line(h3), 1));
    expect(box(text).height).to.be.closeTo(3 * line(text), 1);
    expect(box(row).height, 'a row of ordinary height').to.be.below(220);
    // The whole text is there for screen readers (the row is described by it) and on request.
    expect(text.textContent).to.equal(message);
    const more = await eventually(() => row.querySelector<HTMLButtonElement>('[part="show-more"]')!);
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    // Keyboard: from the row, Tab reaches "Show more" first; Enter expands in place.
    row.focus();
    await press('Tab', feed);
    expect(focused()).to.equal(more);
    await press('Enter', feed);
    await eventually(() => expect(more.getAttribute('aria-expanded')).to.equal('true'));
    expect(more.textContent!.trim()).to.equal('Show less');
    expect(box(text).height).to.be.closeTo(text.scrollHeight, 1);
    expect(box(h3).height).to.be.above(2 * line(h3) + 1);
    expect(focused(), 'focus stays on the button').to.equal(more);
    await expect(feed).to.be.accessible();
    await press('Enter', feed);
    await eventually(() => expect(box(text).height).to.be.closeTo(3 * line(text), 1));
    // Short rows offer nothing to expand.
    expect(rowTitled(feed, 'New sign-in from Firefox on macOS').querySelector('[part="show-more"]')).to.equal(null);
  });

  it('clamping: a long track name shows 2 lines on its invite card, then "Show more"', async () => {
    const invitation = (await api<{ items: Invitation[] }>('/v1/invitations')).body.items[0]!;
    const name = 'A Track With An Unusually Long Name That Goes On (Extended Club Remix feat. Everyone We Know)';
    const root = await fixture<HTMLElement>(
      html`<div style="width:300px">
        <pd-provider .client=${freshClient()}
          ><pd-invite-card .invitation=${{ ...invitation, track: { ...invitation.track, name } }}></pd-invite-card
        ></pd-provider>
      </div>`,
    );
    const card = root.querySelector('pd-invite-card')!;
    const h3 = await eventually(() => shadow(card, '[part="track-name"]'));
    expect(h3.textContent).to.equal(name);
    const line = px(getComputedStyle(h3).lineHeight);
    expect(box(h3).height).to.be.closeTo(2 * line, 1);
    const more = await eventually(() => shadow<HTMLButtonElement>(card, '[part="show-more"]'));
    more.click();
    await eventually(() => expect(more.getAttribute('aria-expanded')).to.equal('true'));
    expect(box(h3).height).to.be.above(2 * line + 1);
    await expect(card).to.be.accessible();
  });
});

describe('design: the settings and the feed speak of the same things', () => {
  it('each preferences category shows the feed’s icons of what it produces and the tabs they show under', async () => {
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}><pd-preferences-form></pd-preferences-form></pd-provider>`,
    );
    const form = root.querySelector('pd-preferences-form')!;
    await eventually(() => expect(shadowAll(form, '[part="in-feed"]').length).to.equal(5));
    const inFeed = (category: string) => shadow(form, `[aria-labelledby="${category}-name"] [part="in-feed"]`);
    const icons = (category: string) => [...inFeed(category).querySelectorAll('svg')].map((svg) => pathsOf(svg).join());
    expect(icons('trackActivity')).to.deep.equal([ICONS.comment.join(), ICONS.checklist.join()]);
    expect(inFeed('trackActivity').textContent!.trim()).to.equal('In your feed: Workflow');
    expect(icons('system')).to.deep.equal([ICONS.shield.join(), ICONS.info.join()]);
    expect(inFeed('projects').textContent!.trim()).to.equal('In your feed: Workflow and System');
    expect(inFeed('dueDates').textContent!.trim()).to.equal('In your feed: Deadlines');
    await expect(form).to.be.accessible();
  });

  it('"Turn off notifications like this", by keys: the option is off on the server at once, a toast names it as the settings do, and its Undo gives it back', async () => {
    const optionOn = async () =>
      (await api<Preferences>('/v1/preferences')).body.categories.trackActivity.options.comment;
    expect(await optionOn()).to.equal(true);
    const feed = await openFeed({ client: freshClient('demo-alice', { persist: false }) });
    const row = rows(feed).find((r) => / commented on /.test(r.querySelector('h3')!.textContent!))!;
    const turnOff = row.querySelector<HTMLButtonElement>('[part~="turn-off"]')!;
    expect(nameOf(turnOff)).to.equal('Turn off notifications like this');
    turnOff.focus();
    await press('Enter');
    await eventually(async () => expect(await optionOn()).to.equal(false));
    // The dropdown's own toaster, inside the panel.
    const toaster = shadow<PdToaster>(feed, 'pd-toaster');
    await eventually(() =>
      expect(shadow(toaster, '[part="message"]').textContent).to.equal(
        'Turned off: A collaborator adds or edits a comment (Track Activity).',
      ),
    );
    // The row it was turned off from stays (what was delivered is not taken back).
    expect(row.isConnected).to.equal(true);
    // Tab reaches the toast's Undo; Enter gives the option back.
    await press('Tab');
    const undo = shadow(toaster, '[part="action"]');
    await expectFocusOn(undo, 'Undo');
    expect(nameOf(undo)).to.equal('Undo');
    await press('Enter');
    await eventually(async () => expect(await optionOn()).to.equal(true));
    await eventually(() =>
      expect(shadowAll(toaster, '[part="message"]').map((message) => message.textContent)).to.include(
        'Turned back on: A collaborator adds or edits a comment (Track Activity).',
      ),
    );
    expect(focused(), 'focus never falls to <body>').to.not.equal(document.body);
    await Promise.all(toaster.shadowRoot!.getAnimations().map((animation) => animation.finished));
    await expect(toaster).to.be.accessible();
  });

  it('"Turn off notifications like this": pressed twice, one change and one Undo; an option already off is said so without Undo; security alerts have no such button', async () => {
    const feed = await openFeed({ client: freshClient('demo-alice', { persist: false }) });
    expect(rowTitled(feed, 'New sign-in from Firefox on macOS').querySelector('[part~="turn-off"]')).to.equal(null);
    const row = rows(feed).find((r) => / commented on /.test(r.querySelector('h3')!.textContent!))!;
    const turnOff = row.querySelector<HTMLButtonElement>('[part~="turn-off"]')!;
    turnOff.click();
    turnOff.click();
    const toaster = await eventually(() => shadow<PdToaster>(feed, 'pd-toaster'));
    await eventually(() => expect(shadowAll(toaster, '[part="message"]')).to.have.length(1));
    expect(shadowAll(toaster, '[part="action"]')).to.have.length(1);
    // Pressed again: the option is already off (as after another tab's press), said so, nothing to undo.
    turnOff.click();
    await eventually(() =>
      expect(shadowAll(toaster, '[part~="toast"]').map((toast) => toast.getAttribute('part'))).to.deep.equal([
        'toast toast-success',
        'toast toast-info',
      ]),
    );
    expect(shadowAll(toaster, '[part="action"]')).to.have.length(1);
    expect((await api<Preferences>('/v1/preferences')).body.categories.trackActivity.options.comment).to.equal(false);
  });

  it('the disclosure shows its state; checkboxes and radios are drawn in the switches’ colours; no ragged column', async () => {
    const root = await fixture<HTMLElement>(
      html`<div style="width:900px">
        <pd-provider .client=${freshClient()}><pd-preferences-form></pd-preferences-form></pd-provider>
      </div>`,
    );
    const form = root.querySelector('pd-preferences-form')!;
    await eventually(() => expect(shadowAll(form, '[part="category"]').length).to.equal(5));
    const disclosure = shadow(form, '[aria-controls="dueDates-options"]');
    const look = () => {
      const svg = getComputedStyle(disclosure.querySelector('svg')!);
      return `${svg.rotate} ${svg.transform} ${getComputedStyle(disclosure).backgroundColor}`;
    };
    const closed = look();
    disclosure.click();
    await eventually(() => expect(disclosure.getAttribute('aria-expanded')).to.equal('true'));
    await eventually(() => expect(look(), 'open looks open').to.not.equal(closed));
    const on = getComputedStyle(shadow(form, '[role="switch"][aria-checked="true"]')).backgroundColor;
    const checkbox = shadow<HTMLInputElement>(form, 'input[name="due-reminder"]');
    const radio = shadow<HTMLInputElement>(form, 'input[name="reminder-lead-days"][value="3"]');
    const unchecked = shadow<HTMLInputElement>(form, 'input[name="dueDates-email"]');
    for (const input of [checkbox, radio, unchecked]) expect(getComputedStyle(input).appearance).to.equal('none');
    expect(getComputedStyle(checkbox).backgroundColor).to.equal(on);
    expect(checkbox.checked && radio.checked && !unchecked.checked).to.equal(true);
    const surface = backgroundOf(unchecked.closest('.category')!);
    expect(contrast(getComputedStyle(unchecked).borderTopColor, surface), 'an unchecked box’s edge').to.be.at.least(3);
    // Five categories in two columns: the last takes the whole last row.
    const categories = shadowAll(form, '[part="category"]').map(box);
    expect(categories[4]!.left).to.be.closeTo(categories[0]!.left, 0.5);
    expect(categories[4]!.right).to.be.closeTo(categories[1]!.right, 0.5);
    await expect(form).to.be.accessible();
  });

  it('at 360 px, "Turn on browser notifications" stays on one line', async () => {
    notifications = stubNotification('default');
    const root = await fixture<HTMLElement>(
      html`<div style="width:360px;padding:1rem;box-sizing:border-box">
        <pd-provider .client=${freshClient()}><pd-preferences-form></pd-preferences-form></pd-provider>
      </div>`,
    );
    const form = root.querySelector('pd-preferences-form')!;
    const button = await eventually(() => shadow(form, '[part="allow-browser"]'));
    const line = px(getComputedStyle(button).lineHeight);
    const style = getComputedStyle(button);
    const inner = box(button).height - px(style.paddingTop) - px(style.paddingBottom) - 2 * px(style.borderTopWidth);
    expect(inner, 'one line of text').to.be.closeTo(line, 1);
  });
});

describe('design: buttons and words', () => {
  /** The text buttons a user meets across the elements, in English. */
  async function everyButton(): Promise<HTMLElement[]> {
    notifications = stubNotification('default');
    const client = freshClient();
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}
        ><pd-activity-feed inline></pd-activity-feed><pd-invitations track-id="low-tide"></pd-invitations
        ><pd-preferences-form></pd-preferences-form><pd-notification-help></pd-notification-help
      ></pd-provider>`,
    );
    const [feed, modal, form, help] = [
      'pd-activity-feed',
      'pd-invitations',
      'pd-preferences-form',
      'pd-notification-help',
    ].map((tag) => root.querySelector(tag)!);
    (modal as PdInvitations).show();
    await eventually(() => expect(shadowAll(feed, '[part="action"]').length).to.be.greaterThan(1));
    const card = await eventually(() => shadow(modal, 'pd-invite-card'));
    await eventually(() => shadow(card, '[part="accept"]'));
    await eventually(() => shadow(form, '[part="allow-browser"]'));
    shadow(form, '[role="switch"]').click();
    await eventually(() => shadow(form, '[part="discard"]'));
    await eventually(() => shadow(help, '[part="reconnect"]'));
    return [feed, modal, card, form, help].flatMap((el) => shadowAll<HTMLElement>(el, '.button'));
  }

  it('one button scale: every text button has one size, weight and height on one line', async () => {
    const buttons = await everyButton();
    const looks = new Set(
      buttons.map((button) => {
        const style = getComputedStyle(button);
        return `${style.fontSize} ${style.fontWeight} ${style.lineHeight} ${style.minHeight} ${Math.round(box(button).height)}`;
      }),
    );
    expect(buttons.length).to.be.at.least(12);
    expect([...looks], buttons.map((b) => b.textContent!.trim()).join(', ')).to.have.length(1);
  });

  it('one rule for words: sentence case everywhere, but for the product’s own names ("Accept Invite", "Save Preferences") and the settings’ category names', async () => {
    const buttons = await everyButton();
    const names = [
      'Track Activity',
      'Collaborator Updates',
      'Due Dates and Reminders',
      'Project and Bucket Updates',
      'System',
    ];
    const exact = ['Accept Invite', 'Save Preferences'];
    const labels = [
      ...buttons.map((button) => button.textContent!.replace(/\s+/g, ' ').trim()),
      ...['pd-activity-feed', 'pd-invitations', 'pd-preferences-form'].flatMap((tag) =>
        shadowAll(document.querySelector(tag)!, 'button[aria-label]').map((b) => b.getAttribute('aria-label')!),
      ),
    ];
    expect(labels).to.include.members(['Accept Invite', 'Save Preferences', 'Mark all as read']);
    for (const label of new Set(labels)) {
      if (exact.includes(label)) continue;
      const rest = names.reduce((text, name) => text.replace(name, 'X'), label).slice(1);
      expect(label[0], label).to.equal(label[0]!.toUpperCase());
      expect(/[A-Z]/.test(rest.replace(/\bX\b/g, '')), `${label}: sentence case`).to.equal(false);
    }
  });

  it('one empty state: the feed and the modal show an illustration of one size and their sentence', async () => {
    await control('/control/reset', { seed: 'empty' });
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${freshClient()}
        ><pd-activity-feed inline></pd-activity-feed><pd-invitations></pd-invitations
      ></pd-provider>`,
    );
    const [feed, modal] = [
      root.querySelector('pd-activity-feed')!,
      root.querySelector<PdInvitations>('pd-invitations')!,
    ];
    modal.show();
    const empties = [
      await eventually(() => shadow(feed, '[part="empty"]')),
      await eventually(() => shadow(modal, '[part="empty"]')),
    ];
    expect(empties.map((empty) => empty.textContent!.trim())).to.deep.equal([
      'No new notifications.',
      'No pending invites.',
    ]);
    const looks = empties.map((empty) => {
      const art = box(empty.querySelector('svg')!);
      const text = getComputedStyle(empty.querySelector('p')!);
      return `${Math.round(art.width)}×${Math.round(art.height)} ${text.fontSize} ${text.color}`;
    });
    expect(looks[0]).to.equal(looks[1]);
    expect(box(empties[0]!.querySelector('svg')!).width).to.be.at.least(64);
  });
});

describe('design: smaller things', () => {
  it('the help view: the spam check has a mark; checks that need attention are tinted; "Not connected: not signed in." ends with a full stop', async () => {
    notifications = stubNotification('default');
    // A token the server refuses, for a user the host named (so the stream is what finds out).
    const client = createClient({ baseUrl: base(), token: 'not-a-user', userId: 'nobody', shareAcrossTabs: false });
    const root = await fixture<HTMLElement>(
      html`<pd-provider .client=${client}><pd-notification-help></pd-notification-help></pd-provider>`,
    );
    const help = root.querySelector('pd-notification-help')!;
    const check = (id: string) => shadow(help, `[data-check="${id}"]`);
    await eventually(() => expect(check('connection').textContent).to.contain('Not connected: not signed in.'));
    expect(check('spam').querySelector('.mark svg'), 'the spam check’s mark').to.not.equal(null);
    const attention = check('browser');
    expect(attention.dataset.state).to.equal('attention');
    const tint = getComputedStyle(attention).backgroundColor;
    expect(tint).to.not.equal(getComputedStyle(check('spam')).backgroundColor);
    expect(contrast(getComputedStyle(attention).color, tint)).to.be.at.least(4.5);
    await expect(help).to.be.accessible();
    client.close();
  });

  for (const theme of ['light', 'dark']) {
    it(`${theme}: the sync status's track reads at 3:1 on the surface, its fill at 3:1 in it`, async () => {
      const client = freshClient();
      const lowTide = (await api<{ items: Invitation[] }>('/v1/invitations')).body.items.find(
        (inv) => inv.track.id === 'low-tide',
      )!;
      await client.acceptInvitation(lowTide.id);
      // On a page of the theme's surface, as a host's grid would be.
      const root = await fixture<HTMLElement>(
        html`<div style=${`padding:1rem;background:${theme === 'dark' ? '#1c1b22' : '#ffffff'}`}>
          <pd-provider .client=${client}
            ><pd-sync-status track-id="low-tide" theme=${theme}></pd-sync-status
          ></pd-provider>
        </div>`,
      );
      const status = root.querySelector('pd-sync-status')!;
      const track = await eventually(() => shadow(status, '[part="progress"]'));
      const surface = backgroundOf(status);
      const style = getComputedStyle(track);
      const edge = contrast(style.borderTopColor, surface) >= 3 || contrast(style.backgroundColor, surface) >= 3;
      expect(edge, `${theme}: the track is seen`).to.equal(true);
      const bar = shadow(status, '[part="bar"]');
      expect(contrast(getComputedStyle(bar).backgroundColor, style.backgroundColor)).to.be.at.least(3);
    });
  }
});
