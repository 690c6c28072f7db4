/**
 * The host page every story sits on (a decorator of `.storybook/preview.ts`):
 * the toolbar's language (`lang`, which the elements read when their `locale`
 * is unset) and direction (`dir`), and a page colour with its text colour: the
 * theme's page (light, dark, or the OS's with `auto`) unless the backgrounds
 * toolbar picks a host page or header, whose own text colour then applies. The
 * bell and the envelope take the host's text colour, so they show on every
 * background as they would in a real header.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { PAGES, chosenPage, lookOf } from './globals.js';

/** `parameters.page` of a story: how wide its content may be (default 30rem). */
export interface PageParameters {
  width?: string;
}

const colours = (name: keyof typeof PAGES) => `background: ${PAGES[name].value}; color: ${PAGES[name].text};`;

/** The page's rules: the themes' pages first, then the chosen backgrounds (later rules win). */
const PAGE_CSS = `
.pd-story-page { box-sizing: border-box; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; ${colours('light')} }
.pd-story-page[data-view='story'] { min-block-size: 100vh; }
.pd-story-page[data-theme='dark'] { ${colours('dark')} }
@media (prefers-color-scheme: dark) { .pd-story-page[data-theme='auto'] { ${colours('dark')} } }
${Object.keys(PAGES)
  .map((name) => `.pd-story-page[data-page='${name}'] { ${colours(name as keyof typeof PAGES)} }`)
  .join('\n')}
`;

function ensureStyles(): void {
  if (document.getElementById('pd-story-page')) return;
  const style = document.createElement('style');
  style.id = 'pd-story-page';
  style.textContent = PAGE_CSS;
  document.head.append(style);
}

export const withPage: Decorator = (story, context) => {
  ensureStyles();
  const look = lookOf(context.globals);
  const width = (context.parameters.page as PageParameters | undefined)?.width ?? '30rem';
  return html`<div
    class="pd-story-page"
    data-view=${context.viewMode}
    data-theme=${look.theme}
    data-page=${chosenPage(context.globals) ?? nothing}
    dir=${look.dir}
    lang=${look.locale}
  >
    <div style="max-inline-size: ${width}">${story()}</div>
  </div>`;
};
