/**
 * Grouped activity (issue #25), the rules alone: which notifications make a
 * group (`feedRows`), and its title in each language (`groupTitle`, from the
 * typed tables with their plural rules).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Notification } from '@pd-notify/client';
import {
  MAX_GROUP_SIZE,
  feedRows,
  groupTitle,
  initialsOf,
  type NotificationGroup,
} from '../src/activity-feed/grouping.js';
import { INBOX_TEXTS } from '../src/activity-feed/inbox-texts.js';
import { textsReady } from '../src/i18n.js';

const HOUR = 3_600_000;
const at = (hoursAgo: number) => new Date(Date.parse('2026-12-07T12:00:00Z') - hoursAgo * HOUR).toISOString();
const people = {
  ben: { id: 'ben', name: 'Ben Okafor', avatarUrl: null },
  dev: { id: 'dev', name: 'Dev Patel', avatarUrl: null },
  chloe: { id: 'chloe', name: 'Chloé Laurent', avatarUrl: null },
};
let next = 0;
/** A comment on "Midnight Drive" by `who`, `hoursAgo` hours ago. */
function comment(who: keyof typeof people, hoursAgo: number, extra: Partial<Notification> = {}): Notification {
  next++;
  return {
    id: `n${next}`,
    version: 1,
    type: 'comment',
    category: 'collaboration',
    title: `${people[who].name} commented on “Midnight Drive”`,
    message: `Take ${next}`,
    createdAt: at(hoursAgo),
    readAt: null,
    priority: 'normal',
    trackId: 'midnight-drive',
    trackName: 'Midnight Drive',
    actor: people[who],
    actions: [],
    groupKey: 'comment:midnight-drive',
    ...extra,
  };
}
const other = (hoursAgo: number): Notification => ({
  ...comment('ben', hoursAgo),
  type: 'security-alert',
  category: 'system',
  title: 'New sign-in',
  groupKey: null,
});
const shape = (rows: ReturnType<typeof feedRows>) =>
  rows.map((row) => (row.group ? `group(${row.items.length})` : row.member ? 'member' : 'one'));

describe('feedRows: which notifications make a group', () => {
  it('consecutive ones with one key within the window make one row; a break, another key or the window end it', () => {
    const items = [
      comment('ben', 0),
      comment('dev', 1),
      comment('ben', 2),
      other(3),
      comment('ben', 4),
      comment('dev', 5),
      comment('chloe', 40),
    ];
    assert.deepEqual(shape(feedRows(items, 24 * HOUR, new Set())), ['group(3)', 'one', 'group(2)', 'one']);
    // A window of 0 groups nothing.
    assert.deepEqual(shape(feedRows(items, 0, new Set())), ['one', 'one', 'one', 'one', 'one', 'one', 'one']);
    // Within an hour of each group's newest.
    assert.deepEqual(shape(feedRows(items, 1 * HOUR, new Set())), ['group(2)', 'one', 'one', 'group(2)', 'one']);
  });

  it(`a run longer than ${MAX_GROUP_SIZE} makes several groups`, () => {
    const items = Array.from({ length: MAX_GROUP_SIZE * 2 + 1 }, () => comment('ben', 0));
    assert.deepEqual(shape(feedRows(items, 24 * HOUR, new Set())), [
      `group(${MAX_GROUP_SIZE})`,
      `group(${MAX_GROUP_SIZE})`,
      'one',
    ]);
  });

  it('a group knows its people once each, newest first, and is unread while any member is', () => {
    const items = [comment('ben', 0, { readAt: at(0) }), comment('dev', 1), comment('ben', 2, { readAt: at(0) })];
    const group = feedRows(items, 24 * HOUR, new Set())[0]!.group!;
    assert.deepEqual(
      group.actors.map((actor) => actor.id),
      ['ben', 'dev'],
    );
    assert.equal(group.unread, true);
    const read = items.map((item) => ({ ...item, readAt: at(0) }));
    assert.equal(feedRows(read, 24 * HOUR, new Set())[0]!.group!.unread, false);
  });

  it('keeps its id as members arrive above it (its expansion and focus stay), and shows its members under it while expanded', () => {
    const older = [comment('ben', 2), comment('dev', 3)];
    const id = feedRows(older, 24 * HOUR, new Set())[0]!.id;
    const withNew = [comment('chloe', 0), ...older];
    const rows = feedRows(withNew, 24 * HOUR, new Set([id]));
    assert.equal(rows[0]!.id, id);
    assert.deepEqual(shape(rows), ['group(3)', 'member', 'member', 'member']);
    assert.deepEqual(
      rows.slice(1).map((row) => row.id),
      withNew.map((item) => item.id),
    );
  });
});

describe('groupTitle: in the reader’s language, with plural rules', () => {
  const group = (who: (keyof typeof people)[], type: Notification['type'] = 'comment'): NotificationGroup => {
    const items = who.map((person, index) => comment(person, index, { type }));
    return feedRows(items, 24 * HOUR, new Set())[0]!.group!;
  };
  const title = async (language: string, g: NotificationGroup) =>
    groupTitle(g, language, (await textsReady(INBOX_TEXTS, language)).group);

  it('English: one person, two, three or more; a person counts once; stage changes and invitations', async () => {
    assert.equal(await title('en', group(['ben', 'ben', 'ben'])), 'Ben Okafor left 3 comments on “Midnight Drive”');
    assert.equal(await title('en', group(['ben', 'dev'])), 'Ben Okafor and Dev Patel commented on “Midnight Drive”');
    assert.equal(
      await title('en', group(['ben', 'dev', 'ben'])),
      'Ben Okafor and Dev Patel commented on “Midnight Drive”',
    );
    assert.equal(
      await title('en', group(['ben', 'dev', 'chloe'])),
      'Ben Okafor and 2 others commented on “Midnight Drive”',
    );
    assert.equal(
      await title('en', group(['ben', 'dev'], 'stage-changed')),
      'Ben Okafor and Dev Patel changed the stage of “Midnight Drive” 2 times',
    );
    assert.equal(await title('en', group(['chloe', 'chloe'], 'invitation')), 'Chloé Laurent invited you to 2 tracks');
  });

  it('French, German, Spanish and Arabic, their verbs agreeing and their plural forms', async () => {
    const three = group(['ben', 'dev', 'chloe']);
    assert.equal(await title('fr', three), 'Ben Okafor et 2 autres ont commenté « Midnight Drive »');
    assert.equal(await title('fr', group(['ben', 'ben'])), 'Ben Okafor a laissé 2 commentaires sur « Midnight Drive »');
    assert.equal(await title('de', three), 'Ben Okafor und 2 weitere haben „Midnight Drive“ kommentiert');
    assert.equal(
      await title('de', group(['ben', 'dev'])),
      'Ben Okafor und Dev Patel haben „Midnight Drive“ kommentiert',
    );
    assert.equal(await title('es', three), 'Ben Okafor y 2 personas más comentaron en «Midnight Drive»');
    assert.equal(await title('es', group(['ben', 'dev'])), 'Ben Okafor y Dev Patel comentaron en «Midnight Drive»');
    assert.equal(await title('ar', three), 'علّق Ben Okafor وشخصان آخران على «Midnight Drive»');
    assert.equal(
      await title('ar', group(['ben', 'dev', 'chloe', 'ben'], 'stage-changed')),
      'غيّر Ben Okafor وشخصان آخران مرحلة «Midnight Drive» 4 مرات',
    );
    assert.equal(await title('ar', group(['chloe', 'chloe'], 'invitation')), 'دعاك Chloé Laurent إلى مقطعين');
  });

  it('a group without a track’s name (an older server) or of another type reads "<newest title> and N more"', async () => {
    const items = [comment('ben', 0, { trackName: undefined }), comment('dev', 1, { trackName: undefined })];
    const g = feedRows(items, 24 * HOUR, new Set())[0]!.group!;
    assert.equal(await title('en', g), 'Ben Okafor commented on “Midnight Drive” and 1 more');
  });

  it('initials for an avatar without a picture', () => {
    assert.equal(initialsOf('Ben Okafor'), 'BO');
    assert.equal(initialsOf('  chloé  de la Tour '), 'CT');
    assert.equal(initialsOf('Prince'), 'P');
  });
});
