/**
 * `npm run example:angular`: builds examples/angular (Angular 21, @angular/build's application builder,
 * run by build.mjs with this folder's own Node modules) and serves it with the reference server's demo
 * seed on one origin. Every route of the app's router is a page: a path that is not a built file and has
 * no file extension gets index.html; a missing file is a 404. Everything is served with the strict
 * Content Security Policy (examples/strict-csp.ts): nothing inline, no eval, Trusted Types required. The
 * components' styles are `<style>` elements Angular adds at run time: they carry a nonce, new on every
 * request, that the server writes into the page (`ngCspNonce`, which Angular also puts on its script)
 * and into the policy.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import { serveBuiltApp } from '../serve-app.js';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The placeholder of src/index.html that every request's nonce replaces. */
const NONCE_PLACEHOLDER = 'PD_CSP_NONCE';
/** The Trusted Types policies the page creates besides Lit's `lit-html`: none of Angular's (see the README). */
export const ANGULAR_POLICIES = [] as const;

/** Runs build.mjs (Angular's application builder) into `outDir`; rejects when the build fails. */
export function buildAngularExample(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Plain node, not this process's tsx loader and `source` condition: the builder's workers inherit them.
    const child = spawn(process.execPath, [join(here, 'build.mjs'), outDir], {
      cwd: here,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NODE_OPTIONS: '' },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`examples/angular: the build failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Builds the example into `outDir` and serves it on `port` (0: any free port). */
export async function startAngularExample(port: number, outDir = join(here, 'dist')): Promise<RunningServer> {
  await buildAngularExample(outDir);
  // Angular names its scripts and styles by their content (`main-…`, `chunk-…`, `styles-…`).
  const hashed = (path: string) => /-[A-Z0-9]{8}\.(js|css)$/.test(path);
  const app = { outDir, policies: ANGULAR_POLICIES, hashed, noncePlaceholder: NONCE_PLACEHOLDER };
  return startServer({ port, seed: 'demo', extraHandler: serveBuiltApp(app) });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startAngularExample(Number(process.env.PORT ?? 4015));
  console.log(`pd-notify Angular example: open ${server.url}/`);
}
