import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '@pd-notify/mock-server';
import { areaHarness } from './area-harness.js';
import { control, referenceServer } from './helpers.js';

let server: RunningServer;
before(async () => {
  server = await referenceServer({ seed: 'demo' });
});
after(() => server.close());

describe('the file-sync area', () => {
  it('loads the server’s syncs and keeps a progress event that came while the load was in flight', async () => {
    const accepted = (await fetch(`${server.url}/v1/invitations?status=pending`, {
      headers: { Authorization: 'Bearer demo-alice' },
    }).then((response) => response.json())) as { items: { id: string; track: { id: string } }[] };
    const target = accepted.items[0]!;
    await fetch(`${server.url}/v1/invitations/${target.id}/accept`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-alice' },
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      await gate;
      return response;
    };
    const { syncs, send } = areaHarness({ baseUrl: server.url, fetch: held });
    const loading = syncs.load();
    send('sync.progress', { trackId: target.track.id, filesDone: 99, filesTotal: 99, done: true });
    release();
    assert.equal(await loading, true);
    assert.deepEqual(syncs.$syncProgress.get()[target.track.id], {
      trackId: target.track.id,
      filesDone: 99,
      filesTotal: 99,
      done: true,
    });
    await control(server, '/control/reset', { seed: 'demo' });
  });
});
