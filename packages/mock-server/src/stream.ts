/**
 * The event stream (`GET /v1/events`): resume by `Last-Event-ID` (replay or
 * reset), a `ready` event when caught up, live events, heartbeat comments, and the
 * stream faults of the control API.
 */
import type { ServerResponse } from 'node:http';
import { parseEventId } from '@pd-notify/protocol';
import type { LoggedEvent } from './event-log.js';
import type { Faults } from './faults.js';
import type { Context } from './http.js';
import { ProblemError, invalid } from './problem.js';
import type { Store } from './store.js';

export interface StreamOptions {
  store: Store;
  faults: Faults;
  heartbeatMs: number;
  retryMs: number;
  maxStreamsPerUser: number;
}

interface OpenStream {
  userId: string;
  res: ServerResponse;
}

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
    for (const stream of this.#open) stream.res.destroy();
    this.#open.clear();
  }

  open = (ctx: Context): void => {
    const { store, faults, heartbeatMs, retryMs, maxStreamsPerUser } = this.#options;
    const header = ctx.req.headers['last-event-id'];
    const lastEventId = typeof header === 'string' && header !== '' ? header : undefined;
    if (lastEventId !== undefined && !parseEventId(lastEventId)) {
      throw invalid('Last-Event-ID', 'Last-Event-ID is not an event id this protocol uses');
    }
    if ((this.counts()[ctx.userId] ?? 0) >= maxStreamsPerUser) {
      throw new ProblemError('rateLimited', 429, `At most ${maxStreamsPerUser} open streams per user`, {
        headers: { 'Retry-After': '5' },
      });
    }
    const { res } = ctx;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    ctx.req.socket.setNoDelay(true);
    const stream: OpenStream = { userId: ctx.userId, res };
    this.#open.add(stream);

    const silent = (): boolean => Boolean(faults.settings.stream?.stall) || res.writableEnded || res.destroyed;
    const write = (text: string): void => {
      if (!silent()) res.write(text);
    };
    const send = (event: LoggedEvent): void => {
      if (silent()) return;
      if (faults.take('malformedNext')) res.write(`event: ${event.event}\ndata: {"id": "broken", "title": \n\n`);
      const text = `id: ${event.id}\nevent: ${event.event}\ndata: ${event.json}\n\n`;
      if (faults.take('cutNextEvent')) {
        res.end(text.slice(0, Math.floor(text.length / 2)));
        return;
      }
      res.write(text);
      if (faults.countStreamEvent()) res.end();
    };

    write(`retry: ${retryMs}\n\n`);
    const resume = store.log.resume(ctx.userId, lastEventId);
    const latest = store.log.latestId(ctx.userId);
    if (resume.kind === 'replay') for (const event of resume.events) send(event);
    if (resume.kind === 'reset') {
      write(`id: ${latest}\nevent: reset\ndata: ${JSON.stringify({ reason: resume.reason })}\n\n`);
    }
    const ready = { heartbeatMs, serverTime: store.clock.iso(), counts: store.counts(ctx.userId) };
    write(`id: ${latest}\nevent: ready\ndata: ${JSON.stringify(ready)}\n\n`);

    const unsubscribe = store.log.subscribe(ctx.userId, send);
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    res.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      this.#open.delete(stream);
    });
  };
}
