/**
 * Idempotency keys (the `Idempotency-Key` request header of the IETF httpapi
 * draft) on the protocol's mutations: a request sent again with the key of one
 * already answered gets that answer again, and its change is not made a second
 * time; a client whose answer was lost can always send the same change again.
 * Keys are the user's own, kept for 24 hours (at most 1,000 per user). The
 * same key on another request is a 422; the same key while its first request
 * is still being handled is a 409. Answers of 500 and above are not kept: the
 * change did not happen, so sending it again is a first try.
 */
import type { MiddlewareHandler } from 'hono';
import type { Clock } from './clock.js';
import type { ServerEnv } from './env.js';
import { readText } from './json.js';
import { ProblemError, invalid } from './problem.js';

interface Kept {
  /** What the key was first used for: method, path and body. */
  fingerprint: string;
  at: number;
  /** The answer, once there is one. */
  answer?: { status: number; headers: [string, string][]; body: ArrayBuffer };
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const KEPT_MS = 24 * 3_600_000;
const KEPT_PER_USER = 1000;

export class IdempotencyKeys {
  #clock: Clock;
  #byUser = new Map<string, Map<string, Kept>>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Answers a change (after authentication) with the answer kept for its key,
   * or lets the route answer and keeps that. A refusal is an answer like any
   * other: kept, and given again; an answer of 500 or more is not.
   */
  middleware: MiddlewareHandler<ServerEnv> = async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!KEY.test(key)) throw invalid('Idempotency-Key', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
    const fingerprint = `${c.req.method} ${c.req.path} ${await readText(c)}`;
    const kept = this.#keys(c.get('userId'));
    const earlier = kept.get(key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        throw new ProblemError(
          'idempotencyKeyReused',
          422,
          'This Idempotency-Key was already used for another request',
          { field: 'Idempotency-Key' },
        );
      }
      if (!earlier.answer) {
        throw new ProblemError('conflict', 409, 'A request with this Idempotency-Key is still being handled');
      }
      const { status, headers, body } = earlier.answer;
      return new Response(status === 204 ? null : body.slice(0), {
        status,
        headers: [...headers, ['Idempotent-Replayed', 'true']],
      });
    }
    const entry: Kept = { fingerprint, at: this.#clock.now() };
    kept.set(key, entry);
    if (kept.size > KEPT_PER_USER) kept.delete(kept.keys().next().value!);
    try {
      await next();
    } finally {
      // The route's refusals arrive here as answers (Hono's error handler); an error past it is the server's failure.
      const response = c.finalized ? c.res : undefined;
      if (!response || response.status >= 500) kept.delete(key);
      else {
        entry.answer = {
          status: response.status,
          // The route's own headers: CORS is the replay's request's (its Origin may differ or be absent).
          headers: [...response.headers].filter(([name]) => !/^(access-control-|vary$)/i.test(name)),
          body: await response.clone().arrayBuffer(),
        };
      }
    }
  };

  /** The user's keys, the expired ones forgotten. */
  #keys(userId: string): Map<string, Kept> {
    let kept = this.#byUser.get(userId);
    if (!kept) this.#byUser.set(userId, (kept = new Map()));
    const oldest = this.#clock.now() - KEPT_MS;
    for (const [key, entry] of kept) {
      if (entry.at >= oldest) break;
      kept.delete(key);
    }
    return kept;
  }
}
