/**
 * CORS (Hono's middleware) over an allow-list. Entries are exact origins, or an
 * origin whose port is `*` (`http://localhost:*`). A request from any other
 * origin is refused with a 403 problem; one without `Origin` passes untouched.
 * Credentials (cookies) are never allowed: the protocol authenticates with
 * bearer tokens only.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { ServerEnv } from './env.js';
import { ProblemError } from './problem.js';

export const DEFAULT_CORS_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

export function corsAllowList(origins: readonly string[]): MiddlewareHandler<ServerEnv> {
  const patterns = origins.map(
    (origin) => new RegExp(`^${origin.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\*$/, ':\\d{1,5}')}$`),
  );
  const headers = cors({
    // Only allowed origins get this far.
    origin: (origin) => origin,
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: [
      'Authorization',
      'Accept-Language',
      'Content-Type',
      'Last-Event-ID',
      'If-None-Match',
      'Cache-Control',
      'Idempotency-Key',
    ],
    exposeHeaders: ['ETag', 'Retry-After', 'WWW-Authenticate', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    if (!patterns.some((pattern) => pattern.test(origin))) {
      throw new ProblemError('originNotAllowed', 403, `The origin ${origin} is not allowed`);
    }
    return headers(c, next);
  };
}
