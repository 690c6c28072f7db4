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
    const fr = new Intl.RelativeTimeFormat('fr', { numeric: 'auto', style: 'short' });
    assert.equal(formatRelativeTime(ago(5 * MIN), NOW, 'fr'), fr.format(-5, 'minute'));
    assert.equal(
      formatRelativeTime(ago(3 * 24 * 60 * MIN), NOW, 'de'),
      new Intl.RelativeTimeFormat('de', { numeric: 'auto', style: 'short' }).format(-3, 'day'),
    );
  });
});

describe('$now', () => {
  it('is one shared clock: every subscriber sees the same value, fresh on subscribe', () => {
    const seen: number[] = [];
    const stopA = $now.subscribe((now) => seen.push(now));
    const stopB = $now.subscribe((now) => seen.push(now));
    stopA();
    stopB();
    assert.equal(seen.length, 2);
    assert.equal(seen[0], seen[1]);
    assert.ok(Math.abs(seen[0]! - Date.now()) < 60_000);
  });
});
