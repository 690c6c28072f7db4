/**
 * `$connection` (connection.ts) on its own: the link's state as it is, a
 * failure to identify the user, the client's failure while the link waits, and
 * the changes waiting; a store that changes only when something it shows does.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { Connection } from '../src/connection.js';
import { PdError } from '../src/errors.js';
import { Health } from '../src/health.js';

const unavailable = new PdError('server', 'Service unavailable', { status: 503 });
const refused = new PdError('network', 'The server could not be reached');

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
afterEach(() => mock.timers.reset());

function connection() {
  const health = new Health();
  const made = new Connection(health);
  const published: string[] = [];
  made.$connection.listen((state) => published.push(state.status));
  return { health, connection: made, state: () => made.$connection.get(), published };
}

describe('$connection', () => {
  it('shows the link’s state, and idle once it stopped', () => {
    const { connection: c, state } = connection();
    c.link({ status: 'live', reason: null, error: null, retryAt: null });
    assert.equal(state().status, 'live');
    c.link();
    assert.deepEqual(state(), { status: 'idle', reason: null, error: null, retryAt: null, pending: 0 });
  });

  it('a user who cannot be identified: offline when unreachable, error when refused, connecting otherwise', () => {
    const { connection: c, state } = connection();
    c.unidentified(refused, 5);
    assert.equal(state().status, 'offline');
    assert.match(state().reason ?? '', /could not identify the user/);
    assert.equal(state().retryAt, 5);
    c.unidentified(new PdError('auth', 'refused', { status: 401 }), null);
    assert.equal(state().status, 'error');
    c.unidentified(new PdError('bad-request', 'odd', { status: 400 }), null);
    assert.equal(state().status, 'connecting');
  });

  it('while the server fails and the link waits: the client’s failure and its next probe', () => {
    const { connection: c, health, state } = connection();
    c.link({ status: 'connecting', reason: 'waiting for the server', error: null, retryAt: 42 });
    health.settle(health.admit(), unavailable);
    assert.equal(state().status, 'connecting');
    assert.equal(state().error, unavailable);
    assert.equal(state().retryAt, health.probeAt);
    health.wake();
    health.settle(health.admit(), refused); // the probe finds it unreachable
    assert.equal(state().status, 'offline', 'the server cannot be reached');
    assert.equal(state().retryAt, health.probeAt);
  });

  it('a live link stays live while a request fails', () => {
    const { connection: c, health, state } = connection();
    c.link({ status: 'live', reason: null, error: null, retryAt: null });
    health.settle(health.admit(), unavailable);
    assert.deepEqual(state(), { status: 'live', reason: null, error: null, retryAt: null, pending: 0 });
  });

  it('counts the changes waiting, and publishes only what changes', () => {
    const { connection: c, state, published } = connection();
    c.link({ status: 'offline', reason: 'the browser is offline', error: null, retryAt: null });
    c.pending(2);
    assert.equal(state().pending, 2);
    c.pending(2);
    c.link({ status: 'offline', reason: 'the browser is offline', error: null, retryAt: null });
    assert.deepEqual(published, ['offline', 'offline']);
  });
});
