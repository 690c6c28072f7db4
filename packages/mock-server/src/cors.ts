/**
 * The CORS allow-list. Entries are exact origins, or an origin whose port is `*`
 * (`http://localhost:*`). Credentials (cookies) are never allowed: the protocol
 * authenticates with bearer tokens only.
 */
export class CorsPolicy {
  #patterns: RegExp[];

  constructor(origins: readonly string[]) {
    this.#patterns = origins.map(
      (origin) => new RegExp(`^${origin.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\*$/, ':\\d{1,5}')}$`),
    );
  }

  allows(origin: string): boolean {
    return this.#patterns.some((pattern) => pattern.test(origin));
  }
}

export const DEFAULT_CORS_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

export const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Last-Event-ID, If-None-Match, Cache-Control, Idempotency-Key',
  'Access-Control-Expose-Headers': 'ETag, Retry-After, WWW-Authenticate, Idempotent-Replayed',
  'Access-Control-Max-Age': '600',
};
