import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Backoff } from '../src/realtime/backoff.js';
import { EventStream } from '../src/realtime/event-stream.js';
import type { LinkState } from '../src/realtime/types.js';
import { Rest } from '../src/rest.js';
import { Tokens } from '../src/tokens.js';
import { eventually } from './helpers.js';

/**
 * A server stand-in that opens event streams and closes each `openMs` after the
 * client started reading it (so the time the client sees it open is at least that).
 */
function streamingFetch(openMs: () => number): { fetch: typeof fetch; connects: () => number } {
  let connects = 0;
  const fake: typeof fetch = async () => {
    connects++;
    let reading = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(
            'retry: 1\n\nid: e-1\nevent: ready\ndata: {"heartbeatMs":60000,"serverTime":"2026-11-23T09:00:00.000Z"}\n\n',
          ),
        );
      },
      pull(controller) {
        if (reading) return;
        reading = true;
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            controller.close();
            resolve();
          }, openMs()),
        );
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  };
  return { fetch: fake, connects: () => connects };
}

function stream(fetcher: typeof fetch, backoff: Backoff, stableMs: number): EventStream {
  const states: LinkState[] = [];
  return new EventStream({
    rest: new Rest({ baseUrl: 'http://stand-in.test', tokens: new Tokens(() => 't'), fetch: fetcher }),
    handlers: { onEvent: () => {}, onState: (state) => states.push(state), onResync: () => {}, onError: () => {} },
    onUnavailable: () => {},
    backoff,
    stableMs,
  });
}

describe('EventStream backoff', () => {
  it('a 200 that closes at once does not reset the backoff', async () => {
    const backoff = new Backoff({ baseMs: 1, capMs: 4, random: () => 0 });
    const { fetch, connects } = streamingFetch(() => 0);
    const s = stream(fetch, backoff, 60_000);
    s.start();
    await eventually(() => assert.ok(connects() >= 4));
    s.stop();
    assert.ok(backoff.attempt >= 3, `attempt ${backoff.attempt} keeps growing`);
  });

  it('a connection that stayed up resets it', async () => {
    const backoff = new Backoff({ baseMs: 1, capMs: 4, random: () => 0 });
    const { fetch, connects } = streamingFetch(() => 30);
    const s = stream(fetch, backoff, 10);
    s.start();
    await eventually(() => assert.ok(connects() >= 4));
    s.stop();
    assert.ok(backoff.attempt <= 1, `attempt ${backoff.attempt} is reset after every healthy connection`);
  });
});
