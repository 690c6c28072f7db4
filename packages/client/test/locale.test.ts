/**
 * The reader's language (issue #25), over real HTTP and SSE against the
 * reference server: the client sends its locale as `Accept-Language` on every
 * request and on the stream, so the notifications arrive written in it; a
 * change of locale reloads what is held and opens the stream again in it; the
 * elements' language counts only while the host has not chosen one.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createClient, type ClientOptions, type PdClient } from '../src/index.js';
import { control, until, referenceServerForFile } from './helpers.js';

const server = referenceServerForFile();
const clients: PdClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

/** A client that records the `Accept-Language` of every request (path → header). */
function open(options: Partial<ClientOptions> = {}) {
  const sent: [string, string | null][] = [];
  const client = createClient({
    baseUrl: server().url,
    token: 'demo-alice',
    fetch: (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      sent.push([new URL(request.url).pathname, request.headers.get('accept-language')]);
      return fetch(request);
    },
    ...options,
  });
  clients.push(client);
  client.$notifications.listen(() => {});
  client.$archived.listen(() => {});
  client.$connection.listen(() => {});
  return { client, sent };
}

const titles = (client: PdClient) => client.$notifications.get().items.map((item) => item.title);
const MAINTENANCE = { en: 'Scheduled maintenance on Sunday', fr: 'Maintenance prévue dimanche' };

describe('the reader’s language', () => {
  it('is sent with every request and the stream, and the notifications come written in it', async () => {
    const { client, sent } = open({ locale: 'fr' });
    await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
    await until(client.$connection, (s) => s.status === 'live');
    assert.ok(titles(client).includes(MAINTENANCE.fr));
    assert.equal(client.locale, 'fr');
    assert.ok(sent.some(([path]) => path === '/v1/events'));
    assert.deepEqual(
      sent.filter(([, language]) => language !== 'fr'),
      [],
      'every request in French',
    );
    // Live: a stage change arrives in French.
    await control(server(), '/control/act', { action: 'stage', as: 'ben', trackId: 'neon-rain', stage: 'ready' });
    await until(client.$notifications, (s) => s.items[0]?.title === '« Neon Rain » est passé à l’étape Prêt à publier');
  });

  it('a change of locale reloads every view held, written in the new one, and the stream follows', async () => {
    const { client, sent } = open({ locale: 'en' });
    await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
    await until(client.$archived, (s) => s.status === 'ready');
    const target = client.$notifications.get().items.find((item) => item.title === MAINTENANCE.en)!;
    await client.archive(target.id);
    await until(client.$connection, (s) => s.status === 'live');
    const streams = sent.filter(([path]) => path === '/v1/events').length;
    const before = sent.length;

    client.setLocale('fr');
    assert.equal(client.locale, 'fr');
    await until(client.$archived, (s) => s.items[0]?.title === MAINTENANCE.fr);
    await until(client.$notifications, (s) => s.items.some((item) => item.title.startsWith('« Neon Rain »')));
    assert.equal(
      titles(client).some((title) => title.startsWith('“')),
      false,
      'nothing left in English',
    );
    await until(client.$connection, (s) => s.status === 'live');
    assert.equal(sent.filter(([path]) => path === '/v1/events').length, streams + 1, 'the stream opened again');
    assert.deepEqual(
      sent.slice(before).filter(([, language]) => language !== 'fr'),
      [],
      'every request after the switch in French',
    );
    await control(server(), '/control/act', { action: 'stage', as: 'ben', trackId: 'neon-rain', stage: 'ready' });
    await until(client.$notifications, (s) => s.items[0]?.title === '« Neon Rain » est passé à l’étape Prêt à publier');
  });

  it('a switch while a change is on its way: the change shows in the new language, read', async () => {
    let gate: Promise<void> | null = null;
    let release = () => {};
    const { client } = open({
      locale: 'en',
      fetch: async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        // The change reaches the server only once released, after the switch.
        if (request.method === 'POST') await gate;
        return fetch(request);
      },
    });
    const ready = await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
    const target = ready.items.find((item) => item.title === MAINTENANCE.en)!;
    const shown = () => client.$notifications.get().items.find((item) => item.id === target.id);
    gate = new Promise<void>((resolve) => (release = resolve));
    const reading = client.markRead(target.id);
    client.setLocale('fr');
    await until(client.$notifications, () => shown()?.title === MAINTENANCE.fr);
    release();
    await reading;
    await until(client.$notifications, () => shown()?.readAt !== null);
    assert.equal(shown()!.title, MAINTENANCE.fr);
  });

  it('a switch while a page is on its way drops that page: what shows is written in the new language', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { client } = open({
      locale: 'en',
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (new URL(input instanceof Request ? input.url : String(input)).pathname === '/v1/notifications') await gate;
        return response;
      },
    });
    await until(client.$notifications, (s) => s.status === 'loading');
    client.setLocale('fr');
    client.setLocale('de');
    release();
    const ready = await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
    assert.ok(
      ready.items.some((item) => item.title === 'Geplante Wartung am Sonntag'),
      ready.items.map((i) => i.title).join(' | '),
    );
    assert.equal(
      ready.items.some((item) => item.title === MAINTENANCE.en || item.title === MAINTENANCE.fr),
      false,
    );
  });

  it('the elements’ language is taken until the host chooses one; then it stays the host’s', async () => {
    const { client } = open();
    assert.equal(client.locale, 'en');
    client.setLocale('de', 'page');
    assert.equal(client.locale, 'de');
    await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
    assert.ok(titles(client).includes('Geplante Wartung am Sonntag'));
    client.setLocale('es');
    client.setLocale('fr', 'page');
    assert.equal(client.locale, 'es', 'the host chose');
    const chosen = open({ locale: 'ar' }).client;
    chosen.setLocale('fr', 'page');
    assert.equal(chosen.locale, 'ar', 'given as an option');
  });
});
