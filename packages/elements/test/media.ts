/**
 * `prefers-color-scheme` and `prefers-reduced-motion` for element tests, in every
 * engine. Chromium emulates them itself (over CDP). Firefox and WebKit cannot be
 * told from outside (no CDP; WebDriver has no such command in these versions), so
 * there the elements' own `@media` rules for the feature are switched on or off in
 * their style sheets, and `matchMedia` gives the same answer for that query: the
 * elements then behave as under that user setting. A rule that is not found fails
 * the test, so a misspelt query in the product cannot pass.
 */
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

const original = new Map<CSSMediaRule, string>();
const forcedQueries = new Map<string, 'all' | 'not all'>();
const browserMatchMedia = window.matchMedia.bind(window);

function elementSheets(): CSSStyleSheet[] {
  const classes = Object.values(elements).filter(
    (value): value is typeof elements.PdToaster => typeof value === 'function' && 'elementStyles' in value,
  );
  return classes.flatMap((element) =>
    element.elementStyles.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet!)),
  );
}

function mediaRules(rules: CSSRuleList): CSSMediaRule[] {
  return [...rules].flatMap((rule) => [
    ...(rule instanceof CSSMediaRule ? [rule] : []),
    ...('cssRules' in rule ? mediaRules((rule as CSSGroupingRule).cssRules) : []),
  ]);
}

/** Makes the elements' rules for `query` apply (`all`) or not (`not all`). */
function force(query: string, to: 'all' | 'not all'): void {
  const rules = elementSheets()
    .flatMap((sheet) => mediaRules(sheet.cssRules))
    .filter((rule) => (original.get(rule) ?? rule.media.mediaText) === query);
  if (rules.length === 0) throw new Error(`no element style has a rule for ${query}`);
  for (const rule of rules) {
    if (!original.has(rule)) original.set(rule, rule.media.mediaText);
    rule.media.mediaText = to;
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
}

/** Back to the browser's own settings. */
export async function resetMedia(): Promise<void> {
  if (window.PD_ENGINE === 'chromium') {
    await emulateInBrowser({});
    return;
  }
  for (const [rule, text] of original) rule.media.mediaText = text;
  original.clear();
  forcedQueries.clear();
  window.matchMedia = browserMatchMedia;
}
