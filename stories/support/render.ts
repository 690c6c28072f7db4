/** Small helpers the stories share. */
import type { PdClient } from '@pd-notify/client';
import { html, type TemplateResult } from 'lit';

/** How a story shows: the element's theme, language and direction, and the width it gets. */
export interface Look {
  theme?: 'light' | 'dark';
  locale?: string;
  dir?: 'ltr' | 'rtl';
  width?: string;
}

export const LOOKS = {
  dark: { theme: 'dark' },
  rtl: { dir: 'rtl' },
  french: { locale: 'fr' },
  narrow: { width: '360px' },
} satisfies Record<string, Look>;

/** Wraps a story in a provider for `client`, on a page background matching the theme. */
export function frame(client: PdClient, look: Look, content: TemplateResult): TemplateResult {
  const dark = look.theme === 'dark';
  return html`<div
    dir=${look.dir ?? 'ltr'}
    lang=${look.locale ?? 'en'}
    style="max-width: ${look.width ?? '30rem'}; padding: 1rem; background: ${dark ? '#121117' : '#f6f6f9'}"
  >
    <pd-provider .client=${client}>${content}</pd-provider>
  </div>`;
}

/** Waits until `find` returns something (a story's play step waiting for its data). */
export async function waitFor<T>(find: () => T | null | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('The story’s element did not appear');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first element matching `selector` inside `host`'s shadow root, once it is there. */
export const inShadow = <T extends Element = HTMLElement>(host: Element, selector: string): Promise<T> =>
  waitFor(() => host.shadowRoot?.querySelector<T>(selector));

export const LONG_TITLE =
  'Chloé Laurent left a very long comment on “A Track With An Unusually Long Name That Goes On (Extended Club Remix feat. Everyone)”';
export const LONG_MESSAGE =
  'The second verse needs more space around the vocal: try pulling the pads back by two decibels, widening the backing vocals, and automating the reverb send so that it opens up in the last bar before the chorus. Also, the hi-hats are slightly ahead of the beat from 2:14 onwards. Supercalifragilisticexpialidociouslylongwordwithoutanybreaks.';
