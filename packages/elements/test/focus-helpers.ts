/** Focus as a keyboard user meets it: where it is (through shadow roots), keys that must keep it, a client per test. */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createClient, type ClientOptions, type PdClient } from '@pd-notify/client';
import { deepActiveElement } from '../src/focus-keeper.js';
import { base, eventually } from './helpers.js';

/** The focused element, looking inside shadow roots. */
export const focused = (): Element | null => deepActiveElement();

/** True when `node` is `host` or inside it, looking out of shadow roots. */
export function within(host: Element, node: Node | null): boolean {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at as Partial<ShadowRoot>).host ?? null) {
    if (at === host) return true;
  }
  return false;
}

/** What a screen reader would call the focused element: its label, else its text, else its tag. */
export function nameOf(element: Element | null): string {
  if (!element) return '(nothing)';
  const label = element.getAttribute('aria-label') ?? element.closest('label')?.textContent;
  if (label) return label.replace(/\s+/g, ' ').trim();
  const labelledBy = element.getAttribute('aria-labelledby')?.split(' ')[0];
  const byId = labelledBy && (element.getRootNode() as ShadowRoot | Document).getElementById(labelledBy);
  if (byId) return byId.textContent!.trim();
  return element.textContent?.replace(/\s+/g, ' ').trim() || element.localName;
}

/** Waits until focus is on `target` (identity, named in the failure), never sleeping a fixed time. */
export async function expectFocusOn(target: Element | null, what = nameOf(target)): Promise<void> {
  if (!target) throw new Error(`nothing to focus: ${what}`);
  await eventually(() => expect(focused() === target, `focus on ${what}, not on ${nameOf(focused())}`).to.equal(true));
}

/** Waits until focus is inside one of `hosts` (an element or its trigger), and checks it is not on <body>. */
export async function expectFocusInside(...hosts: Element[]): Promise<void> {
  await eventually(() => {
    const active = focused();
    expect(active && active !== document.body, 'focus fell to <body>').to.equal(true);
    expect(
      hosts.some((host) => within(host, active)),
      `focus is on ${nameOf(active)}, outside ${hosts.map((h) => h.localName).join(', ')}`,
    ).to.equal(true);
  });
}

/**
 * Presses `key` (`Shift+Tab` holds Shift), then checks focus stayed inside `hosts`.
 * Through the config's `press-keys` command: wtr's `sendKeys` cannot hold a key in WebKit.
 */
export async function press(key: string, ...hosts: Element[]): Promise<void> {
  await executeServerCommand('press-keys', { keys: key.split('+') });
  if (hosts.length > 0) await expectFocusInside(...hosts);
}

/** The names of the controls Tab visits from where focus is, `count` presses (Shift+Tab when `back`). */
export async function tabStops(count: number, back = false): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    await press(back ? 'Shift+Tab' : 'Tab');
    names.push(nameOf(focused()));
  }
  return names;
}

const clients: PdClient[] = [];

/**
 * A client of its own for one test (give it to a `<pd-provider>`), not shared with
 * other tabs: a previous test's client, lingering after its element left, cannot
 * hand this one its state. `closeClients()` after each test.
 */
export function freshClient(token = 'demo-alice', options: Partial<ClientOptions> = {}): PdClient {
  const client = createClient({ baseUrl: base(), token, shareAcrossTabs: false, ...options });
  clients.push(client);
  return client;
}

export function closeClients(): void {
  for (const client of clients.splice(0)) client.close();
}
