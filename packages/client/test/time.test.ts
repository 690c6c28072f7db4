import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { $now, formatRelativeTime } from '../src/index.js';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;

describe('formatRelativeTime', () => {
  it('speaks the product’s English: just now, 5m ago, 2h ago, 3d ago', () => {
    assert.equal(formatRelativeTime(ago(10_000), NOW), 'just now');
    assert.equal(formatRelativeTime(ago(5 * MIN), NOW), '5m ago');
    assert.equal(formatRelativeTime(ago(2 * 60 * MIN), NOW), '2h ago');
    assert.equal(formatRelativeTime(ago(3 * 24 * 60 * MIN), NOW), '3d ago');
    assert.equal(formatRelativeTime(ago(65 * 24 * 60 * MIN), NOW), '2mo ago');
    assert.equal(formatRelativeTime(ago(-5 * MIN), NOW), 'just now', 'a clock ahead of ours is not “in 5m”');
  });

  it('uses Intl.RelativeTimeFormat for other locales', () => {
    assert.equal(formatRelativeTime(ago(5 * MIN), NOW, 'fr'), 'il y a 5\u00a0min'); // a no-break space, as French sets it
    assert.equal(formatRelativeTime(ago(10_000), NOW, 'fr'), 'maintenant');
    assert.equal(formatRelativeTime(ago(3 * 24 * 60 * MIN), NOW, 'de'), 'vor 3 Tagen');
  });
});

describe('$now', () => {
  it('is one shared clock: fresh on subscribe, ticks every 30 s for every subscriber, stops when nobody listens', (t) => {
    t.mock.timers.enable({ apis: ['setInterval', 'setTimeout', 'Date'], now: NOW });
    const seenA: number[] = [];
    const seenB: number[] = [];
    const stopA = $now.subscribe((now) => seenA.push(now));
    const stopB = $now.subscribe((now) => seenB.push(now));
    assert.deepEqual(seenA, [NOW]);
    assert.deepEqual(seenB, [NOW]);
    t.mock.timers.tick(29_999);
    assert.deepEqual(seenA, [NOW], 'no tick before 30 s');
    t.mock.timers.tick(1);
    assert.deepEqual(seenA, [NOW, NOW + 30_000]);
    assert.deepEqual(seenB, [NOW, NOW + 30_000], 'one clock: both see the same tick');
    stopA();
    stopB();
    t.mock.timers.tick(60_000); // past nanostores' unmount delay, then two more periods
    assert.equal($now.value, NOW + 30_000, 'the timer stopped with the last subscriber');
  });
});
