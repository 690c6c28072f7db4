/**
 * `npm start`: the reference server with its demo seed and control API, plus this
 * page and the elements bundled for it (esbuild, at start), on one origin, and
 * an activity generator that makes the demo users act every few seconds. The
 * bundle's name carries a hash of its content, so browsers keep it for a year
 * and the page (revalidated every time) names a new one when it changes. The page,
 * its script and its styles are served with the strict Content Security Policy
 * (examples/strict-csp.ts): nothing inline, Trusted Types required.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DEMO_USERS, startServer } from '@pd-notify/mock-server';
import { browserBundle } from '../../scripts/browser-bundle.js';
import { withStrictCsp } from '../strict-csp.js';
import { startActivity } from './activity.js';

const root = new URL('../../', import.meta.url);

/** Starts the demo on `port` (0: any free port). */
export async function startDemo(port: number) {
  const [bundle, html, hostScript, styles] = await Promise.all([
    browserBundle(new URL('packages/elements/src/index.ts', root)),
    readFile(new URL('index.html', import.meta.url), 'utf8'),
    readFile(new URL('host.js', import.meta.url), 'utf8'),
    readFile(new URL('demo.css', import.meta.url), 'utf8'),
  ]);
  const bundlePath = `/pd-notify.${createHash('sha256').update(bundle).digest('hex').slice(0, 16)}.js`;
  const page = html.replace('src="/pd-notify.js"', `src="${bundlePath}"`);
  return startServer({
    port,
    seed: 'demo',
    control: true,
    extraHandler: (_request, url) => {
      const revalidated = (body: string, type: string) =>
        withStrictCsp(new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'no-cache' } }));
      if (url.pathname === '/' || url.pathname === '/index.html') return revalidated(page, 'text/html; charset=utf-8');
      if (url.pathname === '/host.js') return revalidated(hostScript, 'text/javascript; charset=utf-8');
      if (url.pathname === '/demo.css') return revalidated(styles, 'text/css; charset=utf-8');
      if (url.pathname === bundlePath) {
        return new Response(bundle, {
          headers: {
            'Content-Type': 'text/javascript; charset=utf-8',
            'Cache-Control': 'public, max-age=31536000, immutable',
          },
        });
      }
      return undefined;
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4010);
  const server = await startDemo(port).catch((error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: run PORT=4011 npm start` : error);
    process.exit(1);
  });
  startActivity(server);
  console.log(`pd-notify demo: open ${server.url}/`);
  console.log('Collaborators act every few seconds (comments, stage changes, invitations).');
  console.log(`Reference server API at ${server.url}/v1 (control API on). Demo users (bearer tokens):`);
  for (const user of DEMO_USERS) console.log(`  ${user.name.padEnd(14)} ${user.role.padEnd(19)} ${user.token}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
