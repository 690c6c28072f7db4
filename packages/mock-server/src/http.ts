/**
 * The HTTP layer of the handler, on the Fetch API only (no Node APIs): a router,
 * JSON and problem answers, bounded JSON bodies, conditional answers.
 */
import * as v from 'valibot';
import { ProblemError, invalid } from './problem.js';

export interface Context {
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** The authenticated user (only on `/v1` routes). */
  userId: string;
}

export type Handler = (ctx: Context) => Response | Promise<Response>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** Matches `/v1/notifications/:id/read`-style patterns; answers 404 and 405 (with `Allow`) itself. */
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

  /**
   * Finds the handler for a request, or throws the matching 404 / 405 problem.
   * The params are as sent, still percent-encoded: `decodeParams` them once the
   * request may learn something (after authentication).
   */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } {
    const allowed = new Set<string>();
    for (const route of this.#routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      allowed.add(route.method);
      // HEAD is answered as GET; the transport sends no body.
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
      return {
        handler: route.handler,
        params: Object.fromEntries(route.names.map((name, i) => [name, match[i + 1]!])),
      };
    }
    if (allowed.size === 0) throw new ProblemError('notFound', 404, `No endpoint at ${pathname}`);
    if (allowed.has('GET')) allowed.add('HEAD');
    throw new ProblemError('methodNotAllowed', 405, `${method} is not allowed on ${pathname}`, {
      headers: { Allow: [...allowed].sort().join(', ') },
    });
  }
}

/** Decodes path params; one that is not percent-encoded UTF-8 is a 400 naming it. */
export function decodeParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      try {
        return [name, decodeURIComponent(value)];
      } catch {
        throw invalid(name, `${name} is not percent-encoded UTF-8`);
      }
    }),
  );
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

export function problemResponse(error: ProblemError): Response {
  return new Response(JSON.stringify(error.toProblem()), {
    status: error.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...error.extra.headers,
    },
  });
}

/**
 * Reads a JSON object body of at most `limit` bytes and validates it. An empty
 * body is read as `{}` when `optional`. Every failure is a typed problem: 413,
 * 415 or a 400 naming the offending field (`""` for the body as a whole).
 */
export async function readJson<S extends v.GenericSchema>(
  request: Request,
  schema: S,
  limit: number,
  optional = false,
): Promise<v.InferOutput<S>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const text = new TextDecoder().decode(await readBytes(request, limit));
  // An empty optional body is `{}`, validated like any other (a schema may still require fields).
  if (text.trim() === '' && optional) return validate(schema, {});
  if (!isJson(request.headers.get('content-type') ?? '')) {
    throw new ProblemError('unsupportedMediaType', 415, 'The body must be application/json (UTF-8)');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid('', 'The body is not valid JSON');
  }
  // Every body of the protocol is an object; valibot's object() would also take an array.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalid('', 'The body must be a JSON object');
  }
  return validate(schema, data);
}

/**
 * `application/json` exactly (no `+json` type: JSON Patch or Merge Patch mean
 * other things), with no charset or UTF-8, the only encoding JSON has (RFC 8259).
 */
function isJson(contentType: string): boolean {
  const [essence = '', ...params] = contentType.split(';');
  if (essence.trim().toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    const [name = '', value = ''] = param.split('=').map((part) => part.trim().toLowerCase());
    return name !== 'charset' || ['utf-8', 'utf8', '"utf-8"'].includes(value);
  });
}

/** The body's bytes; past `limit` the rest is left unread (cancelled) and the answer is a 413. */
async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > limit) {
      void reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
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

/**
 * Answers 304 when the client's `If-None-Match` matches; otherwise the JSON with
 * the ETag. The comparison is weak (RFC 9110 §13.1.2), so a tag the transport
 * made weak when it compressed the answer (`W/"…"`) still matches.
 */
export function cached(ctx: Context, tag: string, body: () => unknown): Response {
  const etag = `"${tag}"`;
  const opaque = (value: string): string => value.replace(/^W\//, '');
  const header = ctx.request.headers.get('if-none-match');
  const matches = header?.split(/\s*,\s*/).some((value) => value === '*' || opaque(value) === opaque(etag));
  if (matches) return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': 'no-cache' } });
  return json(200, body(), { ETag: etag, 'Cache-Control': 'no-cache' });
}
