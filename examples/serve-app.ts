/**
 * Serves a single-page app's build beside the reference server (the Vue, Svelte and
 * Angular examples), everything under the strict Content Security Policy
 * (examples/strict-csp.ts): its built files, and its page for every other path without
 * a file extension outside `/v1` (one of the app's history routes, so a reload or a
 * shared link lands on the same view). A missing file is a 404, not the page; files
 * named by their content are kept by browsers for a year.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { withStrictCsp } from './strict-csp.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface BuiltApp {
  /** The build's folder, with its index.html. */
  outDir: string;
  /** The Trusted Types policies the app creates besides Lit's `lit-html`. */
  policies: readonly string[];
  /** Whether a file's path carries a hash of its content. */
  hashed(path: string): boolean;
  /**
   * A placeholder in index.html that a new nonce replaces on every request, named in
   * the policy too (a framework that adds its styles at run time puts it on them).
   */
  noncePlaceholder?: string;
}

/** The reference server's `extraHandler` that serves `app`. */
export function serveBuiltApp(app: BuiltApp): (request: Request, url: URL) => Response | undefined {
  const root = normalize(app.outDir);
  const page = readFileSync(join(root, 'index.html'), 'utf8');
  if (app.noncePlaceholder && !page.includes(app.noncePlaceholder))
    throw new Error(`${root}/index.html has no ${app.noncePlaceholder}`);
  const answer = (body: string | Uint8Array<ArrayBuffer>, path: string, cache: string, nonce?: string) =>
    withStrictCsp(
      new Response(body, {
        headers: { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': cache },
      }),
      { policies: app.policies, ...(nonce ? { nonce } : {}) },
    );
  return (request, url) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    // The reference server's own: the API and the artwork.
    if (url.pathname.startsWith('/v1/') || url.pathname.startsWith('/artwork/')) return undefined;
    const file = builtFile(root, url.pathname);
    if (file && file !== join(root, 'index.html')) {
      const cache = app.hashed(url.pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
      return answer(readFileSync(file), file, cache);
    }
    if (extname(url.pathname) !== '' && !file) return undefined;
    if (!app.noncePlaceholder) return answer(page, 'index.html', 'no-cache');
    const nonce = randomBytes(16).toString('base64');
    return answer(page.replaceAll(app.noncePlaceholder, nonce), 'index.html', 'no-store', nonce);
  };
}

/** The built file `path` names inside `root`, or null. */
function builtFile(root: string, path: string): string | null {
  const file = normalize(join(root, decodeURIComponent(path)));
  if (!file.startsWith(root + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}
