/**
 * The toolbar's choices (Storybook globals) and the host pages the stories sit
 * on: one table each, read by `.storybook/preview.ts` (the toolbar and the
 * backgrounds), by the page decorator (`page.ts`) and by the visual baselines
 * (`test/visual.test.ts`), so a language added here is in the toolbar and in the
 * baselines at once.
 */

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export const DIRECTIONS = ['ltr', 'rtl'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The languages the elements speak, with the direction their pages are written in. */
export const LANGUAGES = {
  en: { title: 'English', dir: 'ltr' },
  fr: { title: 'Français', dir: 'ltr' },
  de: { title: 'Deutsch', dir: 'ltr' },
  es: { title: 'Español', dir: 'ltr' },
  ar: { title: 'العربية', dir: 'rtl' },
} as const satisfies Record<string, { title: string; dir: Direction }>;
export type Locale = keyof typeof LANGUAGES;

/** The languages the visual baselines capture every story in (each in every theme of `BASELINE_THEMES`). */
export const BASELINE_LOCALES: readonly Locale[] = ['en'];
export const BASELINE_THEMES: readonly Theme[] = ['light', 'dark'];

/** What a story is shown with: the toolbar's globals. */
export interface Look {
  theme: Theme;
  locale: Locale;
  dir: Direction;
}

export const DEFAULT_LOOK: Look = { theme: 'light', locale: 'en', dir: 'ltr' };

/** The look in `globals` (a story's own globals are already applied by Storybook). */
export function lookOf(globals: Record<string, unknown>): Look {
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  return {
    theme: pick(globals.theme, THEMES, DEFAULT_LOOK.theme),
    locale: pick(globals.locale, Object.keys(LANGUAGES) as Locale[], DEFAULT_LOOK.locale),
    dir: pick(globals.dir, DIRECTIONS, DEFAULT_LOOK.dir),
  };
}

/**
 * Host pages and headers (the backgrounds toolbar), each with the text colour
 * a host would set on it: the bell and the envelope take the host's text colour,
 * so a page's colour always comes with its text colour. `light` and `dark` are
 * what the light and dark themes sit on when no background is chosen.
 */
export const PAGES = {
  light: { name: 'Light page', value: '#f6f6f9', text: '#1d1d22' },
  dark: { name: 'Dark page', value: '#121117', text: '#f2f2f5' },
  white: { name: 'White header', value: '#ffffff', text: '#1d1d22' },
  navy: { name: 'Navy header', value: '#111827', text: '#f9fafb' },
  teal: { name: 'Teal header', value: '#0f766e', text: '#ffffff' },
} as const satisfies Record<string, { name: string; value: string; text: string }>;
export type PageName = keyof typeof PAGES;

/** The page chosen in the backgrounds toolbar (`globals.backgrounds`), if any. */
export function chosenPage(globals: Record<string, unknown>): PageName | null {
  const chosen = globals.backgrounds as { value?: string } | string | undefined;
  const name = typeof chosen === 'string' ? chosen : chosen?.value;
  return name && name in PAGES ? (name as PageName) : null;
}
