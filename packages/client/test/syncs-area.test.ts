import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaHarness } from './area-harness.js';
import { control, referenceServerForFile, heldFetch } from './helpers.js';

const server = referenceServerForFile({ seed: 'demo' });

describe('the file-sync area', () => {
  it('loads the server’s syncs and keeps a progress event that came while the load was in flight', async () => {
    const accepted = (await fetch(`${server().url}/v1/invitations?status=pending`, {
      headers: { Authorization: 'Bearer demo-alice' },
    }).then((response) => response.json())) as { items: { id: string; track: { id: string } }[] };
    const target = accepted.items[0]!;
    await fetch(`${server().url}/v1/invitations/${target.id}/accept`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-alice' },
    });
    const { fetch: held, release } = heldFetch();
    const { syncs, send } = areaHarness({ baseUrl: server().url, fetch: held });
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
    await control(server(), '/control/reset', { seed: 'demo' });
  });
});
