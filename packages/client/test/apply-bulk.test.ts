/**
 * A batch change applied to a list (`applyBulk`, verbs.ts), the rules alone:
 * an item held at the version just before takes the change; one held at an
 * older version (it missed a change) shows the batch's change at once (a row
 * archived with the others never flashes back) and is fetched; one not held
 * that the change brings into the view is fetched.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BulkResult, Notification } from '@pd-notify/protocol';
import { NotificationList } from '../src/sync/notification-list.js';
import { inView, type NotificationFilter } from '../src/sync/notifications.js';
import { applyBulk } from '../src/sync/verbs.js';

const AT = '2026-12-07T12:00:00.000Z';
const item = (id: string, version: number): Notification => ({
  id,
  version,
  type: 'comment',
  category: 'collaboration',
  title: id,
  message: '',
  createdAt: `2026-12-0${id.slice(1)}T09:00:00.000Z`,
  readAt: null,
  seenAt: null,
  archivedAt: null,
  snoozedUntil: null,
  priority: 'normal',
  actions: [],
});
/** An inbox list holding `items`, and what applying `result` does to it. */
function apply(items: Notification[], result: BulkResult, filter: NotificationFilter = {}) {
  const list = new NotificationList({ shows: (each) => inView(each, filter), admits: () => true });
  list.mergePage(items);
  const fetched: string[] = [];
  let left = 0;
  const changed = applyBulk(
    list,
    filter,
    result,
    (ids) => fetched.push(...ids),
    () => left++,
  );
  return { list, fetched, left, changed };
}

describe('applyBulk', () => {
  it('an item held at the version just before takes the change, and is not fetched', () => {
    const { list, fetched } = apply([item('n1', 1)], { op: 'read', at: AT, items: [{ id: 'n1', version: 2 }] });
    assert.equal(list.get('n1')!.readAt, AT);
    assert.equal(list.get('n1')!.version, 2);
    assert.deepEqual(fetched, []);
  });

  it('one held at an older version (a change missed) leaves the inbox at once when archived, and is fetched', () => {
    const { list, fetched, left } = apply([item('n1', 1), item('n2', 1)], {
      op: 'archive',
      at: AT,
      items: [
        { id: 'n1', version: 4 },
        { id: 'n2', version: 2 },
      ],
    });
    assert.equal(list.size, 0, 'neither flashes back');
    assert.equal(left, 2);
    assert.deepEqual(fetched, ['n1']);
  });

  it('one held at an older version shows a change that keeps it in view just below the batch’s version (the fetch brings the rest)', () => {
    const { list, fetched } = apply([item('n1', 1)], { op: 'read', at: AT, items: [{ id: 'n1', version: 3 }] });
    assert.equal(list.get('n1')!.readAt, AT);
    assert.equal(list.get('n1')!.version, 2);
    assert.deepEqual(fetched, ['n1']);
  });

  it('one not held that a restore brings into the inbox is fetched; an archive does not bring one into the inbox', () => {
    const restore = apply([], { op: 'unarchive', at: AT, items: [{ id: 'n5', version: 3 }] });
    assert.deepEqual(restore.fetched, ['n5']);
    const archive = apply([], { op: 'archive', at: AT, items: [{ id: 'n5', version: 3 }] });
    assert.deepEqual(archive.fetched, []);
    assert.equal(archive.changed, false);
  });
});
