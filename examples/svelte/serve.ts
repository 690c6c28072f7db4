/**
 * `npm run example:svelte`: builds examples/svelte (Svelte 5, Vite) and serves it
 * with the reference server's demo seed on one origin. Every history route of the
 * app (any path outside `/v1` that is not a built file) answers the app's page, so
 * a reload or a shared link lands on the same view.
 *
 * Everything is served with the strict Content Security Policy (examples/strict-csp.ts).
 * Svelte 5's runtime builds each component's static markup from a string (`innerHTML`
 * on a `<template>`), which `require-trusted-types-for 'script'` only lets through a
 * Trusted Types policy: the runtime creates one named `svelte-trusted-html`, the one
 * name allowed here besides Lit's `lit-html`.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
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
/** The Trusted Types policy Svelte 5's runtime creates (svelte/src/internal/client/dom/reconciler.js). */
export const SVELTE_POLICY = 'svelte-trusted-html';

/** The built file `path` names inside `outDir`, or null. */
function builtFile(outDir: string, path: string): string | null {
  const file = normalize(join(outDir, decodeURIComponent(path)));
  if (!file.startsWith(outDir + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Builds the example into `outDir` and serves it on `port` (0: any free port). */
export async function startSvelteExample(port: number, outDir = join(here, 'dist')): Promise<RunningServer> {
  await build({ configFile: join(here, 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  const root = normalize(outDir);
  const page = readFileSync(join(root, 'index.html'));
  const answer = (body: Uint8Array<ArrayBuffer>, type: string, cache: string) =>
    withStrictCsp(new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': cache } }), {
      policies: [SVELTE_POLICY],
    });
  return startServer({
    port,
    seed: 'demo',
    extraHandler: (request, url) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
      if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) return undefined;
      const file = url.pathname === '/' ? null : builtFile(root, url.pathname);
      if (file) {
        // Vite names the assets by their content: they never change under one name.
        const immutable = file.startsWith(join(root, 'assets') + sep);
        return answer(
          readFileSync(file),
          TYPES[extname(file)] ?? 'application/octet-stream',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      }
      // A missing asset is a 404, not the page.
      if (url.pathname.startsWith('/assets/')) return undefined;
      // Every other path is one of the app's routes: its router shows the view.
      return answer(page, TYPES['.html']!, 'no-cache');
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4013);
  const server = await startSvelteExample(port).catch((error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: run PORT=4014 npm run example:svelte` : error);
    process.exit(1);
  });
  console.log(`pd-notify Svelte example: open ${server.url}/`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
