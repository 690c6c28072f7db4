/**
 * The README's size sentence is a promise: its budgets are the ones `npm test`
 * enforces, and its peer ratios are those of the last full `npm run bench`
 * (`bench/results.json`), so neither can drift from what is measured.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BUDGETS } from '../size.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');

describe("the README's size claims", () => {
  it('names the budgets npm test enforces', () => {
    const claim =
      /under ([\d.]+) KB gzip at start .*?every element together under ([\d.]+), the client alone under ([\d.]+)/.exec(
        readme,
      );
    assert.ok(claim, 'the README no longer states the feed, elements and client budgets');
    const kb = (bytes: number | undefined) => String((bytes ?? 0) / 1024);
    assert.deepEqual(
      { feed: claim[1], all: claim[2], client: claim[3] },
      { feed: kb(BUDGETS['pd-activity-feed']), all: kb(BUDGETS['all elements']), client: kb(BUDGETS.client) },
    );
  });

  it("gives the range of the peers' inboxes measured by the last benchmark", () => {
    type Results = {
      size: Record<string, { gzip: number }>;
      peers: { kind: 'client' | 'inbox'; size: { gzip: number } }[];
    };
    const results = JSON.parse(readFileSync(new URL('../results.json', import.meta.url), 'utf8')) as Results;
    const feed = results.size['pd-activity-feed']!.gzip;
    const ratios = results.peers.filter((peer) => peer.kind === 'inbox').map((peer) => peer.size.gzip / feed);
    const claim = /the peers' inboxes measure ([\d.]+) to ([\d.]+) times the feed/.exec(readme);
    assert.ok(claim, "the README no longer compares the peers' inboxes with the feed");
    assert.deepEqual(
      [claim[1], claim[2]],
      [Math.min(...ratios).toFixed(1), Math.max(...ratios).toFixed(1)],
      'run npm run bench and update the README',
    );
  });

  it('gives how much sooner the server-rendered count is on screen, as the last benchmark measured', () => {
    type Results = { ssr: { countOnScreen: Record<'server' | 'client', { median: number }> } };
    const { ssr } = JSON.parse(readFileSync(new URL('../results.json', import.meta.url), 'utf8')) as Results;
    const claim = /the count is on screen about ([\d.]+) times sooner than when the browser renders it/.exec(readme);
    assert.ok(claim, 'the README no longer compares the server-rendered first paint');
    const measured = ssr.countOnScreen.client.median / ssr.countOnScreen.server.median;
    assert.equal(claim[1], measured.toFixed(1), 'run npm run bench -- --only=ssr and update the README');
  });
});
