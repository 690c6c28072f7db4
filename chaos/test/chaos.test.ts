/**
 * The fast, deterministic part of the chaos suite, inside npm test: every fault
 * scenario in Chromium against the reference server (offline for 3 s instead of
 * a minute; the client's backoff and the windows measured with it at 1/20), and
 * the comparison that judges them. `npm run chaos` runs the full
 * suite with the soak.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ChaosRig, type Report } from '../harness.js';
import type { PageState } from '../page.js';
import { ALL_SCENARIOS, runScenarios } from '../scenarios.js';
import { soak } from '../soak.js';

describe('chaos: the page ends in the server’s true state under every fault', () => {
  let rig: ChaosRig;
  let reports: Report[];
  before(async () => {
    rig = await ChaosRig.start();
    reports = await runScenarios(rig, { offlineMs: 3000, timeScale: 1 / 20 });
  });
  after(() => rig?.stop());

  for (const scenario of ALL_SCENARIOS) {
    it(scenario.name, () => {
      const report = reports.find((candidate) => candidate.scenario === scenario.name)!;
      assert.equal(report.mismatch, null);
      assert.ok(report.eventsSent > 0);
      assert.equal(report.eventsShown, report.eventsSent, 'every event sent is shown');
      assert.equal(report.actionsConfirmed + report.actionsFailed, report.actionsMade, 'no action is lost');
    });
  }
});

describe('a short soak (the full one is npm run chaos)', () => {
  it('3,000 events with the stream cut every 500: the page ends in the server’s state and removing it leaves nothing running', async () => {
    const rig = await ChaosRig.start();
    try {
      const result = await soak(rig, { events: 3000, batch: 500 });
      assert.equal(result.mismatch, null);
      assert.equal(result.reconnects, 6, 'the page reconnected once after each of the 6 cuts');
    } finally {
      await rig.stop();
    }
  });
});

describe('ChaosRig.difference', () => {
  const truth = {
    items: [
      { id: 'a', title: 'A', readAt: null },
      { id: 'b', title: 'B', readAt: '2026-11-23T09:00:00.000Z' },
    ],
    unread: 1,
  };
  const state = (change: Partial<PageState> = {}): PageState => ({
    items: [
      { id: 'a', title: 'A', read: false },
      { id: 'b', title: 'B', read: true },
    ],
    hasMore: false,
    unread: 1,
    badge: '1',
    connection: 'live',
    connectionError: null,
    retryAt: null,
    pending: 0,
    statuses: ['loading', 'ready'],
    actions: [],
    ...change,
  });

  it('accepts a page that shows exactly what the server stored', () => {
    assert.equal(ChaosRig.difference(state(), truth), null);
  });

  it('names duplicate rows, missing and extra items, read flags, counts, the badge and pending actions', () => {
    const row = (id: string, read = false) => ({ id, title: id.toUpperCase(), read });
    const cases: [Partial<PageState>, RegExp][] = [
      [{ items: [row('a'), row('a'), row('b', true)] }, /duplicate rows: a/],
      [{ items: [row('a')] }, /missing: B/],
      [{ items: [row('a'), row('b', true), row('c')] }, /not on the server: C/],
      [{ items: [row('a', true), row('b', true)] }, /read flags differ: A/],
      [{ unread: 2 }, /unread count 2, server 1/],
      [{ badge: '' }, /badge "", server count 1/],
      [{ hasMore: true }, /not every page is loaded/],
      [{ actions: [{ kind: 'read', id: 'a', outcome: 'pending' }] }, /actions still pending: read a/],
      [{ items: [row('b', true), row('a')] }, /row 0 is B, the server's is A/],
    ];
    for (const [change, expected] of cases) assert.match(ChaosRig.difference(state(change), truth) ?? 'null', expected);
  });

  it('with window, accepts the server’s newest items only, when more are left to load', () => {
    const newest = state({ items: [{ id: 'a', title: 'A', read: false }], hasMore: true });
    assert.equal(ChaosRig.difference(newest, truth, { window: true }), null);
    assert.match(ChaosRig.difference(newest, truth) ?? '', /not every page is loaded/);
    const notNewest = state({ items: [{ id: 'b', title: 'B', read: true }], hasMore: true });
    assert.match(ChaosRig.difference(notNewest, truth, { window: true }) ?? '', /missing: A/);
  });
});
