/**
 * Notifications in the reader's language (issue #25): the reference server
 * writes what it produces in English, French, German, Spanish or Arabic, as
 * each request's `Accept-Language` asks, answers `Content-Language`, and
 * stores nothing language-specific: the same notification reads in French for
 * a French reader and in English for an English one, over REST and over the
 * stream. Text a host sent as-is stays as sent.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Notification, NotificationPage } from '@pd-notify/protocol';
import { readEvents } from '@pd-notify/conformance';
import { LANGUAGES, negotiate, write, type NotificationText, type TextValues } from '../src/texts.js';
import { addTrack, startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());
beforeEach(() => t.control('/control/reset', { seed: 'demo' }));

/** Alice's inbox as a reader of `language` asks for it. */
async function inbox(language: string, query = '') {
  const reply = await t.as('alice')<NotificationPage>('GET', `/v1/notifications?limit=50${query}`, {
    headers: { 'Accept-Language': language },
  });
  assert.equal(reply.status, 200);
  return reply;
}
const titled = (items: readonly Notification[], id: string) => items.find((item) => item.id === id)!.title;

describe('the language a request asks for', () => {
  it('is the first of ours by weight, a region falling back to its language, English otherwise', () => {
    assert.equal(negotiate('fr-CA,fr;q=0.9,en;q=0.8'), 'fr');
    assert.equal(negotiate('ja, de;q=0.5'), 'de');
    assert.equal(negotiate('en;q=0.2, es;q=0.9'), 'es');
    assert.equal(negotiate('es;q=0, ar'), 'ar');
    assert.equal(negotiate('AR-eg'), 'ar');
    assert.equal(negotiate('ja, zh'), 'en');
    assert.equal(negotiate(''), 'en');
    assert.equal(negotiate(undefined), 'en');
    assert.equal(negotiate('*'), 'en');
  });
});

describe('notifications in the reader’s language', () => {
  it('the same notifications read in French for a French reader and in English for an English one', async () => {
    const french = await inbox('fr-FR,fr;q=0.9');
    const english = await inbox('en');
    assert.equal(french.headers.get('content-language'), 'fr');
    assert.equal(english.headers.get('content-language'), 'en');
    assert.match(french.headers.get('vary') ?? '', /Accept-Language/);
    const ids = english.body.items.map((item) => item.id);
    assert.deepEqual(
      french.body.items.map((item) => item.id),
      ids,
      'the same items',
    );
    const maintenance = english.body.items.find((item) => item.title === 'Scheduled maintenance on Sunday')!;
    assert.equal(titled(french.body.items, maintenance.id), 'Maintenance prévue dimanche');
    const stage = english.body.items.find((item) => item.type === 'stage-changed')!;
    assert.equal(stage.title, '“Neon Rain” moved to Mastering');
    assert.equal(titled(french.body.items, stage.id), '« Neon Rain » est passé à l’étape Mastering');
    // Nothing else differs: versions, times, states.
    const strip = ({ title: _title, message: _message, ...rest }: Notification) => rest;
    assert.deepEqual(french.body.items.map(strip), english.body.items.map(strip));
    // And the next English reader still reads English: nothing was stored in French.
    assert.equal(titled((await inbox('en')).body.items, maintenance.id), 'Scheduled maintenance on Sunday');
  });

  it('a comment keeps its author’s words; its title is the reader’s', async () => {
    const german = await inbox('de');
    const comment = german.body.items.find((item) => item.type === 'comment')!;
    assert.equal(comment.title, 'Ben Okafor hat „Midnight Drive“ kommentiert');
    assert.match(comment.message, /^The kick clips at 1:42/);
  });

  it('a single notification and a change’s answer are written in the reader’s language too, and English without a header', async () => {
    const { items } = (await inbox('en')).body;
    const target = items.find((item) => item.type === 'security-alert')!;
    const read = await t.as('alice')<Notification>('POST', `/v1/notifications/${target.id}/read`, {
      headers: { 'Accept-Language': 'es' },
    });
    assert.equal(read.body.title, 'Nuevo inicio de sesión desde Firefox en macOS');
    assert.equal(read.headers.get('content-language'), 'es');
    const one = await t.as('alice')<Notification>('GET', `/v1/notifications/${target.id}`, {
      headers: { 'Accept-Language': 'ar' },
    });
    assert.equal(one.body.title, 'تسجيل دخول جديد من Firefox على macOS');
    const plain = await t.as('alice')<Notification>('GET', `/v1/notifications/${target.id}`);
    assert.equal(plain.body.title, 'New sign-in from Firefox on macOS');
    assert.equal(plain.headers.get('content-language'), 'en');
  });

  it('text a host sent as-is stays as sent, in every language', async () => {
    await t.control('/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'service-announcement',
      title: 'Studio closed on Friday',
      message: 'Book another day.',
    });
    for (const language of LANGUAGES) {
      const { items } = (await inbox(language)).body;
      assert.equal(items[0]!.title, 'Studio closed on Friday', language);
      assert.equal(items[0]!.message, 'Book another day.', language);
    }
  });

  it('a search finds words as the reader reads them', async () => {
    const french = await inbox('fr', '&q=prévue');
    assert.deepEqual(
      french.body.items.map((item) => item.title),
      ['Maintenance prévue dimanche'],
    );
    assert.deepEqual((await inbox('en', '&q=prévue')).body.items, []);
    assert.equal((await inbox('en', '&q=scheduled')).body.items.length, 1);
  });

  it('tags each language’s answer apart: a French tag is not an English answer’s', async () => {
    const french = await inbox('fr');
    const english = await inbox('en');
    const tag = french.headers.get('etag')!;
    assert.notEqual(tag, english.headers.get('etag'));
    const again = await t.as('alice')('GET', '/v1/notifications?limit=50', {
      headers: { 'Accept-Language': 'fr', 'If-None-Match': tag },
    });
    assert.equal(again.status, 304);
    const other = await t.as('alice')('GET', '/v1/notifications?limit=50', {
      headers: { 'Accept-Language': 'en', 'If-None-Match': tag },
    });
    assert.equal(other.status, 200);
  });

  it('each stream reads its events in its own language: one event, written for each', async () => {
    addTrack(t, 'demo-song', 'alice', [['ben', 'edit']]);
    const french = await readEvents(t.url, 'demo-alice', { headers: { 'Accept-Language': 'fr' } });
    const english = await readEvents(t.url, 'demo-alice', { headers: { 'Accept-Language': 'en' } });
    try {
      assert.equal(french.response.headers.get('content-language'), 'fr');
      await t.control('/control/act', { action: 'stage', as: 'ben', trackId: 'demo-song', stage: 'mixing' });
      const created = (message: { event: string }) => message.event === 'notification.created';
      const [fr, en] = await Promise.all([french.next(created), english.next(created)]);
      assert.equal(fr.id, en.id);
      assert.equal((JSON.parse(fr.data) as Notification).title, '« Track demo-song » est passé à l’étape Mixage');
      assert.equal((JSON.parse(en.data) as Notification).title, '“Track demo-song” moved to Mixing');
      assert.equal(
        (JSON.parse(fr.data) as Notification).message,
        'Ben Okafor a fait passer le morceau de l’étape Idée à l’étape Mixage.',
      );
    } finally {
      french.close();
      english.close();
    }
  });
});

describe('the text tables', () => {
  const DUE = Date.UTC(2026, 11, 10);
  /** One text of each key, with values. */
  const SAMPLES: { [K in keyof TextValues]: NotificationText & { key: K } } = {
    comment: { key: 'comment', actor: 'Ben', track: 'Neon Rain', text: 'Nice.' },
    published: { key: 'published', actor: 'Ben', track: 'Neon Rain' },
    'stage-changed': { key: 'stage-changed', actor: 'Ben', track: 'Neon Rain', from: 'idea', to: 'ready' },
    'metadata-updated': { key: 'metadata-updated', actor: 'Ben', track: 'Neon Rain', what: 'due-date' },
    'due-reminder': { key: 'due-reminder', track: 'Neon Rain', days: 2, due: DUE },
    'due-passed': { key: 'due-passed', track: 'Neon Rain', due: DUE },
    overdue: { key: 'overdue', track: 'Neon Rain', due: DUE },
    invitation: { key: 'invitation', actor: 'Ben', track: 'Neon Rain', permission: 'view' },
    membership: { key: 'membership', actor: 'Ben', track: 'Neon Rain', permission: 'full' },
    'email-verified': { key: 'email-verified', email: 'a@b.c' },
    'track-added': { key: 'track-added', actor: 'Ben', track: 'Neon Rain', project: 'EP' },
    maintenance: { key: 'maintenance' },
    'new-sign-in': { key: 'new-sign-in' },
    'support-reply': { key: 'support-reply', ticket: 1, track: 'Neon Rain' },
    'stems-reminder': { key: 'stems-reminder', track: 'Neon Rain', person: 'Chloé' },
    'loudness-report': { key: 'loudness-report' },
  };

  it('write every text the server produces in every language, each its own (no English left, nothing missing)', () => {
    for (const sample of Object.values(SAMPLES)) {
      const english = write(sample, 'en');
      for (const language of LANGUAGES) {
        const written = write(sample, language);
        for (const text of [written.title, written.message]) {
          assert.ok(text.trim().length > 0, `${sample.key} in ${language}`);
          assert.doesNotMatch(text, /undefined|NaN|\[object/, `${sample.key} in ${language}`);
        }
        if (language !== 'en') assert.notEqual(written.title, english.title, `${sample.key}'s title in ${language}`);
      }
    }
  });

  it('count days with each language’s plural rules: Arabic’s six forms among them', () => {
    const title = (language: 'en' | 'fr' | 'ar', days: number) =>
      write({ key: 'due-reminder', track: 'X', days, due: DUE }, language).title;
    assert.equal(title('en', 1), '“X” is due in 1 day');
    assert.equal(title('en', 2), '“X” is due in 2 days');
    assert.equal(title('fr', 1), '« X » est à rendre dans 1 jour');
    assert.equal(title('fr', 3), '« X » est à rendre dans 3 jours');
    assert.deepEqual(
      [1, 2, 3, 11, 100].map((days) => title('ar', days).replace(/^.*بعد /, '')),
      ['يوم واحد', 'يومين', '3 أيام', '11 يومًا', '100 يوم'],
    );
  });
});
