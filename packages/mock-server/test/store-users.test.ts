/** The store's users: tokens (expiring on the clock), the user as `/v1/me` shows them, the actor in rows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Clock } from '../src/clock.js';
import { UsersArea } from '../src/store/users.js';

const users = () => {
  const clock = new Clock({ start: 0, frozen: true });
  const area = new UsersArea(clock);
  area.add({ id: 'alice', name: 'Alice', avatarUrl: 'https://a.example/a.png', email: 'alice@example.com' }, ['t-a']);
  area.add({ id: 'ben', name: 'Ben', avatarUrl: null }, ['t-b1', 't-b2']);
  return { clock, area };
};

describe('UsersArea', () => {
  it('authenticates each of a user’s tokens, and nothing else', () => {
    const { area } = users();
    assert.equal(area.authenticate('t-a'), 'alice');
    assert.equal(area.authenticate('t-b2'), 'ben');
    assert.equal(area.authenticate('t-x'), null);
  });

  it('issues tokens that expire after their time on the clock, or never', () => {
    const { clock, area } = users();
    const short = area.issueToken('ben', 1000);
    const forever = area.issueToken('ben');
    assert.match(short, /^tok_ben_/);
    assert.notEqual(short, forever);
    clock.advance(999);
    assert.equal(area.authenticate(short), 'ben');
    clock.advance(1);
    assert.equal(area.authenticate(short), null);
    clock.advance(365 * 86_400_000);
    assert.equal(area.authenticate(forever), 'ben');
    assert.throws(() => area.issueToken('nobody'), { status: 404 });
  });

  it('shows a user without their tokens (email null when there is none), and an unknown one is a 404', () => {
    const { area } = users();
    assert.deepEqual(area.me('alice'), {
      id: 'alice',
      name: 'Alice',
      avatarUrl: 'https://a.example/a.png',
      email: 'alice@example.com',
    });
    assert.deepEqual(area.me('ben'), { id: 'ben', name: 'Ben', avatarUrl: null, email: null });
    assert.deepEqual(area.actor('alice'), { id: 'alice', name: 'Alice', avatarUrl: 'https://a.example/a.png' });
    assert.throws(() => area.me('nobody'), { status: 404, kind: 'notFound' });
    assert.throws(() => area.actor('nobody'), { status: 404 });
  });
});
