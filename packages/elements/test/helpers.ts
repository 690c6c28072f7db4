import { expect, fixture, html } from '@open-wc/testing';
import type { Preferences } from '@pd-notify/client';
import { clearPersisted } from '../../client/test/persisted.js';

export { eventually } from '../../client/test/eventually.js';
export { clearPersisted };

// The browser keeps IndexedDB from test to test: each starts as a first visit, with nothing persisted.
beforeEach(() => clearPersisted());

/** Helpers for element tests against the reference server (`window.PD_SERVER_URL`). */
declare global {
  interface Window {
    PD_SERVER_URL: string;
    /** The engine of this run (web-test-runner.config.js). */
    PD_ENGINE: 'chromium' | 'firefox' | 'webkit';
  }
}

export const base = (): string => window.PD_SERVER_URL;

export async function control<T = unknown>(path: string, body?: unknown, method = 'POST'): Promise<T> {
  const response = await fetch(`${base()}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const notify = (title: string, extra: Record<string, unknown> = {}) =>
  control('/control/act', {
    action: 'notify',
    userId: 'alice',
    type: 'service-announcement',
    title,
    message: 'm',
    ...extra,
  });

/** Calls the protocol as a user (to check what the server stored). */
export async function api<T = unknown>(
  path: string,
  token = 'demo-alice',
  method = 'GET',
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base()}${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** A user's preferences as the server stored them. */
export const serverPrefs = async (token = 'demo-alice') => (await api<Preferences>('/v1/preferences', token)).body;

/** Saves a change to Alice's preferences, as another session would. */
export async function putPreferences(change: (prefs: Preferences) => void): Promise<void> {
  const prefs = await serverPrefs();
  change(prefs);
  const response = await fetch(`${base()}/v1/preferences`, {
    method: 'PUT',
    headers: { Authorization: 'Bearer demo-alice', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      version: prefs.version,
      categories: prefs.categories,
      reminderLeadDays: prefs.reminderLeadDays,
    }),
  });
  expect(response.status).to.equal(200);
}

export function shadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function shadowAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...host.shadowRoot!.querySelectorAll<T>(selector)];
}

/**
 * A page of `width` × `height` CSS pixels (an iframe, removed after the test) showing
 * `body`, with every element registered: a small screen in every engine (WebDriver
 * cannot make WebKit's window narrower than about 450 px).
 */
export async function smallScreen(width: number, height: number, body: string): Promise<Document> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe title="small screen" style=${`width:${width}px;height:${height}px;border:0`}></iframe>`,
  );
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  // An absolute URL: WebKit resolves a root-relative one in a srcdoc document against about:srcdoc.
  const elements = new URL('/packages/elements/src/index.ts', location.href).href;
  frame.srcdoc = `<!doctype html><html lang="en"><body style="margin:0">${body}
    <script type="module" src="${elements}"></script></body></html>`;
  await loaded;
  const view = frame.contentWindow!;
  await Promise.all(
    [...new Set([...view.document.querySelectorAll('*')].map((el) => el.localName))]
      .filter((tag) => tag.startsWith('pd-'))
      .map((tag) => view.customElements.whenDefined(tag)),
  );
  return view.document;
}
