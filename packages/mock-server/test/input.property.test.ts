/**
 * Property-based tests (fast-check) of the reference server's input
 * validation: no request body, query or path (encoded, raw bytes, or
 * mis-encoded) makes it fail (5xx) or corrupt the store, and every refusal is a
 * problem+json 4xx.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { rawRequest } from '@pd-notify/conformance';
import * as v from 'valibot';
import { NotificationPageSchema, PreferencesSchema, ProblemSchema, type Preferences } from '@pd-notify/protocol';
import { startServer, type RunningServer } from '../src/index.js';

let server: RunningServer;
before(async () => {
  server = await startServer({ port: 0, seed: 'demo', control: true, rateLimit: false });
});
after(() => server.close());

const auth = { Authorization: 'Bearer demo-alice' };

/** Sends a request and checks the answer: never 5xx; a 4xx is a valid problem+json. */
async function probe(method: string, path: string, body?: string): Promise<number> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  assert.ok(response.status < 500, `${method} ${path} ${body ?? ''} answered ${response.status}: ${text}`);
  if (response.status >= 400) {
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, `${method} ${path}`);
    assert.ok(v.is(ProblemSchema, JSON.parse(text)), `${method} ${path}: not a problem: ${text}`);
  }
  return response.status;
}

/** Sends a request target byte for byte (no URL parser in between) and checks the answer like `probe`. */
async function probeRaw(method: string, target: Uint8Array): Promise<void> {
  const reply = await rawRequest(server.url, { method, target, headers: auth });
  const shown = `${method} ${JSON.stringify(Buffer.from(target).toString('latin1'))}`;
  assert.ok(reply.status < 500, `${shown} answered ${reply.status}: ${reply.body.toString('utf8')}`);
  if (reply.status >= 400) {
    assert.match(reply.headers['content-type'] ?? '', /^application\/problem\+json/, shown);
    assert.ok(v.is(ProblemSchema, reply.json), `${shown}: not a problem: ${reply.body.toString('utf8')}`);
  }
}

/** The store still answers valid notifications and preferences for Alice. */
async function storeIsSound(): Promise<void> {
  const page: unknown = await (await fetch(`${server.url}/v1/notifications?limit=100`, { headers: auth })).json();
  assert.ok(v.is(NotificationPageSchema, page), 'the notification list is still valid');
  const preferences: unknown = await (await fetch(`${server.url}/v1/preferences`, { headers: auth })).json();
  assert.ok(v.is(PreferencesSchema, preferences), 'the preferences are still valid');
}

/** Bodies: any JSON, near-misses of the expected shape, and text that is not JSON. */
const anyBody = fc.oneof(
  fc.json(),
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify({ upToId: value })),
  fc.constantFrom('', '{', '[]', 'null', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{}}}'),
);

describe('reference server input (property-based)', () => {
  it('survives any body on POST /v1/notifications/read-all', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => void (await probe('POST', '/v1/notifications/read-all', body))),
      { numRuns: 150 },
    );
    await storeIsSound();
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
  });

  it('survives any change to a valid preferences update on PUT /v1/preferences', async () => {
    const current = (await (await fetch(`${server.url}/v1/preferences`, { headers: auth })).json()) as Preferences;
    const valid = {
      version: current.version,
      categories: current.categories,
      reminderLeadDays: current.reminderLeadDays,
    };
    // Replace one value anywhere in the update with anything.
    const paths: string[][] = [];
    const walk = (node: unknown, path: string[]) => {
      paths.push(path);
      if (node && typeof node === 'object')
        for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    };
    walk(valid, []);
    const mutated = fc.tuple(fc.constantFrom(...paths), fc.jsonValue()).map(([path, value]) => {
      const copy = structuredClone(valid) as Record<string, unknown>;
      if (path.length === 0) return JSON.stringify(value);
      let node = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[path.at(-1)!] = value;
      return JSON.stringify(copy);
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, anyBody), async (body) => {
        const status = await probe('PUT', '/v1/preferences', body);
        assert.ok(status === 200 || status === 409 || (status >= 400 && status < 500));
      }),
      { numRuns: 200 },
    );
    await storeIsSound();
  });

  it('survives any query on GET /v1/notifications and any id in a path', async () => {
    const param = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.constantFrom('-1', '0', '1e9', 'NaN', '%00', '../'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('limit', 'cursor', 'category', 'trackId', 'unread'),
        param,
        fc.string({ minLength: 1 }),
        async (name, value, id) => {
          await probe('GET', `/v1/notifications?${name}=${encodeURIComponent(value)}`);
          const segment = encodeURIComponent(id);
          await probe('POST', `/v1/notifications/${segment}/read`);
          await probe('POST', `/v1/invitations/${segment}/accept`);
          await probe('POST', `/v1/notifications/${segment}/actions/${segment}`);
        },
      ),
      { numRuns: 150 },
    );
    await storeIsSound();
  });

  it('survives any bytes as a path id: raw, un-encoded text, and mis-encoded percent sequences', async () => {
    const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
    const segment = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 40 }),
      fc.string({ unit: 'binary', minLength: 1 }).map(bytes),
      fc
        .array(
          fc.oneof(
            fc.constantFrom('%', '%z', '%C3', '%28', '%ED%A0%80', '%F4%90%80%80', '%FF', '%C0%AE', '%00', '%2F', '%25'),
            fc.string({ unit: 'grapheme-ascii', maxLength: 3 }),
          ),
          { minLength: 1, maxLength: 8 },
        )
        .map((parts) => bytes(parts.join(''))),
    );
    // CR and LF end the request line: they frame requests, they cannot be part of a path.
    const join = (...parts: (string | Uint8Array)[]) =>
      new Uint8Array(Buffer.concat(parts.map((part) => Buffer.from(part)))).filter(
        (byte) => byte !== 10 && byte !== 13,
      );
    await fc.assert(
      fc.asyncProperty(segment, async (id) => {
        await probeRaw('GET', join('/v1/notifications/', id));
        await probeRaw('POST', join('/v1/notifications/', id, '/read'));
        await probeRaw('POST', join('/v1/invitations/', id, '/decline'));
        await probeRaw('GET', join('/v1/tracks/', id));
      }),
      { numRuns: 150 },
    );
    await storeIsSound();
  });

  it('survives any body on the control API', async () => {
    const paths = ['/control/act', '/control/faults', '/control/reset', '/control/tokens', '/control/clock/advance'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), anyBody, async (path, body) => {
        // A valid body may change the store (a reset, a fault); only crashes and non-problem refusals fail.
        await probe('POST', path, body);
        await fetch(`${server.url}/control/faults`, { method: 'DELETE' });
      }),
      { numRuns: 150 },
    );
    await storeIsSound();
  });
});
