/**
 * A plain fetch wrapper for protocol tests: what was sent and what came back,
 * nothing hidden. Every answer under `/v1/` is also checked against
 * docs/openapi.json (`assertDocumented`), so no test sees an undocumented one.
 */
import { assertDocumented } from './schema.js';

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  contentType: string;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** A raw body string (sent as is). */
  raw?: string;
  headers?: Record<string, string>;
}

export type Caller = <T = unknown>(method: string, path: string, options?: CallOptions) => Promise<Reply<T>>;

/** Returns a caller bound to a base URL, with `token` as the default bearer token. */
export function http(baseUrl: string, token?: string): Caller {
  return async <T>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    const bearer = options.token === undefined ? token : options.token;
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(new URL(path, baseUrl), { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const reply = {
      status: response.status,
      headers: response.headers,
      contentType,
      body: (text && /json/.test(contentType) ? JSON.parse(text) : text) as T,
    };
    if (new URL(path, baseUrl).pathname.startsWith('/v1/')) assertDocumented(method, path, reply);
    return reply;
  };
}
