/**
 * Every story in this engine (Chromium, Firefox, WebKit): it renders and plays
 * its steps without an error, and axe finds nothing, with the story's own axe
 * options (as the a11y addon runs it). The static Storybook is served under
 * `/storybook/` by the test runner's config; each story opens in a frame of its
 * own, as Storybook's canvas shows it. The looks and the docs pages are checked
 * in Chromium by the Node tests beside this file.
 */
import { expect } from '@open-wc/testing';
import { eventually } from '../../packages/client/test/eventually.js';

interface Entry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

interface StoryWindow extends Window {
  __STORYBOOK_PREVIEW__?: {
    currentRender?: { id?: string; phase?: string; story?: { parameters?: { a11y?: { options?: object } } } };
  };
  axe?: {
    run: (context: Element, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
  };
}

const index = (await (await fetch('/storybook/index.json')).json()) as { entries: Record<string, Entry> };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

/** Opens `id` in a fresh frame and waits until its render (and steps) ended: its window. */
async function open(id: string): Promise<{ frame: HTMLIFrameElement; win: StoryWindow }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  frame.title = id;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/storybook/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as StoryWindow;
  await eventually(
    () => expect(['completed', 'finished', 'errored']).to.include(win.__STORYBOOK_PREVIEW__?.currentRender?.phase),
    30_000,
  );
  return { frame, win };
}

/** The story's axe violations, once the animations that end have ended (shadow roots included). */
async function violations(win: StoryWindow): Promise<string[]> {
  const doc = win.document;
  const roots: (Document | ShadowRoot)[] = [doc];
  for (let at = 0; at < roots.length; at++) {
    for (const element of roots[at]!.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  await Promise.all(
    roots
      .flatMap((root) => root.getAnimations())
      .filter((animation) => animation.playState === 'running')
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
      .map((animation) => animation.finished.catch(() => {})),
  );
  if (!win.axe) {
    const script = doc.createElement('script');
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    script.src = '/node_modules/axe-core/axe.min.js';
    doc.head.append(script);
    await loaded;
  }
  const options = win.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.a11y?.options ?? {};
  const result = await win.axe!.run(doc.querySelector('#storybook-root')!, options);
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe(`every story in ${(window as { PD_ENGINE?: string }).PD_ENGINE ?? 'this engine'}`, () => {
  it('the Storybook has stories', () => {
    expect(stories.length).to.be.greaterThan(50);
  });

  for (const story of stories) {
    it(`${story.title} › ${story.name}: renders, plays its steps and is axe-clean`, async function () {
      this.timeout(60_000);
      const errors: string[] = [];
      const { frame, win } = await open(story.id);
      try {
        win.addEventListener('error', (event) => errors.push(event.message));
        expect(win.__STORYBOOK_PREVIEW__?.currentRender?.phase, 'the story errored').to.not.equal('errored');
        expect(win.document.body.classList.contains('sb-show-errordisplay'), 'Storybook shows an error').to.equal(
          false,
        );
        expect(win.document.querySelector('#storybook-root')!.childElementCount, 'rendered nothing').to.be.greaterThan(
          0,
        );
        expect(await violations(win)).to.deep.equal([]);
        expect(errors).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }
});
