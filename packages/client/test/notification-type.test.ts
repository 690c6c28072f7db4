import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, PdError, type Notification, type Preferences } from '../src/index.js';
import { control, referenceServerForFile, until } from './helpers.js';

const server = referenceServerForFile();

const stored = async (): Promise<Preferences> => server().store.getPreferences('alice');

describe('setNotificationType (“Turn off notifications like this”)', () => {
  it('loads the preferences when nothing observes them, turns the type’s option off and saves; the server stops producing it; true gives it back', async () => {
    const client = createClient({ baseUrl: server().url, token: 'demo-alice', shareAcrossTabs: false });
    try {
      assert.equal(client.$preferences.get().server, null, 'not loaded: nothing observes them');
      assert.equal(await client.setNotificationType('comment', false), true, 'it was on');
      const prefs = await stored();
      assert.equal(prefs.categories.trackActivity.options.comment, false);
      assert.equal(prefs.categories.trackActivity.enabled, true, 'the other options keep the category on');
      // A comment is no longer produced; a stage change (same category, another option) still is.
      await control(server(), '/control/act', {
        action: 'comment',
        as: 'ben',
        trackId: 'midnight-drive',
        text: 'Muted',
      });
      await control(server(), '/control/act', {
        action: 'stage',
        as: 'ben',
        trackId: 'midnight-drive',
        stage: 'mastering',
      });
      const response = await fetch(`${server().url}/v1/notifications?limit=5`, {
        headers: { Authorization: 'Bearer demo-alice' },
      });
      const items = ((await response.json()) as { items: Notification[] }).items;
      assert.equal(items[0]!.type, 'stage-changed');
      assert.ok(!items.some((item) => item.message === 'Muted'));
      // Undo: the answer given back.
      assert.equal(await client.setNotificationType('comment', true), false, 'it was off');
      assert.equal((await stored()).categories.trackActivity.options.comment, true);
    } finally {
      await client.close();
    }
  });

  it('the last option of a category turned off turns its main switch off, as the settings do; on again turns it on', async () => {
    const client = createClient({ baseUrl: server().url, token: 'demo-alice', shareAcrossTabs: false });
    try {
      for (const type of ['invitation', 'membership'] as const) await client.setNotificationType(type, false);
      assert.equal((await stored()).categories.collaborators.enabled, true);
      await client.setNotificationType('profile-changed', false);
      assert.equal((await stored()).categories.collaborators.enabled, false);
      await client.setNotificationType('membership', true);
      const prefs = await stored();
      assert.equal(prefs.categories.collaborators.enabled, true);
      assert.deepEqual(prefs.categories.collaborators.options, {
        invitation: false,
        membership: true,
        'profile-changed': false,
      });
      const shown = await until(client.$preferences, (state) => state.server?.version === prefs.version);
      assert.equal(shown.dirty, false);
    } finally {
      await client.close();
    }
  });

  it('refuses a type no option produces (a reminder the user set, support feedback), changing nothing', async () => {
    const client = createClient({ baseUrl: server().url, token: 'demo-alice', shareAcrossTabs: false });
    try {
      const before = await stored();
      for (const type of ['reminder', 'support-feedback'] as const) {
        await assert.rejects(
          client.setNotificationType(type, false),
          (error) => error instanceof PdError && error.kind === 'bad-request',
        );
      }
      assert.equal((await stored()).version, before.version);
    } finally {
      await client.close();
    }
  });

  it('rejects with the load’s error when the preferences cannot be loaded', async () => {
    await control(server(), '/control/faults', { error: { status: 403, times: 5, pathPrefix: '/v1/preferences' } });
    const client = createClient({ baseUrl: server().url, token: 'demo-alice', shareAcrossTabs: false });
    try {
      await assert.rejects(client.setNotificationType('comment', false), PdError);
    } finally {
      await control(server(), '/control/faults', undefined, 'DELETE');
      await client.close();
    }
  });
});
