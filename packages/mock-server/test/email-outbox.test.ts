/**
 * The email channel, honoured by the reference server: what it would send lands
 * in the control API's outbox (`GET /control/outbox`), as the recipient's
 * preferences say (NS6). And the browser channel's storage.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { NotificationPage, Preferences, User } from '@pd-notify/protocol';
import { addTrack, startTestServer, type TestServer } from './helpers.js';

interface Outbox {
  items: { to: string; category: string; subject: string; notificationId: string | null; sentAt: string }[];
}

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());
beforeEach(async () => {
  await t.control('/control/reset', { seed: 'empty' });
  addTrack(t, 'song', 'alice', [['ben', 'edit']]);
});

const outbox = async (userId?: string) =>
  (await t.control<Outbox>(`/control/outbox${userId ? `?userId=${userId}` : ''}`, undefined, 'GET')).items;
const comment = (text = 'Stems are up') =>
  t.control('/control/act', { action: 'comment', as: 'ben', trackId: 'song', text });
const notify = (type: string, title: string) =>
  t.control('/control/act', { action: 'notify', userId: 'alice', type, title, message: '' });

async function setPreferences(change: (prefs: Preferences) => void): Promise<Preferences> {
  const { body } = await t.as('alice')<Preferences>('GET', '/v1/preferences');
  change(body);
  const saved = await t.as('alice')<Preferences>('PUT', '/v1/preferences', {
    body: { version: body.version, categories: body.categories, reminderLeadDays: body.reminderLeadDays },
  });
  assert.equal(saved.status, 200);
  return saved.body;
}

describe('the email channel and the outbox', () => {
  it('a collaborator’s comment emails Alice when Track Activity’s email channel is on, and not when it is off', async () => {
    await comment('off by default');
    assert.deepEqual(await outbox('alice'), [], 'Track Activity’s email channel is off by default');

    await setPreferences((prefs) => (prefs.categories.trackActivity.channels.email = true));
    await comment('Stems are up');
    const [email, ...others] = await outbox('alice');
    assert.equal(others.length, 0);
    const [row] = (await t.as('alice')<NotificationPage>('GET', '/v1/notifications?limit=1')).body.items;
    assert.deepEqual(email, {
      to: 'alice@moreno.studio',
      category: 'trackActivity',
      subject: 'Ben Okafor commented on “Track song”',
      notificationId: row!.id,
      sentAt: t.server.clock.iso(),
    });

    await setPreferences((prefs) => (prefs.categories.trackActivity.channels.email = false));
    await comment('after switching it off');
    assert.equal((await outbox('alice')).length, 1, 'no email once the channel is off');
  });

  it('follows the category and its option; with in-app off it still emails, with no notification to link', async () => {
    await setPreferences((prefs) => {
      prefs.categories.trackActivity.channels.email = true;
      prefs.categories.trackActivity.options.comment = false;
    });
    await comment();
    assert.deepEqual(await outbox('alice'), [], 'an option switched off sends nothing');

    await setPreferences((prefs) => {
      prefs.categories.trackActivity.options.comment = true;
      prefs.categories.trackActivity.enabled = false;
    });
    await comment();
    assert.deepEqual(await outbox('alice'), [], 'a category switched off sends nothing');

    await setPreferences((prefs) => {
      prefs.categories.trackActivity.enabled = true;
      prefs.categories.trackActivity.channels.inApp = false;
    });
    await comment('email only');
    const [email] = await outbox('alice');
    assert.equal(email?.notificationId, null);
    assert.deepEqual((await t.as('alice')<NotificationPage>('GET', '/v1/notifications')).body.items, []);
  });

  it('security alerts follow the user’s choice like the rest', async () => {
    await notify('security-alert', 'New sign-in');
    assert.deepEqual(
      (await outbox('alice')).map((email) => [email.category, email.subject]),
      [['system', 'New sign-in']],
      'System’s email channel is on by default',
    );
    await setPreferences((prefs) => (prefs.categories.system.channels.email = false));
    await notify('security-alert', 'Another sign-in');
    assert.equal((await outbox('alice')).length, 1);
  });

  it('never emails a reminder or a support answer (no category, in-app only), whatever the channels say', async () => {
    await setPreferences((prefs) => {
      for (const category of Object.values(prefs.categories)) category.channels.email = true;
    });
    await notify('reminder', 'Send the stems');
    await notify('support-feedback', 'Support replied');
    assert.deepEqual(await outbox('alice'), []);
    const titles = (await t.as('alice')<NotificationPage>('GET', '/v1/notifications')).body.items.map((n) => n.title);
    assert.deepEqual(titles.sort(), ['Send the stems', 'Support replied'], 'both are in the feed');
  });

  it('lists newest first, per user or everyone’s, and starts empty after a reset, the seed’s history included', async () => {
    await notify('security-alert', 'first');
    t.server.clock.advance(1000);
    await notify('service-announcement', 'second');
    await t.control('/control/act', {
      action: 'notify',
      userId: 'ben',
      type: 'account-verification',
      title: 'for ben',
      message: '',
    });
    assert.deepEqual(
      (await outbox('alice')).map((email) => email.subject),
      ['second', 'first'],
    );
    assert.deepEqual(
      (await outbox()).map((email) => [email.to, email.subject]),
      [
        ['ben@okafor.audio', 'for ben'],
        ['alice@moreno.studio', 'second'],
        ['alice@moreno.studio', 'first'],
      ],
    );
    await t.control('/control/reset', { seed: 'demo' });
    assert.deepEqual(await outbox(), []);
    const bad = await fetch(`${t.url}/control/outbox?userId=`);
    assert.equal(bad.status, 400);
  });

  it('GET /v1/me names the address notifications go to', async () => {
    const me = await t.as('alice')<User>('GET', '/v1/me');
    assert.deepEqual(me.body, { id: 'alice', name: 'Alice Moreno', avatarUrl: null, email: 'alice@moreno.studio' });
  });
});

describe('the browser channel', () => {
  it('is off by default, is saved like the others, and a save that leaves it out keeps it', async () => {
    const { body: initial } = await t.as('alice')<Preferences>('GET', '/v1/preferences');
    for (const category of Object.values(initial.categories)) assert.equal(category.channels.browser, false);

    const saved = await setPreferences((prefs) => (prefs.categories.collaborators.channels.browser = true));
    assert.equal(saved.categories.collaborators.channels.browser, true);

    // An older client knows no browser channel: it sends the channels without it.
    const older = await setPreferences((prefs) => {
      for (const category of Object.values(prefs.categories)) delete category.channels.browser;
      prefs.reminderLeadDays = 7;
    });
    assert.equal(older.reminderLeadDays, 7);
    assert.equal(older.categories.collaborators.channels.browser, true);
    assert.equal(older.categories.trackActivity.channels.browser, false);
  });
});
