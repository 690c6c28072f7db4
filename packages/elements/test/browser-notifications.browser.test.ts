/**
 * Browser notifications and the troubleshooting view (issue 16, SPEC NS6 and
 * NS7) as a user meets them, against the reference server over real HTTP and
 * SSE: the browser channel of `<pd-preferences-form>` and the checks of
 * `<pd-notification-help>` in each permission state (not asked, granted,
 * blocked, no Notification API), each check of the help view in its states,
 * the email channel end to end (the form's checkbox, a collaborator's comment,
 * the server's outbox), and the feed's system notification and its click.
 * Only `window.Notification` is replaced (notification-stub.ts): it is the
 * browser's, not ours.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { PdClient, Notification as PdNotification } from '@pd-notify/client';
import '../src/index.js';
import type { PdNotificationHelp, PdPreferencesForm } from '../src/index.js';
import { closeClients, expectFocusOn, focused, freshClient, nameOf, press } from './focus-helpers.js';
import { until } from '../../client/test/eventually.js';
import {
  api,
  base,
  control,
  eventually,
  notify,
  shadow,
  shadowAll,
  smallScreen,
  putPreferences,
  serverPrefs,
} from './helpers.js';
import { emulateMedia, resetMedia } from './media.js';
import { stubNotification, type NotificationStub } from './notification-stub.js';

interface Outbox {
  items: { to: string; category: string; subject: string; notificationId: string | null }[];
}
const outbox = () => control<Outbox>('/control/outbox?userId=alice', undefined, 'GET');

/** What the stub records of a request made in a user's gesture: true, where the browser can tell (`navigator.userActivation`). */
const activation = 'userActivation' in navigator ? true : null;

const text = (element: Node | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let stub: NotificationStub | null = null;
function permission(state: Parameters<typeof stubNotification>[0], answer?: NotificationPermission) {
  stub = stubNotification(state, answer);
  return stub;
}

beforeEach(async () => {
  await control('/control/reset', { seed: 'demo' });
});
afterEach(async () => {
  stub?.restore();
  stub = null;
  closeClients();
  await control('/control/faults', undefined, 'DELETE');
  await resetMedia();
});

// ------------------------------------------------------------------ the preferences form

async function form(locale = 'en'): Promise<PdPreferencesForm> {
  const root = await fixture<HTMLElement>(
    html`<pd-provider .client=${freshClient()}
      ><pd-preferences-form locale=${locale}></pd-preferences-form
    ></pd-provider>`,
  );
  const el = root.querySelector('pd-preferences-form')!;
  await eventually(() => shadow(el, '[part="browser"]'));
  return el;
}

/** Saves the form's edit, once the edit has reached the draft (the editor loads on the first edit). */
async function save(el: Element): Promise<void> {
  const button = shadow<HTMLButtonElement>(el, '[part="save"]');
  await eventually(() => expect(button.disabled, 'Save is enabled').to.equal(false));
  button.click();
}

const browserSection = (el: Element) => shadow(el, '[part="browser"]');
const browserBoxes = (el: Element) => shadowAll<HTMLInputElement>(el, 'input[name$="-browser"]');
const channelLabels = (el: Element, category: string) =>
  [...shadow(el, `#${category}-options`).querySelectorAll('fieldset:last-of-type label')].map((label) => text(label));

describe('<pd-preferences-form>: the browser channel by permission', () => {
  it('not asked yet: "Turn on browser notifications" asks from the key press; once granted, each category offers "Browser"', async () => {
    const notifications = permission('default', 'granted');
    const el = await form();
    const section = browserSection(el);
    expect(text(section.querySelector('h3'))).to.equal('Browser notifications');
    expect(text(section)).to.contain('Get a notification from your browser when something new arrives');
    expect(browserBoxes(el), 'no browser checkbox before the browser allows it').to.have.length(0);
    expect(channelLabels(el, 'system')).to.deep.equal(['In-app', 'Email']);
    await expect(el).to.be.accessible();

    const button = shadow<HTMLButtonElement>(el, '[part="allow-browser"]');
    expect(text(button)).to.equal('Turn on browser notifications');
    button.focus();
    await press('Enter', el);
    await eventually(() => expect(notifications.requests).to.have.length(1));
    expect(notifications.requests[0]!.activation, 'asked during the key press (a user gesture)').to.equal(activation);

    await eventually(() => expect(browserBoxes(el)).to.have.length(5));
    expect(el.shadowRoot!.querySelector('[part="allow-browser"]')).to.equal(null);
    // The button went: focus is on its section's heading, not on <body>.
    await expectFocusOn(shadow(el, '#browser-title'));
    expect(text(section)).to.contain('Your browser allows notifications from this site');
    expect(channelLabels(el, 'system')).to.deep.equal(['In-app', 'Email', 'Browser']);
    expect(browserBoxes(el).map((box) => box.checked)).to.deep.equal([false, false, false, false, false]);
    await expect(el).to.be.accessible();
  });

  it('granted: a category’s "Browser" checkbox saves its browser channel', async () => {
    permission('granted');
    await putPreferences((prefs) => (prefs.categories.collaborators.channels.browser = true));
    const el = await form();
    await eventually(() => expect(browserBoxes(el)).to.have.length(5));
    expect(el.shadowRoot!.querySelector('[part="allow-browser"]')).to.equal(null);
    expect(browserBoxes(el).map((box) => [box.name, box.checked])).to.deep.equal([
      ['trackActivity-browser', false],
      ['collaborators-browser', true],
      ['dueDates-browser', false],
      ['projects-browser', false],
      ['system-browser', false],
    ]);
    shadow<HTMLButtonElement>(el, '[aria-controls="system-options"]').click();
    await eventually(() => expect(shadow(el, '#system-options').hidden).to.equal(false));
    shadow<HTMLInputElement>(el, 'input[name="system-browser"]').click();
    await save(el);
    await eventually(async () => expect((await serverPrefs()).categories.system.channels.browser).to.equal(true));
    expect((await serverPrefs()).categories.collaborators.channels.browser).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('blocked: says how to allow notifications again in the site settings, with no dead control', async () => {
    permission('denied');
    const el = await form();
    await eventually(() =>
      expect(text(browserSection(el))).to.contain('Your browser blocks notifications from this site'),
    );
    expect(text(browserSection(el))).to.contain('open the site settings');
    expect(browserSection(el).querySelector('button')).to.equal(null);
    expect(browserBoxes(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('blocked from the prompt: the answer shows at once, focus on the section’s heading', async () => {
    const notifications = permission('default', 'denied');
    const el = await form();
    shadow<HTMLButtonElement>(el, '[part="allow-browser"]').focus();
    await press('Enter', el);
    await eventually(() => expect(text(browserSection(el))).to.contain('Your browser blocks notifications'));
    expect(notifications.requests).to.have.length(1);
    await expectFocusOn(shadow(el, '#browser-title'));
    expect(browserBoxes(el)).to.have.length(0);
  });

  it('allowed later in the site settings: the form follows when the page is back in front', async () => {
    const notifications = permission('denied');
    const el = await form();
    await eventually(() => expect(text(browserSection(el))).to.contain('blocks notifications'));
    notifications.set('granted');
    window.dispatchEvent(new Event('focus'));
    await eventually(() => expect(browserBoxes(el)).to.have.length(5));
  });

  it('a browser without the Notification API: says so, with no control', async () => {
    permission('unsupported');
    const el = await form();
    await eventually(() => expect(text(browserSection(el))).to.contain('This browser cannot show notifications'));
    expect(browserSection(el).querySelector('button')).to.equal(null);
    expect(browserBoxes(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    permission('default');
    const el = await form('fr');
    await eventually(() =>
      expect(text(shadow(el, '[part="allow-browser"]'))).to.equal('Activer les notifications du navigateur'),
    );
    expect(text(shadow(el, '#browser-title'))).to.equal('Notifications du navigateur');
    await expect(el).to.be.accessible();
  });
});

describe('the email channel end to end', () => {
  it('Track Activity’s "Email" in the form: a collaborator’s comment emails Alice while it is on, and not once it is off', async () => {
    permission('default');
    const el = await form();
    const comment = (text: string) =>
      control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text });
    await comment('Before email is on');
    expect((await outbox()).items, 'Track Activity’s email is off by default').to.deep.equal([]);

    shadow<HTMLButtonElement>(el, '[aria-controls="trackActivity-options"]').click();
    await eventually(() => expect(shadow(el, '#trackActivity-options').hidden).to.equal(false));
    const email = shadow<HTMLInputElement>(el, 'input[name="trackActivity-email"]');
    expect(email.checked).to.equal(false);
    email.click();
    await save(el);
    await eventually(() => expect(text(shadow(el, '[part="status"]'))).to.equal('Preferences saved.'));

    await comment('Stems are up');
    const { items } = await outbox();
    expect(items.map(({ to, category, subject }) => ({ to, category, subject }))).to.deep.equal([
      { to: 'alice@moreno.studio', category: 'trackActivity', subject: 'Ben Okafor commented on “Midnight Drive”' },
    ]);
    const newest = (await api<{ items: PdNotification[] }>('/v1/notifications?limit=1')).body.items[0]!;
    expect(items[0]!.notificationId).to.equal(newest.id);

    shadow<HTMLInputElement>(el, 'input[name="trackActivity-email"]').click();
    await save(el);
    await eventually(async () => expect((await serverPrefs()).categories.trackActivity.channels.email).to.equal(false));
    await comment('After email is off');
    expect((await outbox()).items, 'no email once it is off').to.have.length(1);
  });
});

// ------------------------------------------------------------------ the help view

async function help(
  options: { locale?: string; theme?: string; token?: string; client?: PdClient } = {},
): Promise<PdNotificationHelp> {
  const root = await fixture<HTMLElement>(
    html`<pd-provider .client=${options.client ?? freshClient(options.token)}>
      <pd-notification-help
        locale=${options.locale ?? 'en'}
        theme=${options.theme ?? 'light'}
        profile-href="/settings/profile"
        preferences-href="/settings/notifications"
      ></pd-notification-help>
    </pd-provider>`,
  );
  const el = root.querySelector('pd-notification-help')!;
  await eventually(() => shadow(el, '[data-check="connection"]'));
  return el;
}

const check = (el: Element, id: string) => shadow(el, `[data-check="${id}"]`);
const stateOf = (el: Element, id: string) => check(el, id).dataset.state;

describe('<pd-notification-help>', () => {
  it('everything in order: each check in the product’s words, what applies now, and the links the host set', async () => {
    permission('granted');
    await putPreferences((prefs) => (prefs.categories.system.channels.browser = true));
    const el = await help();
    expect(text(shadow(el, '#title'))).to.equal('Not receiving notifications?');
    await eventually(() => expect(stateOf(el, 'categories')).to.equal('ok'));
    expect(text(check(el, 'categories'))).to.contain('Every category is on.');
    await eventually(() =>
      expect(text(check(el, 'email'))).to.contain('Email notifications go to alice@moreno.studio.'),
    );
    expect(text(check(el, 'email'))).to.contain('Email is on for System.');
    expect(stateOf(el, 'email')).to.equal('ok');
    expect(check(el, 'email').querySelector('a')!.href).to.equal(new URL('/settings/profile', location.href).href);
    expect(text(check(el, 'email').querySelector('a'))).to.equal('Open Profile settings');
    expect(text(check(el, 'browser'))).to.contain('Browser notifications are on for System.');
    expect(stateOf(el, 'browser')).to.equal('ok');
    await eventually(() => expect(text(check(el, 'connection'))).to.contain('Connected'));
    expect(stateOf(el, 'connection')).to.equal('ok');
    // Each check's heading is the product's sentence; its mark (an image) is said to screen readers.
    expect(shadowAll(el, 'h3').map(text)).to.deep.equal([
      'Check that the specific category is toggled on in your preferences: OK',
      'Verify your email address is correct in Profile settings: OK',
      'Check your spam or junk folder for email notifications',
      'Ensure your browser or desktop app has notification permissions enabled: OK',
      'Try signing out and back in to refresh the notification connection: OK',
    ]);
    expect(shadow(el, '[data-check="categories"] .mark').getAttribute('aria-hidden')).to.equal('true');
    expect(text(shadow(el, '#too-many-title'))).to.equal('Receiving too many notifications?');
    expect(text(el.shadowRoot!)).to.contain('Disable categories that don’t apply to your workflow.');
    const preferencesLink = shadow<HTMLAnchorElement>(el, '#too-many-title ~ p a');
    expect(preferencesLink.href).to.equal(new URL('/settings/notifications', location.href).href);
    expect(text(preferencesLink)).to.equal('Open notification preferences');
    await expect(el).to.be.accessible();
  });

  it('categories switched off: names them, and "Turn on" switches each on by keys, focus going to the next', async () => {
    permission('default');
    await putPreferences((prefs) => {
      prefs.categories.trackActivity.enabled = false;
      prefs.categories.projects.channels.inApp = false;
    });
    const el = await help();
    await eventually(() => expect(stateOf(el, 'categories')).to.equal('attention'));
    expect(text(check(el, 'categories'))).to.contain('These categories are switched off:');
    expect(text(shadow(el, '#categories-title'))).to.equal(
      'Check that the specific category is toggled on in your preferences: needs your attention',
    );
    const buttons = () => shadowAll<HTMLButtonElement>(el, '[part~="turn-on"]');
    expect(buttons().map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      'Turn on Track Activity',
      'Turn on Project and Bucket Updates',
    ]);
    await expect(el).to.be.accessible();

    buttons()[0]!.focus();
    await press('Enter', el);
    await eventually(async () => expect((await serverPrefs()).categories.trackActivity.enabled).to.equal(true));
    await eventually(() => expect(buttons()).to.have.length(1));
    await expectFocusOn(buttons()[0]!, 'the next "Turn on"');
    expect(text(check(el, 'categories'))).to.contain('This category is switched off:');

    await press('Enter', el);
    await eventually(async () => expect((await serverPrefs()).categories.projects.channels.inApp).to.equal(true));
    await eventually(() => expect(stateOf(el, 'categories')).to.equal('ok'));
    await expectFocusOn(shadow(el, '#categories-title'));
    // Switched on as a whole: the server produces its notifications again.
    const before = (await api<{ unreadNotifications: number }>('/v1/counts')).body.unreadNotifications;
    await control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Back on' });
    expect((await api<{ unreadNotifications: number }>('/v1/counts')).body.unreadNotifications).to.equal(before + 1);
  });

  it('email: says when no category sends email, and when the address cannot be checked', async () => {
    permission('default');
    await putPreferences((prefs) => (prefs.categories.system.channels.email = false));
    const client = freshClient('demo-alice', { persist: false });
    // The preferences first: once /v1/me fails, the client holds its other requests back for its probe schedule.
    const unwatch = client.$preferences.listen(() => {});
    await until(client.$preferences, (state) => state.server !== null);
    // GET /v1/me fails, retries included (a client that persists nothing asks it only for this view).
    await control('/control/faults', { error: { status: 503, times: 10, pathPrefix: '/v1/me' } });
    const el = await help({ client });
    unwatch();
    await eventually(() =>
      expect(text(check(el, 'email'))).to.contain('Your email address could not be checked right now.'),
    );
    expect(text(check(el, 'email'))).to.contain('Email is off for every category');
    expect(stateOf(el, 'email')).to.equal('attention');
    await expect(el).to.be.accessible();
  });

  it('browser permission not asked: the button asks from the key press, and the check follows the answer', async () => {
    const notifications = permission('default', 'granted');
    const el = await help();
    expect(stateOf(el, 'browser')).to.equal('attention');
    expect(text(check(el, 'browser'))).to.contain('Get a notification from your browser');
    const button = shadow<HTMLButtonElement>(el, '[part="allow-browser"]');
    expect(text(button)).to.equal('Turn on browser notifications');
    button.focus();
    await press('Enter', el);
    await eventually(() => expect(notifications.requests).to.have.length(1));
    expect(notifications.requests[0]!.activation, 'asked during the key press').to.equal(activation);
    await eventually(() =>
      expect(text(check(el, 'browser'))).to.contain('Browser notifications are off for every category'),
    );
    await expectFocusOn(shadow(el, '#browser-title'));
    expect(stateOf(el, 'browser')).to.equal('attention');
    await expect(el).to.be.accessible();
  });

  it('browser permission blocked: how to allow it again; no API: says so; neither has a dead control', async () => {
    permission('denied');
    let el = await help();
    expect(text(check(el, 'browser'))).to.contain('Your browser blocks notifications from this site');
    expect(check(el, 'browser').querySelector('button')).to.equal(null);
    expect(stateOf(el, 'browser')).to.equal('attention');
    await expect(el).to.be.accessible();
    stub!.restore();

    permission('unsupported');
    el = await help();
    expect(text(check(el, 'browser'))).to.contain('This browser cannot show notifications');
    expect(check(el, 'browser').querySelector('button')).to.equal(null);
    expect(stateOf(el, 'browser')).to.equal('info');
    await expect(el).to.be.accessible();
  });

  it('connection dropped and waiting to retry: says so; "Reconnect" connects again now', async () => {
    permission('default');
    const client = freshClient();
    const el = await help({ client });
    await eventually(() => expect(stateOf(el, 'connection')).to.equal('ok'));
    // The next stream is refused for an hour (Retry-After), so only Reconnect brings it back soon.
    await control('/control/faults', {
      error: { status: 503, retryAfter: '3600', times: 1, pathPrefix: '/v1/events' },
    });
    await control('/control/streams/drop');
    // The stream reconnected and was refused: nothing happens for an hour by itself.
    await until(client.$connection, (state) => state.error?.status === 503);
    await eventually(() =>
      expect(text(check(el, 'connection'))).to.contain('The connection dropped. It will try again by itself'),
    );
    expect(stateOf(el, 'connection')).to.equal('attention');
    await expect(el).to.be.accessible();
    const reconnect = shadow<HTMLButtonElement>(el, '[part="reconnect"]');
    expect(text(reconnect)).to.equal('Reconnect');
    reconnect.focus();
    await press('Enter', el);
    await eventually(() => expect(stateOf(el, 'connection'), JSON.stringify(client.$connection.get())).to.equal('ok'));
    expect(text(check(el, 'connection'))).to.contain('Connected: new notifications arrive as they happen.');
    expect(nameOf(focused())).to.equal('Reconnect');
  });

  it('connection polling (no event stream), offline, and refused (an error with its reason)', async () => {
    permission('default');
    await control('/control/faults', { error: { status: 404, times: 1, pathPrefix: '/v1/events' } });
    let el = await help();
    await eventually(() => expect(text(check(el, 'connection'))).to.contain('Live updates are slow right now'));
    expect(stateOf(el, 'connection')).to.equal('attention');

    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    window.dispatchEvent(new Event('offline'));
    try {
      await eventually(() =>
        expect(text(check(el, 'connection'))).to.contain('Offline: new notifications arrive once you are back online.'),
      );
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      window.dispatchEvent(new Event('online'));
    }

    el = await help({ token: 'not-a-token' });
    await eventually(() => expect(text(check(el, 'connection'))).to.match(/^.*Not connected: \S/));
    expect(stateOf(el, 'connection')).to.equal('attention');
    await expect(el).to.be.accessible();
  });

  it('keyboard: Tab goes through the links and buttons in order, and leaves', async () => {
    permission('default');
    await putPreferences((prefs) => (prefs.categories.dueDates.enabled = false));
    const el = await help();
    await eventually(() => shadow(el, '[part~="turn-on"]'));
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      await press('Tab');
      names.push(nameOf(focused()));
    }
    expect(names).to.deep.equal([
      'Turn on Due Dates and Reminders',
      'Open Profile settings',
      'Turn on browser notifications',
      'Reconnect',
      'Open notification preferences',
    ]);
    before.remove();
  });

  it('on a 360 px screen, nothing is wider than the screen', async () => {
    const page = await smallScreen(
      360,
      900,
      `<pd-notification-help base-url="${base()}" token="demo-alice" profile-href="/profile"></pd-notification-help>`,
    );
    const el = page.querySelector('pd-notification-help')!;
    await eventually(() => expect(text(el.shadowRoot!.querySelector('[data-check="email"]'))).to.contain('alice@'));
    expect(page.documentElement.scrollWidth).to.be.at.most(360);
    for (const check of shadowAll(el, '[part~="check"]')) {
      expect(check.getBoundingClientRect().right, check.dataset.check).to.be.at.most(360);
    }
  });

  it('in French, and dark', async () => {
    permission('default');
    const el = await help({ locale: 'fr', theme: 'dark' });
    await eventually(() => expect(text(shadow(el, '#title'))).to.equal('Vous ne recevez pas de notifications ?'));
    await eventually(() => expect(text(check(el, 'connection'))).to.contain('Connecté'));
    expect(text(shadow(el, '[part="reconnect"]'))).to.equal('Se reconnecter');
    expect(text(shadow(el, '[part="allow-browser"]'))).to.equal('Activer les notifications du navigateur');
    expect(text(shadow(el, '#too-many-title'))).to.equal('Vous recevez trop de notifications ?');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(28, 27, 34)');
    await expect(el).to.be.accessible();
    el.setAttribute('theme', 'auto');
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    await expect(el).to.be.accessible();
  });
});

// ------------------------------------------------------------------ the feed's system notifications

interface Shown extends EventTarget {
  title: string;
  body: string;
  tag: string;
  icon: string;
}
interface FeedTab extends Window {
  client: PdClient;
  shown: Shown[];
  navigated: { trackId: string; widget: string | null }[];
}

describe('<pd-activity-feed>: system notifications', () => {
  let frame: HTMLIFrameElement | null = null;
  afterEach(() => {
    frame?.remove();
    frame = null;
    for (const button of document.querySelectorAll('body > button.elsewhere')) button.remove();
  });

  /** A page of the app (an iframe: the test's own page can take focus from it) with a feed in its header. */
  async function appPage(): Promise<FeedTab> {
    frame = document.createElement('iframe');
    frame.title = 'app page';
    // Absolute URLs: WebKit resolves root-relative ones in a srcdoc document against about:srcdoc.
    const url = (path: string) => JSON.stringify(new URL(path, location.href).href);
    frame.srcdoc = `<!doctype html><html lang="en"><body>
      <pd-provider><pd-activity-feed></pd-activity-feed></pd-provider>
      <button>in the app</button>
      <script type="module">
        window.shown = [];
        window.navigated = [];
        window.Notification = class extends EventTarget {
          static permission = 'granted';
          static requestPermission = async () => 'granted';
          constructor(title, options) {
            super();
            Object.assign(this, { title }, options);
            window.shown.push(this);
          }
          close() {}
        };
        document.addEventListener('pd-navigate', (event) => {
          event.preventDefault(); // the host takes over: the test's page stays
          window.navigated.push({ trackId: event.detail.trackId, widget: event.detail.widget });
        });
        const { createClient } = await import(${url('/packages/client/src/index.ts')});
        await import(${url('/packages/elements/src/index.ts')});
        window.client = createClient({ baseUrl: ${JSON.stringify(base())}, token: 'demo-alice' });
        document.querySelector('pd-provider').client = window.client;
      </script></body></html>`;
    document.body.append(frame);
    const tab = await eventually(() => {
      const view = frame!.contentWindow as FeedTab | null;
      const feed = view?.document.querySelector('pd-activity-feed');
      if (!view?.client || !feed?.shadowRoot?.querySelector('.badge')) throw new Error('the page has not started');
      return view;
    });
    // Live: a notification created from now on reaches it as new (one created before would be in the counts only).
    await until(tab.client.$connection, (state) => state.status === 'live');
    // Nobody is looking at the app: the test's own page has focus.
    const elsewhere = document.createElement('button');
    elsewhere.className = 'elsewhere';
    elsewhere.textContent = 'elsewhere';
    document.body.append(elsewhere);
    elsewhere.focus();
    await eventually(async () => {
      const { held = [] } = await navigator.locks.query();
      expect(held.filter((lock) => lock.name?.startsWith('pd-notify:attended:'))).to.have.length(0);
    });
    return tab;
  }

  it('shows one for a new notification while no page of the app is in front; its click opens it as its row would', async () => {
    await putPreferences((prefs) => (prefs.categories.system.channels.browser = true));
    const tab = await appPage();
    await notify('Mastering slot moved', { trackId: 'midnight-drive', widget: 'schedule', message: 'Now at 3 pm' });
    const shown = await eventually(() => {
      expect(tab.shown.map((n) => n.title)).to.deep.equal(['Mastering slot moved']);
      return tab.shown[0]!;
    });
    const newest = (await api<{ items: PdNotification[] }>('/v1/notifications?limit=1')).body.items[0]!;
    expect(shown).to.include({ body: 'Now at 3 pm', tag: newest.id });
    expect(shown.icon).to.match(/^data:image\/png;base64,/);

    shown.dispatchEvent(new Event('click', { cancelable: true }));
    await eventually(() => expect(tab.navigated).to.deep.equal([{ trackId: 'midnight-drive', widget: 'schedule' }]));
    await eventually(() => expect(tab.document.hasFocus()).to.equal(true));
    await eventually(async () =>
      expect((await api<PdNotification>(`/v1/notifications/${newest.id}`)).body.readAt).to.be.a('string'),
    );
  });

  it('none while the page is in front, and none for a category whose browser channel is off', async () => {
    await putPreferences((prefs) => (prefs.categories.system.channels.browser = true));
    const tab = await appPage();
    tab.document.querySelector('button')!.focus();
    await eventually(async () => {
      const { held = [] } = await navigator.locks.query();
      expect(held.filter((lock) => lock.name?.startsWith('pd-notify:attended:'))).to.have.length(1);
    });
    await notify('Seen in the feed');
    const feed = tab.document.querySelector('pd-activity-feed')!;
    await eventually(() => expect(feed.shadowRoot!.querySelector('.badge')!.textContent).to.equal('9'));
    (document.querySelector('button.elsewhere') as HTMLButtonElement).focus();
    await eventually(async () => {
      const { held = [] } = await navigator.locks.query();
      expect(held.filter((lock) => lock.name?.startsWith('pd-notify:attended:'))).to.have.length(0);
    });
    await control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Track Activity' });
    await notify('Nobody is looking');
    // Decisions are made in the order notifications come: once this one shows, the others were decided.
    await eventually(() => expect(tab.shown.map((n) => n.title)).to.include('Nobody is looking'));
    expect(tab.shown.map((n) => n.title)).to.deep.equal(['Nobody is looking']);
  });
});
