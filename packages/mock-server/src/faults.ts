/**
 * Fault injection for tests and demos (control API only). Request faults apply to
 * `/v1` requests; stream faults to open and future event streams.
 */
import type { MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { ServerEnv } from './env.js';
import { ProblemError } from './problem.js';

export const FaultsSchema = v.strictObject({
  /** Delay every `/v1` request by this many milliseconds. */
  latencyMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000))),
  /** Answer the next `times` matching `/v1` requests with this status. */
  error: v.optional(
    v.strictObject({
      status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)),
      /** Sent as `Retry-After`: seconds (`"2"`) or an HTTP-date. */
      retryAfter: v.optional(v.pipe(v.string(), v.maxLength(64))),
      times: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
      /** Only requests whose path starts with this, e.g. `/v1/events`. */
      pathPrefix: v.optional(v.pipe(v.string(), v.startsWith('/v1'))),
    }),
  ),
  stream: v.optional(
    v.strictObject({
      /** Close each open stream after it has sent this many more events. */
      dropAfterEvents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      /** Write only the first half of the next event, then cut the connection. */
      cutNextEvent: v.optional(v.boolean()),
      /** Send nothing at all (no events, no heartbeats) until the faults are cleared. */
      stall: v.optional(v.boolean()),
      /** Before the next event, send one event whose data is not valid JSON. */
      malformedNext: v.optional(v.boolean()),
    }),
  ),
});
export type FaultSettings = v.InferOutput<typeof FaultsSchema>;

export class Faults {
  settings: FaultSettings = {};
  #errorsLeft = 0;
  #streamEvents = 0;

  set(settings: FaultSettings): void {
    this.settings = settings;
    this.#errorsLeft = settings.error?.times ?? 0;
    this.#streamEvents = 0;
  }

  clear(): void {
    this.set({});
  }

  /** The request faults, before a `/v1` request is routed: its latency, then its injected error (consuming one). */
  middleware: MiddlewareHandler<ServerEnv> = async (c, next) => {
    const latency = this.settings.latencyMs;
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    const error = this.settings.error;
    if (error && this.#errorsLeft > 0 && (!error.pathPrefix || c.req.path.startsWith(error.pathPrefix))) {
      this.#errorsLeft--;
      const kind = error.status === 429 ? 'rateLimited' : error.status >= 500 ? 'unavailable' : 'validation';
      throw new ProblemError(kind, error.status, `Injected fault: HTTP ${error.status}`, {
        headers: error.retryAfter === undefined ? {} : { 'Retry-After': error.retryAfter },
      });
    }
    await next();
  };

  /**
   * Counts one event written to a stream; true when `dropAfterEvents` is reached
   * and the stream must be cut (once: the fault is then spent).
   */
  countStreamEvent(): boolean {
    const stream = this.settings.stream;
    if (stream?.dropAfterEvents === undefined) return false;
    if (++this.#streamEvents < stream.dropAfterEvents) return false;
    delete stream.dropAfterEvents;
    return true;
  }

  /** Consumes a one-shot stream fault flag. */
  take(flag: 'cutNextEvent' | 'malformedNext'): boolean {
    const stream = this.settings.stream;
    if (!stream?.[flag]) return false;
    stream[flag] = false;
    return true;
  }
}
