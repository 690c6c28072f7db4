/**
 * `npm run example:ssr`: a plain Node host whose page is rendered per request with the
 * signed-in user's real counts in the first HTML (Lit SSR, declarative shadow DOM),
 * beside the reference server on one origin. Per request: the host's session (a
 * cookie) says who the user is; `loadSnapshot` loads their counts and where their
 * stream stands; `renderToString` renders the header's pd elements from it;
 * `snapshotScript` carries it to the browser, whose client starts from it and
 * resumes the stream. The page is served under the strict CSP with a per-request
 * nonce for the rendered `<style>` elements. The HTML never holds the token: the
 * page's script asks the host's `/session/token` for it.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DEMO_USERS, startServer, type RunningServer } from '@pd-notify/mock-server';
import { loadSnapshot, renderToString, snapshotScript, type ClientSnapshot } from '@pd-notify/elements/ssr';
import { html } from 'lit';
import { browserBundle } from '../../scripts/browser-bundle.js';
import { strictCsp } from '../strict-csp.js';

type DemoUser = (typeof DEMO_USERS)[number];

/** The signed-in user of a request: the `session` cookie's, Alice by default. */
function userOf(request: Request): DemoUser {
  const session = /(?:^|;\s*)session=([a-z]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  return DEMO_USERS.find((user) => user.id === session) ?? DEMO_USERS[0];
}

/** Text for HTML (the host's own rendering of notifications on its activity page). */
const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page's header: what the server renders with the user's counts. */
const header = (baseUrl: string) =>
  html`<pd-provider base-url=${baseUrl} snapshot="pd-snapshot">
    <header class="app-header">
      <a class="brand" href="/">Producer Dashboard</a>
      <nav aria-label="Notifications">
        <pd-bell-badge counter="invitations" href="/invitations"></pd-bell-badge>
        <pd-activity-feed href="/activity"></pd-activity-feed>
      </nav>
    </header>
  </pd-provider>`;

/**
 * The same header left for the browser to render (`?render=client`): the page as it is
 * without server rendering, which docs/benchmarks.md compares with the rendered one.
 */
const browserHeader = (baseUrl: string) => `<pd-provider base-url="${baseUrl}">
      <header class="app-header">
        <a class="brand" href="/">Producer Dashboard</a>
        <nav aria-label="Notifications">
          <pd-bell-badge counter="invitations"></pd-bell-badge>
          <pd-activity-feed></pd-activity-feed>
        </nav>
      </header>
    </pd-provider>`;

/** A whole page: the header (rendered with the snapshot, if any), the snapshot for the browser, the host's content. */
async function page(options: {
  user: DemoUser;
  baseUrl: string;
  snapshot: ClientSnapshot | null;
  nonce: string;
  bundle: string;
  main: string;
}): Promise<string> {
  const { user, baseUrl, snapshot, nonce, bundle, main } = options;
  const rendered = snapshot
    ? // The snapshot first: a provider that runs while the page still loads finds it.
      `${snapshotScript(snapshot)}\n    ${await renderToString(header(baseUrl), { snapshot, nonce })}`
    : browserHeader(baseUrl);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Producer Dashboard · server-rendered pd-notify</title>
    <link rel="stylesheet" href="/ssr.css" />
    <script type="module" src="${bundle}"></script>
  </head>
  <body>
    ${rendered}
    <main>
      <p class="signed-in">Signed in as ${text(user.name)}. <a href="/sign-in?user=${user.id === 'alice' ? 'ben' : 'alice'}">Switch user</a></p>
      ${main}
    </main>
  </body>
</html>`;
}

/** The host's activity page (where the bell links without JavaScript): the first page, as plain HTML. */
function activityList(snapshot: ClientSnapshot | null): string {
  const items = snapshot?.areas.notifications?.items ?? [];
  const rows = items.map((item) => `<li><strong>${text(item.title)}</strong> ${text(item.message ?? '')}</li>`);
  return `<h1>Activity</h1><ul class="activity">${rows.join('')}</ul>`;
}

/** Starts the example on `port` (0: any free port). */
export async function startSsrExample(port: number): Promise<RunningServer> {
  const [bundle, styles] = await Promise.all([
    browserBundle(new URL('client.ts', import.meta.url)),
    readFile(new URL('ssr.css', import.meta.url), 'utf8'),
  ]);
  let baseUrl = '';
  const headers = (type: string, nonce?: string) => ({
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': strictCsp(nonce ? { nonce } : {}),
  });
  const server = await startServer({
    port,
    seed: 'demo',
    extraHandler: async (request, url) => {
      const user = userOf(request);
      if (url.pathname === '/ssr-client.js') return new Response(bundle, { headers: headers('text/javascript') });
      if (url.pathname === '/ssr.css') return new Response(styles, { headers: headers('text/css') });
      if (url.pathname === '/session/token') return new Response(user.token, { headers: headers('text/plain') });
      if (url.pathname === '/sign-in') {
        const next = DEMO_USERS.find((known) => known.id === url.searchParams.get('user')) ?? DEMO_USERS[0];
        return new Response(null, {
          status: 303,
          headers: { Location: '/', 'Set-Cookie': `session=${next.id}; Path=/; HttpOnly; SameSite=Lax` },
        });
      }
      const main =
        url.pathname === '/'
          ? () => '<h1>Tracks</h1><p>Your tracks and their activity.</p>'
          : url.pathname === '/activity'
            ? activityList
            : url.pathname === '/invitations'
              ? () => '<h1>Invitations</h1><p>Open the invitations from the header.</p>'
              : null;
      if (!main) return undefined;
      // The feed loads its first page while closed (to open at once): the snapshot carries it, so the browser need not.
      const snapshot =
        url.searchParams.get('render') === 'client'
          ? null
          : // Without one (the server failed), the page is the browser's to render, as without server rendering.
            await loadSnapshot({ baseUrl, token: user.token, feed: true }).catch((error: unknown) => {
              console.error('pd-notify SSR example: no snapshot, the browser renders the header', error);
              return null;
            });
      const nonce = randomBytes(16).toString('base64');
      const body = await page({ user, baseUrl, snapshot, nonce, bundle: '/ssr-client.js', main: main(snapshot) });
      return new Response(body, { headers: headers('text/html; charset=utf-8', nonce) });
    },
  });
  baseUrl = server.url;
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startSsrExample(Number(process.env.PORT ?? 4014));
  console.log(`pd-notify server-rendered example: open ${server.url}/`);
}
