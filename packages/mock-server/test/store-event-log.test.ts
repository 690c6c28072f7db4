/** The per-user event logs: ids per user, the replay window, resets, live listeners, restarts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEventId } from '@pd-notify/protocol';
import { EventLog } from '../src/store/event-log.js';

const counts = { unreadNotifications: 1, pendingInvitations: 0 };

describe('EventLog', () => {
  it('numbers each user’s events from 1 in one epoch, and tells the newest id', () => {
    const log = new EventLog();
    assert.equal(log.latestId('alice'), `${log.epoch}-0`);
    const first = log.append('alice', 'counts', counts);
    log.append('ben', 'counts', counts);
    const second = log.append('alice', 'counts', counts);
    assert.deepEqual([first.seq, second.seq], [1, 2]);
    assert.deepEqual(parseEventId(second.id), { epoch: log.epoch, seq: 2 });
    assert.equal(log.latestId('alice'), second.id);
    assert.equal(log.latestId('ben'), `${log.epoch}-1`);
    assert.deepEqual(JSON.parse(first.json), counts);
  });

  it('replays what came after a known id, and resets for an unknown, a future or a too-old one', () => {
    const log = new EventLog(3);
    const ids = Array.from({ length: 5 }, () => log.append('alice', 'counts', counts).id);
    assert.deepEqual(log.resume('alice', undefined), { kind: 'fresh' });
    const replay = log.resume('alice', ids[2]);
    assert.equal(replay.kind, 'replay');
    assert.deepEqual(replay.kind === 'replay' && replay.events.map((e) => e.id), ids.slice(3));
    assert.deepEqual(log.resume('alice', ids[4]), { kind: 'replay', events: [] });
    assert.deepEqual(log.resume('alice', ids[0]), { kind: 'reset', reason: 'too-old' }, 'outside the 3 kept');
    assert.equal(log.resume('alice', ids[1]).kind, 'replay', 'just before the oldest kept: nothing missed');
    assert.deepEqual(log.resume('alice', `${log.epoch}-9`), { kind: 'reset', reason: 'unknown-id' });
    assert.deepEqual(log.resume('alice', 'zzzzzzzz-1'), { kind: 'reset', reason: 'unknown-id' });
  });

  it('calls a user’s listeners until they unsubscribe; a restart starts a new epoch and forgets the past', () => {
    const log = new EventLog();
    const heard: string[] = [];
    const stop = log.subscribe('alice', (event) => heard.push(event.id));
    const before = log.append('alice', 'counts', counts).id;
    log.append('ben', 'counts', counts);
    stop();
    log.append('alice', 'counts', counts);
    assert.deepEqual(heard, [before]);
    const epoch = log.epoch;
    log.restart();
    assert.notEqual(log.epoch, epoch);
    assert.equal(log.latestId('alice'), `${log.epoch}-0`);
    assert.deepEqual(log.resume('alice', before), { kind: 'reset', reason: 'unknown-id' });
  });
});
