/**
 * The server-rendered page's script: the elements with Lit's hydration support (they
 * take over the server's HTML), then the token from the host's own session endpoint
 * (the HTML never holds it). Until the token comes, the elements show the server's
 * snapshot and ask nothing.
 */
import '@pd-notify/elements/hydrate';

const provider = document.querySelector('pd-provider')!;
const answer = await fetch('/session/token');
if (answer.ok) provider.token = await answer.text();
else console.error(`pd-notify SSR example: no session token (${answer.status})`);
