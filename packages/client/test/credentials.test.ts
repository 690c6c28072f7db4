/** The client's token goes to its server only, and it never asks the browser to send cookies. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientFor, control, eventually, recordingFetch, until, referenceServerForFile } from './helpers.js';

const server = referenceServerForFile({ seed: 'demo', control: true });

describe('credentials', () => {
  it('sends the bearer token only to baseUrl, over every kind of request, and never with credentials: include', async () => {
    const { fetch, calls } = recordingFetch();
    const client = clientFor(server(), { fetch });
    const { items } = await until(client.$notifications, (state) => state.status === 'ready' && state.items.length > 0);
    const first = items[0]!;
    await client.markRead(first.id);
    await client.dismiss(first.id);
    await client.markAllRead();
    await control(server(), '/control/streams/drop');
    await eventually(() => assert.ok(calls.filter((call) => call.path === '/v1/events').length >= 2));
    client.stop();
    assert.ok(calls.length > 8);
    const origin = new URL(server().url).origin;
    for (const call of calls) {
      assert.equal(call.origin, origin, `${call.method} ${call.path}`);
      assert.equal(call.authorization, 'Bearer demo-alice');
      assert.notEqual(call.credentials, 'include', `${call.method} ${call.path}`);
    }
  });

  it('refuses a baseUrl that is not http(s), before sending anything', () => {
    const { fetch, calls } = recordingFetch();
    for (const baseUrl of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/plain,x', 'not a url']) {
      assert.throws(() => clientFor(server(), { fetch, baseUrl }), TypeError, baseUrl);
    }
    assert.equal(calls.length, 0);
  });
});
