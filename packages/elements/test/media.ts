/**
 * `prefers-color-scheme` and `prefers-reduced-motion` for element tests, in every
 * engine. Chromium emulates them itself (over CDP). Firefox and WebKit cannot be
 * told from outside (no CDP; WebDriver has no such command in these versions), so
 * there each element style sheet with an `@media` rule for the feature gives way to
 * a copy whose rule applies (`all`) or not (`not all`), in the elements' styles and
 * in every shadow root on the page, and `matchMedia` gives the same answer for that
 * query: the elements then behave as under that user setting. A rule that is not
 * found fails the test, so a misspelt query in the product cannot pass.
 *
 * The elements' own sheets are never edited: WebKitGTK 2.50 crashes (a segfault in
 * its style invalidation), or keeps the old style, when a rule of a constructed
 * sheet that many shadow roots adopted changes.
 */
import type { CSSResultOrNative } from 'lit';
import { emulateMedia as emulateInBrowser } from '@web/test-runner-commands';
import * as elements from '../src/index.js';

export interface MediaFeatures {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

/** Each feature's query and the value that makes it match. */
const QUERIES = {
  colorScheme: { query: '(prefers-color-scheme: dark)', matchingValue: 'dark' },
  reducedMotion: { query: '(prefers-reduced-motion: reduce)', matchingValue: 'reduce' },
} as const;

const forcedQueries = new Map<string, 'all' | 'not all'>();
const browserMatchMedia = window.matchMedia.bind(window);

type Styled = typeof elements.PdToaster;
const sheetOf = (style: CSSResultOrNative) => (style instanceof CSSStyleSheet ? style : style.styleSheet!);
const rulesText = (sheet: CSSStyleSheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n');

/** Each element's styles as the product made them. */
const ownStyles = new Map(
  Object.values(elements)
    .filter((value): value is Styled => typeof value === 'function' && 'elementStyles' in value)
    .map((element) => [element, element.elementStyles.map(sheetOf)]),
);
/** Each of the elements' own sheets, with its text and the sheet in use for it (itself, or a copy while a feature is forced). */
const sheets = new Map(
  [...ownStyles.values()].flat().map((sheet) => {
    const text = rulesText(sheet);
    return [sheet, { text, inUse: sheet, inUseText: text }];
  }),
);

/** Puts the sheets `forcedQueries` calls for in the elements' styles and in every shadow root on the page. */
function applyForcedQueries(): void {
  const replaced = new Map<CSSStyleSheet, CSSStyleSheet>();
  for (const [own, state] of sheets) {
    let text = state.text;
    for (const [query, to] of forcedQueries) text = text.replaceAll(`@media ${query} {`, `@media ${to} {`);
    if (text === state.inUseText) continue;
    let next = own;
    if (text !== state.text) {
      next = new CSSStyleSheet();
      next.replaceSync(text);
    }
    replaced.set(state.inUse, next);
    Object.assign(state, { inUse: next, inUseText: text });
  }
  if (replaced.size === 0) return;
  for (const [element, own] of ownStyles) element.elementStyles = own.map((sheet) => sheets.get(sheet)!.inUse);
  const roots = (root: Document | ShadowRoot): (Document | ShadowRoot)[] => [
    root,
    ...[...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? roots(element.shadowRoot) : [])),
  ];
  for (const root of roots(document)) {
    if (root.adoptedStyleSheets.some((sheet) => replaced.has(sheet))) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.map((sheet) => replaced.get(sheet) ?? sheet);
    }
  }
}

/** Makes the elements' rules for `query` apply (`all`) or not (`not all`). */
function force(query: string, to: 'all' | 'not all'): void {
  if (![...sheets.values()].some(({ text }) => text.includes(`@media ${query} {`))) {
    throw new Error(`no element style has a rule for ${query}`);
  }
  forcedQueries.set(query, to);
  window.matchMedia = (asked: string) => browserMatchMedia(forcedQueries.get(asked) ?? asked);
}

/** Makes the page (the elements, in Firefox and WebKit) behave as under these user settings. */
export async function emulateMedia(features: MediaFeatures): Promise<void> {
  if (window.PD_ENGINE === 'chromium') {
    await emulateInBrowser(features);
    return;
  }
  for (const [feature, value] of Object.entries(features) as [keyof MediaFeatures, string][]) {
    const { query, matchingValue } = QUERIES[feature];
    force(query, value === matchingValue ? 'all' : 'not all');
  }
  applyForcedQueries();
}

/** Back to the browser's own settings. */
export async function resetMedia(): Promise<void> {
  if (window.PD_ENGINE === 'chromium') {
    await emulateInBrowser({});
    return;
  }
  forcedQueries.clear();
  applyForcedQueries();
  window.matchMedia = browserMatchMedia;
}
