/**
 * The store's tracks and syncs: who sees a track, what collaborators do to it
 * (a notification to each of the others), due-date reminders as clock time
 * passes, and a collaborator's file sync stepping on the clock.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY, START, emptyStore } from './helpers.js';

const withTrack = (dueDate: number | null = null) => {
  const world = emptyStore();
  world.store.addTrack({
    id: 't1',
    name: 'Track One',
    artworkUrl: null,
    stage: 'mixing',
    dueDate,
    ownerId: 'alice',
    members: new Map([['ben', 'edit']]),
    fileCount: 16,
  });
  return world;
};

const titles = (store: ReturnType<typeof emptyStore>['store'], userId: string) =>
  store.listNotifications(userId, { limit: 50 }).items.map((n) => n.title);

describe('TracksArea (through the Store)', () => {
  it('shows a track to its owner and members, each with their permission; to anyone else it is not found', () => {
    const { store } = withTrack(START + DAY);
    assert.deepEqual(store.getTrack('alice', 't1'), {
      id: 't1',
      name: 'Track One',
      artworkUrl: null,
      stage: 'mixing',
      dueDate: new Date(START + DAY).toISOString(),
      ownerId: 'alice',
      permission: 'full',
    });
    assert.equal(store.getTrack('ben', 't1').permission, 'edit');
    assert.deepEqual(store.listTracks('chloe'), []);
    assert.throws(() => store.getTrack('chloe', 't1'), { status: 404, kind: 'notFound' });
  });

  it('tells every other collaborator about a comment, a stage change and new details', () => {
    const { store } = withTrack();
    assert.equal(store.comment('ben', 't1', 'Nice mix'), 1);
    assert.equal(store.changeStage('alice', 't1', 'mastering'), 1);
    assert.throws(() => store.changeStage('alice', 't1', 'mastering'), { status: 409 });
    assert.equal(store.changeStage('ben', 't1', 'published'), 1);
    assert.equal(store.updateMetadata('alice', 't1', { name: 'Track 1' }), 1);
    assert.deepEqual(titles(store, 'alice'), ['“Track One” was published', 'Ben Okafor commented on “Track One”']);
    assert.deepEqual(titles(store, 'ben'), ['New details on “Track 1”', '“Track One” moved to Mastering']);
    assert.throws(() => store.comment('chloe', 't1', 'hi'), { status: 404 });
  });

  it('reminds within each recipient’s lead time, then says the due date passed, then overdue, each once', () => {
    const { store, clock } = withTrack(START + 5 * DAY);
    const preferences = store.getPreferences('ben');
    store.savePreferences('ben', { ...preferences, reminderLeadDays: 7 });
    assert.deepEqual(titles(store, 'ben'), ['“Track One” is due in 5 days']);
    assert.deepEqual(titles(store, 'alice'), []);
    clock.advance(2 * DAY);
    store.checkReminders();
    assert.deepEqual(titles(store, 'alice'), ['“Track One” is due in 3 days']);
    store.checkReminders();
    assert.equal(titles(store, 'alice').length, 1, 'once');
    clock.advance(4 * DAY);
    store.checkReminders();
    assert.equal(titles(store, 'alice')[0], '“Track One” is overdue', 'a jump past two thresholds: only the latest');
    assert.equal(titles(store, 'alice').length, 2);
  });

  it('syncs an accepted collaborator’s files in eight steps on the clock, publishing each', () => {
    const { store, clock, events } = withTrack();
    const invitation = store.invite('alice', 't1', 'dev', 'view');
    store.acceptInvitation('dev', invitation.id);
    clock.advance(400 * 3);
    assert.deepEqual(store.listSyncs('dev'), [{ trackId: 't1', filesDone: 6, filesTotal: 16, done: false }]);
    clock.advance(400 * 10);
    assert.deepEqual(store.listSyncs('dev'), [{ trackId: 't1', filesDone: 16, filesTotal: 16, done: true }]);
    assert.equal(events('dev', 'sync.progress').length, 9);
    const another = store.invite('alice', 't1', 'chloe', 'view');
    store.acceptInvitation('chloe', another.id);
    store.dispose();
    clock.advance(400 * 10);
    assert.deepEqual(
      store.listSyncs('chloe'),
      [{ trackId: 't1', filesDone: 0, filesTotal: 16, done: false }],
      'stopped',
    );
  });
});
