/**
 * Nothing a client sends ends the reference server or makes it fail: the CLI,
 * as a user runs it, gets odd methods, then any method, path, header and body
 * (fast-check, over HTTP); every request gets an answer under 500, and the
 * server still answers `/v1/me` afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as v from 'valibot';
import { rawRequest, type RawReply } from '@pd-notify/conformance';
import { ProblemSchema } from '@pd-notify/protocol';
import { startCli, type CliServer } from './helpers.js';

let server: CliServer;
before(async () => {
  server = await startCli(['--port', '0', '--seed', 'demo']);
});
after(() => server.stop());

/** An answer under 500; a refusal is problem+json. */
function assertAnswered(reply: RawReply, what: string): void {
  assert.ok(reply.status < 500, `${what} answered ${reply.status}: ${reply.body.toString('utf8')}`);
  if (reply.status >= 400) {
    assert.match(reply.headers['content-type'] ?? '', /^application\/problem\+json/, what);
    assert.ok(v.is(ProblemSchema, reply.json), `${what}: not a problem: ${reply.body.toString('utf8')}`);
  }
}

/** The server is up, and Alice's token still gets Alice. */
async function stillServing(): Promise<void> {
  assert.equal(server.child.exitCode, null, `the server exited: ${server.stderr()}`);
  const me = await fetch(`${server.url}/v1/me`, { headers: { Authorization: 'Bearer demo-alice' } });
  assert.equal(me.status, 200);
  assert.equal(((await me.json()) as { name: string }).name, 'Alice Moreno');
}

describe('the reference server under anything a client sends', () => {
  it('answers methods that fetch refuses or the API lacks with a problem, and goes on serving', async () => {
    const auth = { Authorization: 'Bearer demo-alice' };
    const trace = await rawRequest(server.url, { method: 'TRACE', target: '/v1/me', headers: auth });
    assertAnswered(trace, 'TRACE /v1/me');
    assert.equal(trace.status, 405);
    assert.equal(trace.headers.allow, 'GET, HEAD');
    for (const [method, target] of [
      ['CONNECT', '/v1/me'],
      ['CONNECT', 'example.com:443'],
      ['TRACE', '/v1/notifications'],
      ['PROPFIND', '/v1/me'],
      ['M-SEARCH', '*'],
      ['PURGE', '/v1/preferences'],
      ['QUERY', '/v1/notifications'],
      ['UNLOCK', '/control/state'],
      ['get', '/v1/me'],
      ['TRACK', '/v1/me'],
    ] as const) {
      assertAnswered(await rawRequest(server.url, { method, target, headers: auth }), `${method} ${target}`);
    }
    await stillServing();
  });
});
