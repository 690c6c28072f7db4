/**
 * Fault injection for tests and demos (control API only). Request faults apply to
 * `/v1` requests; stream faults to open and future event streams.
 */
import * as v from 'valibot';

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

  /** The injected error for this request, if any (consumes one). */
  takeError(path: string): FaultSettings['error'] | undefined {
    const error = this.settings.error;
    if (!error || this.#errorsLeft <= 0) return undefined;
    if (error.pathPrefix && !path.startsWith(error.pathPrefix)) return undefined;
    this.#errorsLeft--;
    return error;
  }

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
