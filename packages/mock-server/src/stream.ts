/**
 * The event stream (`GET /v1/events`): resume by `Last-Event-ID` (replay or
 * reset), a `ready` event when caught up, live events, heartbeat comments, and the
 * stream faults of the control API. The answer's body is a ReadableStream: the
 * transport cancels it when the client goes; when the server cuts it, the
 * transport drops the connection (Node's), or the body fails (a fetch in a page).
 */
import { parseEventId } from '@pd-notify/protocol';
import type { Context } from 'hono';
import type { ServerEnv, Transport } from './env.js';
import { spokenHeaders, stringifyIn, type Language } from './texts.js';
import type { LoggedEvent } from './store/event-log.js';
import type { Faults } from './faults.js';
import { ProblemError, invalid } from './problem.js';
import type { Store } from './store/store.js';

export interface StreamOptions {
  store: Store;
  faults: Faults;
  heartbeatMs: number;
  retryMs: number;
  maxStreamsPerUser: number;
}

interface OpenStream {
  userId: string;
  /** Drops the connection. */
  cut: () => void;
}

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(': heartbeat\n\n');
/** Each event's frame per language, encoded once for all the streams of its user that read it in that language. */
const frames = new WeakMap<LoggedEvent, Partial<Record<Language, Uint8Array>>>();

function frameOf(event: LoggedEvent, language: Language): Uint8Array {
  let byLanguage = frames.get(event);
  if (!byLanguage) frames.set(event, (byLanguage = {}));
  // Written (and encoded) once per language, whatever the number of streams that read it.
  return (byLanguage[language] ??= encoder.encode(
    `id: ${event.id}\nevent: ${event.event}\ndata: ${language === 'en' ? event.json : stringifyIn(event.data, language)}\n\n`,
  ));
}

/** The stream's headers; its notifications are written in `language` (`Accept-Language`). */
const headersIn = (language: Language) => ({
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Accel-Buffering': 'no',
  ...spokenHeaders(language),
});

export class StreamHub {
  #open = new Set<OpenStream>();
  #options: StreamOptions;

  constructor(options: StreamOptions) {
    this.#options = options;
  }

  /** Open streams per user id. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const stream of this.#open) counts[stream.userId] = (counts[stream.userId] ?? 0) + 1;
    return counts;
  }

  /** Cuts every open stream (clients see a dropped connection). */
  closeAll(): void {
    for (const stream of this.#open) stream.cut();
    this.#open.clear();
  }

  open = (c: Context<ServerEnv>): Response => {
    const { store, faults, heartbeatMs, retryMs, maxStreamsPerUser } = this.#options;
    const userId = c.get('userId');
    const language = c.get('language');
    const lastEventId = c.req.header('last-event-id') || undefined;
    if (lastEventId !== undefined && !parseEventId(lastEventId)) {
      throw invalid('Last-Event-ID', 'Last-Event-ID is not an event id this protocol uses');
    }
    if ((this.counts()[userId] ?? 0) >= maxStreamsPerUser) {
      throw new ProblemError('rateLimited', 429, `At most ${maxStreamsPerUser} open streams per user`, {
        headers: { 'Retry-After': '5' },
      });
    }
    // HEAD: the answer's headers, and no stream to keep open.
    if (c.req.method === 'HEAD') return new Response(null, { headers: headersIn(language) });
    const out = new TextBody(c.env?.transport);
    const stream: OpenStream = { userId, cut: () => out.cut() };
    this.#open.add(stream);
    out.onClose(() => this.#open.delete(stream));

    const silent = (): boolean => Boolean(faults.settings.stream?.stall) || !out.open;
    const write = (text: string | Uint8Array): void => {
      if (!silent()) out.write(text);
    };
    const send = (event: LoggedEvent): void => {
      if (silent()) return;
      if (faults.take('malformedNext')) out.write(`event: ${event.event}\ndata: {"id": "broken", "title": \n\n`);
      const frame = frameOf(event, language);
      if (faults.take('cutNextEvent')) {
        out.end(frame.subarray(0, Math.floor(frame.length / 2)));
        return;
      }
      out.write(frame);
      if (faults.countStreamEvent()) out.end();
    };

    write(`retry: ${retryMs}\n\n`);
    const resume = store.log.resume(userId, lastEventId);
    const latest = store.log.latestId(userId);
    if (resume.kind === 'replay') for (const event of resume.events) send(event);
    if (resume.kind === 'reset') {
      write(`id: ${latest}\nevent: reset\ndata: ${JSON.stringify({ reason: resume.reason })}\n\n`);
    }
    const ready = { heartbeatMs, serverTime: store.clock.iso(), counts: store.counts(userId) };
    write(`id: ${latest}\nevent: ready\ndata: ${JSON.stringify(ready)}\n\n`);

    out.onClose(store.log.subscribe(userId, send));
    const heartbeat = setInterval(() => write(HEARTBEAT), heartbeatMs);
    out.onClose(() => clearInterval(heartbeat));
    return new Response(out.body, { headers: headersIn(language) });
  };
}

/**
 * A text body written piece by piece. It closes once: when it ends, when it is
 * cut (the transport drops the connection, or without one the body fails), or
 * when the client goes (the transport cancels it); then the `onClose`
 * callbacks run.
 */
class TextBody {
  readonly body: ReadableStream<Uint8Array>;
  #transport: Transport | undefined;
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #onClose: (() => void)[] = [];
  #open = true;

  constructor(transport: Transport | undefined) {
    this.#transport = transport;
    this.body = new ReadableStream<Uint8Array>({
      start: (controller) => void (this.#controller = controller),
      cancel: () => this.#close(),
    });
  }

  get open(): boolean {
    return this.#open;
  }

  /** Runs `callback` when the body closes (at once if it already has). */
  onClose(callback: () => void): void {
    if (this.#open) this.#onClose.push(callback);
    else callback();
  }

  /** Writes text, or bytes (never changed afterwards: several bodies may share them). */
  write(text: string | Uint8Array): void {
    if (this.#open) this.#controller.enqueue(typeof text === 'string' ? encoder.encode(text) : text);
  }

  end(text: string | Uint8Array = ''): void {
    if (!this.#open) return;
    this.write(text);
    this.#controller.close();
    this.#close();
  }

  cut(): void {
    if (!this.#open) return;
    if (this.#transport) this.#transport.drop();
    else this.#controller.error(new Error('The server cut the stream'));
    this.#close();
  }

  #close(): void {
    if (!this.#open) return;
    this.#open = false;
    for (const callback of this.#onClose.splice(0)) callback();
  }
}
