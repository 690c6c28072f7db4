/**
 * Who the user is (identity.ts), over real HTTP against the reference server:
 * `/v1/me` asked once per token however many ask, a remembered user asked
 * nothing, failures retried through the client's health, and a new token
 * forgetting the old user.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { User } from '@pd-notify/protocol';
import type { PdError } from '../src/errors.js';
import { Health } from '../src/health.js';
import { Identity } from '../src/identity.js';
import type { PersistedCache } from '../src/persist/cache.js';
import { Rest } from '../src/rest.js';
import { Tokens } from '../src/tokens.js';
import { control, recordingFetch, referenceServerForFile } from './helpers.js';

const server = referenceServerForFile();

/** A cache that remembers one token's user, as the persisted cache does. */
function memoryCache(known: { token: string; user: User } | null = null) {
  let entry = known;
  const cache = {
    userOf: async (token: string) => (entry?.token === token ? entry.user : null),
    rememberUser: async (token: string, user: User) => void (entry = { token, user }),
  };
  return { cache: cache as unknown as PersistedCache, remembered: () => entry };
}

function identity(options: { token?: string; cache?: PersistedCache | null; userId?: string | null } = {}) {
  const { fetch, calls } = recordingFetch();
  const health = new Health({ baseMs: 20, capMs: 100 });
  const tokens = new Tokens(() => options.token ?? 'demo-alice');
  const rest = new Rest({ baseUrl: server().url, tokens, fetch, health });
  const { cache = null } = options;
  const made = new Identity(
    { rest, tokens, cache: () => (cache ? Promise.resolve(cache) : null), later: health.later(), lock: 'test' },
    options.userId ?? null,
  );
  return { identity: made, asked: () => calls.filter((call) => call.path === '/v1/me').length, tokens };
}

describe('identity', () => {
  it('asks /v1/me once, however many ask at the same time, and me() shares the answer', async () => {
    const { identity: who, asked } = identity();
    const [id, users] = await Promise.all([who.identify(() => {}), Promise.all([who.me(), who.me(), who.me()])]);
    assert.equal(id, 'alice');
    assert.deepEqual(
      users.map((user) => user.id),
      ['alice', 'alice', 'alice'],
    );
    assert.equal(await who.me().then((user) => user.name), 'Alice Moreno');
    assert.equal(asked(), 1);
  });

  it('a user remembered for this token asks nothing; one asked is remembered for the next visit', async () => {
    const { cache, remembered } = memoryCache();
    const first = identity({ cache });
    assert.equal(await first.identity.identify(() => {}), 'alice');
    assert.equal(first.asked(), 1);
    assert.equal(remembered()?.user.id, 'alice');
    const next = identity({ cache });
    assert.equal(await next.identity.identify(() => {}), 'alice');
    assert.equal((await next.identity.me()).email, remembered()!.user.email);
    assert.equal(next.asked(), 0);
  });

  it('another token’s remembered user is not taken for this one', async () => {
    const { cache } = memoryCache({ token: 'demo-ben', user: { id: 'ben', name: 'Ben Okafor', avatarUrl: null } });
    const { identity: who, asked } = identity({ cache });
    assert.equal(await who.identify(() => {}), 'alice');
    assert.equal(asked(), 1);
  });

  it('the host’s userId: identified without a request', async () => {
    const { identity: who, asked } = identity({ userId: 'alice' });
    assert.equal(await who.identify(() => {}), 'alice');
    assert.equal(asked(), 0);
  });

  it('a failure is told, retried through the health, and identifies once the server answers', async () => {
    await control(server(), '/control/faults', { error: { status: 503, times: 2, pathPrefix: '/v1/me' } });
    const { identity: who, asked } = identity();
    const failures: PdError[] = [];
    assert.equal(await who.identify((error) => failures.push(error)), 'alice');
    assert.equal(failures[0]?.status, 503);
    assert.equal(asked(), 3);
  });

  it('reset (a new token) forgets the user; cancel stops an identification under way', async () => {
    const { identity: who, tokens } = identity();
    assert.equal(await who.identify(() => {}), 'alice');
    tokens.use(() => 'demo-ben');
    who.reset(null);
    assert.equal(who.id, null);
    assert.equal(await who.identify(() => {}), 'ben');
    await control(server(), '/control/faults', { error: { status: 503, times: 100, pathPrefix: '/v1/me' } });
    who.reset(null);
    const stopped = who.identify(() => who.cancel());
    assert.equal(await stopped, null, 'cancelled while waiting to try again');
    await control(server(), '/control/faults', undefined, 'DELETE');
  });
});
