// Builds every publishable package to ESM with source maps. Declarations come from
// `tsc -b` (see package.json "build"). Dependencies stay external, so hosts get one
// copy of Lit and of each shared package.
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import esbuild from 'rollup-plugin-esbuild';
import nodeResolve from '@rollup/plugin-node-resolve';
import { browserBuildPlugins } from './scripts/browser-build.mjs';

const isExternal = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/** One package: its entry points (name → source file) and where it runs. */
function pkg(dir, entries, { platform = 'neutral', banner } = {}) {
  return {
    input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, `packages/${dir}/src/${file}`])),
    external: (id) => isExternal(id) || builtinModules.includes(id.replace(/^node:/, '')),
    plugins: [
      // Chunks are named by their content's hash: the last build's would ship, stale, beside the new ones.
      {
        name: 'clean-chunks',
        buildStart: () => rmSync(`packages/${dir}/dist/chunks`, { recursive: true, force: true }),
      },
      nodeResolve({ extensions: ['.ts', '.js'] }),
      esbuild({ target: 'es2022', platform, tsconfig: 'tsconfig.base.json', sourceMap: true }),
    ],
    output: {
      dir: `packages/${dir}/dist`,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      ...(banner ? { banner: (chunk) => (chunk.name === 'cli' ? banner : '') } : {}),
    },
  };
}

/** Every element with all its dependencies (Lit included) in one minified file, for a plain <script type="module">. */
const standalone = {
  input: 'packages/elements/src/index.ts',
  plugins: browserBuildPlugins(),
  output: {
    file: 'packages/elements/dist/pd-notify.bundle.js',
    format: 'es',
    sourcemap: true,
    inlineDynamicImports: true,
  },
};

export default [
  pkg('protocol', { index: 'index.ts', wire: 'wire.ts' }),
  pkg(
    'client',
    {
      index: 'index.ts',
      'browser-notifications': 'browser-notifications/index.ts',
      'browser-notifications-attention': 'browser-notifications/attention.ts',
    },
    { platform: 'browser' },
  ),
  pkg(
    'elements',
    {
      index: 'index.ts',
      'pd-activity-feed': 'define/pd-activity-feed.ts',
      'pd-bell-badge': 'define/pd-bell-badge.ts',
      'pd-provider': 'define/pd-provider.ts',
      'pd-invite-card': 'define/pd-invite-card.ts',
      'pd-invitations': 'define/pd-invitations.ts',
      'pd-toaster': 'define/pd-toaster.ts',
      'pd-sync-status': 'define/pd-sync-status.ts',
      'pd-preferences-form': 'define/pd-preferences-form.ts',
      'pd-notification-help': 'define/pd-notification-help.ts',
      'ssr/index': 'ssr/index.ts',
      hydrate: 'ssr/hydrate.ts',
    },
    { platform: 'browser' },
  ),
  pkg('react', { index: 'index.ts' }, { platform: 'browser' }),
  pkg(
    'mock-server',
    { index: 'index.ts', domain: 'domain.ts', handler: 'handler.ts', cli: 'cli.ts' },
    { platform: 'node', banner: '#!/usr/bin/env node' },
  ),
  standalone,
];
