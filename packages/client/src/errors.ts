import type { Problem } from '@pd-notify/protocol';

/** What went wrong, in terms a UI can act on. */
export type PdErrorKind =
  /** No answer: offline, DNS, connection refused, timeout. Retry later. */
  | 'network'
  /** 401 (no token, or the token was refused even after asking `getToken` again) or 403 (not allowed). */
  | 'auth'
  /** 404: the item does not exist for this user (or no longer). */
  | 'not-found'
  /** 409: stale version, or the item is no longer in a state that allows this. */
  | 'conflict'
  /** 429: too many requests; see `retryAfterMs`. */
  | 'rate-limited'
  /** 5xx. */
  | 'server'
  /** The server answered something that is not the protocol (bad JSON, wrong shape). */
  | 'invalid-response'
  /** 400, 413, 415 and other 4xx: the request itself was refused. */
  | 'bad-request';

export interface PdErrorDetails {
  status?: number;
  problem?: Problem;
  retryAfterMs?: number;
  cause?: unknown;
}

/** Every failure of the client is a PdError. Branch on `kind`. */
export class PdError extends Error {
  readonly kind: PdErrorKind;
  /** The HTTP status, when there was an answer. */
  readonly status: number | undefined;
  /** The server's RFC 9457 problem details, when it sent them. */
  readonly problem: Problem | undefined;
  /** How long the server asked to wait (Retry-After), in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: PdErrorKind, message: string, details: PdErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PdError';
    this.kind = kind;
    this.status = details.status;
    this.problem = details.problem;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The error kind of an HTTP status. */
export function kindOfStatus(status: number): PdErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** Reads a `Retry-After` header (seconds or an HTTP-date) as milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Shows an error that is not a failure of the network or the server (a bug,
 * ours or a host's handler's) as the browser shows an uncaught one, with its
 * own type and stack, without stopping the caller.
 */
export function surface(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error(error);
}
