// The Vue 3 example, built with Vite: workspace packages resolve to their sources
// (the `source` export condition), the app and the elements share one copy of Lit,
// and Vue leaves every `pd-*` tag to the browser (custom elements, not Vue components).
import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('pd-') } } })],
  resolve: { conditions: ['source', ...defaultClientConditions], dedupe: ['lit', 'vue'] },
  optimizeDeps: { include: ['lit'] },
  // No "plugin timings" report: a busy machine's slow build is not news.
  build: { outDir: 'dist', emptyOutDir: true, rolldownOptions: { checks: { bundlerTimings: false } } },
});
