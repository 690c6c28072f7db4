/**
 * The order of changes waiting for the connection, in every engine (their
 * sorts differ where a comparator never answers "equal"): two changes made in
 * the same millisecond are sent in the order they were made, whether this page
 * made them or an earlier visit kept them, and the server ends with the last.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createClient, type Environment, type PdClient } from '../src/index.js';
import { ActionQueue } from '../src/offline/queue.js';
import type { Queued } from '../src/sync/change.js';
import { until } from './eventually.js';

declare global {
  interface Window {
    PD_SERVER_URL: string;
  }
}

/** A queue that records what it sends; it sends once `network.online` is true. */
function recordingQueue() {
  const network = { online: false };
  const sent: string[] = [];
  const queue = new ActionQueue({
    show: () => ({ undo() {}, queued() {} }),
    send: async (change) => void sent.push(change.kind),
    settledElsewhere: async () => {},
    report: () => {},
    store: null,
    broadcast: () => {},
    leading: () => true,
    online: () => network.online,
    onSize: () => {},
    later: () => () => {},
  });
  return { queue, sent, network };
}

const shown = { undo() {}, queued() {} };
const AT = '2026-12-06T12:00:00.000Z';

describe('changes waiting for the connection, made in the same millisecond', () => {
  it('are sent in the order they were made', async () => {
    const { queue, sent, network } = recordingQueue();
    // Keys in the reverse order of the changes: neither the key nor the clock can order them.
    const made = [
      queue.add({ kind: 'read', id: 'n1', key: 'f', at: AT }, shown),
      queue.add({ kind: 'unread', id: 'n1', key: 'e', at: AT }, shown),
      queue.add({ kind: 'read', id: 'n1', key: 'd', at: AT }, shown),
      queue.add({ kind: 'unread', id: 'n1', key: 'c', at: AT }, shown),
    ];
    network.online = true;
    await queue.send();
    await Promise.all(made);
    expect(sent).to.deep.equal(['read', 'unread', 'read', 'unread']);
  });

  it('are sent in the order they were made when an earlier visit kept them, whatever order the store lists them in', async () => {
    const { queue, sent, network } = recordingQueue();
    const kept: Queued[] = [
      { kind: 'unread', id: 'n1', key: 'a', at: AT, seq: 2 },
      { kind: 'read', id: 'n1', key: 'b', at: AT, seq: 1 },
      { kind: 'unread', id: 'n2', key: 'c', at: AT, seq: 4 },
      { kind: 'read', id: 'n2', key: 'd', at: AT, seq: 3 },
    ];
    for (const change of kept) queue.mirror(change);
    network.online = true;
    await queue.send();
    expect(sent).to.deep.equal(['read', 'unread', 'read', 'unread']);
  });

  it('read then unread, made offline in one millisecond: the server ends unread', async () => {
    const base = window.PD_SERVER_URL;
    const title = `same millisecond ${Math.random()}`;
    await fetch(`${base}/control/act`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'notify', userId: 'alice', type: 'service-announcement', title, message: '' }),
    });
    const listeners = new Set<() => void>();
    const network = { online: true };
    const environment: Environment = {
      hidden: () => false,
      online: () => network.online,
      watch: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    };
    const client: PdClient = createClient({ baseUrl: base, token: 'demo-alice', environment, persist: false });
    const stop = client.$notifications.listen(() => {});
    const stopConnection = client.$connection.listen(() => {});
    const clock = sinon.useFakeTimers({ now: Date.parse(AT), toFake: ['Date'] });
    try {
      const { items } = await until(client.$notifications, (state) => state.items.some((item) => item.title === title));
      const target = items.find((item) => item.title === title)!;
      network.online = false;
      for (const listener of listeners) listener();
      const read = client.markRead(target.id);
      const unread = client.markUnread(target.id);
      await until(client.$connection, (state) => state.pending === 2);
      network.online = true;
      for (const listener of listeners) listener();
      await Promise.all([read, unread]);
      const response = await fetch(`${base}/v1/notifications?limit=50`, {
        headers: { Authorization: 'Bearer demo-alice' },
      });
      const stored = ((await response.json()) as { items: { id: string; readAt: string | null }[] }).items;
      expect(stored.find((item) => item.id === target.id)?.readAt).to.equal(null);
    } finally {
      clock.restore();
      stop();
      stopConnection();
      await client.close();
    }
  });
});
