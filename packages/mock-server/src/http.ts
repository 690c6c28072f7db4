/** Small HTTP helpers: a router, JSON and problem responses, bounded JSON bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { ProblemError, invalid } from './problem.js';

export interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** The authenticated user (only on `/v1` routes). */
  userId: string;
}

export type Handler = (ctx: Context) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** Matches `/v1/notifications/:id/read`-style patterns; answers 404 and 405 itself. */
export class Router {
  #routes: Route[] = [];

  on(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const source = path.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.#routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** Finds the handler for a request, or throws the matching 404 / 405 problem. */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } {
    let pathMatched = false;
    for (const route of this.#routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      return { handler: route.handler, params };
    }
    if (pathMatched) throw new ProblemError('methodNotAllowed', 405, `${method} is not allowed on ${pathname}`);
    throw new ProblemError('notFound', 404, `No endpoint at ${pathname}`);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendProblem(res: ServerResponse, error: ProblemError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(error.toProblem());
  res.writeHead(error.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...error.extra.headers,
  });
  res.end(text);
}

/**
 * Reads a JSON body of at most `limit` bytes and validates it. An empty body is
 * read as `{}` when `optional`. Every failure is a typed problem: 413, 415 or a
 * 400 naming the offending field.
 */
export async function readJson<S extends v.GenericSchema>(
  req: IncomingMessage,
  schema: S,
  limit: number,
  optional = false,
): Promise<v.InferOutput<S>> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  // An empty optional body is `{}`, validated like any other (a schema may still require fields).
  if (text.trim() === '' && optional) return validate(schema, {});
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
    throw new ProblemError('unsupportedMediaType', 415, 'The body must be application/json');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid('', 'The body is not valid JSON');
  }
  return validate(schema, data);
}

/** Validates data; the first issue becomes a 400 naming its field. */
export function validate<S extends v.GenericSchema>(schema: S, data: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = v.getDotPath(issue) ?? '';
  throw invalid(field, field ? `${field}: ${issue.message}` : issue.message);
}

function tooLarge(limit: number): ProblemError {
  return new ProblemError('payloadTooLarge', 413, `The body is larger than ${limit} bytes`);
}

/** Answers 304 when the client's `If-None-Match` matches; otherwise sends the JSON with the ETag. */
export function sendCached(ctx: Context, etag: string, body: () => unknown): void {
  const header = ctx.req.headers['if-none-match'];
  if (header && header.split(/\s*,\s*/).includes(etag)) {
    ctx.res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
    ctx.res.end();
    return;
  }
  sendJson(ctx.res, 200, body(), { ETag: etag, 'Cache-Control': 'no-cache' });
}
