/**
 * The reference server as a real browser page meets it: a cross-origin call with
 * a bearer token (CORS preflight), readable ETags and problem bodies, and the
 * event stream read over fetch with the client's parser.
 */
import { expect } from '@open-wc/testing';
import { SseParser, type SseMessage } from '../src/index.js';

declare global {
  interface Window {
    PD_SERVER_URL: string;
  }
}

const base = (): string => window.PD_SERVER_URL;
const auth = { Authorization: 'Bearer demo-alice' };

describe('the reference server from a browser page on another origin', () => {
  it('answers an authorised cross-origin call and exposes the ETag', async () => {
    expect(new URL(base()).origin).to.not.equal(location.origin);
    const response = await fetch(`${base()}/v1/counts`, { headers: auth });
    expect(response.status).to.equal(200);
    expect(response.headers.get('etag')).to.match(/^".+"$/);
    const counts = (await response.json()) as { unreadNotifications: number };
    expect(counts.unreadNotifications).to.be.a('number');
  });

  it('gives readable problem+json errors', async () => {
    const response = await fetch(`${base()}/v1/counts`);
    expect(response.status).to.equal(401);
    expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    const problem = (await response.json()) as { type: string };
    expect(problem.type).to.equal('urn:pd-notify:problem:unauthorized');
  });

  it('streams events over fetch; a change made elsewhere arrives live', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base()}/v1/events`, { headers: auth, signal: controller.signal });
    expect(response.headers.get('content-type')).to.match(/^text\/event-stream/);
    const events: SseMessage[] = [];
    const parser = new SseParser({ onEvent: (event) => events.push(event) });
    const reader = response.body!.getReader();
    const waitFor = async (name: string): Promise<SseMessage> => {
      for (;;) {
        const found = events.find((event) => event.event === name);
        if (found) return found;
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${name}`);
        parser.feed(value);
      }
    };
    await waitFor('ready');
    const control = await fetch(`${base()}/control/act`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        action: 'notify',
        userId: 'alice',
        type: 'service-announcement',
        title: '<img src=x onerror=alert(1)>',
        message: 'Hello',
      }),
    });
    expect(control.status).to.equal(200);
    const created = await waitFor('notification.created');
    expect(JSON.parse(created.data).title).to.equal('<img src=x onerror=alert(1)>');
    controller.abort();
  });
});
