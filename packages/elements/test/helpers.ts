import { clearPersisted } from '../../client/test/persisted.js';
export { eventually } from '../../client/test/eventually.js';
export { clearPersisted };

// The browser keeps IndexedDB from test to test: each starts as a first visit, with nothing persisted.
beforeEach(() => clearPersisted());

/** Helpers for element tests in Chromium against the reference server (`window.PD_SERVER_URL`). */
declare global {
  interface Window {
    PD_SERVER_URL: string;
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

export function shadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function shadowAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...host.shadowRoot!.querySelectorAll<T>(selector)];
}
