/**
 * The client checks payloads with the wire checks generated from the valibot
 * schemas (no valibot in the client bundle). These tests keep the two in step:
 * the generated file is fresh, every payload the reference server's demo
 * produces passes both, and payloads broken in each way the schemas refuse are
 * refused by the wire checks too.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as s from '@pd-notify/protocol';
import { Clock, Store, applySeed } from '@pd-notify/mock-server/domain';
import * as v from 'valibot';
import { WIRE_CHECKS_PATH, renderWireChecks } from '../../protocol/scripts/write-wire-checks.js';

const PAIRS = [
  ['Notification', s.NotificationSchema, s.NotificationCheck],
  ['NotificationPage', s.NotificationPageSchema, s.NotificationPageCheck],
  ['Invitation', s.InvitationSchema, s.InvitationCheck],
  ['InvitationList', s.InvitationListSchema, s.InvitationListCheck],
  ['Track', s.TrackSchema, s.TrackCheck],
  ['Acceptance', s.AcceptanceSchema, s.AcceptanceCheck],
  ['ActionResult', s.ActionResultSchema, s.ActionResultCheck],
  ['Preferences', s.PreferencesSchema, s.PreferencesCheck],
  ['Counts', s.CountsSchema, s.CountsCheck],
  ['User', s.UserSchema, s.UserCheck],
  ['ReadAllResult', s.ReadAllResultSchema, s.ReadAllResultCheck],
  ['SyncProgress', s.SyncProgressSchema, s.SyncProgressCheck],
] as const;

/** The demo seed's payloads for Alice, by schema name, and every event of her log. */
function demoPayloads() {
  const store = new Store({ clock: new Clock({ frozen: true }) });
  applySeed(store, 'demo', 'http://127.0.0.1:1');
  const events: { event: s.EventName; data: unknown }[] = [];
  store.log.subscribe('alice', (logged) => events.push({ event: logged.event, data: JSON.parse(logged.json) }));
  const page = store.listNotifications('alice', { limit: 100 });
  const invitations = store.listInvitations('alice', 'pending');
  const invite = page.items.find((item) => item.actions.includes('accept-invite'))!;
  const actionResult = store.runAction('alice', invite.id, 'accept-invite');
  const payloads: Record<string, unknown[]> = {
    Notification: page.items,
    NotificationPage: [page],
    Invitation: invitations,
    InvitationList: [{ items: invitations }],
    Track: store.listTracks('alice'),
    Acceptance: [actionResult.acceptance],
    ActionResult: [actionResult],
    Preferences: [store.getPreferences('alice')],
    Counts: [store.counts('alice')],
    User: [store.me('alice')],
    ReadAllResult: [store.readAll('alice')],
    SyncProgress: store.listSyncs('alice'),
  };
  store.dispose();
  return { payloads, events };
}

/** Ways to break a payload at `path` (a key of an object in it). */
const BREAKS: [string, (value: unknown) => unknown][] = [
  ['removed', () => undefined],
  ['null', () => null],
  ['a number', () => 42],
  ['a string', () => 'x'],
  ['an empty string', () => ''],
  ['a long string', () => 'x'.repeat(6000)],
  ['a fraction', () => 1.5],
  ['negative', () => -1],
  ['an array', () => []],
  ['an object', () => ({})],
  ['a javascript: URL', () => 'javascript:alert(1)'],
  ['a date without time', () => '2026-11-23'],
  ['true', () => true],
];

/** Every variant of `value` with one key somewhere inside broken one way, plus one unknown key per object. */
function* broken(value: unknown, path: string[] = []): Generator<[string, unknown]> {
  if (Array.isArray(value)) {
    if (value.length > 0) for (const [label, variant] of broken(value[0], [...path, '0'])) yield [label, [variant]];
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  yield [`${[...path, 'unknownKey'].join('.')} added`, { ...record, unknownKey: true }];
  for (const key of Object.keys(record)) {
    for (const [label, make] of BREAKS) {
      const copy = { ...record, [key]: make(record[key]) };
      if (copy[key] === undefined) delete copy[key];
      yield [`${[...path, key].join('.')} ${label}`, copy];
    }
    for (const [label, variant] of broken(record[key], [...path, key])) yield [label, { ...record, [key]: variant }];
  }
}

describe('wire checks', () => {
  it('are exactly what the schemas generate (run `npm run build:schema` after changing them)', () => {
    assert.equal(readFileSync(WIRE_CHECKS_PATH, 'utf8'), renderWireChecks());
  });

  const { payloads, events } = demoPayloads();

  it('accept every payload of the demo, as the schemas do', () => {
    for (const [name, schema, check] of PAIRS) {
      assert.ok(payloads[name]!.length > 0, `the demo has no ${name}`);
      for (const payload of payloads[name]!) {
        assert.ok(v.is(schema, payload), `the schema refuses a demo ${name}`);
        assert.equal(s.wireProblem(check, payload), null, `the wire check refuses a demo ${name}`);
      }
    }
  });

  it('accept every event of the demo log', () => {
    assert.ok(events.length > 0);
    for (const { event, data } of events) assert.equal(s.wireProblem(s.EVENT_CHECKS[event], data), null, event);
  });

  it('refuse what the schemas refuse, and accept what they accept, for every key broken every way', () => {
    let refused = 0;
    for (const [name, schema, check] of PAIRS) {
      for (const [label, variant] of broken(payloads[name]![0])) {
        // The one deliberate difference: a notification's `type` may be any string (see the next test).
        const openType = /(^|\.)type (a string|an empty string|a long string|a javascript: URL|a date without time)$/;
        const schemaRefuses = !v.is(schema, variant) && !openType.test(label);
        const problem = s.wireProblem(check, variant);
        if (schemaRefuses) refused++;
        assert.equal(
          problem !== null,
          schemaRefuses,
          `${name} with ${label}: schema ${schemaRefuses ? 'refuses' : 'accepts'}, wire check says ${problem ?? 'fine'}`,
        );
      }
    }
    assert.ok(refused > 500, `only ${refused} broken payloads were tried`);
  });

  it('accept a notification type they do not know, so a server adding one does not break older clients', () => {
    const page = payloads.NotificationPage![0] as { items: Record<string, unknown>[] };
    const newer = { ...page, items: [{ ...page.items[0], type: 'a-type-from-next-year' }, ...page.items.slice(1)] };
    assert.equal(v.is(s.NotificationPageSchema, newer), false, 'the server’s schema knows its types');
    assert.equal(s.wireProblem(s.NotificationPageCheck, newer), null);
    assert.match(
      s.wireProblem(s.NotificationPageCheck, { ...newer, items: [{ ...page.items[0], type: 7 }] }) ?? '',
      /type: expected a string/,
    );
  });

  it('say where and what is wrong', () => {
    const page = payloads.NotificationPage![0] as { items: Record<string, unknown>[] };
    const bad = { ...page, items: [page.items[0], { ...page.items[1], createdAt: 'yesterday' }] };
    assert.equal(s.wireProblem(s.NotificationPageCheck, bad), 'items.1.createdAt: expected an RFC 3339 timestamp');
  });
});
