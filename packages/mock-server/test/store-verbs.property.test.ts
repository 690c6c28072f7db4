/**
 * Property-based test (fast-check) of the inbox's verbs in the store: whatever
 * the sequence of read, unread, seen, archive, unarchive, snooze, unsnooze,
 * bulk changes, dismissals, deliveries and clock advances, the counts are the
 * inbox's, each item is in one place, versions move exactly when an item does,
 * and a client that applies the published events as docs/protocol.md says
 * (notifications.bulk by its table) holds what the server holds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BULK_OPS, type BulkFilter, type BulkOp, type BulkResult, type Notification } from '@pd-notify/protocol';
import { ProblemError } from '../src/problem.js';
import { emptyStore } from './helpers.js';

const HOUR = 3_600_000;

type Step =
  | { kind: 'deliver'; title: string }
  | { kind: 'one'; op: BulkOp; pick: number }
  | { kind: 'snooze'; pick: number; hours: number }
  | { kind: 'unsnooze'; pick: number }
  | { kind: 'dismiss'; pick: number }
  | { kind: 'bulkIds'; op: BulkOp; picks: number[] }
  | { kind: 'bulkFilter'; op: BulkOp; filter: BulkFilter; upTo: number | null }
  | { kind: 'seenUpTo'; pick: number }
  | { kind: 'readAll'; upTo: number | null }
  | { kind: 'advance'; hours: number };

const op = fc.constantFrom(...BULK_OPS);
const pick = fc.nat(50);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('deliver' as const), title: fc.constantFrom('Café', 'stems', 'Mix') }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('one' as const), op, pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('snooze' as const), pick, hours: fc.integer({ min: 1, max: 48 }) }),
  },
  fc.record({ kind: fc.constant('unsnooze' as const), pick }),
  fc.record({ kind: fc.constant('dismiss' as const), pick }),
  fc.record({ kind: fc.constant('bulkIds' as const), op, picks: fc.array(pick, { minLength: 1, maxLength: 5 }) }),
  fc.record({
    kind: fc.constant('bulkFilter' as const),
    op,
    filter: fc.record(
      {
        unread: fc.boolean(),
        archived: fc.boolean(),
        snoozed: fc.boolean(),
        q: fc.constantFrom('cafe', 'STEMS', 'mi'),
      },
      { requiredKeys: [] },
    ),
    upTo: fc.option(pick, { nil: null }),
  }),
  fc.record({ kind: fc.constant('seenUpTo' as const), pick }),
  fc.record({ kind: fc.constant('readAll' as const), upTo: fc.option(pick, { nil: null }) }),
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 0, max: 24 }) }),
  },
);

/** What a client does with `notifications.bulk` (the table in docs/protocol.md). */
function applyBulk(item: Notification, op: BulkOp, at: string): Notification {
  switch (op) {
    case 'read':
      return { ...item, readAt: item.readAt ?? at, seenAt: item.seenAt ?? at };
    case 'unread':
      return { ...item, readAt: null };
    case 'seen':
      return { ...item, seenAt: item.seenAt ?? at };
    case 'archive':
      return { ...item, archivedAt: at, readAt: item.readAt ?? at, seenAt: item.seenAt ?? at, snoozedUntil: null };
    case 'unarchive':
      return { ...item, archivedAt: null };
  }
}

describe('the inbox’s verbs in the store (property)', () => {
  it('keep counts, places, versions and the published events true to the items', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const { store, clock } = emptyStore();
        const seen = new Map<string, Notification>();
        // the client's view, built from the events alone
        const client = new Map<string, Notification>();
        store.log.subscribe('alice', (logged) => {
          const data = JSON.parse(logged.json) as unknown;
          if (logged.event === 'notification.created' || logged.event === 'notification.updated') {
            const item = data as Notification;
            client.set(item.id, item);
          } else if (logged.event === 'notification.removed') {
            client.delete((data as { id: string }).id);
          } else if (logged.event === 'notifications.read') {
            const { readAt, items } = data as { readAt: string; items: { id: string; version: number }[] };
            for (const ref of items) {
              const held = client.get(ref.id)!;
              assert.equal(held.version, ref.version - 1, 'notifications.read follows the held version');
              client.set(ref.id, {
                ...held,
                readAt: held.readAt ?? readAt,
                seenAt: held.seenAt ?? readAt,
                version: ref.version,
              });
            }
          } else if (logged.event === 'notifications.bulk') {
            const result = data as BulkResult;
            for (const ref of result.items) {
              const held = client.get(ref.id)!;
              assert.equal(held.version, ref.version - 1, 'notifications.bulk follows the held version');
              client.set(ref.id, { ...applyBulk(held, result.op, result.at), version: ref.version });
            }
          }
        });
        const all = (): Notification[] =>
          [{}, { archived: true }, { snoozed: true }].flatMap(
            (view) => store.listNotifications('alice', { limit: 100, ...view }).items,
          );
        const idAt = (index: number): string | undefined => {
          const items = all();
          return items.length ? items[index % items.length]!.id : undefined;
        };
        for (const s of steps) {
          try {
            switch (s.kind) {
              case 'deliver':
                store.deliver('alice', { type: 'comment', title: s.title, message: '' });
                break;
              case 'one': {
                const id = idAt(s.pick);
                if (!id) break;
                const verbs = {
                  read: () => store.markRead('alice', id),
                  unread: () => store.markUnread('alice', id),
                  seen: () => store.markSeen('alice', { ids: [id] }),
                  archive: () => store.archive('alice', id),
                  unarchive: () => store.unarchive('alice', id),
                };
                verbs[s.op]();
                break;
              }
              case 'snooze': {
                const id = idAt(s.pick);
                if (id) store.snooze('alice', id, new Date(clock.now() + s.hours * HOUR).toISOString());
                break;
              }
              case 'unsnooze': {
                const id = idAt(s.pick);
                if (id) store.unsnooze('alice', id);
                break;
              }
              case 'dismiss': {
                const id = idAt(s.pick);
                if (id) store.dismiss('alice', id);
                break;
              }
              case 'bulkIds': {
                const ids = s.picks.map(idAt).filter((id): id is string => id !== undefined);
                if (ids.length) store.bulk('alice', s.op, { ids });
                break;
              }
              case 'bulkFilter': {
                const upToId = s.upTo === null ? undefined : idAt(s.upTo);
                store.bulk('alice', s.op, { filter: s.filter, ...(upToId ? { upToId } : {}) });
                break;
              }
              case 'seenUpTo': {
                const id = idAt(s.pick);
                if (id) store.markSeen('alice', { upToId: id });
                break;
              }
              case 'readAll':
                store.readAll('alice', s.upTo === null ? undefined : idAt(s.upTo));
                break;
              case 'advance':
                clock.advance(s.hours * HOUR);
                break;
            }
          } catch (error) {
            if (!(error instanceof ProblemError)) throw error;
          }

          const items = all();
          const inbox = store.listNotifications('alice', { limit: 100 }).items;
          const counts = store.counts('alice');
          assert.equal(counts.unreadNotifications, inbox.filter((item) => item.readAt === null).length, 'unread');
          assert.equal(counts.unseenNotifications, inbox.filter((item) => item.seenAt === null).length, 'unseen');
          assert.equal(new Set(items.map((item) => item.id)).size, items.length, 'each item in one place');
          for (const item of items) {
            assert.ok(!(item.archivedAt && item.snoozedUntil), 'never archived and snoozed');
            if (item.readAt !== null) assert.notEqual(item.seenAt, null, 'read is seen');
            if (item.snoozedUntil) assert.ok(Date.parse(item.snoozedUntil) > clock.now(), 'woken on time');
            const before = seen.get(item.id);
            if (before) {
              const { version: v0, ...rest0 } = before;
              const { version: v1, ...rest1 } = item;
              if (JSON.stringify(rest0) === JSON.stringify(rest1)) assert.equal(v1, v0, 'no change, no version');
              else assert.ok(v1 > v0, 'a change bumps the version');
            }
            seen.set(item.id, item);
          }
          for (let i = 1; i < inbox.length; i++) {
            assert.ok(inbox[i - 1]!.createdAt > inbox[i]!.createdAt, 'the inbox is newest first');
          }
          assert.deepEqual(
            [...client.values()].sort((a, b) => a.id.localeCompare(b.id)),
            [...items].sort((a, b) => a.id.localeCompare(b.id)),
            'the events tell a client exactly what the server holds',
          );
        }
        store.dispose();
      }),
      { numRuns: 150 },
    );
  });
});
