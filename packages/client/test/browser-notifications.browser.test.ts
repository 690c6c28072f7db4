/**
 * `@pd-notify/client/browser-notifications` across three tabs of one user (three
 * same-origin documents, each with its own client), against the reference
 * server: one system notification per new notification, in one tab, only while
 * no page of the app is visible and focused and only for categories whose
 * browser channel is on; a click focuses its tab and marks the notification read.
 * `window.Notification` is the browser's: each tab replaces it with one that
 * records what would be shown.
 */
import { expect } from '@open-wc/testing';
import { createNotifier } from '../src/browser-notifications/index.js';
import { createClient, type Notification as PdNotification, type PdClient, type Preferences } from '../src/index.js';
import { eventually, until } from './eventually.js';
import { clearPersisted } from './persisted.js';

/** What a tab's recording Notification was given. */
interface Shown extends EventTarget {
  title: string;
  body: string;
  tag: string;
  lang: string;
  dir: string;
  icon: string;
  closed: boolean;
}

interface Tab extends Window {
  client: PdClient;
  shown: Shown[];
  /** What the tab's onNotification heard: title and whether the tab was primary. */
  heard: [string, boolean][];
}

const base = (): string => window.PD_SERVER_URL;

async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base()}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status}`);
  return response.json();
}

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base()}${path}`, {
    ...init,
    headers: { Authorization: 'Bearer demo-alice', 'Content-Type': 'application/json' },
  });
  return (await response.json()) as T;
}

/** Turns the browser channel of these categories on (and every other off), as a saved preference. */
async function browserChannel(...on: string[]): Promise<void> {
  const prefs = await api<Preferences>('/v1/preferences');
  for (const [name, category] of Object.entries(prefs.categories)) category.channels.browser = on.includes(name);
  const { version, categories, reminderLeadDays } = prefs;
  await api('/v1/preferences', { method: 'PUT', body: JSON.stringify({ version, categories, reminderLeadDays }) });
}

const notify = (title: string, type = 'service-announcement') =>
  control('/control/act', { action: 'notify', userId: 'alice', type, title, message: `About ${title}` });

const frames: HTMLIFrameElement[] = [];

/** Opens a "tab": a same-origin document with its own client showing browser notifications. */
async function openTab(): Promise<{ frame: HTMLIFrameElement; tab: Tab }> {
  const frame = document.createElement('iframe');
  // Absolute URLs: WebKit resolves root-relative ones in a srcdoc document against about:srcdoc.
  const url = (path: string) => JSON.stringify(new URL(path, location.href).href);
  frame.srcdoc = `<!doctype html><button>in this tab</button><script type="module">
    const { createClient } = await import(${url('/packages/client/src/index.ts')});
    const { browserNotifications } = await import(${url('/packages/client/src/browser-notifications/index.ts')});
    window.shown = [];
    window.heard = [];
    window.Notification = class extends EventTarget {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title, options) {
        super();
        Object.assign(this, { title, closed: false }, options);
        window.shown.push(this);
      }
      close() {
        this.closed = true;
      }
    };
    const client = createClient({ baseUrl: ${JSON.stringify(base())}, token: 'demo-alice', locale: 'en-GB' });
    client.onNotification((notification, { primary }) => window.heard.push([notification.title, primary]));
    browserNotifications(client);
    client.$notifications.listen(() => {});
    window.client = client;
  </script>`;
  document.body.append(frame);
  frames.push(frame);
  const tab = await eventually(() => {
    const view = frame.contentWindow as Tab | null;
    if (!view?.client) throw new Error('the tab has not started yet');
    return view;
  });
  await until(tab.client.$connection, (state) => state.status === 'live');
  return { frame, tab };
}

/** What every tab showed, as `title` lists per tab. */
const shownIn = (tabs: Tab[]) => tabs.map((tab) => tab.shown.map((shown) => shown.title));

/** Waits until every tab has heard `title`; returns the tab that is primary for it. */
async function heardEverywhere(tabs: Tab[], title: string): Promise<Tab> {
  return eventually(() => {
    for (const tab of tabs) expect(tab.heard.map(([heard]) => heard)).to.include(title);
    const primary = tabs.filter((tab) => tab.heard.some(([heard, isPrimary]) => heard === title && isPrimary));
    expect(primary).to.have.length(1);
    return primary[0]!;
  });
}

/** Focuses the test's own page: no tab of the app is in front, and the tabs' locks say so. */
async function focusNoTab(): Promise<void> {
  const button = document.createElement('button');
  button.textContent = 'elsewhere';
  document.body.append(button);
  button.focus();
  await eventually(async () => {
    const { held = [] } = await navigator.locks.query();
    expect(held.filter((lock) => lock.name?.startsWith('pd-notify:attended:'))).to.have.length(0);
  });
}

describe('browser notifications across three tabs of one user', () => {
  let tabs: Tab[];
  beforeEach(async () => {
    await clearPersisted();
    await control('/control/reset', { seed: 'demo' });
    await browserChannel('system');
    tabs = [];
    for (let i = 0; i < 3; i++) tabs.push((await openTab()).tab);
    await focusNoTab();
  });
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
    for (const button of document.querySelectorAll('body > button')) button.remove();
  });

  it('one system notification per new notification, in one tab, with its title, message, icon, tag and language', async () => {
    await notify('Maintenance tonight');
    await notify('Maintenance done');
    const primary = await heardEverywhere(tabs, 'Maintenance done');
    await eventually(() => expect(primary.shown.map((shown) => shown.title)).to.include('Maintenance done'));
    expect(shownIn(tabs).flat()).to.deep.equal(['Maintenance tonight', 'Maintenance done']);
    const { items } = await api<{ items: PdNotification[] }>('/v1/notifications?limit=2');
    const [first, second] = primary.shown;
    expect([second!.tag, first!.tag]).to.deep.equal(items.map((item) => item.id));
    expect(first).to.include({ body: 'About Maintenance tonight', lang: 'en-GB', dir: 'auto' });
    expect(first!.icon).to.match(/^data:image\/png;base64,/);
  });

  it('none while a page of the app is visible and focused', async () => {
    const [, second] = tabs;
    (frames[1]!.contentDocument!.querySelector('button') as HTMLButtonElement).focus();
    await eventually(async () => {
      expect(second!.document.hasFocus()).to.equal(true);
      const { held = [] } = await navigator.locks.query();
      expect(held.filter((lock) => lock.name?.startsWith('pd-notify:attended:'))).to.have.length(1);
    });
    await notify('Seen in the feed');
    await heardEverywhere(tabs, 'Seen in the feed');
    // Decisions are made in the order notifications come: once the next one shows, this one was decided.
    await focusNoTab();
    await notify('Nobody is looking');
    await eventually(() => expect(shownIn(tabs).flat()).to.include('Nobody is looking'));
    expect(shownIn(tabs).flat()).to.deep.equal(['Nobody is looking']);
  });

  it('none for a category whose browser channel is off, nor for support answers (no category)', async () => {
    await control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Stems are up' });
    await notify('Support replied', 'support-feedback');
    await notify('System says hi');
    await eventually(() => expect(shownIn(tabs).flat()).to.include('System says hi'));
    expect(shownIn(tabs).flat()).to.deep.equal(['System says hi'], 'Track Activity’s browser channel is off');
  });

  it('a click focuses its tab, closes it and marks the notification read', async () => {
    await notify('Click me');
    const primary = await heardEverywhere(tabs, 'Click me');
    const shown = await eventually(() => {
      expect(primary.shown).to.have.length(1);
      return primary.shown[0]!;
    });
    expect(primary.document.hasFocus()).to.equal(false);
    shown.dispatchEvent(new Event('click', { cancelable: true }));
    await eventually(() => expect(primary.document.hasFocus()).to.equal(true));
    expect(shown.closed).to.equal(true);
    await eventually(async () => {
      const notification = await api<PdNotification>(`/v1/notifications/${shown.tag}`);
      expect(notification.readAt).to.be.a('string');
    });
  });
});

describe('createNotifier in one page', () => {
  const original = Object.getOwnPropertyDescriptor(window, 'Notification');
  let client: PdClient;
  let requests: string[];
  beforeEach(async () => {
    await clearPersisted();
    await control('/control/reset', { seed: 'demo' });
    await browserChannel('system');
    requests = [];
    client = createClient({
      baseUrl: base(),
      token: 'demo-alice',
      shareAcrossTabs: false,
      fetch: (input, init) => {
        requests.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    });
  });
  afterEach(async () => {
    await client.close();
    if (original) Object.defineProperty(window, 'Notification', original);
    else delete (window as { Notification?: unknown }).Notification;
  });

  /** Replaces the browser's Notification with one whose permission is `permission`. */
  function stubNotification(permission: NotificationPermission, construct = (_title: string) => {}): void {
    Object.defineProperty(window, 'Notification', {
      configurable: true,
      writable: true,
      value: class extends EventTarget {
        static permission = permission;
        constructor(title: string) {
          super();
          construct(title);
        }
        close() {}
      },
    });
  }

  const incoming = async (): Promise<PdNotification> => {
    await until(client.$notifications, (state) => state.status === 'ready');
    await notify('New');
    return (await until(client.$notifications, (state) => state.items[0]?.title === 'New')).items[0]!;
  };

  it('without the permission, shows nothing and does not load the preferences', async () => {
    stubNotification('default');
    const notifier = createNotifier(client);
    const off = client.$notifications.listen(() => {});
    expect(await notifier.show(await incoming())).to.equal(null);
    expect(requests).not.to.include('/v1/preferences');
    off();
    notifier.stop();
  });

  it('where pages cannot construct a notification (Android), shows nothing and does not throw', async () => {
    stubNotification('granted', () => {
      throw new TypeError('Illegal constructor. Use ServiceWorkerRegistration.showNotification() instead.');
    });
    const notifier = createNotifier(client);
    const off = client.$notifications.listen(() => {});
    expect(await notifier.show(await incoming())).to.equal(null);
    expect(requests).to.include('/v1/preferences');
    off();
    notifier.stop();
  });
});
