/** The demo host page (examples/vanilla) in a frame of the browser test's origin. */
import { fixture, html } from '@open-wc/testing';

export interface Demo {
  doc: Document;
  view: Window & typeof globalThis;
  /** The page's uncaught errors and unhandled rejections, in order. */
  errors: string[];
}

/** The demo page in a frame of this test's origin, at `hash` (`query`: its search part), once its elements are defined. */
export async function openDemo(hash = '', query = ''): Promise<Demo> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe title="demo" style="width:1000px;height:700px;border:0"></iframe>`,
  );
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/examples/vanilla/index.html${query}${hash}`;
  await loaded;
  const view = frame.contentWindow as Window & typeof globalThis;
  const errors: string[] = [];
  view.addEventListener('error', (event) => {
    // Not an error: a virtualized list measuring its rows (see web-test-runner.config.js).
    if (!/^ResizeObserver loop/.test(event.message)) errors.push(event.message);
  });
  view.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  await Promise.all(
    ['pd-activity-feed', 'pd-invitations', 'pd-preferences-form'].map((tag) => view.customElements.whenDefined(tag)),
  );
  return { doc: view.document, view, errors };
}

/** `selector` inside `host`'s shadow root. */
export function q<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector} in ${host.localName}`);
  return found;
}
