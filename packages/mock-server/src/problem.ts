import { PROBLEM_TYPES, type Problem, type ProblemKind } from '@pd-notify/protocol';

const TITLES: Record<ProblemKind, string> = {
  validation: 'Invalid request',
  malformedRequest: 'Malformed request',
  unauthorized: 'Authentication required',
  notFound: 'Not found',
  methodNotAllowed: 'Method not allowed',
  conflict: 'Conflict',
  idempotencyKeyReused: 'Idempotency key reused',
  payloadTooLarge: 'Payload too large',
  unsupportedMediaType: 'Unsupported media type',
  requestTimeout: 'Request timeout',
  headersTooLarge: 'Request header fields too large',
  rateLimited: 'Too many requests',
  originNotAllowed: 'Origin not allowed',
  serverError: 'Server error',
  unavailable: 'Service unavailable',
};

/** A failure that becomes an RFC 9457 problem+json response. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly status: number,
    detail: string,
    readonly extra: { field?: string; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }

  toProblem(): Problem {
    return {
      type: PROBLEM_TYPES[this.kind],
      title: TITLES[this.kind],
      status: this.status,
      detail: this.message,
      ...(this.extra.field === undefined ? {} : { field: this.extra.field }),
    };
  }
}

export const notFound = (what: string): ProblemError => new ProblemError('notFound', 404, `No such ${what}`);
export const conflict = (detail: string): ProblemError => new ProblemError('conflict', 409, detail);
export const invalid = (field: string, detail: string): ProblemError =>
  new ProblemError('validation', 400, detail, { field });
