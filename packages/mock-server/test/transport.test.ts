/**
 * The reference server's Node transport: requests Node refuses before the
 * handler runs still get problem+json.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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
