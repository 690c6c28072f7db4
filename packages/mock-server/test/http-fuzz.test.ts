/**
 * Nothing a client sends ends the reference server or makes it fail: the CLI,
 * as a user runs it, gets odd methods, then any method, target, header and
 * body (fast-check, over raw sockets, so that what Node's own client refuses
 * to send is sent too); every request gets an answer under 500, nothing is
 * logged as unexpected, and the server still answers `/v1/me` afterwards. A
 * route that throws is answered 500 problem+json, logged once, and the
 * server goes on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import * as v from 'valibot';
import { rawRequest, type RawReply } from '@pd-notify/conformance';
import { ProblemSchema } from '@pd-notify/protocol';
import { startServer } from '../src/index.js';
import { startCli, type CliServer } from './helpers.js';

let server: CliServer;
before(async () => {
  server = await startCli(['--port', '0', '--seed', 'demo']);
});
after(() => server.stop());

/** An answer under 500; a refusal is problem+json (its body left out for HEAD). */
function assertAnswered(reply: RawReply, what: string): void {
  const body = reply.headers['content-encoding'] === 'gzip' ? gunzipSync(reply.body) : reply.body;
  assert.ok(reply.status < 500, `${what} answered ${reply.status}: ${body.toString('utf8')}`);
  if (reply.status >= 400) {
    assert.match(reply.headers['content-type'] ?? '', /^application\/problem\+json/, what);
    if (body.length > 0 || !what.startsWith('HEAD ')) {
      assert.ok(
        v.is(ProblemSchema, JSON.parse(body.toString('utf8'))),
        `${what}: not a problem: ${body.toString('utf8')}`,
      );
    }
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

  it('answers any method, target, header and body under 500, and goes on serving', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ method, target, headers, body }) => {
        const reply = await rawRequest(server.url, {
          method,
          target,
          headers,
          ...(body === undefined ? {} : { body }),
        });
        assertAnswered(reply, `${method} ${JSON.stringify(Buffer.from(target).toString('latin1').slice(0, 200))}`);
      }),
      // A fixed seed: a failure names it (and the path to the smallest case), so it can be replayed.
      { seed: 22, numRuns: 600, includeErrorInReport: true },
    );
    await stillServing();
    assert.equal(server.stderr(), '', 'nothing a client sent made the server log an error');
  });
});

describe('the last resort', () => {
  it('answers a route that throws with a logged 500 problem, once, and goes on serving', async (t) => {
    const errors = t.mock.method(console, 'error', () => {});
    const broken = await startServer({
      seed: 'demo',
      extraHandler: (_request, url) => {
        if (url.pathname === '/broken') throw new TypeError('a bug in a route');
        return undefined;
      },
    });
    try {
      const reply = await rawRequest(broken.url, { target: '/broken' });
      assert.equal(reply.status, 500);
      assert.equal((reply.json as { type: string }).type, 'urn:pd-notify:problem:server-error');
      assert.equal(errors.mock.callCount(), 1);
      assert.match(String(errors.mock.calls[0]!.arguments[1]), /a bug in a route/);
      const me = await rawRequest(broken.url, { target: '/v1/me', headers: { Authorization: 'Bearer demo-alice' } });
      assert.equal(me.status, 200);
    } finally {
      await broken.close();
    }
  });
});

// ---------------------------------------------------------------- what a client may send
// Mostly well-formed requests, so that most reach the app; a share of what Node's parser refuses.

/** The methods Node's parser knows (fetch refuses CONNECT, TRACE and TRACK), then others and lower case. */
const method = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'PATCH',
      'TRACE',
      'CONNECT',
      'QUERY',
      'PROPFIND',
      'PROPPATCH',
      'MKCOL',
      'COPY',
      'MOVE',
      'LOCK',
      'UNLOCK',
      'SEARCH',
      'REPORT',
      'M-SEARCH',
      'NOTIFY',
      'SUBSCRIBE',
      'PURGE',
      'LINK',
      'SOURCE',
      'ACL',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('TRACK', 'get', 'Post'),
      fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/),
    ),
  },
);

/** A path segment as a client would send it: ids of the demo seed, percent sequences (valid or not), any text encoded. */
const segment = fc.oneof(
  fc.constantFrom('n1', 'n5', 'n14', 'i1', 'i3', 'midnight-drive', 'neon-rain', 'accept-invite', 'read-all', 'me', ''),
  fc.constantFrom('..', '.', '%', '%zz', '%2F', '%25', '%C3%28', '%ED%A0%80', '%F4%90%80%80', '%00', '%2e%2e', '%20'),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent),
  fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{1,10}$/),
);

/** The API's paths, with any segment for their ids. */
const API_PATHS = [
  '/v1/me',
  '/v1/notifications',
  '/v1/notifications/read-all',
  '/v1/notifications/{}',
  '/v1/notifications/{}/read',
  '/v1/notifications/{}/unread',
  '/v1/notifications/{}/actions/{}',
  '/v1/invitations',
  '/v1/invitations/{}/accept',
  '/v1/invitations/{}/decline',
  '/v1/preferences',
  '/v1/counts',
  '/v1/tracks',
  '/v1/tracks/{}',
  '/v1/syncs',
  '/v1/events',
  '/artwork/{}.svg',
  '/control/state',
  '/control/reset',
  '/',
];
const apiPath = fc
  .tuple(fc.constantFrom(...API_PATHS), segment, segment)
  .map(([path, a, b]) => path.replace('{}', a).replace('{}', b));

const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.tuple(fc.constantFrom('limit', 'cursor', 'category', 'unread', 'status', 'trackId', '%', ''), segment),
        {
          minLength: 1,
          maxLength: 4,
        },
      )
      .map((pairs) => `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`),
  },
);

/** Request targets as bytes (UTF-8; CR and LF left out: they end the request line). */
const target = fc
  .oneof(
    { weight: 6, arbitrary: fc.tuple(apiPath, query).map(([path, q]) => path + q) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), query)
        .map(([path, q]) => `/${path.join('/')}${q}`),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom('*', '', 'http://evil.example/v1/me', '//v1/me', '/v1/me?#', 'example.com:443', '/v1\\me'),
        fc.integer({ min: 1, max: 20_000 }).map((length) => `/v1/notifications/${'x'.repeat(length)}`),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).map((raw) => `/v1/tracks/${raw}`),
        fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 }).map((raw) => `/v1/tracks/${raw}`),
      ),
    },
  )
  .map((text) => new Uint8Array(Buffer.from(text, 'utf8')).filter((byte) => byte !== 10 && byte !== 13));

/** A field value: printable ASCII, sometimes with obs-text or a control character (Node refuses those). */
const fieldValue = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(fc.integer({ min: 0x20, max: 0xff }), fc.constantFrom(9, 0, 0x7f)), { maxLength: 30 })
      .map((codes) => String.fromCharCode(...codes)),
  },
);

/** Headers that frame the request are rawRequest's: any other name, or one the server reads, with any value. */
const FRAMING = /^(host|content-length|transfer-encoding|connection)$/i;
const headers = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('Bearer demo-ben', 'bearer  demo-chloe') },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom('Bearer', 'Basic x', 'Bearer demo-nobody'), fieldValue) },
    ),
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.tuple(fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/), fieldValue) },
        {
          weight: 1,
          arbitrary: fc.tuple(
            fc.constant('Origin'),
            fc.oneof(fc.constantFrom('http://localhost:5173', 'null', 'https://evil.example'), fieldValue),
          ),
        },
        {
          weight: 2,
          arbitrary: fc.tuple(
            fc.constant('Content-Type'),
            fc.oneof(fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain'), fieldValue),
          ),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(
            fc.constant('Accept-Encoding'),
            fc.oneof(fc.constantFrom('gzip', 'br;q=1, gzip;q=0.5', '*'), fieldValue),
          ),
        },
        {
          weight: 2,
          arbitrary: fc.tuple(
            fc.constantFrom(
              'If-None-Match',
              'Last-Event-ID',
              'Idempotency-Key',
              'Expect',
              'Upgrade',
              'Cookie',
              'Range',
            ),
            fieldValue,
          ),
        },
      ),
      { maxLength: 4 },
    ),
  )
  .map(([authorization, pairs]) =>
    Object.fromEntries([['Authorization', authorization], ...pairs.filter(([name]) => !FRAMING.test(name))]),
  );

/** Bodies: none, JSON near the protocol's shapes, any JSON, any text, and some over the 64 KiB limit. */
const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '{}',
      '{"upToId":"n1"}',
      '{"version":1,"categories":{},"reminderLeadDays":3}',
      '[]',
      'null',
      '{',
    ),
  },
  { weight: 2, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 64 * 1024, max: 80 * 1024 })
      .map((size) => JSON.stringify({ upToId: 'x'.repeat(size) })),
  },
);

/** Requests the API would take (a token, JSON, sometimes an idempotency key), and anything at all. */
const request = fc.oneof(
  fc.record({ method, target, headers, body }),
  fc.record({
    method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE'),
    target: fc
      .tuple(apiPath, query)
      .map(([path, q]) => new Uint8Array(Buffer.from(path + q, 'utf8')).filter((byte) => byte !== 10 && byte !== 13)),
    headers: fc
      .option(fc.stringMatching(/^[\x21-\x7e]{1,8}$/), { nil: undefined })
      .map((key): Record<string, string> => ({
        Authorization: 'Bearer demo-ben',
        'Content-Type': 'application/json',
        ...(key === undefined ? {} : { 'Idempotency-Key': key }),
      })),
    body,
  }),
);
