import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { Clock } from '../src/index.js';

describe('Clock', () => {
  it('a frozen clock moves only on advance, firing timers in due order, chained ones included', () => {
    const clock = new Clock({ start: 1000, frozen: true });
    const fired: string[] = [];
    clock.setTimer(() => fired.push(`b@${clock.now()}`), 200);
    clock.setTimer(() => fired.push(`a@${clock.now()}`), 100);
    const tick = () => {
      fired.push(`tick@${clock.now()}`);
      if (clock.now() < 1450) clock.setTimer(tick, 150);
    };
    clock.setTimer(tick, 150);
    const cancelled = clock.setTimer(() => fired.push('never'), 50);
    clock.clearTimer(cancelled);
    assert.equal(clock.now(), 1000);
    clock.advance(500);
    assert.equal(clock.now(), 1500);
    assert.deepEqual(fired, ['a@1100', 'tick@1150', 'b@1200', 'tick@1300', 'tick@1450']);
    assert.throws(() => clock.advance(-1), RangeError);
  });

  it('calls advance listeners after the due timers', () => {
    const clock = new Clock({ start: 0, frozen: true });
    const seen: string[] = [];
    clock.setTimer(() => seen.push('timer'), 10);
    const stop = clock.onAdvance(() => seen.push(`listener@${clock.now()}`));
    clock.advance(20);
    stop();
    clock.advance(20);
    assert.deepEqual(seen, ['timer', 'listener@20']);
  });

  it('a running clock waits for a timer weeks ahead in steps setTimeout can take (it fires at once past 2^31-1 ms)', () => {
    const setTimeoutSpy = mock.method(globalThis, 'setTimeout');
    const clock = new Clock();
    try {
      let fired = false;
      clock.setTimer(() => (fired = true), 30 * 86_400_000);
      const delays = setTimeoutSpy.mock.calls.map((call) => call.arguments[1] as number);
      assert.ok(delays.length > 0, 'a real timer is armed');
      for (const delay of delays) assert.ok(delay <= 2 ** 31 - 1, `armed for ${delay} ms`);
      assert.equal(fired, false);
    } finally {
      clock.dispose();
      setTimeoutSpy.mock.restore();
    }
  });
});
