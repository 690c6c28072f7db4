/**
 * The strict Content Security Policy the demo and every example are served with:
 * scripts and styles from the page's own origin only (or an element carrying the
 * request's nonce), nothing inline, no `eval`, and Trusted Types required for every
 * string that becomes script or HTML, through the named policies only.
 *
 * pd-notify's elements need no more than this: Lit adopts their styles as
 * constructable stylesheets and creates one Trusted Types policy, `lit-html`.
 * docs/csp.md says which policy a host needs and why.
 */

/** Options of {@link strictCsp}. */
export interface StrictCspOptions {
  /**
   * Trusted Types policy names the page may create, besides Lit's `lit-html`
   * (a framework's own, e.g. Vue's `vue`).
   */
  policies?: readonly string[];
  /** A per-request nonce: `<script>` and `<style>` elements carrying it are allowed. */
  nonce?: string;
  /** Other origins the page shows images from (the notifications' artwork on a CDN, say). */
  imageOrigins?: readonly string[];
}

/** The `Content-Security-Policy` header's value. */
export function strictCsp({ policies = [], nonce, imageOrigins = [] }: StrictCspOptions = {}): string {
  const self = nonce ? `'self' 'nonce-${nonce}'` : `'self'`;
  return [
    `default-src 'self'`,
    `script-src ${self}`,
    `style-src ${self}`,
    `img-src ${["'self'", 'data:', ...imageOrigins].join(' ')}`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'self'`,
    `require-trusted-types-for 'script'`,
    `trusted-types ${['lit-html', ...policies].join(' ')}`,
  ].join('; ');
}

/** `response` with the strict policy (and no sniffing of its type) added to its headers. */
export function withStrictCsp(response: Response, options?: StrictCspOptions): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', strictCsp(options));
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
