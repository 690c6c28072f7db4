/**
 * `npm run example:react`: builds examples/react with Vite and serves it with the
 * reference server's demo seed on one origin, under the strict Content Security Policy
 * (examples/strict-csp.ts).
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import { build } from 'vite';
import { withStrictCsp } from '../strict-csp.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Builds the example into `outDir` and serves it on `port` (0: any free port). */
export async function startReactExample(port: number, outDir = join(here, 'dist')): Promise<RunningServer> {
  await build({ configFile: join(here, 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  return startServer({
    port,
    seed: 'demo',
    extraHandler: (_request, url) => {
      const path = url.pathname === '/' ? '/index.html' : url.pathname;
      if (path.includes('..')) return undefined;
      try {
        const body = readFileSync(join(outDir, path));
        const type = TYPES[extname(path)] ?? 'application/octet-stream';
        return withStrictCsp(new Response(body, { headers: { 'Content-Type': type } }));
      } catch {
        return undefined;
      }
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startReactExample(Number(process.env.PORT ?? 4011));
  console.log(`pd-notify React example: open ${server.url}/`);
}
