/**
 * The peers' published packages, bundled with the same settings as ours
 * (bench/size.ts), each as the minimal inbox (or client) its docs show.
 * Installed on demand into bench/scratch (git-ignored), outside the project's
 * dependencies; the versions measured are reported with the sizes.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import type { Plugin } from 'rollup';
import { measure, type Size } from './size.js';

const SCRATCH = new URL('scratch/', import.meta.url).pathname;

/** The packages installed, by name (the newest published version when first installed). */
const PACKAGES = [
  '@novu/js',
  '@knocklabs/client',
  '@knocklabs/react',
  '@trycourier/courier-ui-inbox',
  '@magicbell/embeddable',
  'react',
  'react-dom',
];

export interface Peer {
  name: string;
  /** What it is compared with: our client, or our feed (`pd-activity-feed`). */
  kind: 'client' | 'inbox';
  packages: string[];
  entry: string;
}

export const PEERS: Peer[] = [
  {
    name: 'Novu client (@novu/js)',
    kind: 'client',
    packages: ['@novu/js'],
    entry: `export { Novu } from '@novu/js';`,
  },
  {
    name: 'Novu Inbox (@novu/js/ui)',
    kind: 'inbox',
    packages: ['@novu/js'],
    entry: `import { NovuUI } from '@novu/js/ui';
new NovuUI({ options: { applicationIdentifier: 'app', subscriber: 'user' } })
  .mountComponent({ name: 'Inbox', props: {}, element: document.body });`,
  },
  {
    name: 'Knock client (@knocklabs/client)',
    kind: 'client',
    packages: ['@knocklabs/client'],
    entry: `export { default } from '@knocklabs/client';`,
  },
  {
    name: 'Knock feed popover (@knocklabs/react, with React)',
    kind: 'inbox',
    packages: ['@knocklabs/react', 'react', 'react-dom'],
    entry: `import { createElement as h, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KnockProvider, KnockFeedProvider, NotificationIconButton, NotificationFeedPopover } from '@knocklabs/react';
function Inbox() {
  const [open, setOpen] = useState(false);
  const button = useRef(null);
  return h(KnockProvider, { apiKey: 'pk', userId: 'user' },
    h(KnockFeedProvider, { feedId: 'feed' },
      h(NotificationIconButton, { ref: button, onClick: () => setOpen(!open) }),
      h(NotificationFeedPopover, { buttonRef: button, isVisible: open, onClose: () => setOpen(false) })));
}
createRoot(document.body).render(h(Inbox));`,
  },
  {
    name: 'Courier inbox (@trycourier/courier-ui-inbox)',
    kind: 'inbox',
    packages: ['@trycourier/courier-ui-inbox'],
    entry: `import { Courier } from '@trycourier/courier-ui-inbox';
document.body.append(document.createElement('courier-inbox-popup-menu'));
Courier.shared.signIn({ userId: 'user', jwt: 'jwt' });`,
  },
  {
    name: 'MagicBell widget (@magicbell/embeddable)',
    kind: 'inbox',
    packages: ['@magicbell/embeddable'],
    entry: `import { renderWidget } from '@magicbell/embeddable';
renderWidget(document.body, { apiKey: 'key', userEmail: 'user@example.com', height: 500 });`,
  },
];

/** CSS imported from JS counts as the JS string that carries it. */
const cssAsText: Plugin = {
  name: 'css-as-text',
  transform: (code, id) => (id.endsWith('.css') ? `export default ${JSON.stringify(code)};` : null),
};

/** Node's built-in modules, which some peers' dependencies import for Node only, become empty (as Vite does for a browser build). */
const emptyBuiltins: Plugin = {
  name: 'empty-builtins',
  resolveId: (id) => (builtinModules.includes(id.replace(/^node:/, '')) ? `\0empty:${id}` : null),
  load: (id) => (id.startsWith('\0empty:') ? 'export default {};' : null),
};

/** Installs the peers into bench/scratch once (needs the npm registry). */
export function installPeers(): void {
  if (PACKAGES.every((name) => existsSync(`${SCRATCH}node_modules/${name}/package.json`))) return;
  mkdirSync(SCRATCH, { recursive: true });
  if (!existsSync(`${SCRATCH}package.json`)) {
    writeFileSync(`${SCRATCH}package.json`, '{ "name": "pd-bench-peers", "private": true, "type": "module" }\n');
  }
  console.log(`installing the peers into bench/scratch: ${PACKAGES.join(', ')}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...PACKAGES], {
    cwd: SCRATCH,
    stdio: 'inherit',
  });
}

export interface PeerResult {
  name: string;
  kind: Peer['kind'];
  versions: Record<string, string>;
  size: Size;
}

export async function benchPeers(): Promise<PeerResult[]> {
  installPeers();
  const results: PeerResult[] = [];
  for (const peer of PEERS) {
    const size = await measure(peer.entry, {
      rootDir: SCRATCH,
      plugins: [emptyBuiltins, cssAsText, json(), commonjs()],
    });
    const versions = Object.fromEntries(
      peer.packages.map((name) => {
        const manifest = JSON.parse(readFileSync(`${SCRATCH}node_modules/${name}/package.json`, 'utf8')) as {
          version: string;
        };
        return [name, manifest.version];
      }),
    );
    results.push({ name: peer.name, kind: peer.kind, versions, size });
  }
  return results;
}
