/**
 * The client's one failure state (health.ts) on its own: what it admits, when
 * it lets the next probe go, which waiting step probes, and what an answer
 * does. Timers and the clock are node's mock ones: time moves only when a test
 * says so.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { PdError } from '../src/errors.js';
import { Health, isFailing, probesWithin } from '../src/health.js';
import { Backoff } from '../src/realtime/backoff.js';

const unavailable = (retryAfterMs?: number) =>
  new PdError('server', 'Service unavailable', { status: 503, ...(retryAfterMs ? { retryAfterMs } : {}) });

/** A health whose episode has begun: one request admitted, then failed. */
function failing(options = { baseMs: 1000, capMs: 30_000 }): Health {
  const health = new Health(options);
  health.settle(health.admit(), unavailable());
  return health;
}

/** Moves the clock to when the next probe may go. */
const untilDue = (health: Health) => mock.timers.tick(health.probeAt! - Date.now());

/** What `admit()` does now: the probe (true), a request sent as usual (false), or not sent. */
function admission(health: Health): boolean | 'not sent' {
  try {
    return health.admit();
  } catch (error) {
    assert.ok(health.notSent(error), 'only the episode’s not-sent error is thrown');
    return 'not sent';
  }
}

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
afterEach(() => mock.timers.reset());

describe('the client’s health', () => {
  it('admits every request while the server answers', () => {
    const health = new Health();
    assert.deepEqual([admission(health), admission(health), admission(health)], [false, false, false]);
    assert.equal(health.failure, null);
  });

  it('after a failure, sends nothing until the probe is due, then exactly one probe at a time', () => {
    const health = failing();
    assert.ok(health.failure);
    assert.equal(admission(health), 'not sent');
    mock.timers.tick(health.probeAt! - Date.now() - 1);
    assert.equal(admission(health), 'not sent', 'not a millisecond early');
    mock.timers.tick(1);
    assert.equal(admission(health), true, 'the probe');
    assert.equal(admission(health), 'not sent', 'one probe at a time');
  });

  it('the request not sent is one error per episode, of kind network, naming the failure', () => {
    const health = failing();
    const errors: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      try {
        health.admit();
      } catch (error) {
        errors.push(error);
      }
    }
    assert.equal(new Set(errors).size, 1);
    const [error] = errors as PdError[];
    assert.equal(error!.kind, 'network');
    assert.match(error!.message, /Service unavailable/);
  });

  it('waits between half and all of 1 s, 2 s, 4 s … 30 s; the server’s Retry-After a floor', () => {
    const health = failing();
    const waits: number[] = [];
    for (let probe = 0; probe < 7; probe++) {
      waits.push(health.probeAt! - Date.now());
      untilDue(health);
      health.settle(health.admit(), unavailable());
    }
    const steps = [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000];
    waits.forEach((wait, index) => assert.ok(wait >= steps[index]! / 2 && wait <= steps[index]!, `${index}: ${wait}`));
    untilDue(health);
    health.settle(health.admit(), unavailable(120_000));
    assert.equal(health.probeAt! - Date.now(), 120_000, 'Retry-After is a floor');
  });

  it('requests sent together fail together: only the first moves the next probe', () => {
    const health = new Health();
    const together = [health.admit(), health.admit(), health.admit()];
    health.settle(together[0]!, unavailable());
    const probeAt = health.probeAt;
    health.settle(together[1]!, unavailable());
    health.settle(together[2]!, unavailable());
    assert.equal(health.probeAt, probeAt);
  });

  it('when the probe is due, a waiting load takes it, and the stream waits on', () => {
    const health = failing();
    const ran: string[] = [];
    health.later('stream')(() => ran.push(`stream ${admission(health)}`), 0);
    health.later('rest')(() => ran.push(`load ${admission(health)}`), 0);
    untilDue(health);
    mock.timers.tick(1);
    assert.deepEqual(ran, ['load true']);
  });

  it('when no load waits, or none sends, the stream probes', () => {
    const health = failing();
    const ran: string[] = [];
    health.later('stream')(() => ran.push(`stream ${admission(health)}`), 0);
    health.later('rest')(() => ran.push('a load with nothing to send'), 0);
    untilDue(health);
    assert.deepEqual(ran, ['a load with nothing to send', 'stream true'], 'the loads first, then the stream');
  });

  it('while the server answers, a step waits its own time', () => {
    const health = new Health();
    let ran = false;
    health.later()(() => (ran = true), 10);
    mock.timers.tick(9);
    assert.equal(ran, false);
    mock.timers.tick(1);
    assert.equal(ran, true);
  });

  it('an answer ends the episode and runs every waiting step at once', () => {
    const health = failing();
    const ran: string[] = [];
    health.later('stream')(() => ran.push('stream'), 0);
    health.later('rest')(() => ran.push('load'), 0);
    health.wake(); // a refresh: the probe may go now
    const probe = health.admit();
    assert.equal(probe, true);
    health.settle(probe, new PdError('not-found', 'gone', { status: 404 }));
    assert.equal(health.failure, null, 'a 404 is an answer');
    assert.deepEqual(ran.sort(), ['load', 'stream']);
    assert.equal(admission(health), false);
  });

  it('back online, the page shown or a refresh: the probe goes at once', () => {
    const health = failing();
    assert.equal(admission(health), 'not sent');
    health.wake();
    assert.equal(admission(health), true);
  });

  it('a probe the client gave up (aborted) frees the slot for another', () => {
    const health = failing();
    health.wake();
    health.settle(health.admit(), 'aborted');
    assert.ok(health.failure, 'still failing');
    assert.equal(admission(health), true, 'the next request is the probe');
  });

  it('a cancelled step does not run', () => {
    const health = failing();
    let ran = false;
    const cancel = health.later()(() => (ran = true), 0);
    cancel();
    untilDue(health);
    health.settle(health.admit(), null);
    assert.equal(ran, false);
    assert.equal(health.failure, null);
  });

  it('tells its listeners when an episode starts, its probe moves, and it ends', () => {
    const health = new Health();
    const seen: boolean[] = [];
    health.onChange(() => seen.push(health.failure !== null));
    health.settle(health.admit(), unavailable());
    untilDue(health);
    health.settle(health.admit(), unavailable());
    untilDue(health);
    health.settle(health.admit(), null);
    assert.deepEqual(seen, [true, true, false]);
  });

  it('counts as failing what says the server fails, not what refuses one request', () => {
    const failures = [
      new PdError('network', 'no answer'),
      unavailable(),
      new PdError('rate-limited', 'slow down', { status: 429 }),
      new PdError('bad-request', 'timeout', { status: 408 }),
      new PdError('invalid-response', 'not JSON'),
    ];
    const refusals = [
      new PdError('auth', 'no', { status: 401 }),
      new PdError('not-found', 'gone', { status: 404 }),
      new PdError('conflict', 'stale', { status: 409 }),
      new PdError('bad-request', 'bad', { status: 400 }),
    ];
    assert.deepEqual(failures.map(isFailing), [true, true, true, true, true]);
    assert.deepEqual(refusals.map(isFailing), [false, false, false, false]);
  });

  it('bounds the probes of a window: 5 in 30 s with the defaults, whatever the scale', () => {
    assert.equal(probesWithin(30_000), 5);
    assert.equal(probesWithin(1500, { baseMs: 50, capMs: 1500 }), 5);
    assert.equal(probesWithin(60_000), 7);
  });
});

describe('equal jitter', () => {
  it('waits between half and all of each step', () => {
    const least = new Backoff({ baseMs: 1000, capMs: 4000, jitter: 'equal', random: () => 0 });
    const most = new Backoff({ baseMs: 1000, capMs: 4000, jitter: 'equal', random: () => 0.999 });
    assert.deepEqual([least.next(), least.next(), least.next(), least.next()], [500, 1000, 2000, 2000]);
    assert.deepEqual([most.next(), most.next(), most.next(), most.next()], [999, 1999, 3998, 3998]);
  });
});
