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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import { build } from 'vite';
import { serveBuiltApp } from '../serve-app.js';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The Trusted Types policy Svelte 5's runtime creates (svelte/src/internal/client/dom/reconciler.js). */
export const SVELTE_POLICY = 'svelte-trusted-html';

/** Builds the example into `outDir` and serves it on `port` (0: any free port). */
export async function startSvelteExample(port: number, outDir = join(here, 'dist')): Promise<RunningServer> {
  await build({ configFile: join(here, 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  // Vite names its assets by their content.
  const hashed = (path: string) => path.startsWith('/assets/');
  return startServer({
    port,
    seed: 'demo',
    extraHandler: serveBuiltApp({ outDir, policies: [SVELTE_POLICY], hashed }),
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
