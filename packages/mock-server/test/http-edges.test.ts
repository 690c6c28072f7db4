import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { http, rawRequest, readEvents } from '@pd-notify/conformance';
import { startServer } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await startTestServer({
    corsOrigins: ['https://app.example', 'http://localhost:*'],
    bodyLimit: 1024,
    rateLimit: { requests: 40, windowMs: 60_000 },
    maxStreamsPerUser: 2,
  });
});
after(() => t.close());

describe('CORS', () => {
  it('answers a preflight from an allowed origin with exactly that origin and no credentials', async () => {
    for (const origin of ['https://app.example', 'http://localhost:5173']) {
      const reply = await fetch(`${t.url}/v1/notifications`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
      assert.equal(reply.status, 204);
      assert.equal(reply.headers.get('access-control-allow-origin'), origin);
      assert.match(reply.headers.get('access-control-allow-headers') ?? '', /Authorization/);
      assert.match(reply.headers.get('access-control-allow-headers') ?? '', /Last-Event-ID/);
      assert.equal(reply.headers.get('access-control-allow-credentials'), null);
    }
  });

  it('refuses other origins with a 403 problem and no CORS headers', async () => {
    for (const origin of [
      'https://evil.example',
      'https://app.example.evil.com',
      'http://localhost.evil.com:80',
      'null',
    ]) {
      const reply = await http(t.url, 'demo-alice')('GET', '/v1/counts', { headers: { Origin: origin } });
      assert.equal(reply.status, 403, origin);
      assert.equal(reply.headers.get('access-control-allow-origin'), null);
      assert.equal((reply.body as { type: string }).type, 'urn:pd-notify:problem:origin-not-allowed');
    }
  });
});

describe('limits', () => {
  it('rejects a body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({ upToId: 'x'.repeat(2000) });
    const reply = await t.as('alice')('POST', '/v1/notifications/read-all', {
      raw: big,
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(reply.status, 413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await fetch(`${t.url}/v1/notifications/read-all`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-alice', 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413);
  });

  it('limits open streams per user with a 429', async () => {
    const a = await readEvents(t.url, 'demo-dev');
    const b = await readEvents(t.url, 'demo-dev');
    try {
      await a.next((event) => event.event === 'ready');
      await b.next((event) => event.event === 'ready');
      const third = await t.as('dev')('GET', '/v1/events');
      assert.equal(third.status, 429);
      assert.equal(third.headers.get('retry-after'), '5');
    } finally {
      a.close();
      b.close();
    }
  });

  it('answers HEAD on the event stream without keeping a stream open', async () => {
    const head = await rawRequest(t.url, {
      method: 'HEAD',
      target: '/v1/events',
      headers: { Authorization: 'Bearer demo-ben' },
    });
    assert.equal(head.status, 200);
    const state = await t.control<{ streams: Record<string, number> }>('/control/state', undefined, 'GET');
    assert.equal(state.streams.ben, undefined);
  });

  it('rate-limits requests per token with a 429 and Retry-After in seconds', async () => {
    const chloe = t.as('chloe');
    let reply;
    for (let i = 0; i < 41; i++) reply = await chloe('GET', '/v1/me');
    assert.equal(reply!.status, 429);
    assert.match(reply!.headers.get('retry-after') ?? '', /^\d+$/);
    assert.equal((await t.as('ben')('GET', '/v1/me')).status, 200, 'other tokens are not affected');
  });
});

describe('the rest', () => {
  it('serves artwork as SVG without a token', async () => {
    const reply = await fetch(`${t.url}/artwork/midnight-drive.svg`);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('content-type'), 'image/svg+xml');
    assert.match(await reply.text(), /^<svg /);
  });

  it('has no control API unless started with it', async () => {
    const server = await startServer({ seed: 'empty' });
    try {
      const reply = await fetch(`${server.url}/control/state`);
      assert.equal(reply.status, 404);
      const act = await fetch(`${server.url}/control/reset`, { method: 'POST' });
      assert.equal(act.status, 404);
    } finally {
      await server.close();
    }
  });

  it('validates control bodies like any other', async () => {
    const reply = await http(t.url)('POST', '/control/act', { body: { action: 'invite', as: 'alice' } });
    assert.equal(reply.status, 400);
    assert.equal((reply.body as { field: string }).field, 'trackId');
    for (const path of ['/control/reset', '/control/faults', '/control/clock/advance']) {
      const array = await http(t.url)('POST', path, { body: [] });
      assert.equal(array.status, 400, `${path} with []`);
      assert.equal((array.body as { field: string }).field, '', 'the field is the body itself');
    }
  });
});
