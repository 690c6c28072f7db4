/**
 * HTTP semantics every backend owes the client, whatever its framework: hostile
 * path ids and bodies get a typed 4xx, 405 names what is allowed, HEAD mirrors
 * GET, the auth scheme is case-insensitive, only JSON bodies are read, and the
 * event stream is never compressed. (Every answer is also checked against
 * docs/openapi.json by the `http` helper.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  Counts,
  InvitationList,
  NotificationPage,
  Preferences,
  Problem,
  TrackList,
  User,
} from '@pd-notify/protocol';
import { assertDocumented, openApi, rawRequest } from '../src/index.js';
import { targetForFile } from './target-for-file.js';

const { target, asA: api } = targetForFile();

/** Percent-encodings that decode to no UTF-8 string: truncated, not hex, invalid or overlong sequences, surrogates, past U+10FFFF. */
const MISENCODED = ['%', '%zz', '%C3%28', '%FF%FE', '%C0%AE%C0%AE%C0%AF', '%ED%A0%80', '%F4%90%80%80', 'a%2'];

/** Every route with ids, as [method, path with `{name}` placeholders]. */
const ID_ROUTES: [string, string][] = [
  ['GET', '/v1/notifications/{notificationId}'],
  ['DELETE', '/v1/notifications/{notificationId}'],
  ['POST', '/v1/notifications/{notificationId}/read'],
  ['POST', '/v1/notifications/{notificationId}/unread'],
  ['POST', '/v1/notifications/{notificationId}/actions/{actionId}'],
  ['POST', '/v1/invitations/{invitationId}/accept'],
  ['POST', '/v1/invitations/{invitationId}/decline'],
  ['GET', '/v1/tracks/{trackId}'],
];

/** Real ids of user A, so that only the one mis-encoded parameter is wrong. */
async function realIds(): Promise<Record<string, string>> {
  const notification = (await api<NotificationPage>('GET', '/v1/notifications?limit=1')).body.items[0]!;
  const invitation = (await api<InvitationList>('GET', '/v1/invitations')).body.items[0]!;
  const track = (await api<TrackList>('GET', '/v1/tracks')).body.items[0]!;
  return {
    notificationId: notification.id,
    invitationId: invitation.id,
    trackId: track.id,
    actionId: 'feedback-resolved',
  };
}

const counts = async (): Promise<Counts> => (await api<Counts>('GET', '/v1/counts')).body;

describe('path ids that are not percent-encoded UTF-8', () => {
  it('get a 400 naming the parameter, after the token check, and change nothing', async () => {
    const ids = await realIds();
    const before = await counts();
    for (const [method, template] of ID_ROUTES) {
      for (const name of template.match(/\{\w+\}/g)!.map((placeholder) => placeholder.slice(1, -1))) {
        for (const bad of MISENCODED) {
          const path = template.replace(/\{(\w+)\}/g, (_, param: string) =>
            param === name ? bad : encodeURIComponent(ids[param]!),
          );
          const reply = await api<Problem>(method, path);
          assert.equal(reply.status, 400, `${method} ${path}`);
          assert.equal(reply.body.type, 'urn:pd-notify:problem:validation', `${method} ${path}`);
          assert.equal(reply.body.field, name, `${method} ${path}`);
          const anonymous = await api(method, path, { token: null });
          assert.equal(anonymous.status, 401, `${method} ${path} without a token`);
        }
      }
    }
    assert.deepEqual(await counts(), before);
  });
});

describe('bodies', () => {
  it('refuses a JSON body that is not an object with a 400 naming the body, and changes nothing', async () => {
    const { id } = (await api<NotificationPage>('GET', '/v1/notifications?limit=1')).body.items[0]!;
    await api('POST', `/v1/notifications/${id}/unread`);
    const before = await counts();
    assert.ok(before.unreadNotifications > 0);
    for (const raw of ['[]', '[1,2]', '[[[]]]', '[{}]', '"upToId"', '42', 'true', 'null']) {
      for (const [method, path] of [
        ['POST', '/v1/notifications/read-all'],
        ['PUT', '/v1/preferences'],
      ] as const) {
        const reply = await api<Problem>(method, path, { raw, headers: { 'Content-Type': 'application/json' } });
        assert.equal(reply.status, 400, `${method} ${path} ${raw}`);
        assert.equal(reply.body.type, 'urn:pd-notify:problem:validation');
        assert.equal(reply.body.field, '', `${method} ${path} ${raw}: the field is the body itself`);
      }
    }
    assert.deepEqual(await counts(), before, 'nothing was marked read');
  });

  it('reads application/json bodies only (UTF-8 or no charset); any other type is a 415', async () => {
    const current = (await api<Preferences>('GET', '/v1/preferences')).body;
    const update = JSON.stringify({
      version: current.version,
      categories: current.categories,
      reminderLeadDays: current.reminderLeadDays,
    });
    for (const type of [
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/vnd.api+json',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json; charset=iso-8859-1',
      'text/json',
      'text/plain',
      'application/jsonx',
      'application/x-www-form-urlencoded',
    ]) {
      for (const [method, path, raw] of [
        ['PUT', '/v1/preferences', update],
        ['POST', '/v1/notifications/read-all', '{}'],
      ] as const) {
        const reply = await api<Problem>(method, path, { raw, headers: { 'Content-Type': type } });
        assert.equal(reply.status, 415, `${method} ${path} as ${type}`);
        assert.equal(reply.body.type, 'urn:pd-notify:problem:unsupported-media-type');
      }
    }
    assert.equal((await api<Preferences>('GET', '/v1/preferences')).body.version, current.version, 'nothing saved');
    let version = current.version;
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'application/json; charset="utf-8"',
      'Application/JSON',
    ]) {
      const body = JSON.stringify({ ...JSON.parse(update), version });
      const reply = await api<Preferences>('PUT', '/v1/preferences', { raw: body, headers: { 'Content-Type': type } });
      assert.equal(reply.status, 200, type);
      version = reply.body.version;
    }
  });

  it('refuses a body over its limit (4 MiB is over any sensible one) with 413', async () => {
    const raw = JSON.stringify({ upToId: 'x'.repeat(4 * 1024 * 1024) });
    const reply = await api<Problem>('POST', '/v1/notifications/read-all', {
      raw,
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(reply.status, 413);
    assert.equal(reply.body.type, 'urn:pd-notify:problem:payload-too-large');
  });
});

describe('methods', () => {
  it('answers a method a path does not have with 405 and the Allow header', async () => {
    const ids = await realIds();
    const templates = Object.keys(openApi.paths);
    for (const template of templates) {
      const path = template.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(ids[param]!));
      // Every documented path this one matches: /read-all is also a notification id to GET or DELETE.
      const methods = templates
        .filter((other) => new RegExp(`^${other.replace(/\{\w+\}/g, '[^/]+')}$`).test(path))
        .flatMap((other) => Object.keys(openApi.paths[other]!).filter((key) => key !== 'parameters'))
        .map((method) => method.toUpperCase());
      const allowed = new Set([...methods, ...(methods.includes('GET') ? ['HEAD'] : [])]);
      for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'].filter((m) => !allowed.has(m))) {
        const reply = await api<Problem>(method, path);
        assert.equal(reply.status, 405, `${method} ${path}`);
        const allow = (reply.headers.get('allow') ?? '').split(/\s*,\s*/).filter(Boolean);
        assert.deepEqual(new Set(allow), allowed, `${method} ${path}: Allow: ${reply.headers.get('allow')}`);
      }
    }
  });

  it('answers HEAD wherever GET is answered: the same status and headers, no body', async () => {
    const ids = await realIds();
    for (const [template, item] of Object.entries(openApi.paths)) {
      if (!('get' in item) || template === '/v1/events') continue;
      const path = template.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(ids[param]!));
      const headers = { Authorization: `Bearer ${target().tokenA}` };
      const get = await rawRequest(target().url, { target: path, headers });
      const head = await rawRequest(target().url, { method: 'HEAD', target: path, headers });
      assert.equal(head.status, get.status, `HEAD ${path}`);
      assert.equal(head.body.length, 0, `HEAD ${path} has no body`);
      for (const name of ['content-type', 'content-length', 'etag', 'cache-control', 'vary']) {
        assert.equal(head.headers[name], get.headers[name], `HEAD ${path}: ${name}`);
      }
      assertDocumented('HEAD', path, {
        status: head.status,
        headers: new Headers(head.headers),
        contentType: head.headers['content-type'] ?? '',
        body: '',
      });
    }
  });

  it('answers HEAD on the event stream with its headers and no body', async () => {
    const head = await rawRequest(target().url, {
      method: 'HEAD',
      target: '/v1/events',
      headers: { Authorization: `Bearer ${target().tokenA}`, Accept: 'text/event-stream' },
    });
    assert.equal(head.status, 200);
    assert.match(head.headers['content-type'] ?? '', /^text\/event-stream/);
    assert.equal(head.body.length, 0);
  });
});

describe('authentication scheme', () => {
  it('accepts the Bearer scheme in any case (RFC 9110 §11.1), then one or more spaces (§11.4)', async () => {
    const me = (await api<User>('GET', '/v1/me')).body;
    for (const credentials of ['bearer', 'BEARER', 'bEaReR', 'Bearer  '].map(
      (scheme) => `${scheme} ${target().tokenA}`,
    )) {
      const reply = await api<User>('GET', '/v1/me', { token: null, headers: { Authorization: credentials } });
      assert.equal(reply.status, 200, credentials);
      assert.deepEqual(reply.body, me);
    }
  });
});

describe('compression', () => {
  it('never compresses the event stream, whatever the client accepts', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL('/v1/events', target().url), {
      headers: {
        Authorization: `Bearer ${target().tokenA}`,
        Accept: 'text/event-stream',
        'Accept-Encoding': 'br, gzip, deflate',
      },
      signal: controller.signal,
    });
    try {
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-encoding'), null);
    } finally {
      controller.abort();
    }
  });
});
