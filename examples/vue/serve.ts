/**
 * `npm run example:vue`: builds examples/vue with Vite and serves it with the
 * reference server's demo seed on one origin. Every route of the app's router
 * (history mode) is a page: a path that is not a built file, the API (`/v1/`) or
 * the server's artwork gets index.html. Everything is served with the strict
 * Content Security Policy (examples/strict-csp.ts): nothing inline, no eval,
 * Trusted Types required, with Vue's own policy (`vue`, which Vue creates when it
 * loads, for the static parts of templates it inserts as HTML) besides Lit's.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import { build } from 'vite';
import { serveBuiltApp } from '../serve-app.js';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The Trusted Types policies the page creates besides Lit's `lit-html`. */
export const VUE_POLICIES = ['vue'] as const;

/** Builds the example into `outDir` and serves it on `port` (0: any free port). */
export async function startVueExample(port: number, outDir = join(here, 'dist')): Promise<RunningServer> {
  await build({ configFile: join(here, 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  // Vite names its assets by their content.
  const hashed = (path: string) => path.startsWith('/assets/');
  return startServer({ port, seed: 'demo', extraHandler: serveBuiltApp({ outDir, policies: VUE_POLICIES, hashed }) });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startVueExample(Number(process.env.PORT ?? 4012));
  console.log(`pd-notify Vue example: open ${server.url}/`);
}
