import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Acceptance, Counts, Invitation, InvitationList, Preferences, TrackList } from '@pd-notify/protocol';
import { assertEventSchema, assertSchema, readEvents } from '../src/index.js';
import { targetForFile } from './target-for-file.js';

const { target, asA: api } = targetForFile();

describe('invitations', () => {
  it('lists pending invitations, most recent first, filterable by track', async () => {
    const list = await api<InvitationList>('GET', '/v1/invitations');
    assert.equal(list.status, 200);
    assertSchema('InvitationList', list.body);
    assert.ok(list.body.items.length >= 2, 'the suite needs a user A with at least 2 pending invitations');
    assert.ok(list.body.items.every((inv) => inv.status === 'pending'));
    for (let i = 1; i < list.body.items.length; i++) {
      assert.ok(list.body.items[i - 1]!.sentAt >= list.body.items[i]!.sentAt, 'most recent first');
    }
    const trackId = list.body.items[0]!.track.id;
    const filtered = await api<InvitationList>('GET', `/v1/invitations?trackId=${encodeURIComponent(trackId)}`);
    assert.deepEqual(
      filtered.body.items.map((inv) => inv.id),
      list.body.items.filter((inv) => inv.track.id === trackId).map((inv) => inv.id),
    );
    const bad = await api<{ field: string }>('GET', '/v1/invitations?status=maybe');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.field, 'status');
  });

  it('declines one: it leaves the pending list and the count; a second answer conflicts', async () => {
    const before = (await api<Counts>('GET', '/v1/counts')).body;
    const [invitation] = (await api<InvitationList>('GET', '/v1/invitations')).body.items;
    const declined = await api<Invitation>('POST', `/v1/invitations/${invitation!.id}/decline`);
    assert.equal(declined.status, 200);
    assertSchema('Invitation', declined.body);
    assert.equal(declined.body.status, 'declined');
    const pending = (await api<InvitationList>('GET', '/v1/invitations')).body.items;
    assert.ok(!pending.some((inv) => inv.id === invitation!.id));
    const counts = (await api<Counts>('GET', '/v1/counts')).body;
    assert.equal(counts.pendingInvitations, before.pendingInvitations - 1);
    assert.equal((await api('POST', `/v1/invitations/${invitation!.id}/accept`)).status, 409);
    const declinedList = await api<InvitationList>('GET', '/v1/invitations?status=declined');
    assert.ok(declinedList.body.items.some((inv) => inv.id === invitation!.id));
  });

  it('accepts one: answers track and permission, grants access, pushes sync progress until done', async () => {
    const stream = await readEvents(target().url, target().tokenA);
    try {
      await stream.next((event) => event.event === 'ready');
      const [invitation] = (await api<InvitationList>('GET', '/v1/invitations')).body.items;
      const accepted = await api<Acceptance>('POST', `/v1/invitations/${invitation!.id}/accept`);
      assert.equal(accepted.status, 200);
      assertSchema('Acceptance', accepted.body);
      assert.equal(accepted.body.invitation.status, 'accepted');
      assert.equal(accepted.body.track.id, invitation!.track.id);
      assert.equal(accepted.body.permission, invitation!.permission);
      assert.equal(accepted.body.track.permission, invitation!.permission);
      const tracks = (await api<TrackList>('GET', '/v1/tracks')).body;
      assertSchema('TrackList', tracks);
      assert.ok(
        tracks.items.some((track) => track.id === invitation!.track.id),
        'the track is now in the grid',
      );
      const done = await stream.next((event) => {
        if (event.event !== 'sync.progress') return false;
        const data = JSON.parse(event.data) as { trackId: string; done: boolean };
        return data.trackId === invitation!.track.id && data.done;
      }, 15_000);
      assertEventSchema(done);
      const syncs = await api('GET', '/v1/syncs');
      assertSchema('SyncList', syncs.body);
      const update = await stream.next((event) => event.event === 'invitation.updated');
      assertEventSchema(update);
    } finally {
      stream.close();
    }
  });
});

describe('preferences', () => {
  it('reads and saves with the version; a stale version is a 409 and changes nothing', async () => {
    const current = await api<Preferences>('GET', '/v1/preferences');
    assert.equal(current.status, 200);
    assertSchema('Preferences', current.body);
    const { version, categories, reminderLeadDays } = current.body;
    const changed = structuredClone(categories);
    changed.trackActivity.options.comment = !changed.trackActivity.options.comment;
    const saved = await api<Preferences>('PUT', '/v1/preferences', {
      body: { version, categories: changed, reminderLeadDays: reminderLeadDays === 7 ? 1 : 7 },
    });
    assert.equal(saved.status, 200);
    assertSchema('Preferences', saved.body);
    assert.ok(saved.body.version > version);
    assert.equal(saved.body.categories.trackActivity.options.comment, changed.trackActivity.options.comment);
    const stale = await api<{ type: string }>('PUT', '/v1/preferences', {
      body: { version, categories, reminderLeadDays },
    });
    assert.equal(stale.status, 409);
    assertSchema('Problem', stale.body);
    const stored = await api<Preferences>('GET', '/v1/preferences');
    assert.deepEqual(stored.body, saved.body, 'the stale save changed nothing');
  });

  it('has a browser channel per category: saved, sent live, and kept by a save that leaves it out', async () => {
    const { body: current } = await api<Preferences>('GET', '/v1/preferences');
    for (const [name, category] of Object.entries(current.categories)) {
      assert.equal(typeof category.channels.browser, 'boolean', `categories.${name}.channels.browser`);
    }
    const stream = await readEvents(target().url, target().tokenA);
    try {
      await stream.next((event) => event.event === 'ready');
      const categories = structuredClone(current.categories);
      const browser = !categories.collaborators.channels.browser;
      categories.collaborators.channels.browser = browser;
      const saved = await api<Preferences>('PUT', '/v1/preferences', {
        body: { version: current.version, categories, reminderLeadDays: current.reminderLeadDays },
      });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.categories.collaborators.channels.browser, browser);
      const event = await stream.next((e) => e.event === 'preferences.updated');
      assertEventSchema(event);
      assert.equal((JSON.parse(event.data) as Preferences).categories.collaborators.channels.browser, browser);

      // A client older than the channel sends the channels without it: the stored value stays.
      const older = structuredClone(saved.body.categories);
      for (const category of Object.values(older)) delete category.channels.browser;
      const kept = await api<Preferences>('PUT', '/v1/preferences', {
        body: { version: saved.body.version, categories: older, reminderLeadDays: saved.body.reminderLeadDays },
      });
      assert.equal(kept.status, 200);
      assert.deepEqual(kept.body.categories, saved.body.categories);
    } finally {
      stream.close();
    }
  });

  it('rejects malformed bodies with typed problems', async () => {
    const { body: current } = await api<Preferences>('GET', '/v1/preferences');
    const missing = await api<{ field: string }>('PUT', '/v1/preferences', {
      body: { version: current.version, categories: { ...current.categories, system: undefined }, reminderLeadDays: 3 },
    });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.field, 'categories.system');
    const lead = await api<{ field: string }>('PUT', '/v1/preferences', {
      body: { version: current.version, categories: current.categories, reminderLeadDays: 2 },
    });
    assert.equal(lead.status, 400);
    assert.equal(lead.body.field, 'reminderLeadDays');
    const notJson = await api('PUT', '/v1/preferences', {
      raw: '{"version":',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(notJson.status, 400);
    const wrongType = await api('PUT', '/v1/preferences', {
      raw: 'version=1',
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(wrongType.status, 415);
    const huge = await api('PUT', '/v1/preferences', {
      raw: JSON.stringify({ pad: 'x'.repeat(2_000_000) }),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(huge.status, 413);
    for (const reply of [missing, lead, notJson, wrongType, huge]) {
      assert.match(reply.contentType, /^application\/problem\+json/);
      assertSchema('Problem', reply.body);
    }
  });
});
