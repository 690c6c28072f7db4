// Storybook, configured by hand (see ../shared/TOOLCHAIN.md: `storybook init` misbehaves here).
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';
import { artworkSvg } from '../packages/mock-server/src/artwork.ts';

/** Serves (dev) and emits (build) the demo tracks' cover art at /artwork/<id>.svg, as the reference server does. */
function artwork(ids: string[]): Plugin {
  return {
    name: 'pd-story-artwork',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/artwork\/([a-z0-9-]+)\.svg$/.exec(req.url ?? '');
        if (!match) return next();
        res.setHeader('Content-Type', 'image/svg+xml');
        res.end(artworkSvg(match[1]!));
      });
    },
    generateBundle() {
      for (const id of ids) this.emitFile({ type: 'asset', fileName: `artwork/${id}.svg`, source: artworkSvg(id) });
    },
  };
}

// The demo seed's tracks, and the stories' track with a long name (support/story-backend.ts).
const TRACKS = [
  'midnight-drive',
  'golden-hour',
  'neon-rain',
  'paper-planes',
  'low-tide',
  'static-bloom',
  'sketch-14',
  'northern-lights',
];

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    return {
      ...vite,
      resolve: { ...vite.resolve, conditions: ['source', 'browser', 'module', 'import', 'default'] },
      optimizeDeps: { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), 'lit'] },
      plugins: [...(vite.plugins ?? []), artwork(TRACKS)],
    };
  },
};
export default config;
