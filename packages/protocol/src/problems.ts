/**
 * The stable problem types of RFC 9457 error bodies (`application/problem+json`).
 * Clients branch on `type`, never on `title` or `detail`.
 */
export const PROBLEM_TYPES = {
  validation: 'urn:pd-notify:problem:validation',
  /** The request could not be parsed as HTTP (request line or headers); refused before any routing. */
  malformedRequest: 'urn:pd-notify:problem:malformed-request',
  unauthorized: 'urn:pd-notify:problem:unauthorized',
  notFound: 'urn:pd-notify:problem:not-found',
  methodNotAllowed: 'urn:pd-notify:problem:method-not-allowed',
  conflict: 'urn:pd-notify:problem:conflict',
  /** 422: an `Idempotency-Key` already used for another request. */
  idempotencyKeyReused: 'urn:pd-notify:problem:idempotency-key-reused',
  payloadTooLarge: 'urn:pd-notify:problem:payload-too-large',
  unsupportedMediaType: 'urn:pd-notify:problem:unsupported-media-type',
  /** 408: the client took too long to send its request. */
  requestTimeout: 'urn:pd-notify:problem:request-timeout',
  /** 431: the request line and headers are over the server's limit. */
  headersTooLarge: 'urn:pd-notify:problem:headers-too-large',
  rateLimited: 'urn:pd-notify:problem:rate-limited',
  originNotAllowed: 'urn:pd-notify:problem:origin-not-allowed',
  serverError: 'urn:pd-notify:problem:server-error',
  unavailable: 'urn:pd-notify:problem:unavailable',
} as const;
export type ProblemKind = keyof typeof PROBLEM_TYPES;
