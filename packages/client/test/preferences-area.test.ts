import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rebaseDraft } from '../src/sync/preferences-editor.js';
import { areaHarness } from './area-harness.js';
import { control, heldFetch, referenceServerForFile } from './helpers.js';

const server = referenceServerForFile({ seed: 'empty' });

describe('the preferences area', () => {
  it('loads, and a version saved elsewhere while a draft is open becomes incoming', async () => {
    const { preferences, send } = areaHarness({ baseUrl: server().url });
    assert.equal(await preferences.load(), true);
    const loaded = preferences.$preferences.get();
    assert.equal(loaded.status, 'ready');
    await preferences.edit((editor) => editor.edit((draft) => void (draft.reminderLeadDays = 7)));
    const newer = { ...loaded.server!, version: loaded.server!.version + 1, reminderLeadDays: 1 };
    send('preferences.updated', newer);
    assert.equal(preferences.$preferences.get().incoming?.version, newer.version);
    assert.equal(preferences.$preferences.get().draft?.reminderLeadDays, 7);
  });

  it('replacing what is held (another id space): a version sent during the load is taken over the answer', async () => {
    const current = await areaHarness({ baseUrl: server().url }).rest.getPreferences();
    const { fetch, release } = heldFetch();
    const { preferences, send } = areaHarness({ baseUrl: server().url, fetch });
    // An earlier visit's preferences from another id space, at a higher version of its own.
    preferences.restore({ ...current, version: current.version + 10, reminderLeadDays: 3 }, 'cached');
    preferences.replaceNext();
    const loading = preferences.load();
    // Saved elsewhere while the answer (computed before) is on its way.
    send('preferences.updated', { ...current, version: current.version + 1, reminderLeadDays: 7 });
    release();
    assert.equal(await loading, true);
    const { server: shown } = preferences.$preferences.get();
    assert.equal(shown?.version, current.version + 1);
    assert.equal(shown?.reminderLeadDays, 7);
  });

  it('shows a failed load as an error, with the server’s problem; the next try loads', async () => {
    await control(server(), '/control/faults', { error: { status: 500, times: 1, pathPrefix: '/v1/preferences' } });
    const { preferences, rest } = areaHarness({ baseUrl: server().url });
    assert.equal(await preferences.load(), false);
    const state = preferences.$preferences.get();
    assert.equal(state.status, 'error');
    assert.equal(state.error?.kind, 'server');
    rest.health.wake(); // a refresh: the probe goes now
    assert.equal(await preferences.load(), true);
    assert.equal(preferences.$preferences.get().status, 'ready');
  });
});

describe('rebaseDraft', () => {
  it('keeps what the user changed and takes everything else from the newer version', () => {
    const base = server().store.getPreferences('alice');
    const draft = structuredClone({ categories: base.categories, reminderLeadDays: base.reminderLeadDays });
    draft.categories.projects.enabled = false;
    draft.reminderLeadDays = 1;
    const theirs = structuredClone({ ...base, version: 2 });
    theirs.categories.collaborators.channels.email = true;
    theirs.reminderLeadDays = 7;
    theirs.categories.projects.options['track-added'] = false;
    const rebased = rebaseDraft(base, draft, theirs);
    assert.equal(rebased.categories.projects.enabled, false, 'mine');
    assert.equal(rebased.reminderLeadDays, 1, 'mine');
    assert.equal(rebased.categories.collaborators.channels.email, true, 'theirs');
    assert.equal(rebased.categories.projects.options['track-added'], false, 'theirs');
  });
});
