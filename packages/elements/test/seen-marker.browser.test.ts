/**
 * SeenMarker (issue #24): a row at least half visible for a second, in a shown
 * panel of a visible page, is marked seen, in one batch; nothing else is, and
 * nothing twice. No fixed sleeps: "nothing happened by now" is checked once a
 * second marker, started no earlier, has marked its own rows (the control).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { eventually } from './helpers.js';
import { SeenListHost, type MarkCall } from './seen-marker-host.js';

/** Resolves with the time (`performance.now()`) once rows `indexes` of `host` are at least half visible in its list. */
function whenVisible(host: SeenListHost, indexes: number[]): Promise<number> {
  return new Promise((resolve) => {
    const visible = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = Number((entry.target as HTMLElement).dataset.index);
          if (entry.isIntersecting && entry.intersectionRatio >= 0.5) visible.add(index);
          else visible.delete(index);
        }
        if (indexes.every((index) => visible.has(index))) {
          observer.disconnect();
          resolve(performance.now());
        }
      },
      { root: host.list, threshold: 0.5 },
    );
    for (const index of indexes) observer.observe(host.list.querySelector(`[data-index="${index}"]`)!);
  });
}

/** Waits until `host` has had `count` mark() calls, and gives them. */
async function untilCalls(host: { calls: MarkCall[] }, count: number, timeoutMs = 8000): Promise<MarkCall[]> {
  return eventually(() => {
    expect(host.calls.length, 'mark() calls').to.be.at.least(count);
    return host.calls;
  }, timeoutMs);
}

const ids = (...indexes: number[]) => indexes.map((index) => `n${index}`);
const sent = (host: { calls: MarkCall[] }) => host.calls.flatMap((call) => call.ids);

async function listHost(setup: (host: SeenListHost) => void = () => {}): Promise<SeenListHost> {
  const host = document.createElement('seen-list-host');
  setup(host);
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(host);
  await host.updateComplete;
  return host;
}

/**
 * A control host in an iframe: its own document, so its own `document.hidden`.
 * Resolves with it once it has been rendered.
 */
async function hostInFrame(): Promise<SeenListHost> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe title="control" style="width:320px;height:240px;border:0"></iframe>`,
  );
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  // An absolute URL: WebKit resolves a root-relative one in a srcdoc document against about:srcdoc.
  const src = new URL('/packages/elements/test/seen-marker-host.ts', location.href).href;
  frame.srcdoc = `<!doctype html><html lang="en"><body style="margin:0"><seen-list-host></seen-list-host>
    <script type="module" src="${src}"></script></body></html>`;
  await loaded;
  const view = frame.contentWindow!;
  await view.customElements.whenDefined('seen-list-host');
  const host = view.document.querySelector('seen-list-host') as unknown as SeenListHost;
  await host.updateComplete;
  return host;
}

describe('SeenMarker', () => {
  afterEach(() => {
    delete (document as { hidden?: boolean }).hidden;
  });

  it('marks the unseen rows visible for a second, in one batch, and none already seen', async () => {
    const host = await listHost((h) => (h.items[1]!.seen = true));
    const visibleAt = await whenVisible(host, [0, 1, 2, 3]);
    const [call] = await untilCalls(host, 1);
    expect([...call!.ids].sort()).to.deep.equal(ids(0, 2, 3));
    expect(call!.at - visibleAt, 'ms from in view to mark()').to.be.at.least(1000);
    // Row 4 is below the list's 200 px: never in view.
    expect(sent(host)).to.not.include('n4');
  });

  it('does not mark rows scrolled out before their second; marks those scrolled to', async () => {
    const host = await listHost();
    const visibleAt = await whenVisible(host, [0, 1, 2, 3]);
    host.list.scrollTop = 500; // rows 10–13
    expect(performance.now() - visibleAt, 'scrolled within the second').to.be.below(1000);
    await whenVisible(host, [10, 11, 12, 13]);
    // Rows 0–3 had their second first: had their timers run, they would be in this batch or an earlier one.
    const [call] = await untilCalls(host, 1);
    expect([...call!.ids].sort()).to.deep.equal(ids(10, 11, 12, 13));
  });

  it('never sends an id twice, even while it does not show as seen', async () => {
    const host = await listHost((h) => (h.showsSeen = false));
    await untilCalls(host, 1);
    expect([...host.calls[0]!.ids].sort()).to.deep.equal(ids(0, 1, 2, 3));
    // Rows 2–5 in view: 2 and 3 were sent already (and still look unseen), 4 and 5 are new.
    host.list.scrollTop = 100;
    host.requestUpdate();
    await untilCalls(host, 2);
    expect([...host.calls[1]!.ids].sort()).to.deep.equal(ids(4, 5));
    // Back to the top, and more updates: only a new row is sent (rows 0–3 were on screen as long).
    host.items.unshift({ id: 'fresh', seen: false });
    host.requestUpdate();
    host.list.scrollTop = 0;
    await untilCalls(host, 3);
    expect(host.calls[2]!.ids).to.deep.equal(['fresh']);
    const all = sent(host);
    expect(new Set(all).size, all.join(' ')).to.equal(all.length);
  });

  it('sends at most 100 ids per call', async () => {
    const host = await listHost((h) => {
      h.items = Array.from({ length: 150 }, (_, index) => ({ id: `n${index}`, seen: false }));
      h.style.setProperty('--row', '1px');
    });
    await untilCalls(host, 2);
    expect(host.calls.map((call) => call.ids.length)).to.deep.equal([100, 50]);
    expect(new Set(sent(host)).size).to.equal(150);
  });

  it('a hidden panel marks nothing; shown, its rows are marked after a second', async () => {
    const hidden = await listHost((h) => (h.shown = false));
    await whenVisible(hidden, [0, 1, 2, 3]);
    const control = await listHost();
    await untilCalls(control, 1);
    expect(hidden.calls).to.deep.equal([]);

    hidden.shown = true;
    hidden.requestUpdate();
    const shownAt = performance.now();
    const [call] = await untilCalls(hidden, 1);
    expect([...call!.ids].sort()).to.deep.equal(ids(0, 1, 2, 3));
    expect(call!.at - shownAt).to.be.at.least(1000);
  });

  it('closing the panel before the second is up cancels it', async () => {
    const host = await listHost();
    const visibleAt = await whenVisible(host, [0, 1, 2, 3]);
    host.shown = false;
    host.requestUpdate();
    await host.updateComplete;
    expect(performance.now() - visibleAt, 'closed within the second').to.be.below(1000);
    const control = await listHost();
    await untilCalls(control, 1);
    expect(host.calls).to.deep.equal([]);
  });

  it('marks nothing while the page is hidden; once it is visible again, after a second', async () => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    const host = await listHost();
    await whenVisible(host, [0, 1, 2, 3]);
    // The control's page is visible: its rows, in view no earlier than these, get marked.
    const control = await hostInFrame();
    await untilCalls(control, 1);
    expect(host.calls).to.deep.equal([]);

    delete (document as { hidden?: boolean }).hidden;
    document.dispatchEvent(new Event('visibilitychange'));
    const visibleAt = performance.now();
    const [call] = await untilCalls(host, 1);
    expect([...call!.ids].sort()).to.deep.equal(ids(0, 1, 2, 3));
    expect(call!.at - visibleAt).to.be.at.least(1000);
  });

  it('a page hidden before the second is up cancels it', async () => {
    const host = await listHost();
    const visibleAt = await whenVisible(host, [0, 1, 2, 3]);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(performance.now() - visibleAt, 'hidden within the second').to.be.below(1000);
    const control = await hostInFrame();
    await untilCalls(control, 1);
    expect(host.calls).to.deep.equal([]);
  });

  it('a rejected mark() is sent again the next time its rows are seen', async () => {
    const host = await listHost((h) => (h.failing = true));
    await untilCalls(host, 1);
    host.failing = false;
    // Scrolled away and back: seen again.
    host.list.scrollTop = 500;
    await whenVisible(host, [10, 11, 12, 13]);
    host.list.scrollTop = 0;
    const calls = await eventually(() => {
      expect(sent(host).filter((id) => id === 'n0')).to.have.length(2);
      return host.calls;
    });
    expect([...calls[0]!.ids].sort()).to.deep.equal(ids(0, 1, 2, 3));
    expect(calls.flatMap((call) => call.ids).filter((id) => ['n0', 'n1', 'n2', 'n3'].includes(id))).to.have.length(8);
  });

  it('a host removed before the second is up marks nothing', async () => {
    const host = await listHost();
    const visibleAt = await whenVisible(host, [0, 1, 2, 3]);
    host.remove();
    expect(performance.now() - visibleAt, 'removed within the second').to.be.below(1000);
    const control = await listHost();
    await untilCalls(control, 1);
    expect(host.calls).to.deep.equal([]);
  });

  it('a row reused for another notification counts its second for the new one only', async () => {
    const host = await listHost();
    const visibleAt = await whenVisible(host, [0, 1, 2, 3]);
    // The same row elements now show other notifications (as a virtualized list reuses rows).
    host.items = host.items.map((item) => ({ id: `re-${item.id}`, seen: false }));
    host.requestUpdate();
    await host.updateComplete;
    const changedAt = performance.now();
    expect(changedAt - visibleAt, 'changed within the second').to.be.below(1000);
    const [call] = await untilCalls(host, 1);
    expect([...call!.ids].sort()).to.deep.equal(['re-n0', 're-n1', 're-n2', 're-n3']);
    expect(call!.at - changedAt).to.be.at.least(1000);
  });
});
