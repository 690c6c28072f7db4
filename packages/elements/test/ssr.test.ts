/**
 * `@pd-notify/elements/ssr` in Node (issue #26): the bell, the feed's closed state
 * and the invitations badge render to declarative shadow DOM with the snapshot's
 * counts, in its language, without a window or a document; the nonce reaches every
 * `<style>`; two pages rendered at once keep their own data; the snapshot's script
 * cannot be ended by text inside it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html } from 'lit';
import { renderToString, snapshotScript, type ClientSnapshot } from '../src/ssr/index.js';

function snapshotOf(counts: { unread: number; unseen?: number; invitations: number }, locale = 'en'): ClientSnapshot {
  return {
    version: 1,
    baseUrl: 'https://notify.example.com',
    userId: 'alice',
    locale,
    lastEventId: 'e1-41',
    tokenHash: null,
    areas: {
      counts: {
        unreadNotifications: counts.unread,
        unseenNotifications: counts.unseen ?? counts.unread,
        pendingInvitations: counts.invitations,
      },
    },
  };
}

const header = html`<pd-provider base-url="https://notify.example.com" snapshot="pd-snapshot">
  <pd-activity-feed href="/activity"></pd-activity-feed>
  <pd-bell-badge counter="invitations"></pd-bell-badge>
  <pd-bell-badge badge="unseen"></pd-bell-badge>
</pd-provider>`;

/** Each element's badge text (or `hidden`) and its bell's name and description, in document order. */
function bells(rendered: string): { tag: string; badge: string; name: string; description: string; control: string }[] {
  const found = [];
  for (const match of rendered.matchAll(/<(pd-activity-feed|pd-bell-badge)[^>]*>([\s\S]*?)<\/\1>/g)) {
    const [, tag, inside] = match as unknown as [string, string, string];
    const control = /<(a|button)\b[^>]*part="bell"/.exec(inside)?.[1] ?? '';
    const name = /aria-label="([^"]*)"/.exec(inside)?.[1] ?? '';
    const badge = /class="badge" aria-hidden="true"( hidden)?\s*><span dir="ltr"><!--lit-part-->([^<]*)</.exec(inside);
    const description = /id="bell-description" hidden><!--lit-part-->([^<]*)</.exec(inside)?.[1] ?? '';
    found.push({ tag, badge: badge?.[1] ? 'hidden' : (badge?.[2] ?? ''), name, description, control });
  }
  return found;
}

describe('server rendering of the bell, the feed and the invitations badge', () => {
  it('shows the snapshot’s counts in declarative shadow DOM, without a window or a document', async () => {
    const rendered = await renderToString(header, { snapshot: snapshotOf({ unread: 8, unseen: 5, invitations: 3 }) });
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    assert.match(rendered, /<pd-activity-feed[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.deepEqual(bells(rendered), [
      {
        tag: 'pd-activity-feed',
        badge: '8',
        name: 'Notifications',
        description: '8 unread notifications',
        control: 'a',
      },
      {
        tag: 'pd-bell-badge',
        badge: '3',
        name: 'Invitations',
        description: '3 pending invitations',
        control: 'button',
      },
      {
        tag: 'pd-bell-badge',
        badge: '5',
        name: 'Notifications',
        description: '5 new notifications',
        control: 'button',
      },
    ]);
  });

  it('0 hides the badge, over 99 shows 99+', async () => {
    const rendered = await renderToString(header, { snapshot: snapshotOf({ unread: 0, invitations: 150 }) });
    assert.deepEqual(
      bells(rendered).map(({ badge }) => badge),
      ['hidden', '99+', 'hidden'],
    );
  });

  it('in the snapshot’s language (French), the element’s own `locale` first', async () => {
    const snapshot = snapshotOf({ unread: 2, invitations: 1 }, 'fr');
    const rendered = await renderToString(header, { snapshot });
    assert.deepEqual(
      bells(rendered).map(({ name }) => name),
      ['Notifications', 'Invitations', 'Notifications'],
    );
    assert.equal(bells(rendered)[0]!.description, '2 notifications non lues');
    const english = await renderToString(html`<pd-bell-badge locale="en"></pd-bell-badge>`, { snapshot });
    assert.equal(bells(english)[0]!.description, '2 unread notifications');
  });

  it('gives the nonce to every style, and holds no token', async () => {
    const rendered = await renderToString(header, {
      snapshot: snapshotOf({ unread: 1, invitations: 0 }),
      nonce: 'r4nd"om',
    });
    const styles = rendered.match(/<style[^>]*>/g) ?? [];
    assert.equal(styles.length, 4);
    assert.deepEqual(new Set(styles), new Set(['<style nonce="r4nd&quot;om">']));
    assert.doesNotMatch(rendered, /token|Bearer/i);
  });

  it('two pages rendered at once keep their own counts', async () => {
    const [a, b] = await Promise.all([
      renderToString(header, { snapshot: snapshotOf({ unread: 11, invitations: 1 }) }),
      renderToString(header, { snapshot: snapshotOf({ unread: 22, invitations: 2 }, 'fr') }),
    ]);
    assert.deepEqual(
      bells(a).map(({ badge }) => badge),
      ['11', '1', '11'],
    );
    assert.deepEqual(
      bells(b).map(({ badge }) => badge),
      ['22', '2', '22'],
    );
  });

  it('the snapshot’s script cannot be ended by the data inside it', () => {
    const snapshot = snapshotOf({ unread: 1, invitations: 0 });
    snapshot.userId = '</script><script>alert(1)</script>\u2028';
    const script = snapshotScript(snapshot, { id: 'pd-snapshot' });
    assert.equal(script.match(/<\/script>/g)?.length, 1);
    assert.ok(script.startsWith('<script type="application/json" id="pd-snapshot">'));
    const json = script.slice(script.indexOf('>') + 1, -'</script>'.length);
    assert.deepEqual(JSON.parse(json), snapshot);
  });
});
