/**
 * `npm run example:vue`: builds examples/vue with Vite and serves it with the
 * reference server's demo seed on one origin. Every route of the app's router
 * (history mode) is a page: a path that is not a built file, the API (`/v1/`) or
 * the server's artwork gets index.html. Everything is served with the strict
 * Content Security Policy (examples/strict-csp.ts): nothing inline, no eval,
 * Trusted Types required, with Vue's own policy (`vue`, which Vue creates when it
 * loads, for the static parts of templates it inserts as HTML) besides Lit's.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import { build } from 'vite';
import { withStrictCsp } from '../strict-csp.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
/** The Trusted Types policies the page creates besides Lit's `lit-html`. */
export const VUE_POLICIES = ['vue'] as const;

/** Builds the example into `outDir` and serves it on `port` (0: any free port). */
export async function startVueExample(port: number, outDir = join(here, 'dist')): Promise<RunningServer> {
  await build({ configFile: join(here, 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  const index = readFileSync(join(outDir, 'index.html'));
  const answer = (body: Buffer<ArrayBuffer>, path: string, cache: string) =>
    withStrictCsp(
      new Response(body, {
        headers: { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': cache },
      }),
      { policies: VUE_POLICIES },
    );
  return startServer({
    port,
    seed: 'demo',
    extraHandler: (request, url) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
      const path = normalize(decodeURIComponent(url.pathname));
      if (path.includes('..') || path.startsWith('/artwork/')) return undefined;
      if (path !== '/' && path !== '/index.html' && isFile(join(outDir, path))) {
        // Vite names its assets by content: a browser may keep them.
        const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        return answer(readFileSync(join(outDir, path)), path, cache);
      }
      // A missing asset is a 404, not the page.
      if (path.startsWith('/assets/')) return undefined;
      return answer(index, '/index.html', 'no-cache');
    },
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startVueExample(Number(process.env.PORT ?? 4012));
  console.log(`pd-notify Vue example: open ${server.url}/`);
}
