/**
 * `@pd-notify/elements/ssr`: pd-notify's elements rendered on the host's server (Node)
 * with Lit SSR, to declarative shadow DOM, showing the signed-in user's real counts
 * in the first HTML. Load the user's snapshot with `loadSnapshot` (of
 * `@pd-notify/client`), render the page's pd elements with `renderToString`, and
 * write `snapshotScript` into the page: the browser's `<pd-provider snapshot="…">`
 * starts its client from it (no request for what it holds) and resumes the stream
 * from where the snapshot stood. Import `@pd-notify/elements/hydrate` in the browser.
 * @packageDocumentation
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { createClient, type ClientSnapshot } from '@pd-notify/client';
import { serverRendering } from '../server-rendering.js';
import { CORE_TEXTS, textsReady } from '../i18n.js';
import '../index.js';

export type { ClientSnapshot } from '@pd-notify/client';
export { isClientSnapshot, loadSnapshot, type SnapshotOptions } from '@pd-notify/client';

/** Options of {@link renderToString}. */
export interface RenderOptions {
  /** What the elements show: the user's snapshot (`loadSnapshot`). */
  snapshot: ClientSnapshot;
  /** The page's CSP nonce, given to every `<style>` the elements render. */
  nonce?: string;
}

/**
 * Renders a Lit template holding pd elements (a `<pd-provider>` and the bell, the
 * feed or the invitations badge inside it) to HTML with declarative shadow DOM,
 * the snapshot's counts in it, the elements' texts in the snapshot's language. The
 * render itself is synchronous (after that language's texts have loaded): two
 * pages rendered at once never see each other's data. The HTML holds no token; it
 * holds the data the snapshot holds.
 */
export async function renderToString(template: unknown, { snapshot, nonce }: RenderOptions): Promise<string> {
  await textsReady(CORE_TEXTS, snapshot.locale);
  if (serverRendering.client) throw new Error('pd-notify: renderToString called while another render runs');
  // A client that only holds the snapshot: nothing observes it, so it never asks the server anything.
  const client = createClient({
    baseUrl: snapshot.baseUrl,
    snapshot,
    persist: false,
    shareAcrossTabs: false,
    getToken: () => Promise.reject(new Error('pd-notify: no requests while rendering on the server')),
  });
  serverRendering.client = client;
  serverRendering.locale = snapshot.locale;
  try {
    const html = collectResultSync(render(template));
    return nonce === undefined ? html : html.replaceAll('<style>', `<style nonce="${attribute(nonce)}">`);
  } finally {
    serverRendering.client = null;
    serverRendering.locale = null;
    void client.close();
  }
}

/** Options of {@link snapshotScript}. */
export interface SnapshotScriptOptions {
  /** The script element's id, named by `<pd-provider snapshot="…">`. Default `pd-snapshot`. */
  id?: string;
}

/**
 * The `<script type="application/json">` that carries the snapshot into the page
 * for the browser's client. A data block, not a script: no CSP directive applies
 * to it. Written so that nothing in the data can end the element.
 */
export function snapshotScript(snapshot: ClientSnapshot, { id = 'pd-snapshot' }: SnapshotScriptOptions = {}): string {
  const json = JSON.stringify(snapshot).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/json" id="${attribute(id)}">${json}</script>`;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
