/** Reads a server's event stream over fetch with the client's WHATWG parser, for tests. */
import { SseParser, type SseMessage } from '@pd-notify/client';

export interface EventReader {
  /** Status and headers of the stream response. */
  response: Response;
  /** Every event received so far, in order. */
  events: SseMessage[];
  /** Heartbeat comments received so far. */
  comments: number;
  /** Resolves with the first event (from the start of the stream) matching `predicate`. */
  next(predicate: (event: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves once the server closes the stream. */
  closed: Promise<void>;
  close(): void;
}

export async function readEvents(
  baseUrl: string,
  token: string,
  options: { lastEventId?: string; headers?: Record<string, string> } = {},
): Promise<EventReader> {
  const controller = new AbortController();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: 'text/event-stream',
    ...options.headers,
  };
  if (options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
  const response = await fetch(new URL('/v1/events', baseUrl), { headers, signal: controller.signal });
  const events: SseMessage[] = [];
  const waiters = new Set<() => void>();
  const reader: EventReader = {
    response,
    events,
    comments: 0,
    closed: Promise.resolve(),
    next(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = events.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
          return Boolean(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching event within ${timeoutMs} ms; got: ${events.map((e) => e.event).join(', ')}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => controller.abort(),
  };
  const parser = new SseParser({
    onEvent(event) {
      events.push(event);
      for (const waiter of [...waiters]) waiter();
    },
    onComment() {
      reader.comments++;
      for (const waiter of [...waiters]) waiter();
    },
  });
  reader.closed = (async () => {
    if (!response.body) return;
    try {
      for await (const chunk of response.body) parser.feed(chunk);
    } catch {
      // aborted by close() or cut by the server
    }
    parser.end();
  })();
  return reader;
}
