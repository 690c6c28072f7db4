import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import '../packages/elements/src/index.ts';
import { DIRECTIONS, LANGUAGES, PAGES, THEMES, DEFAULT_LOOK } from '../stories/support/globals.ts';
import { PUBLIC_MANIFEST } from '../stories/support/manifest.ts';
import { withPage } from '../stories/support/page.ts';
import { withBackend } from '../stories/support/story-backend.ts';

// Controls and docs pages come from the manifest generated from the elements' JSDoc, without
// what is not their public API (`#private` fields, private and protected members: support/manifest.ts).
setCustomElementsManifest(PUBLIC_MANIFEST);

const preview: Preview = {
  // The toolbar: theme, language and direction, applied to every story by `withPage` (lang, dir, the
  // page's colours) and by the stories' elements (`theme` unless a story's own `theme` arg is set).
  globalTypes: {
    theme: {
      description: 'The elements’ theme (auto follows the OS’s prefers-color-scheme)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: THEMES.map((value) => ({ value, title: value === 'auto' ? 'Auto (the OS’s)' : value })),
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'The page’s language (the elements’ texts and relative times)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: Object.entries(LANGUAGES).map(([value, { title }]) => ({ value, title, right: value })),
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'The page’s direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: DIRECTIONS.map((value) => ({ value, title: value === 'rtl' ? 'Right to left' : 'Left to right' })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { ...DEFAULT_LOOK },
  // Decorators wrap from the first to the last: the provider inside the page.
  decorators: [withBackend, withPage],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    a11y: { test: 'error' },
    // Host pages and headers; each comes with its text colour (support/globals.ts), which the page takes.
    backgrounds: {
      options: Object.fromEntries(Object.entries(PAGES).map(([key, { name, value }]) => [key, { name, value }])),
    },
    // Docs pages run each story's interaction steps, so they show the state the story is about.
    docs: { story: { autoplay: true } },
  },
  tags: ['autodocs'],
};
export default preview;
