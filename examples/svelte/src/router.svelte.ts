/**
 * A minimal history router, the example's own: plain Svelte has none (SvelteKit's
 * router is the framework's, but it brings a whole app framework for a one-page host).
 * The current path is a `$state` rune that views read; `navigate()` pushes a history
 * entry, the back and forward buttons (`popstate`) set it again, and clicks on the
 * page's own links, including those inside the elements' shadow roots (the help
 * view's profile and preferences links), go through `navigate()` instead of
 * loading the page again.
 */

/** The path and query of the current route. */
export const route = $state({ path: window.location.pathname, search: window.location.search });

function update(): void {
  route.path = window.location.pathname;
  route.search = window.location.search;
}

/** Shows `url` (a path with an optional query) without loading the page again. */
export function navigate(url: string): void {
  const target = new URL(url, window.location.href);
  if (target.origin !== window.location.origin) {
    window.location.assign(target);
    return;
  }
  if (target.pathname + target.search !== window.location.pathname + window.location.search) {
    history.pushState(null, '', target.pathname + target.search + target.hash);
  }
  update();
}

/** A query parameter of the current route. */
export function query(name: string): string | null {
  return new URLSearchParams(route.search).get(name);
}

/** `/tracks/:trackId` → `{ trackId }`, or null when `pattern` does not match the current path. */
export function match(pattern: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = route.path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(have[index]!);
    else if (part !== have[index]) return null;
  }
  return params;
}

/** A click on a same-origin link the router can show (no modifier, no target, no download). */
function routedLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return null;
  const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!link || !link.href || (link.target && link.target !== '_self') || link.hasAttribute('download')) return null;
  const url = new URL(link.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/v1/')) return null;
  return link;
}

/** Starts following `popstate` and the page's link clicks; returns the function that stops. */
export function startRouter(): () => void {
  const onClick = (event: MouseEvent): void => {
    const link = routedLink(event);
    if (!link) return;
    event.preventDefault();
    navigate(link.href);
  };
  window.addEventListener('popstate', update);
  document.addEventListener('click', onClick);
  return () => {
    window.removeEventListener('popstate', update);
    document.removeEventListener('click', onClick);
  };
}
