// The Svelte 5 example, built with Vite: workspace packages resolve to their sources
// (the `source` export condition), and the app and the elements share one copy of Lit.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [svelte()],
  resolve: { conditions: ['source', ...defaultClientConditions], dedupe: ['lit'] },
  build: { outDir: 'dist', emptyOutDir: true },
});
