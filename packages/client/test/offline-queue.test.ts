/**
 * Changes made while the server cannot be reached, over real HTTP against the
 * reference server: shown at once, counted as pending, sent again in order when
 * the connection is back, each applied once; a refusal rolls back that change
 * alone.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { Notification } from '@pd-notify/protocol';
import { createClient, PdError, type ClientOptions, type PdClient } from '../src/index.js';
import { cuttableNetwork, offlineEnvironment, until, referenceServerForFile } from './helpers.js';

const server = referenceServerForFile();

const clients: PdClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

async function open(options: Partial<ClientOptions>) {
  const client = createClient({ baseUrl: server().url, token: 'demo-alice', ...options });
  clients.push(client);
  client.$notifications.listen(() => {});
  client.$invitations.listen(() => {});
  client.$connection.listen(() => {});
  await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
  await until(client.$invitations, (s) => s.status === 'ready');
  return client;
}

const stored = (id: string): Notification | undefined =>
  server()
    .store.listNotifications('alice', { limit: 200 })
    .items.find((item) => item.id === id);

describe('changes made while the server cannot be reached', () => {
  it('stay shown and pending, then reach the server once it answers again, in order', async () => {
    const { state, fetch } = cuttableNetwork();
    const client = await open({ fetch });
    const [first, second] = client.$notifications.get().items.filter((item) => item.readAt === null);
    assert.ok(first && second, 'the demo has two unread notifications');
    state.down = true;
    const reading = client.markRead(first.id);
    const unreading = client.markRead(second.id).then(() => client.markUnread(second.id));
    const waiting = await until(client.$connection, (s) => s.pending === 2);
    assert.equal(waiting.pending, 2);
    const shown = client.$notifications.get();
    assert.notEqual(shown.items.find((item) => item.id === first.id)?.readAt, null, 'shown read at once');
    assert.deepEqual([...shown.pending].sort(), [first.id, second.id].sort());
    assert.equal(stored(first.id)?.readAt, null, 'not on the server yet');
    state.down = false;
    await client.refresh();
    await reading;
    await unreading;
    assert.notEqual(stored(first.id)?.readAt, null);
    assert.equal(stored(second.id)?.readAt, null, 'read then unread, in that order');
    await until(client.$connection, (s) => s.pending === 0);
    assert.deepEqual(client.$notifications.get().pending, []);
  });

  it('when the browser says it is offline, a change is queued without a request, and sent when it is back online', async () => {
    const { state, fetch } = cuttableNetwork();
    const { env, set } = offlineEnvironment();
    const client = await open({ fetch, environment: env });
    const target = client.$notifications.get().items.find((item) => item.readAt === null)!;
    set(false);
    const dismissing = client.dismiss(target.id);
    await until(client.$connection, (s) => s.pending === 1);
    assert.deepEqual(state.sent, []);
    assert.equal(
      client.$notifications.get().items.some((item) => item.id === target.id),
      false,
      'gone at once',
    );
    set(true);
    await dismissing;
    assert.equal(stored(target.id), undefined);
    assert.deepEqual(state.sent, [`DELETE /v1/notifications/${target.id}`]);
  });

  it('a change the server refuses when sent again is rolled back alone and reported; the others go through', async () => {
    const { state, fetch } = cuttableNetwork();
    const errors: PdError[] = [];
    const client = await open({ fetch, onError: (error) => errors.push(error) });
    const invitation = client.$invitations.get().items[0]!;
    const unread = client.$notifications.get().items.find((item) => item.readAt === null)!;
    state.down = true;
    const accepting = client.acceptInvitation(invitation.id);
    const reading = client.markRead(unread.id);
    await until(client.$connection, (s) => s.pending === 2);
    assert.equal(
      client.$invitations.get().items.some((item) => item.id === invitation.id),
      false,
      'shown answered',
    );
    // Meanwhile the invitation was declined in another session: accepting it now is a conflict.
    await globalThis.fetch(`${server().url}/v1/invitations/${invitation.id}/decline`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-alice' },
    });
    // Handled from now on: the refusal may come before refresh() resolves.
    const outcome = accepting.then(
      () => null,
      (error: unknown) => error,
    );
    state.down = false;
    await client.refresh();
    const refused = await outcome;
    assert.ok(refused instanceof PdError && refused.kind === 'conflict', String(refused));
    await reading;
    assert.notEqual(stored(unread.id)?.readAt, null);
    assert.ok(errors.includes(refused));
    await until(client.$connection, (s) => s.pending === 0);
  });
});

describe('a preferences save made while the server cannot be reached', () => {
  it('waits, shown as saving and pending, and is saved once the server answers', async () => {
    const { state, fetch } = cuttableNetwork();
    const client = await open({ fetch });
    client.$preferences.listen(() => {});
    const loaded = await until(client.$preferences, (s) => s.status === 'ready');
    await client.editPreferences(
      (draft) => void (draft.reminderLeadDays = loaded.server!.reminderLeadDays === 7 ? 1 : 7),
    );
    const wanted = client.$preferences.get().draft!.reminderLeadDays;
    state.down = true;
    const saving = client.savePreferences();
    const waiting = await until(client.$preferences, (s) => s.pending);
    assert.equal(waiting.status, 'saving');
    assert.equal(waiting.draft?.reminderLeadDays, wanted);
    assert.equal(server().store.getPreferences('alice').reminderLeadDays, loaded.server!.reminderLeadDays);
    state.down = false;
    await client.refresh();
    const saved = await saving;
    assert.equal(saved.reminderLeadDays, wanted);
    assert.equal(server().store.getPreferences('alice').reminderLeadDays, wanted);
    const shown = await until(client.$preferences, (s) => s.status === 'saved');
    assert.equal(shown.pending, false);
    assert.equal(shown.dirty, false);
  });

  it('is shown as a conflict, the user’s change kept on top, when another session saved meanwhile', async () => {
    const { state, fetch } = cuttableNetwork();
    const client = await open({ fetch });
    client.$preferences.listen(() => {});
    await until(client.$preferences, (s) => s.status === 'ready');
    await client.editPreferences((draft) => void (draft.categories.projects.enabled = false));
    state.down = true;
    const saving = client.savePreferences();
    await until(client.$preferences, (s) => s.pending);
    // Another session saves a newer version.
    const theirs = server().store.getPreferences('alice');
    await globalThis.fetch(`${server().url}/v1/preferences`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer demo-alice', 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: theirs.version, categories: theirs.categories, reminderLeadDays: 1 }),
    });
    // Handled from now on: the refusal may come before refresh() resolves.
    const outcome = saving.then(
      () => null,
      (error: unknown) => error,
    );
    state.down = false;
    await client.refresh();
    const refused = await outcome;
    assert.ok(refused instanceof PdError && refused.kind === 'conflict');
    const shown = await until(client.$preferences, (s) => s.status === 'conflict' && !s.pending);
    assert.equal(shown.server?.reminderLeadDays, 1, 'theirs is loaded');
    assert.equal(shown.draft?.categories.projects.enabled, false, 'mine stays on top');
  });
});

describe('a change whose answer was lost', () => {
  it('is sent again with its key and applied once: a support answer is not refused as already given', async () => {
    const { state, fetch } = cuttableNetwork();
    const errors: PdError[] = [];
    const client = await open({ fetch, onError: (error) => errors.push(error) });
    const ticket = client.$notifications.get().items.find((item) => item.actions.includes('feedback-resolved'));
    assert.ok(ticket && !ticket.actionTaken, 'the demo has a support ticket awaiting an answer');
    state.lose = 1; // the server gets the answer, the client never sees the reply
    const answering = client.runAction(ticket.id, 'feedback-resolved');
    await until(client.$connection, (s) => s.pending === 1);
    assert.equal(stored(ticket.id)?.actionTaken, 'feedback-resolved', 'the server made the change');
    await client.refresh();
    await answering;
    assert.equal(stored(ticket.id)?.actionTaken, 'feedback-resolved');
    assert.deepEqual(
      errors.map((error) => error.kind),
      ['network'],
      'only the lost answer: sending it again was not refused',
    );
    assert.deepEqual(state.sent, [
      `POST /v1/notifications/${ticket.id}/actions/feedback-resolved`,
      `POST /v1/notifications/${ticket.id}/actions/feedback-resolved`,
    ]);
  });
});
