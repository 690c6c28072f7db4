/**
 * The reference server's Node transport: requests Node refuses before the
 * handler runs still get problem+json, and answers are compressed when the
 * client accepts it (gzip; never the event stream).
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import * as v from 'valibot';
import { rawRequest, type RawReply } from '@pd-notify/conformance';
import { ProblemSchema } from '@pd-notify/protocol';
import { startServer } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await startTestServer({ seed: 'demo' });
});
after(() => t.close());

function assertProblem(reply: RawReply, status: number, type: string): void {
  assert.equal(reply.status, status);
  assert.match(reply.headers['content-type'] ?? '', /^application\/problem\+json/);
  assert.ok(v.is(ProblemSchema, reply.json), reply.body.toString('utf8'));
  assert.equal((reply.json as { type: string }).type, `urn:pd-notify:problem:${type}`);
  assert.equal(reply.headers.connection, 'close');
}

describe('refusals made before the handler runs', () => {
  it('answers a request line or header over 16 KB with 431 problem+json and closes', async () => {
    const auth = { Authorization: 'Bearer demo-alice' };
    assertProblem(
      await rawRequest(t.url, { target: `/v1/notifications/${'x'.repeat(20_000)}`, headers: auth }),
      431,
      'headers-too-large',
    );
    assertProblem(
      await rawRequest(t.url, { target: '/v1/me', headers: { ...auth, 'X-Padding': 'y'.repeat(20_000) } }),
      431,
      'headers-too-large',
    );
  });

  it('answers raw non-ASCII bytes in the path and a malformed request line or header with 400 problem+json', async () => {
    const cases: [string, Parameters<typeof rawRequest>[1]][] = [
      ['UTF-8 bytes in the path', { target: new Uint8Array(Buffer.from('/v1/notifications/é/read')) }],
      ['a latin1 byte in the path', { target: new Uint8Array([0x2f, 0x76, 0x31, 0x2f, 0xff]) }],
      ['a space in the target', { target: '/v1/me extra' }],
      ['a control character in the target', { target: '/v1/\u0001me' }],
      ['a header name with a space', { target: '/v1/me', headers: { 'Bad Header': 'x' } }],
      ['no method', { method: '', target: '/v1/me' }],
      ['an empty Host', { target: '/v1/me', headers: { Host: '' } }],
      ['a Host that is not a host', { target: '/v1/me', headers: { Host: 'evil.example/x' } }],
      ['an asterisk target on GET', { target: '*' }],
    ];
    for (const [what, probe] of cases) {
      const reply = await rawRequest(t.url, probe);
      assert.equal(reply.status, 400, what);
      assertProblem(reply, 400, 'malformed-request');
    }
  });

  it('answers a request that never finishes with 408 problem+json once the request timeout passes', async () => {
    const slow = await startServer({ seed: 'empty', requestTimeoutMs: 300 });
    try {
      const reply = await rawRequest(slow.url, { target: '/v1/me', unfinished: true });
      assertProblem(reply, 408, 'request-timeout');
    } finally {
      await slow.close();
    }
  });
});

/** GET over node:http, which neither asks for nor decodes compression unless told. */
function get(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(new URL(path, t.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('compression', () => {
  const path = '/v1/notifications?limit=100';
  const auth = { Authorization: 'Bearer demo-alice' };

  it('compresses JSON answers with gzip when the client accepts it, to the same content', async () => {
    const plain = await get(path, auth);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /Accept-Encoding/);
    for (const [accept, encoding] of [
      ['gzip', 'gzip'],
      ['gzip, deflate, br', 'gzip'],
      ['br;q=1, gzip;q=0.1', 'gzip'],
      ['*', 'gzip'],
      ['br', undefined],
      ['identity', undefined],
      ['deflate', undefined],
      ['gzip;q=0, br', undefined],
    ] as const) {
      const reply = await get(path, { ...auth, 'Accept-Encoding': accept });
      assert.equal(reply.status, 200, accept);
      assert.equal(reply.headers['content-encoding'], encoding, accept);
      assert.match(String(reply.headers.vary), /Accept-Encoding/, accept);
      const body = encoding ? gunzipSync(reply.body) : reply.body;
      assert.deepEqual(JSON.parse(body.toString('utf8')), JSON.parse(plain.body.toString('utf8')), accept);
      if (encoding) {
        assert.ok(reply.body.length < plain.body.length / 2, `${accept}: ${reply.body.length} of ${plain.body.length}`);
      }
    }
  });

  it('keeps conditional requests working: a compressed answer has a weak ETag that still matches', async () => {
    const first = await get(path, { ...auth, 'Accept-Encoding': 'gzip' });
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\//);
    assert.equal((await get(path, auth)).headers.etag, etag.slice(2), 'uncompressed, the same tag, strong');
    assert.equal((await get(path, { ...auth, 'Accept-Encoding': 'gzip', 'If-None-Match': etag })).status, 304);
    assert.equal((await get(path, { ...auth, 'If-None-Match': etag })).status, 304, 'the same tag, uncompressed');
  });

  it('leaves answers under 1 KB and the event stream uncompressed', async () => {
    const svg = await get('/artwork/midnight-drive.svg', { 'Accept-Encoding': 'gzip' });
    assert.ok(svg.body.length < 1024);
    assert.equal(svg.headers['content-encoding'], undefined);
    assert.equal(svg.headers.vary, undefined, 'it does not vary: no client gets it compressed');
    assert.match(svg.body.toString('utf8'), /^<svg /);
    const events = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const req = request(
        new URL('/v1/events', t.url),
        { headers: { ...auth, 'Accept-Encoding': 'gzip, br' } },
        (res) => {
          resolve(res.headers);
          req.destroy();
        },
      ).on('error', reject);
      req.end();
    });
    assert.match(String(events['content-type']), /^text\/event-stream/);
    assert.equal(events['content-encoding'], undefined);
  });
});
